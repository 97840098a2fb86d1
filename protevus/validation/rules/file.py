"""The ``File`` rule: ``File.types(['pdf']).max('12mb')``, ``File.image().max(1024)``.

Sizes are kilobytes, or strings with a unit: ``'500kb'``, ``'2mb'``, ``'1gb'``
(decimal units, as Laravel).

Laravel: ``Illuminate\\Validation\\Rules\\File`` and ``Rules\\ImageFile``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

_SIZE = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(kb|mb|gb|tb)?\s*", re.I)
_UNITS = {"kb": 1, "mb": 1_000, "gb": 1_000_000, "tb": 1_000_000_000}


def to_kilobytes(size: int | float | str) -> int:
    """Return a size in kilobytes: ``1024``, ``'2mb'`` → ``2000``.

    Laravel: ``File::toKilobytes()``.
    """
    if isinstance(size, int | float) and not isinstance(size, bool):
        return round(size)
    match = _SIZE.fullmatch(str(size))
    if match is None:
        raise InvalidArgumentError(
            f"File size [{size}] is not a number of kilobytes or a size with a unit; "
            "write 1024, '500kb' or '2mb'."
        )
    return round(float(match.group(1)) * _UNITS[(match.group(2) or "kb").lower()])


class File(CamelAliases):
    """Check an uploaded file's type, extension and size.

    Laravel: ``Illuminate\\Validation\\Rules\\File``.
    """

    _default_callback: t.ClassVar[t.Any] = None

    def __init__(self) -> None:
        self.allowed_types: list[str] = []
        self.allowed_extensions: list[str] = []
        self.minimum: int | None = None
        self.maximum: int | None = None
        self.custom_rules: list[t.Any] = []
        self.data: dict[str, t.Any] = {}
        self.validator: t.Any = None

    # --- building --------------------------------------------------------------

    @classmethod
    def image(cls, allow_svg: bool = False) -> ImageFile:
        """Start a rule for an image file. Laravel: ``File::image()``."""
        return ImageFile(allow_svg)

    @classmethod
    def types(cls, types: str | t.Iterable[str]) -> File:
        """Start a rule for these extensions (``'pdf'``) or MIME types (``'text/csv'``).

        Laravel: ``File::types()``.
        """
        rule = cls()
        rule.allowed_types = [types] if isinstance(types, str) else list(types)
        return rule

    def extensions(self, extensions: str | t.Iterable[str]) -> t.Self:
        """Require one of these client file-name extensions. Laravel: ``File::extensions()``."""
        items = [extensions] if isinstance(extensions, str) else list(extensions)
        self.allowed_extensions.extend(items)
        return self

    def size(self, size: int | float | str) -> t.Self:
        """Require exactly this size. Laravel: ``File::size()``."""
        self.minimum = self.maximum = to_kilobytes(size)
        return self

    def between(self, minimum: int | float | str, maximum: int | float | str) -> t.Self:
        """Require a size between the two. Laravel: ``File::between()``."""
        self.minimum, self.maximum = to_kilobytes(minimum), to_kilobytes(maximum)
        return self

    def min(self, size: int | float | str) -> t.Self:
        """Require at least this size. Laravel: ``File::min()``."""
        self.minimum = to_kilobytes(size)
        return self

    def max(self, size: int | float | str) -> t.Self:
        """Require at most this size. Laravel: ``File::max()``."""
        self.maximum = to_kilobytes(size)
        return self

    def rules(self, rules: t.Any) -> t.Self:
        """Add more rules the file must pass. Laravel: ``File::rules()``."""
        self.custom_rules.extend(rules if isinstance(rules, list | tuple) else [rules])
        return self

    @classmethod
    def defaults(cls, callback: t.Any = None) -> File | None:
        """Set the default rule (a ``File`` or a callable returning one); without one, return it.

        Laravel: ``File::defaults()``.
        """
        if callback is None:
            return cls.default()
        cls._default_callback = callback
        return None

    @classmethod
    def default(cls) -> File:
        """Return the default rule (a bare ``File()`` unless set). Laravel: ``File::default()``."""
        found = cls._default_callback
        if callable(found) and not isinstance(found, File):
            found = found()
        return found if isinstance(found, File) else cls()

    # --- validating ------------------------------------------------------------

    def build_rules(self) -> list[t.Any]:
        """Return the plain rules this file rule stands for.

        Laravel: ``File::buildValidationRules()``.
        """
        rules: list[t.Any] = ["file"]
        mimes = [each for each in self.allowed_types if "/" not in each]
        mimetypes = [each for each in self.allowed_types if "/" in each]
        if mimetypes:
            rules.append("mimetypes:" + ",".join(mimetypes))
        if mimes:
            rules.append("mimes:" + ",".join(mimes))
        if self.allowed_extensions:
            rules.append("extensions:" + ",".join(self.allowed_extensions))
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            rules.append(f"size:{low}" if low == high else f"between:{low},{high}")
        elif low is not None:
            rules.append(f"min:{low}")
        elif high is not None:
            rules.append(f"max:{high}")
        return [*rules, *self.custom_rules]

    def set_data(self, data: t.Mapping[str, t.Any]) -> t.Self:
        """Receive the data under validation. Laravel: ``DataAwareRule::setData()``."""
        self.data = dict(data)
        return self

    def set_validator(self, validator: t.Any) -> t.Self:
        """Receive the validator. Laravel: ``ValidatorAwareRule::setValidator()``."""
        self.validator = validator
        return self

    def validate(
        self, attribute: str, value: t.Any, fail: t.Callable[[str], t.Any]
    ) -> None:
        """Fail with every broken requirement's message. Laravel: ``File::passes()``."""
        from protevus.validation.validator import Validator

        parent = self.validator
        inner = Validator(
            self.data or {attribute: value},
            {attribute: self.build_rules()},
            getattr(parent, "custom_messages", None),
            getattr(parent, "custom_attributes", None),
        )
        if parent is not None:
            inner.set_translator(parent.get_translator())
        for message in inner.errors().all():
            fail(message)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.build_rules()!r}>"


class ImageFile(File):
    """Check an uploaded image: ``File.image().dimensions(Rule.dimensions().max_width(1000))``.

    Laravel: ``Illuminate\\Validation\\Rules\\ImageFile``.
    """

    def __init__(self, allow_svg: bool = False) -> None:
        super().__init__()
        self.rules("image:allow_svg" if allow_svg else "image")

    def dimensions(self, dimensions: t.Any) -> t.Self:
        """Require these image dimensions (a ``Rule.dimensions()``). Laravel: ``ImageFile::dimensions()``."""
        return self.rules(str(dimensions))
