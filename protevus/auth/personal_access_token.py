"""The stored API token: a SHA-256 hash, its abilities and its owner.

Laravel: ``Laravel\\Sanctum\\PersonalAccessToken``.

The table keeps only ``sha256(secret)``; the plain text token (``"{id}|{secret}"``)
is shown once, when :meth:`HasApiTokens.create_token` makes it.
"""

from __future__ import annotations

import hashlib
import hmac
import typing as t

from protevus.database.eloquent.model import Model

if t.TYPE_CHECKING:
    from protevus.database.eloquent.relations.morph_to import MorphTo


#: the largest value of a signed BIGINT key column.
_MAX_BIGINT = 2**63 - 1


def token_config(key: str, default: t.Any = None) -> t.Any:
    """Read ``sanctum.<key>`` from the running application's config, else ``default``.

    Laravel: ``config('sanctum.<key>')``.
    """
    from protevus.container.container import Container

    container = Container.get_instance()
    if not container.bound("config"):
        return default
    return container.make("config").get(f"sanctum.{key}", default)


def resolve_token_model(model: t.Any) -> type[PersonalAccessToken]:
    """Return the token model from a class or a dotted path (``app.models.token.Token``)."""
    if not isinstance(model, str):
        return t.cast("type[PersonalAccessToken]", model)
    module, _, name = model.rpartition(".")
    if not module:
        raise TypeError(
            f"Token model [{model}] is not a dotted path; give a class or "
            "'package.module.ClassName'."
        )
    import importlib

    return t.cast(
        "type[PersonalAccessToken]", getattr(importlib.import_module(module), name)
    )


def hash_token(plain_text: str) -> str:
    """Return the SHA-256 hex digest stored for ``plain_text``. Laravel: ``hash('sha256', $token)``."""
    return hashlib.sha256(plain_text.encode("utf-8")).hexdigest()


class PersonalAccessToken(Model):
    """An API token of a user (any model using ``HasApiTokens``).

    ``abilities`` is a list of strings (``['*']`` grants everything), ``last_used_at``
    and ``expires_at`` are dates. The ``token`` column is hidden from ``to_array()``.

    Laravel: ``Laravel\\Sanctum\\PersonalAccessToken``.
    """

    table = "personal_access_tokens"
    casts: t.ClassVar[t.Any] = {
        "abilities": "json",
        "last_used_at": "datetime",
        "expires_at": "datetime",
    }
    fillable: t.ClassVar[list[str]] = ["name", "token", "abilities", "expires_at"]
    hidden: t.ClassVar[list[str]] = ["token"]

    def tokenable(self) -> MorphTo:
        """Get the model the token belongs to. Laravel: ``PersonalAccessToken::tokenable()``."""
        return t.cast("MorphTo", self.morph_to("tokenable"))

    @classmethod
    def find_token(cls, token: str | None) -> PersonalAccessToken | None:
        """Find the token matching a plain text token, or None.

        ``"{id}|{secret}"`` (what ``create_token`` returns) loads the row by id and
        compares ``sha256(secret)`` with the stored hash in constant time; a token
        without ``|`` is looked up by its hash. Laravel: ``PersonalAccessToken::findToken()``.
        """
        if not isinstance(token, str) or token == "":
            return None
        if "|" not in token:
            found = cls.query().where("token", hash_token(token)).first()
            return t.cast("PersonalAccessToken | None", found)
        identifier, secret = token.split("|", 1)
        if secret == "" or not cls._is_valid_key(identifier):
            return None
        instance = t.cast("PersonalAccessToken | None", cls.query().find(identifier))
        if instance is None:
            return None
        stored = instance.get_attribute("token")
        if not isinstance(stored, str):
            return None
        if hmac.compare_digest(stored.encode(), hash_token(secret).encode()):
            return instance
        return None

    @classmethod
    def _is_valid_key(cls, identifier: str) -> bool:
        # An integer key must be digits: "abc" must not reach an integer column
        # (PostgreSQL refuses the comparison). Laravel Sanctum: ctype_digit($id).
        if identifier == "":
            return False
        if cls.key_type == "int":
            # ...nor a number past BIGINT, which the servers refuse as well.
            return (
                identifier.isascii()
                and identifier.isdigit()
                and int(identifier) <= _MAX_BIGINT
            )
        return True

    def get_abilities(self) -> list[str]:
        """Return the token's abilities as a list of strings (empty when unset)."""
        abilities = self.get_attribute("abilities")
        if not isinstance(abilities, list | tuple):
            return []
        return [str(ability) for ability in abilities]

    def can(self, ability: str) -> bool:
        """Determine if the token has ``ability`` (``'*'`` grants all). Laravel: ``PersonalAccessToken::can()``."""
        abilities = self.get_abilities()
        return "*" in abilities or ability in abilities

    def cant(self, ability: str) -> bool:
        """Determine if the token lacks ``ability``. Laravel: ``PersonalAccessToken::cant()``."""
        return not self.can(ability)
