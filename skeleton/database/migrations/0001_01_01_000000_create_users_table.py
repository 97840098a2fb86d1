"""Create the users, password_reset_tokens and sessions tables."""

from protevus.database import Migration
from protevus.facades import Schema


class CreateUsersTable(Migration):
    def up(self) -> None:
        """Run the migrations."""
        with Schema.create("users") as table:
            table.id()
            table.string("name")
            table.string("email").unique()
            table.timestamp("email_verified_at").nullable()
            table.string("password")
            table.remember_token()
            table.timestamps()

        with Schema.create("password_reset_tokens") as table:
            table.string("email").primary()
            table.string("token")
            table.timestamp("created_at").nullable()

        with Schema.create("sessions") as table:
            table.string("id").primary()
            table.foreign_id("user_id").nullable().index()
            table.string("ip_address", 45).nullable()
            table.text("user_agent").nullable()
            table.long_text("payload")
            table.integer("last_activity").index()

    def down(self) -> None:
        """Reverse the migrations."""
        Schema.drop_if_exists("users")
        Schema.drop_if_exists("password_reset_tokens")
        Schema.drop_if_exists("sessions")
