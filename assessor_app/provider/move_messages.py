"""What ``assessor provider move`` says (codes ``provider.move.*``): why it refuses, what it copied,
and what the operator does next. Paths, URLs (without their password) and buckets are named; a
secret never is."""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

# ---------------------------------------------------------------- refusals (nothing was written)
NO_DATABASE = Message("provider.move.no_database",
                      "there is no provider database in {folder} (provider.db): there is nothing to move")
ALREADY_MOVED = Message("provider.move.already_moved",
                        "the provider database in {folder} was moved already (it is kept as {moved}): serve "
                        "the provider with the --database-url it was moved to")
NOT_POSTGRESQL = Message("provider.move.not_postgresql",
                         "--to-database-url must name a PostgreSQL database "
                         "(postgresql+psycopg://USER@HOST:5432/DATABASE), not {url}")
ENDPOINT_ALONE = Message("provider.move.endpoint_alone",
                         "--s3-endpoint is given without --to-object-store: add --to-object-store "
                         "s3://BUCKET to move the held bundles too, or leave --s3-endpoint out")
RUNNING = Message("provider.move.running",
                  "the provider database {path} is open in another process: stop `assessor provider serve`, "
                  "every `assessor provider worker` and any other provider command on this folder, then "
                  "move it")
OLD_REVISION = Message("provider.move.old_revision",
                       "the provider database in {folder} is at schema revision {revision}, not this "
                       "version's {current}: run the provider once with this version to upgrade it (for "
                       "example `assessor provider list --folder {folder}`), then move it")
UNKNOWN_REVISION = Message("provider.move.unknown_revision",
                           "the database {where} is at schema revision {revision}, which this version does "
                           "not know: move it with the version that made it")
TARGET_NOT_EMPTY = Message("provider.move.target_not_empty",
                           "the database {url} already holds a provider's records (table {table} has "
                           "rows): a provider moves only into an empty database; nothing was written")
COPY_FAILED = Message("provider.move.copy_failed",
                      "copying table {table} into {url} failed: {detail}; nothing was written there, and "
                      "the SQLite database is as it was")
COUNT_MISMATCH = Message("provider.move.count_mismatch",
                         "after the copy table {table} holds {copied} rows in {url} but {expected} in the "
                         "SQLite database: nothing was written there, and the SQLite database is as it was")
UNREADABLE = Message("provider.move.unreadable", "the file {path} cannot be read: {detail}")
NOT_VERIFIED = Message("provider.move.not_verified",
                       "{key} in the bucket {bucket} is not what was put ({detail}): it was removed; run "
                       "the same command again")
OBJECTS_STOPPED = Plural("provider.move.objects_stopped",
                         "{reason}. {n} object is in the bucket so far: run the same command again, it skips "
                         "what is there; the SQLite database was not touched",
                         "{reason}. {n} objects are in the bucket so far: run the same command again, it "
                         "skips what is there; the SQLite database was not touched")
INTERRUPTED = Message("provider.move.interrupted",
                      "interrupted: no row was written to the database, and the SQLite database is as it "
                      "was; run the same command again (objects already in the bucket are not put again)")

# ---------------------------------------------------------------- what it did
HEADER = Message("provider.move.header", "Moved the provider in {folder}:")
DRY_HEADER = Message("provider.move.dry_header",
                     "Dry run, nothing is written. Moving the provider in {folder} would copy:")
TABLE_ROWS = Plural("provider.move.table_rows", "  {table}: {n} row", "  {table}: {n} rows")
ROWS_COPIED = Plural("provider.move.rows_copied",
                     "{n} row from {tables} tables copied into {url} in one transaction; each table's count "
                     "was checked there",
                     "{n} rows from {tables} tables copied into {url} in one transaction; each table's count "
                     "was checked there")
ROWS_WOULD = Plural("provider.move.rows_would", "{n} row from {tables} tables would be copied into {url}",
                    "{n} rows from {tables} tables would be copied into {url}")
OBJECTS_PUT = Plural("provider.move.objects_put", "{n} object ({mb} MB) put into {store}",
                     "{n} objects ({mb} MB) put into {store}")
OBJECTS_SKIPPED = Plural("provider.move.objects_skipped",
                         "{n} object ({mb} MB) was there already with the right size: not put again",
                         "{n} objects ({mb} MB) were there already with the right size: not put again")
OBJECTS_WOULD = Plural("provider.move.objects_would",
                       "{n} object ({mb} MB) would be put into {store}; {there} there already would be left",
                       "{n} objects ({mb} MB) would be put into {store}; {there} there already would be left")
VERIFIED = Message("provider.move.verified",
                   "Each object put was checked in the bucket: its size, and for files up to {limit} MiB the "
                   "SHA-256 of what was read back; a bundle's files were first checked against the hashes "
                   "its manifests seal")
DAMAGED = Message("provider.move.damaged",
                  "  {key}: its SHA-256 in the folder is not the one its bundle seals (it was damaged there "
                  "already); copied as it is")
MISSING = Message("provider.move.missing",
                  "  {what}: recorded, but not in the folder; nothing to put")
OBJECTS_STAY = Message("provider.move.objects_stay",
                       "Held bundles and derived media stay in the folder (no --to-object-store).")
TOOK = Message("provider.move.took", "Took {took_s}.")
KEPT = Message("provider.move.kept",
               "The SQLite database is kept as {path}, renamed so that nothing reads it by mistake.")
MAY_DELETE = Message("provider.move.may_delete",
                     "Once the provider serves from its new place and you have checked it, you may delete "
                     "from {folder}: {what}.")
MUST_STAY = Message("provider.move.must_stay",
                    "keys/ stays in the folder: the provider's signing key (copy it to every machine that "
                    "serves this provider); so do uploads/, quarantine/ and the anonymised media in "
                    "derivatives/anon-*.")
NEXT = Message("provider.move.next",
               "Serve it from now on with (a password shown as *** is best kept in PGPASSWORD or ~/.pgpass):")

# ---------------------------------------------------------------- progress, on stderr
ROWS_PROGRESS = Message("provider.move.rows_progress", "... table {table}: {done} of {total} rows copied")
OBJECTS_PROGRESS = Message("provider.move.objects_progress",
                           "... {done} of {total} held bundles and proxies done, {mb} MB put")
