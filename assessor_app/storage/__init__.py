"""The embedded store: SQLAlchemy models on SQLite, migrations, repositories."""
