"""The ``can`` route middleware: ``middleware('can:update,post')`` authorizes before the action runs.

Laravel: ``Illuminate\\Auth\\Middleware\\Authorize``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.container.container import Container
from protevus.support.aliases import CamelAliases

_QUOTED = re.compile(r"""^(['"])(.*)\1$""")


class Authorize(CamelAliases):
    """Ask the gate before the route runs; a denial answers 403 (or the denial's status).

    ``can:update,post`` passes the route parameter ``post`` (the model route
    model binding resolved; ``SubstituteBindings`` runs first by priority);
    ``can:create,app.models.post.Post`` passes the class, so the policy's
    ``create(user)`` decides. A bare capitalised name (``can:create,Post``) that
    is not a route parameter is looked up as ``app.models.post.Post``; a quoted
    value (``can:view,'draft'``) is passed as a string.

    Laravel: ``Illuminate\\Auth\\Middleware\\Authorize``.
    """

    def __init__(self, gate: t.Any = None) -> None:
        self.gate = gate

    @staticmethod
    def using(ability: str, *models: str) -> str:
        """Build the middleware string: ``Authorize.using('update', 'post')`` → ``can:update,post``.

        Laravel: ``Authorize::using()``.
        """
        return "can:" + ",".join([ability, *models])

    def handle(
        self,
        request: t.Any,
        next: t.Callable[[t.Any], t.Any],
        ability: str | None = None,
        *models: str,
    ) -> t.Any:
        """Authorize ``ability`` with the arguments, then pass the request on.

        Laravel: ``Authorize::handle()``.
        """
        if not ability:
            raise ValueError(
                "The [can] middleware needs an ability: write it as "
                "'can:update,post' (ability, then route parameters or classes)."
            )
        gate = self.gate or Container.get_instance().make("gate")
        gate.authorize(ability, self.get_gate_arguments(request, models))
        return next(request)

    def get_gate_arguments(
        self, request: t.Any, models: t.Sequence[str]
    ) -> list[t.Any]:
        """Turn the middleware's arguments into gate arguments. Laravel: ``getGateArguments()``."""
        return [self.get_model(request, model) for model in models]

    def get_model(self, request: t.Any, model: str) -> t.Any:
        """Get one gate argument: a class, a route parameter or a quoted string.

        Laravel: ``Authorize::getModel()``.
        """
        from protevus.auth.access.concerns.callables import find_class
        from protevus.auth.access.concerns.callables import load_class

        model = model.strip()
        if "." in model and not _QUOTED.match(model):
            return load_class(model, "model class")
        parameter = request.route(model, None) if model.isidentifier() else None
        if parameter is not None:
            return parameter
        quoted = _QUOTED.match(model)
        if quoted:
            return quoted.group(2)
        if model[:1].isupper() and model.isidentifier():
            from protevus.support.str import Str

            return find_class(f"app.models.{Str.snake(model)}.{model}")
        return None
