"""Events of the authorization gate.

Laravel: ``Illuminate\\Auth\\Access\\Events\\GateEvaluated``.
"""

from __future__ import annotations

import typing as t


class GateEvaluated:
    """Report a finished gate check: the user, the ability, the result and the arguments.

    Laravel: ``Illuminate\\Auth\\Access\\Events\\GateEvaluated``.
    """

    def __init__(
        self, user: t.Any, ability: str, result: t.Any, arguments: list[t.Any]
    ) -> None:
        self.user = user
        self.ability = ability
        self.result = result
        self.arguments = arguments
