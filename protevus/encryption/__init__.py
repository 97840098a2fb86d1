"""Laravel-compatible encryption: the encrypter, its key parsing and provider (Laravel: ``Illuminate\\Encryption``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.encryption.encrypter import SUPPORTED_CIPHERS as SUPPORTED_CIPHERS
    from protevus.encryption.encrypter import Encrypter as Encrypter
    from protevus.encryption.encryption_service_provider import (
        EncryptionServiceProvider as EncryptionServiceProvider,
    )
    from protevus.encryption.exceptions import DecryptError as DecryptError
    from protevus.encryption.exceptions import EncryptError as EncryptError
    from protevus.encryption.exceptions import EncryptionError as EncryptionError
    from protevus.encryption.exceptions import InvalidKeyError as InvalidKeyError
    from protevus.encryption.exceptions import MissingAppKeyError as MissingAppKeyError
    from protevus.encryption.exceptions import UnserializeError as UnserializeError
    from protevus.encryption.exceptions import (
        UnsupportedCipherError as UnsupportedCipherError,
    )
    from protevus.encryption.key_parser import parse_app_key as parse_app_key
    from protevus.encryption.key_parser import parse_key as parse_key
    from protevus.encryption.key_parser import (
        parse_previous_keys as parse_previous_keys,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "Encrypter": "protevus.encryption.encrypter",
        "SUPPORTED_CIPHERS": "protevus.encryption.encrypter",
        "EncryptionError": "protevus.encryption.exceptions",
        "DecryptError": "protevus.encryption.exceptions",
        "EncryptError": "protevus.encryption.exceptions",
        "MissingAppKeyError": "protevus.encryption.exceptions",
        "UnsupportedCipherError": "protevus.encryption.exceptions",
        "InvalidKeyError": "protevus.encryption.exceptions",
        "UnserializeError": "protevus.encryption.exceptions",
        "parse_key": "protevus.encryption.key_parser",
        "parse_app_key": "protevus.encryption.key_parser",
        "parse_previous_keys": "protevus.encryption.key_parser",
        "EncryptionServiceProvider": "protevus.encryption.encryption_service_provider",
    },
)
