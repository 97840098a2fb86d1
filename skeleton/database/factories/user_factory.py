"""Build users with fake data: ``User.factory().count(3).create()``."""

import datetime as dt
import secrets

from protevus.database.eloquent.factories.factory import Factory
from protevus.support.facades.hash import Hash


class UserFactory(Factory):
    """The default state of a user; every factory user's password is ``password``."""

    #: the hash of ``password``, made once for all users of a test run.
    password: str | None = None

    def definition(self) -> dict:
        """Define the model's default state."""
        if UserFactory.password is None:
            UserFactory.password = Hash.make("password")
        return {
            "name": self.faker.name(),
            "email": self.faker.unique.safe_email(),
            "email_verified_at": dt.datetime.now(dt.UTC),
            "password": UserFactory.password,
            "remember_token": secrets.token_urlsafe(8)[:10],
        }

    def unverified(self) -> "UserFactory":
        """Indicate that the model's email address should be unverified."""
        return self.state({"email_verified_at": None})
