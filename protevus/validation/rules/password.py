"""The ``Password`` rule: ``Password.min(8).letters().mixed_case().numbers().symbols()``.

Laravel: ``Illuminate\\Validation\\Rules\\Password``.
"""

from __future__ import annotations

import hashlib
import typing as t
import unicodedata

from protevus.support.aliases import CamelAliases

_PWNED_RANGE_URL = "https://api.pwnedpasswords.com/range/"


class NotPwnedVerifier(CamelAliases):
    """Ask Have I Been Pwned's range API whether a password leaked (k-anonymity).

    Only the first five hex digits of the SHA-1 leave the machine. A network
    failure counts as not leaked, as Laravel does.

    Laravel: ``Illuminate\\Validation\\NotPwnedVerifier``.
    """

    def __init__(self, timeout: float = 15.0) -> None:
        self.timeout = timeout

    def verify(self, value: str, threshold: int = 0) -> bool:
        """Return True when ``value`` appears at most ``threshold`` times in leaks."""
        import urllib.request

        digest = hashlib.sha1(value.encode()).hexdigest().upper()  # noqa: S324
        prefix, suffix = digest[:5], digest[5:]
        request = urllib.request.Request(
            _PWNED_RANGE_URL + prefix, headers={"Add-Padding": "true"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read().decode()
        except Exception:
            return True
        for line in body.splitlines():
            found, _, count = line.strip().partition(":")
            if found == suffix:
                return int(count or 0) <= threshold
        return True


class Password(CamelAliases):
    """Check a password's length and character classes, and optionally leaks.

    ``uncompromised()`` asks the verifier from ``Password.use_verifier()`` (by
    default :class:`NotPwnedVerifier`, a network call).

    Laravel: ``Illuminate\\Validation\\Rules\\Password``.
    """

    _default_callback: t.ClassVar[t.Any] = None
    _verifier: t.ClassVar[t.Any] = None

    def __init__(self, min: int = 8) -> None:
        self.min_length = max(int(min), 1)
        self.max_length: int | None = None
        self.needs_letters = False
        self.needs_mixed_case = False
        self.needs_numbers = False
        self.needs_symbols = False
        self.needs_uncompromised = False
        self.threshold = 0
        self.custom_rules: list[t.Any] = []
        self.data: dict[str, t.Any] = {}
        self.validator: t.Any = None

    # --- building --------------------------------------------------------------

    @classmethod
    def min(cls, size: int) -> Password:
        """Start a rule requiring at least ``size`` characters. Laravel: ``Password::min()``."""
        return cls(size)

    def max(self, size: int) -> Password:
        """Allow at most ``size`` characters. Laravel: ``Password::max()``."""
        self.max_length = int(size)
        return self

    def letters(self) -> Password:
        """Require a letter. Laravel: ``Password::letters()``."""
        self.needs_letters = True
        return self

    def mixed_case(self) -> Password:
        """Require an uppercase and a lowercase letter. Laravel: ``Password::mixedCase()``."""
        self.needs_mixed_case = True
        return self

    def numbers(self) -> Password:
        """Require a number. Laravel: ``Password::numbers()``."""
        self.needs_numbers = True
        return self

    def symbols(self) -> Password:
        """Require a symbol, punctuation or space. Laravel: ``Password::symbols()``."""
        self.needs_symbols = True
        return self

    def uncompromised(self, threshold: int = 0) -> Password:
        """Reject passwords seen in data leaks more than ``threshold`` times.

        Laravel: ``Password::uncompromised()``.
        """
        self.needs_uncompromised = True
        self.threshold = threshold
        return self

    def rules(self, rules: t.Any) -> Password:
        """Add more rules the password must pass. Laravel: ``Password::rules()``."""
        self.custom_rules.extend(rules if isinstance(rules, list | tuple) else [rules])
        return self

    # --- defaults --------------------------------------------------------------

    @classmethod
    def defaults(cls, callback: t.Any = None) -> Password | None:
        """Set the default rule (a ``Password`` or a callable returning one).

        Without an argument, return the default rule.

        Laravel: ``Password::defaults()``.
        """
        if callback is None:
            return cls.default()
        if not callable(callback) and not isinstance(callback, Password):
            raise TypeError(
                f"Password defaults [{callback!r}] must be a Password rule or a "
                "callable returning one."
            )
        cls._default_callback = callback
        return None

    @classmethod
    def default(cls) -> Password:
        """Return the default rule (``Password.min(8)`` unless set).

        Laravel: ``Password::default()``.
        """
        found = cls._default_callback
        if callable(found) and not isinstance(found, Password):
            found = found()
        return found if isinstance(found, Password) else cls.min(8)

    @classmethod
    def required(cls) -> list[t.Any]:
        """Return ``['required', default rule]``. Laravel: ``Password::required()``."""
        return ["required", cls.default()]

    @classmethod
    def sometimes(cls) -> list[t.Any]:
        """Return ``['sometimes', default rule]``. Laravel: ``Password::sometimes()``."""
        return ["sometimes", cls.default()]

    @classmethod
    def use_verifier(cls, verifier: t.Any) -> None:
        """Check leaks with ``verifier.verify(value, threshold)`` (``None``: the real API)."""
        cls._verifier = verifier

    # --- validating ------------------------------------------------------------

    def set_data(self, data: t.Mapping[str, t.Any]) -> Password:
        """Receive the data under validation. Laravel: ``DataAwareRule::setData()``."""
        self.data = dict(data)
        return self

    def set_validator(self, validator: t.Any) -> Password:
        """Receive the validator. Laravel: ``ValidatorAwareRule::setValidator()``."""
        self.validator = validator
        return self

    def validate(
        self, attribute: str, value: t.Any, fail: t.Callable[[str], t.Any]
    ) -> None:
        """Fail with every broken requirement's message.

        Laravel: ``Password::passes()``.
        """
        from protevus.validation.validator import Validator

        rules: list[t.Any] = ["string", f"min:{self.min_length}"]
        if self.max_length is not None:
            rules.append(f"max:{self.max_length}")
        rules.extend(self.custom_rules)
        parent = self.validator
        inner = Validator(
            self.data or {attribute: value},
            {attribute: rules},
            getattr(parent, "custom_messages", None),
            getattr(parent, "custom_attributes", None),
        )
        if parent is not None:
            inner.set_translator(parent.get_translator())
        inner.after(lambda checked: self._check_characters(checked, attribute, value))
        if inner.passes() and self.needs_uncompromised:
            verifier = type(self)._verifier or NotPwnedVerifier()
            if not verifier.verify(str(value), self.threshold):
                inner.add_failure(attribute, "password.uncompromised")
        for message in inner.errors().all():
            fail(message)

    def _check_characters(self, checked: t.Any, attribute: str, value: t.Any) -> None:
        if not isinstance(value, str):
            return
        kinds = {unicodedata.category(char)[0] for char in value}
        mixed = any(char.islower() for char in value) and any(
            char.isupper() for char in value
        )
        if self.needs_mixed_case and not mixed:
            checked.add_failure(attribute, "password.mixed")
        if self.needs_letters and "L" not in kinds:
            checked.add_failure(attribute, "password.letters")
        if self.needs_symbols and not kinds & {"Z", "S", "P"}:
            checked.add_failure(attribute, "password.symbols")
        if self.needs_numbers and "N" not in kinds:
            checked.add_failure(attribute, "password.numbers")

    def __repr__(self) -> str:
        return f"<Password min={self.min_length}>"
