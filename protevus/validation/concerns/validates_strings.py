"""The string rules, as ``validate_<rule>`` methods of a validator mixin.

Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes`` (string rules).
"""

from __future__ import annotations

import functools
import ipaddress
import re
import typing as t
import unicodedata
import urllib.parse

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.validation.concerns.validates_attributes import ValidatesAttributes
from protevus.validation.concerns.validates_attributes import is_numeric
from protevus.validation.concerns.validates_attributes import php_string

_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@"
    r"[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]{0,61}[A-Za-z0-9\u00a1-\uffff])?"
    r"(?:\.[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]{0,61}"
    r"[A-Za-z0-9\u00a1-\uffff])?)*"
)
_UUID = re.compile(
    r"[\da-fA-F]{8}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{12}"
)
_ULID = re.compile(r"[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}")
_MAC = re.compile(
    r"[\da-fA-F]{2}([:-])(?:[\da-fA-F]{2}\1){4}[\da-fA-F]{2}"
    r"|[\da-fA-F]{4}\.[\da-fA-F]{4}\.[\da-fA-F]{4}"
)
_URL_SCHEMES = ("http", "https", "ftp", "ftps", "sftp", "ssh", "ws", "wss", "file")
_PCRE_FLAGS = {"i": re.I, "m": re.M, "s": re.S, "x": re.X, "u": 0}


@functools.lru_cache(maxsize=256)
def compile_pcre(pattern: str) -> re.Pattern[str]:
    """Compile a PHP-style ``/.../flags`` pattern into a Python regex."""
    if len(pattern) < 2 or pattern[0].isalnum() or pattern[0] == "\\":
        raise InvalidArgumentError(
            f"Regex rule pattern [{pattern}] needs delimiters; write it as '/^[a-z]+$/i'."
        )
    closing = {"(": ")", "{": "}", "[": "]", "<": ">"}.get(pattern[0], pattern[0])
    end = pattern.rfind(closing)
    if end <= 0:
        raise InvalidArgumentError(
            f"Regex rule pattern [{pattern}] has no closing delimiter [{closing}]."
        )
    flags = 0
    for letter in pattern[end + 1 :]:
        if letter not in _PCRE_FLAGS:
            raise InvalidArgumentError(
                f"Regex rule pattern [{pattern}] uses unsupported modifier [{letter}]."
            )
        flags |= _PCRE_FLAGS[letter]
    return re.compile(pattern[1:end], flags)


@functools.lru_cache(maxsize=1)
def _timezones() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones() | {"UTC"})


def _letters(value: t.Any, extra: str, numbers: bool, ascii_only: bool) -> bool:
    if not isinstance(value, str) and not (numbers and is_numeric(value)):
        return False
    text = php_string(value)
    if not text:
        return False
    for char in text:
        if char in extra:
            continue
        if ascii_only and not char.isascii():
            return False
        category = unicodedata.category(char)[0]
        if category in "LM" or (numbers and category == "N"):
            continue
        return False
    return True


class ValidatesStrings(CamelAliases):
    """Give a validator its letter, pattern, address and identifier rules.

    Laravel: ``Illuminate\\Validation\\Concerns\\ValidatesAttributes``.
    """

    _need = staticmethod(ValidatesAttributes._need)

    def validate_alpha(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass letters only; ``alpha:ascii`` limits to a-z.

        Laravel: ``validateAlpha()``.
        """
        return _letters(value, "", False, "ascii" in params)

    def validate_alpha_num(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass letters and numbers only.

        Laravel: ``validateAlphaNum()``.
        """
        return _letters(value, "", True, "ascii" in params)

    def validate_alpha_dash(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass letters, numbers, dashes and underscores only.

        Laravel: ``validateAlphaDash()``.
        """
        return _letters(value, "-_", True, "ascii" in params)

    def validate_lowercase(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a value with no uppercase letters.

        Laravel: ``validateLowercase()``.
        """
        text = php_string(value)
        return text == text.lower()

    def validate_uppercase(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a value with no lowercase letters.

        Laravel: ``validateUppercase()``.
        """
        text = php_string(value)
        return text == text.upper()

    def validate_starts_with(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a string starting with one of the parameters.

        Laravel: ``validateStartsWith()``.
        """
        text = php_string(value)
        return any(each != "" and text.startswith(each) for each in params)

    def validate_ends_with(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a string ending with one of the parameters.

        Laravel: ``validateEndsWith()``.
        """
        text = php_string(value)
        return any(each != "" and text.endswith(each) for each in params)

    def validate_doesnt_start_with(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a string starting with none of the parameters.

        Laravel: ``validateDoesntStartWith()``.
        """
        return not self.validate_starts_with(attribute, value, params)

    def validate_doesnt_end_with(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a string ending with none of the parameters.

        Laravel: ``validateDoesntEndWith()``.
        """
        return not self.validate_ends_with(attribute, value, params)

    def validate_mac_address(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a MAC address (``01:23:45:67:89:ab``, dashes, or ``0123.4567.89ab``).

        Laravel: ``validateMacAddress()``.
        """
        return isinstance(value, str) and _MAC.fullmatch(value) is not None

    def validate_regex(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a value matching the pattern (PHP delimiters: ``/^a+$/i``).

        Laravel: ``validateRegex()``.
        """
        self._need(params, 1, "regex")
        if not isinstance(value, str) and not is_numeric(value):
            return False
        return compile_pcre(params[0]).search(php_string(value)) is not None

    def validate_not_regex(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass a value not matching the pattern.

        Laravel: ``validateNotRegex()``.
        """
        self._need(params, 1, "not_regex")
        if not isinstance(value, str) and not is_numeric(value):
            return False
        return compile_pcre(params[0]).search(php_string(value)) is None

    def validate_email(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass an RFC-style email address.

        Laravel: ``validateEmail()``.
        """
        if not isinstance(value, str) or len(value) > 254:
            return False
        local, _, domain = value.rpartition("@")
        if not local or len(local) > 64 or local.startswith(".") or ".." in value:
            return False
        return _EMAIL.fullmatch(value) is not None and not domain.endswith(".")

    def validate_url(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a URL; ``url:http,https`` limits the schemes.

        Laravel: ``validateUrl()``.
        """
        if not isinstance(value, str) or any(char.isspace() for char in value):
            return False
        try:
            parts = urllib.parse.urlsplit(value)
            parts.port  # noqa: B018 - raises on a bad port
        except ValueError:
            return False
        schemes = params or _URL_SCHEMES
        if parts.scheme.lower() not in schemes:
            return False
        return bool(parts.netloc) or (parts.scheme == "file" and bool(parts.path))

    def validate_ip(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass an IPv4 or IPv6 address.

        Laravel: ``validateIp()``.
        """
        try:
            ipaddress.ip_address(php_string(value))
        except ValueError:
            return False
        return True

    def validate_ipv4(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass an IPv4 address.

        Laravel: ``validateIpv4()``.
        """
        try:
            ipaddress.IPv4Address(php_string(value))
        except ValueError:
            return False
        return True

    def validate_ipv6(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass an IPv6 address.

        Laravel: ``validateIpv6()``.
        """
        try:
            ipaddress.IPv6Address(php_string(value))
        except ValueError:
            return False
        return True

    def validate_uuid(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a UUID string.

        Laravel: ``validateUuid()``.
        """
        return isinstance(value, str) and _UUID.fullmatch(value) is not None

    def validate_ulid(self, attribute: str, value: t.Any, params: list[str]) -> bool:
        """Pass a ULID string.

        Laravel: ``validateUlid()``.
        """
        return isinstance(value, str) and _ULID.fullmatch(value) is not None

    def validate_timezone(
        self, attribute: str, value: t.Any, params: list[str]
    ) -> bool:
        """Pass an IANA timezone name.

        Laravel: ``validateTimezone()``.
        """
        return isinstance(value, str) and value in _timezones()
