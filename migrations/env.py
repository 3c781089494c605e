"""Alembic's environment for Byline.

The app hands over its own connection (``config.attributes["connection"]``),
already inside the transaction and lock that `models.upgrade_database` holds;
otherwise the ``sqlalchemy.url`` option names the database.
"""

from alembic import context
from sqlalchemy import Connection, create_engine, pool

import models

models.load_models()
target_metadata = models.db.metadata


def run_migrations(connection: Connection) -> None:
    """Run the migrations on one connection."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite changes most columns by copying the table: batch operations do that.
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    """Write the SQL to standard output instead of running it."""
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
elif (shared := context.config.attributes.get("connection")) is not None:
    run_migrations(shared)
else:
    engine = create_engine(
        context.config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool
    )
    with engine.connect() as connection:
        run_migrations(connection)
