"""The errors attribute casting raises.

Laravel: ``Illuminate\\Database\\Eloquent\\InvalidCastException``.
"""

from __future__ import annotations

from protevus.database.exceptions import DatabaseError


class InvalidCastError(DatabaseError):
    """Signal a cast type that is neither built in nor a cast class.

    Laravel: ``Illuminate\\Database\\Eloquent\\InvalidCastException``.
    """

    def __init__(self, model: str, column: str, cast_type: str) -> None:
        self.model = model
        self.column = column
        self.cast_type = cast_type
        super().__init__(
            f"Call to undefined cast [{cast_type}] on column [{column}] in model "
            f"[{model}]; use a built-in cast type (int, array, datetime...), an Enum "
            "class or a cast class with get()/set()."
        )


class MissingCastServiceError(DatabaseError):
    """Signal a hashed or encrypted cast used without its container service.

    Laravel: none (Laravel always has the hasher and encrypter bound).
    """
