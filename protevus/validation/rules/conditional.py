"""Rules that apply when a condition (a bool or a callable) holds.

``Rule.required_if(lambda: user.is_admin)`` becomes ``'required'`` or nothing.

Laravel: ``Illuminate\\Validation\\Rules\\RequiredIf``, ``ProhibitedIf``, ``ExcludeIf``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class RequiredIf(CamelAliases):
    """Require the field when the condition holds.

    Laravel: ``Illuminate\\Validation\\Rules\\RequiredIf``.
    """

    rule = "required"

    def __init__(self, condition: bool | t.Callable[[], t.Any]) -> None:
        if not isinstance(condition, bool) and not callable(condition):
            raise TypeError(
                f"{type(self).__name__} condition [{condition!r}] must be a bool or "
                "a callable returning one."
            )
        self.condition = condition

    def __str__(self) -> str:
        holds = self.condition() if callable(self.condition) else self.condition
        return self.rule if holds else ""


class ProhibitedIf(RequiredIf):
    """Prohibit the field when the condition holds.

    Laravel: ``Illuminate\\Validation\\Rules\\ProhibitedIf``.
    """

    rule = "prohibited"


class ExcludeIf(RequiredIf):
    """Drop the field from the validated data when the condition holds.

    Laravel: ``Illuminate\\Validation\\Rules\\ExcludeIf``.
    """

    rule = "exclude"
