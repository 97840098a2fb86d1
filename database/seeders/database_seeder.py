"""Seed the application's database: ``python artisan.py db:seed``."""

import datetime as dt
import secrets

from protevus.database import Seeder
from protevus.facades import DB


class DatabaseSeeder(Seeder):
    def run(self) -> None:
        """Seed the application's database."""
        now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
        DB.table("users").insert(
            {
                "name": "Test User",
                "email": "test@example.com",
                "email_verified_at": now,
                "password": self.password_hash("password"),
                "remember_token": secrets.token_urlsafe(8)[:10],
                "created_at": now,
                "updated_at": now,
            }
        )

    def password_hash(self, password: str) -> str:
        """Hash with the application's hasher; without one, store an unusable value."""
        if self.container is not None and self.container.bound("hash"):
            return str(self.container.make("hash").make(password))
        return "!" + secrets.token_hex(16)
