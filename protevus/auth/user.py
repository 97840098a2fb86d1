"""The base class of an application's ``User`` model.

Laravel: ``Illuminate\\Foundation\\Auth\\User``.
"""

from __future__ import annotations

from protevus.auth.access.authorizable import Authorizable
from protevus.auth.authenticatable import Authenticatable
from protevus.auth.passwords.can_reset_password import CanResetPassword
from protevus.database.eloquent.model import Model


class User(Authenticatable, Authorizable, CanResetPassword, Model):
    """Give a model logins, authorization and password resets::

        from protevus.auth import User as Authenticatable

        class User(Authenticatable):
            fillable = ['name', 'email', 'password']
            hidden = ['password', 'remember_token']
            casts = {'email_verified_at': 'datetime', 'password': 'hashed'}

    Laravel: ``Illuminate\\Foundation\\Auth\\User``.
    """
