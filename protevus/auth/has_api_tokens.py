"""Give a model API tokens: ``user.create_token('cli', ['posts:read'])``.

Laravel: ``Laravel\\Sanctum\\HasApiTokens``.

Settings (read through ``config()`` when an application is running):

- ``sanctum.token_prefix`` (default ``''``): put before every new secret, so secret
  scanners can spot leaked tokens (``'myapp_'``).
- ``sanctum.expiration`` (minutes, default ``None``): read by the token guard.
"""

from __future__ import annotations

import typing as t
import zlib

from protevus.auth.new_access_token import NewAccessToken
from protevus.auth.personal_access_token import PersonalAccessToken
from protevus.auth.personal_access_token import hash_token
from protevus.auth.personal_access_token import resolve_token_model
from protevus.auth.personal_access_token import token_config
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.relations.morph_many import MorphMany

_ACCESS_TOKEN = "_access_token"


class HasApiTokens(CamelAliases):
    """Create, list and check a model's API tokens.

    Mix it into the user model before ``Model`` (or ``protevus.auth.User``)::

        class User(HasApiTokens, Authenticatable, Model): ...

        new = user.create_token('deploy', ['servers:deploy'])
        new.plain_text_token       # '7|x0Xk...': give it to the client once
        user.tokens().delete()     # revoke them all

    Laravel: ``Laravel\\Sanctum\\HasApiTokens``.
    """

    #: the token model (a class or a dotted path); Laravel: ``Sanctum::usePersonalAccessTokenModel()``.
    personal_access_token_model: t.ClassVar[t.Any] = PersonalAccessToken

    def __init_subclass__(cls, **kwargs: t.Any) -> None:
        super().__init_subclass__(**kwargs)
        # Relation methods are recognised in the model's own class body only; make
        # ``tokens`` one so ``user.tokens`` reads the collection and
        # ``with_('tokens')`` eager loads it, as on any relation.
        methods = getattr(cls, "_relation_methods", None)
        if not isinstance(methods, dict) or "tokens" in cls.__dict__:
            return
        if methods.get("tokens") is not None:
            return
        from protevus.database.eloquent.concerns.has_relationships import (
            RelationDescriptor,
        )

        function = HasApiTokens.__dict__["tokens"]
        cls.tokens = RelationDescriptor(function, "tokens")  # type: ignore[method-assign,assignment]
        cls._relation_methods = {**methods, "tokens": function}  # type: ignore[attr-defined]

    def tokens(self) -> MorphMany:
        """Get the model's access tokens (a morph-many relation). Laravel: ``HasApiTokens::tokens()``."""
        model = resolve_token_model(type(self).personal_access_token_model)
        return t.cast("MorphMany", t.cast(t.Any, self).morph_many(model, "tokenable"))

    def create_token(
        self,
        name: str,
        abilities: t.Iterable[str] = ("*",),
        expires_at: t.Any = None,
    ) -> NewAccessToken:
        """Create a token and return it with its plain text (``"{id}|{secret}"``).

        Only ``sha256(secret)`` is stored. ``expires_at`` is a datetime (or None for
        no fixed end). Laravel: ``HasApiTokens::createToken()``.
        """
        if isinstance(abilities, str):
            raise TypeError(
                f"Token abilities must be a list of strings, not the string [{abilities}]: "
                f"write [{abilities!r}]."
            )
        plain_text = self.generate_token_string()
        token = t.cast(
            PersonalAccessToken,
            self.tokens().create(
                {
                    "name": name,
                    "token": hash_token(plain_text),
                    "abilities": [str(ability) for ability in abilities],
                    "expires_at": expires_at,
                }
            ),
        )
        return NewAccessToken(token, f"{token.get_key()}|{plain_text}")

    def generate_token_string(self) -> str:
        """Return a new secret: the prefix, 40 random characters and their CRC32 checksum.

        Laravel: ``HasApiTokens::generateTokenString()`` (Sanctum 4).
        """
        from protevus.support.str import Str

        entropy = Str.random(40)
        checksum = format(zlib.crc32(entropy.encode("ascii")) & 0xFFFFFFFF, "08x")
        return f"{token_config('token_prefix', '') or ''}{entropy}{checksum}"

    def token_can(self, ability: str) -> bool:
        """Determine if the current token has ``ability`` (False without a token).

        Laravel: ``HasApiTokens::tokenCan()``.
        """
        token = self.current_access_token()
        return token is not None and bool(token.can(ability))

    def token_cant(self, ability: str) -> bool:
        """Determine if the current token lacks ``ability``. Laravel: ``HasApiTokens::tokenCant()``."""
        return not self.token_can(ability)

    def current_access_token(self) -> t.Any:
        """Get the token the request authenticated with, or None.

        Laravel: ``HasApiTokens::currentAccessToken()``.
        """
        return self.__dict__.get(_ACCESS_TOKEN)

    def with_access_token(self, access_token: t.Any) -> t.Self:
        """Set the token the request authenticated with. Laravel: ``HasApiTokens::withAccessToken()``."""
        self.__dict__[_ACCESS_TOKEN] = access_token
        return self
