"""Find users through an Eloquent model and check their passwords with the hasher.

Laravel: ``Illuminate\\Auth\\EloquentUserProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.auth.exceptions import AuthError
from protevus.auth.recaller import same_secret
from protevus.support.aliases import CamelAliases

_Credentials = t.Mapping[str, t.Any]


def credential_conditions(credentials: _Credentials) -> dict[str, t.Any]:
    """Return the credentials that become query conditions: keys without ``password``.

    Laravel: the filter of ``retrieveByCredentials()``.
    """
    return {key: value for key, value in credentials.items() if "password" not in key}


def apply_conditions(query: t.Any, conditions: _Credentials) -> t.Any:
    """Add ``where`` (``where_in`` for lists, ``callback(query)`` for callables) per item."""
    for key, value in conditions.items():
        if isinstance(value, list | tuple | set | frozenset):
            query.where_in(key, list(value))
        elif callable(value):
            value(query)
        else:
            query.where(key, value)
    return query


def validate_password(hasher: t.Any, user: t.Any, credentials: _Credentials) -> bool:
    """Check ``credentials['password']`` against the user's hash with ``hasher``.

    Laravel: ``validateCredentials()`` of both user providers.
    """
    plain = credentials.get("password")
    hashed = user.get_auth_password()
    if plain is None or not hashed:
        return False
    return bool(hasher.check(plain, hashed))


class EloquentUserProvider(CamelAliases):
    """Serve the ``eloquent`` provider: users are rows of ``auth.providers.<name>.model``.

    ``model`` is a class or a dotted path (``app.models.user.User``); the model uses
    :class:`~protevus.auth.authenticatable.Authenticatable` (``protevus.auth.User``
    does).

    Laravel: ``Illuminate\\Auth\\EloquentUserProvider``.
    """

    def __init__(self, hasher: t.Any, model: t.Any) -> None:
        self.hasher = hasher
        self.model = model
        self.query_callback: t.Callable[[t.Any], t.Any] | None = None

    def retrieve_by_id(self, identifier: t.Any) -> t.Any:
        """Get the user with this id, or None. Laravel: ``retrieveById()``."""
        model = self.create_model()
        return (
            self.new_model_query(model)
            .where(model.get_auth_identifier_name(), identifier)
            .first()
        )

    def retrieve_by_token(self, identifier: t.Any, token: t.Any) -> t.Any:
        """Get the user with this id and remember token, or None.

        Laravel: ``EloquentUserProvider::retrieveByToken()``.
        """
        user = self.retrieve_by_id(identifier)
        if user is None:
            return None
        return user if same_secret(user.get_remember_token(), token) else None

    def update_remember_token(self, user: t.Any, token: str) -> None:
        """Save a new remember token without touching ``updated_at``.

        Laravel: ``EloquentUserProvider::updateRememberToken()``.
        """
        user.set_remember_token(token)
        had_own = "timestamps" in user.__dict__
        previous = user.__dict__.get("timestamps")
        user.timestamps = False
        try:
            user.save()
        finally:
            if had_own:
                user.timestamps = previous
            else:
                del user.timestamps

    def retrieve_by_credentials(self, credentials: _Credentials) -> t.Any:
        """Get the first user matching the credentials, the password left out.

        Returns None when only a password (or nothing) was given.

        Laravel: ``EloquentUserProvider::retrieveByCredentials()``.
        """
        conditions = credential_conditions(credentials)
        if not conditions:
            return None
        query = self.new_model_query()
        return apply_conditions(query, conditions).first()

    def validate_credentials(self, user: t.Any, credentials: _Credentials) -> bool:
        """Check ``credentials['password']`` against the user's hash.

        Laravel: ``EloquentUserProvider::validateCredentials()``.
        """
        return validate_password(self.hasher, user, credentials)

    def rehash_password_if_required(
        self, user: t.Any, credentials: _Credentials, force: bool = False
    ) -> None:
        """Store a new hash when the hashing options changed (or ``force``).

        Laravel: ``EloquentUserProvider::rehashPasswordIfRequired()``.
        """
        if not self.hasher.needs_rehash(user.get_auth_password()) and not force:
            return
        user.force_fill(
            {user.get_auth_password_name(): self.hasher.make(credentials["password"])}
        ).save()

    # -- the model -------------------------------------------------------------------

    def new_model_query(self, model: t.Any = None) -> t.Any:
        """Get a query of the model, passed through :meth:`with_query`'s callback.

        Laravel: ``EloquentUserProvider::newModelQuery()``.
        """
        query = (model if model is not None else self.create_model()).new_query()
        if self.query_callback is not None:
            self.query_callback(query)
        return query

    def create_model(self) -> t.Any:
        """Make an instance of the model. Laravel: ``EloquentUserProvider::createModel()``."""
        return self.model_class()()

    def model_class(self) -> type:
        """Get the model class (importing a dotted path)."""
        model = self.model
        if isinstance(model, type):
            return model
        from protevus.container._reflection import import_class

        found = import_class(str(model)) if model else None
        if not isinstance(found, type):
            raise AuthError(
                f"User model [{model}] does not exist; set auth.providers.*.model "
                "(AUTH_MODEL) to the dotted path of your model, like app.models.user.User."
            )
        return found

    def get_model(self) -> t.Any:
        """Get the configured model. Laravel: ``EloquentUserProvider::getModel()``."""
        return self.model

    def set_model(self, model: t.Any) -> EloquentUserProvider:
        """Use another model. Laravel: ``EloquentUserProvider::setModel()``."""
        self.model = model
        return self

    def get_hasher(self) -> t.Any:
        """Get the hasher. Laravel: ``EloquentUserProvider::getHasher()``."""
        return self.hasher

    def set_hasher(self, hasher: t.Any) -> EloquentUserProvider:
        """Use another hasher. Laravel: ``EloquentUserProvider::setHasher()``."""
        self.hasher = hasher
        return self

    def get_query_callback(self) -> t.Callable[[t.Any], t.Any] | None:
        """Get the query callback. Laravel: ``getQueryCallback()``."""
        return self.query_callback

    def with_query(
        self, callback: t.Callable[[t.Any], t.Any] | None = None
    ) -> EloquentUserProvider:
        """Adjust every user query: ``provider.with_query(lambda q: q.with_('team'))``.

        Laravel: ``EloquentUserProvider::withQuery()``.
        """
        self.query_callback = callback
        return self
