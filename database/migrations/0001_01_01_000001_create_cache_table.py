"""Create the cache and cache_locks tables (the database cache store)."""

from protevus.database import Migration
from protevus.facades import Schema


class CreateCacheTable(Migration):
    def up(self) -> None:
        """Run the migrations."""
        with Schema.create("cache") as table:
            table.string("key").primary()
            table.medium_text("value")
            table.integer("expiration")

        with Schema.create("cache_locks") as table:
            table.string("key").primary()
            table.string("owner")
            table.integer("expiration")

    def down(self) -> None:
        """Reverse the migrations."""
        Schema.drop_if_exists("cache")
        Schema.drop_if_exists("cache_locks")
