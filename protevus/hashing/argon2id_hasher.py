"""Hash values with Argon2id, in PHP's ``$argon2id$v=19$m=...,t=...,p=...$`` format.

Laravel: ``Illuminate\\Hashing\\Argon2IdHasher``.
"""

from __future__ import annotations

import typing as t

from protevus.hashing.argon_hasher import ArgonHasher

if t.TYPE_CHECKING:
    from argon2 import Type


class Argon2IdHasher(ArgonHasher):
    """Make and check Argon2id hashes; everything else is :class:`ArgonHasher`'s.

    Laravel: ``Illuminate\\Hashing\\Argon2IdHasher``.
    """

    algorithm_name: t.ClassVar[str] = "argon2id"
    algorithm_label: t.ClassVar[str] = "Argon2id"

    def algorithm(self) -> Type:
        """Return the argon2-cffi variant this hasher makes.

        Laravel: ``Argon2IdHasher::algorithm()`` (``PASSWORD_ARGON2ID``).
        """
        from argon2 import Type

        return Type.ID
