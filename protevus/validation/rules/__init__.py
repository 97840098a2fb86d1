"""Rule objects: Password, File, Unique, Exists, Enum, Dimensions, In...

Laravel: ``Illuminate\\Validation\\Rules``.
"""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.validation.rules.conditional import ExcludeIf as ExcludeIf
    from protevus.validation.rules.conditional import ProhibitedIf as ProhibitedIf
    from protevus.validation.rules.conditional import RequiredIf as RequiredIf
    from protevus.validation.rules.dimensions import Dimensions as Dimensions
    from protevus.validation.rules.enum import Enum as Enum
    from protevus.validation.rules.exists import Exists as Exists
    from protevus.validation.rules.file import File as File
    from protevus.validation.rules.file import ImageFile as ImageFile
    from protevus.validation.rules.in_ import In as In
    from protevus.validation.rules.in_ import NotIn as NotIn
    from protevus.validation.rules.password import NotPwnedVerifier as NotPwnedVerifier
    from protevus.validation.rules.password import Password as Password
    from protevus.validation.rules.unique import Unique as Unique

__getattr__ = lazy_exports(
    __name__,
    {
        "Dimensions": "protevus.validation.rules.dimensions",
        "Enum": "protevus.validation.rules.enum",
        "ExcludeIf": "protevus.validation.rules.conditional",
        "Exists": "protevus.validation.rules.exists",
        "File": "protevus.validation.rules.file",
        "ImageFile": "protevus.validation.rules.file",
        "In": "protevus.validation.rules.in_",
        "NotIn": "protevus.validation.rules.in_",
        "NotPwnedVerifier": "protevus.validation.rules.password",
        "Password": "protevus.validation.rules.password",
        "ProhibitedIf": "protevus.validation.rules.conditional",
        "RequiredIf": "protevus.validation.rules.conditional",
        "Unique": "protevus.validation.rules.unique",
    },
)
