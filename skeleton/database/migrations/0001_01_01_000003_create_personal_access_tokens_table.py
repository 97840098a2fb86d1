"""Create the personal_access_tokens table (hashed API tokens of the token guard)."""

from protevus.database import Migration
from protevus.facades import Schema


class CreatePersonalAccessTokensTable(Migration):
    def up(self) -> None:
        """Run the migrations."""
        with Schema.create("personal_access_tokens") as table:
            table.id()
            table.morphs("tokenable")
            table.text("name")
            table.string("token", 64).unique()
            table.text("abilities").nullable()
            table.timestamp("last_used_at").nullable()
            table.timestamp("expires_at").nullable().index()
            table.timestamps()

    def down(self) -> None:
        """Reverse the migrations."""
        Schema.drop_if_exists("personal_access_tokens")
