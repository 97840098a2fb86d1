"""Errors raised by validation.

Laravel: ``Illuminate\\Validation\\ValidationException``.
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import ProtevusError

if t.TYPE_CHECKING:
    from protevus.validation.validator import Validator


class ValidationError(ProtevusError):
    """Signal that input failed validation; carry the validator and its errors.

    The message summarises the first error: ``The title field is required. (and 1
    more error)``. ``status`` is the HTTP status a handler should answer with.

    Laravel: ``ValidationException``.
    """

    status: int = 422

    def __init__(
        self,
        validator: Validator,
        response: t.Any = None,
        error_bag: str = "default",
    ) -> None:
        self.validator = validator
        self.response = response
        self.error_bag = error_bag
        self.redirect_to: str | None = None
        super().__init__(self.summarize(validator))

    @staticmethod
    def summarize(validator: Validator) -> str:
        """Return the first message plus a count of the others.

        Laravel: ``ValidationException::summarize()``.
        """
        messages = validator.errors().all()
        if not messages:
            return "The given data was invalid."
        message = messages[0]
        more = len(messages) - 1
        if more:
            message += f" (and {more} more error{'s' if more > 1 else ''})"
        return message

    @classmethod
    def with_messages(
        cls, messages: t.Mapping[str, str | t.Sequence[str]]
    ) -> ValidationError:
        """Build an error from ready-made messages, without running rules.

        Laravel: ``ValidationException::withMessages()``.
        """
        from protevus.validation.validator import Validator

        validator = Validator({}, {})
        for key, items in messages.items():
            for message in [items] if isinstance(items, str) else items:
                validator.errors().add(key, message)
        return cls(validator)

    def errors(self) -> dict[str, list[str]]:
        """Return the messages keyed by attribute.

        Laravel: ``ValidationException::errors()``.
        """
        return self.validator.errors().messages()

    def status_(self, status: int) -> ValidationError:
        """Set the HTTP status to answer with.

        Laravel: ``ValidationException::status()``.
        """
        self.status = status
        return self

    def error_bag_(self, error_bag: str) -> ValidationError:
        """Set the error bag the messages are flashed under.

        Laravel: ``ValidationException::errorBag()``.
        """
        self.error_bag = error_bag
        return self

    def redirect_to_(self, url: str) -> ValidationError:
        """Set the URL to redirect to on failure.

        Laravel: ``ValidationException::redirectTo()``.
        """
        self.redirect_to = url
        return self


class ValidationServiceError(ProtevusError):
    """Signal that a rule needs a service the application has not bound.

    Raised by ``unique``/``exists`` without a presence verifier and by
    ``current_password`` without the ``auth`` and ``hash`` services.
    """
