"""The file rules: file, image, mimes, mimetypes, extensions, dimensions.

Files are ``protevus.http.uploaded_file.UploadedFile`` instances; their type comes
from the content (never the client's claim) and their size, for ``max``/``min``/
``size``/``between``, is in kilobytes.

Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes`` (file rules).
"""

from __future__ import annotations

import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.validation.image_size import image_size

_IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "bmp", "webp"]
_SVG_TYPES = ("image/svg+xml", "image/svg")
_DIMENSION_KEYS = frozenset(
    {"width", "height", "min_width", "min_height", "max_width", "max_height", "ratio"}
)
_RATIO = re.compile(r"\s*([0-9.]+)\s*(?:/\s*([0-9]+))?\s*")


def is_uploaded_file(value: t.Any) -> bool:
    """Tell whether ``value`` is an uploaded file."""
    from protevus.http.uploaded_file import UploadedFile

    return isinstance(value, UploadedFile)


def _valid_file(value: t.Any) -> bool:
    return is_uploaded_file(value) and bool(value.is_valid())


class ValidatesFiles(CamelAliases):
    """Give a validator its file rules.

    Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes``.
    """

    def validate_file(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a successfully uploaded file.

        Laravel: ``validateFile()``.
        """
        return _valid_file(value)

    def validate_image(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a jpg, png, gif, bmp or webp file (svg with ``image:allow_svg``).

        Laravel: ``validateImage()``.
        """
        allowed = [*_IMAGE_EXTENSIONS, *(["svg"] if "allow_svg" in params else [])]
        return self.validate_mimes(attribute, value, allowed)

    def validate_mimes(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a file whose content type maps to one of the extensions.

        ``mimes:jpg`` accepts ``jpeg`` too. The extension is guessed from the
        detected content type, as Laravel's ``guessExtension()``.

        Laravel: ``validateMimes()``.
        """
        if not _valid_file(value):
            return False
        allowed = {each.lower() for each in params}
        if allowed & {"jpg", "jpeg"}:
            allowed |= {"jpg", "jpeg"}
        return value.extension() in allowed

    def validate_mimetypes(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a file whose detected MIME type is listed (``image/*`` allowed).

        Laravel: ``validateMimetypes()``.
        """
        if not _valid_file(value):
            return False
        mime = value.get_mime_type()
        return mime in params or f"{mime.split('/')[0]}/*" in params

    def validate_extensions(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a file whose client-given name ends with one of the extensions.

        Laravel: ``validateExtensions()``.
        """
        if not _valid_file(value):
            return False
        extension = value.get_client_original_extension().lower()
        return extension in {each.lower() for each in params}

    def validate_dimensions(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass an image within the sizes: ``dimensions:min_width=100,ratio=3/2``.

        An SVG passes (it has no pixel size).

        Laravel: ``validateDimensions()``.
        """
        wanted = _named(params)
        if not _valid_file(value):
            return False
        if value.get_mime_type() in _SVG_TYPES:
            return True
        size = image_size(value.get())
        if size is None:
            return False
        width, height = size
        return not _fails_sizes(wanted, width, height) and not _fails_ratio(
            wanted, width, height
        )


def _named(params: list[str]) -> dict[str, str]:
    wanted: dict[str, str] = {}
    for each in params:
        key, sep, raw = each.partition("=")
        key = key.strip()
        if not sep or key not in _DIMENSION_KEYS:
            raise InvalidArgumentError(
                f"Dimensions constraint [{each}] is not known; use "
                "width, height, min_width, min_height, max_width, max_height or ratio "
                "as 'name=value'."
            )
        wanted[key] = raw.strip()
    return wanted


def _number(wanted: dict[str, str], key: str) -> float | None:
    if key not in wanted:
        return None
    try:
        return float(wanted[key])
    except ValueError:
        raise InvalidArgumentError(
            f"Dimensions constraint [{key}] needs a number, got [{wanted[key]}]."
        ) from None


def _fails_sizes(wanted: dict[str, str], width: int, height: int) -> bool:
    checks = (
        ("width", lambda limit: limit != width),
        ("height", lambda limit: limit != height),
        ("min_width", lambda limit: limit > width),
        ("min_height", lambda limit: limit > height),
        ("max_width", lambda limit: limit < width),
        ("max_height", lambda limit: limit < height),
    )
    for key, fails in checks:
        limit = _number(wanted, key)
        if limit is not None and fails(limit):
            return True
    return False


def _fails_ratio(wanted: dict[str, str], width: int, height: int) -> bool:
    if "ratio" not in wanted:
        return False
    match = _RATIO.fullmatch(wanted["ratio"])
    if match is None:
        raise InvalidArgumentError(
            f"Dimensions ratio [{wanted['ratio']}] is not a number or fraction; "
            "write it as 'ratio=3/2' or 'ratio=1.5'."
        )
    numerator = float(match.group(1)) or 1.0
    denominator = float(match.group(2) or 1) or 1.0
    precision = 1 / (max(width, height) + 1)
    return height == 0 or abs(numerator / denominator - width / height) > precision
