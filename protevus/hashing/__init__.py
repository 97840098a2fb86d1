"""Password hashing with bcrypt and Argon2, compatible with PHP's hashes (Laravel: ``Illuminate\\Hashing``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.hashing.abstract_hasher import AbstractHasher as AbstractHasher
    from protevus.hashing.abstract_hasher import password_info as password_info
    from protevus.hashing.abstract_hasher import password_verify as password_verify
    from protevus.hashing.argon2id_hasher import Argon2IdHasher as Argon2IdHasher
    from protevus.hashing.argon_hasher import ArgonHasher as ArgonHasher
    from protevus.hashing.bcrypt_hasher import BcryptHasher as BcryptHasher
    from protevus.hashing.exceptions import HashingError as HashingError
    from protevus.hashing.hash_manager import HashManager as HashManager
    from protevus.hashing.hash_service_provider import (
        HashServiceProvider as HashServiceProvider,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "AbstractHasher": "protevus.hashing.abstract_hasher",
        "password_info": "protevus.hashing.abstract_hasher",
        "password_verify": "protevus.hashing.abstract_hasher",
        "BcryptHasher": "protevus.hashing.bcrypt_hasher",
        "ArgonHasher": "protevus.hashing.argon_hasher",
        "Argon2IdHasher": "protevus.hashing.argon2id_hasher",
        "HashingError": "protevus.hashing.exceptions",
        "HashManager": "protevus.hashing.hash_manager",
        "HashServiceProvider": "protevus.hashing.hash_service_provider",
    },
)
