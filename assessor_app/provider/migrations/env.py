"""Alembic environment of the provider's database: runs on the connection the store hands over."""

from alembic import context

from assessor_app.provider.models import ProviderBase

#: the provider's own version table: its database is not the workstation's
VERSION_TABLE = "provider_schema_version"


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=ProviderBase.metadata,
                      render_as_batch=True, version_table=VERSION_TABLE)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
