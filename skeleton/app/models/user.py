"""The application's users: they log in, are authorized and reset their passwords."""

from protevus.auth import User as Authenticatable
from protevus.database.eloquent.factories.has_factory import HasFactory


class User(HasFactory, Authenticatable):
    """A user of the application (table ``users``)."""

    #: the attributes ``User.create({...})`` may fill.
    fillable = ["name", "email", "password"]
    #: the attributes left out of ``to_array()`` / JSON.
    hidden = ["password", "remember_token"]
    #: ``password`` is hashed when set; ``email_verified_at`` reads as a datetime.
    casts = {"email_verified_at": "datetime", "password": "hashed"}
