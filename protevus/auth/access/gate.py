"""The authorization gate: abilities, policies, before/after hooks (container key ``'gate'``).

Laravel: ``Illuminate\\Auth\\Access\\Gate``.
"""

from __future__ import annotations

import threading
import typing as t

from protevus.auth.access.concerns import callables
from protevus.auth.access.concerns.callables import load_class
from protevus.auth.access.concerns.resolves_policies import PolicyGuesser
from protevus.auth.access.concerns.resolves_policies import ResolvesPolicies
from protevus.auth.access.events import GateEvaluated
from protevus.auth.access.exceptions import AuthorizationException
from protevus.auth.access.response import Response
from protevus.exceptions import InvalidArgumentError
from protevus.support.str import Str

#: a gate callback: ``callback(user, *arguments)`` → bool, Response or None.
Callback = t.Callable[..., t.Any]

#: the abilities ``resource()`` defines, ability → policy method.
RESOURCE_ABILITIES: dict[str, str] = {
    "viewAny": "view_any",
    "view": "view",
    "create": "create",
    "update": "update",
    "delete": "delete",
}


class Gate(ResolvesPolicies):
    """Decide whether the current user may perform an ability.

    ::

        Gate.define('update-post', lambda user, post: user.id == post.user_id)
        Gate.policy(Post, PostPolicy)
        Gate.allows('update-post', post)       # the logged-in user
        Gate.for_user(other).denies('update', post)
        Gate.authorize('update', post)         # raises AuthorizationException (403)

    A check runs the ``before`` callbacks (the first non-None answer wins), then
    the policy of the first argument (``Post`` instance or class), else the
    ability's callback, then the ``after`` callbacks (which only decide when
    nothing else did). Guests (user None) are denied unless the callback's first
    parameter accepts None (``user: User | None`` or ``user=None``).

    Laravel: ``Illuminate\\Auth\\Access\\Gate``.
    """

    def __init__(
        self,
        container: t.Any,
        user_resolver: t.Callable[[], t.Any],
        abilities: dict[str, Callback] | None = None,
        policies: dict[t.Any, t.Any] | None = None,
        before_callbacks: list[Callback] | None = None,
        after_callbacks: list[Callback] | None = None,
        guess_policy_names_using: PolicyGuesser | None = None,
        *,
        string_callbacks: dict[str, tuple[t.Any, str | None]] | None = None,
        guessed: dict[type, type | None] | None = None,
        default_denial_response: Response | None = None,
    ) -> None:
        self._container = container
        self._user_resolver = user_resolver
        self._abilities: dict[str, Callback] = dict(abilities or {})
        self._string_callbacks = dict(string_callbacks or {})
        self._policies = dict(policies or {})
        self._before_callbacks = list(before_callbacks or [])
        self._after_callbacks = list(after_callbacks or [])
        self._guess_callback = guess_policy_names_using
        self._guessed = guessed if guessed is not None else {}
        self._guess_lock = threading.Lock()
        self._default_denial_response = default_denial_response

    # -- defining ----------------------------------------------------------------------

    def has(self, ability: str | t.Iterable[str]) -> bool:
        """Tell whether every ability is defined. Laravel: ``Gate::has()``."""
        names = [ability] if isinstance(ability, str) else list(ability)
        return all(self._ability_key(name) is not None for name in names)

    def define(self, ability: str, callback: t.Any) -> t.Self:
        """Define an ability with a callable, ``[PolicyClass, 'method']`` or ``'dotted.Class@method'``.

        Laravel: ``Gate::define()``.
        """
        if not isinstance(ability, str) or not ability:
            raise InvalidArgumentError(
                f"The ability [{ability!r}] must be a non-empty string."
            )
        if (
            isinstance(callback, list | tuple)
            and len(callback) == 2
            and isinstance(callback[0], type | str)
            and isinstance(callback[1], str)
        ):
            self._define_string(ability, callback[0], callback[1])
        elif isinstance(callback, str) and "@" in callback:
            target, _, method = callback.partition("@")
            self._define_string(ability, target, method or None)
        elif callable(callback) and not isinstance(callback, type):
            self._abilities[ability] = callback
            self._string_callbacks.pop(ability, None)
        else:
            raise InvalidArgumentError(
                f"The callback of ability [{ability}] must be a callable, a "
                "[Class, 'method'] pair or a 'package.module.Class@method' string; "
                f"[{callback!r}] given."
            )
        return self

    def resource(
        self,
        name: str,
        policy: t.Any,
        abilities: t.Mapping[str, str] | None = None,
    ) -> t.Self:
        """Define ``name.viewAny``, ``name.view``, ``name.create``... from a policy's methods.

        Laravel: ``Gate::resource()``.
        """
        for ability, method in (abilities or RESOURCE_ABILITIES).items():
            self.define(f"{name}.{ability}", [policy, method])
        return self

    def before(self, callback: Callback) -> t.Self:
        """Run ``callback(user, ability, arguments)`` before every check; non-None decides.

        Laravel: ``Gate::before()``.
        """
        self._before_callbacks.append(callback)
        return self

    def after(self, callback: Callback) -> t.Self:
        """Run ``callback(user, ability, result, arguments)`` after every check.

        Its answer counts only when the check itself gave none (None).

        Laravel: ``Gate::after()``.
        """
        self._after_callbacks.append(callback)
        return self

    def default_denial_response(self, response: Response) -> t.Self:
        """Use ``response`` when a check answers plain False. Laravel: ``Gate::defaultDenialResponse()``."""
        self._default_denial_response = response
        return self

    def abilities(self) -> dict[str, Callback]:
        """Get the defined abilities, name → callback. Laravel: ``Gate::abilities()``."""
        return dict(self._abilities)

    # -- checking ----------------------------------------------------------------------

    def allows(self, ability: str | t.Iterable[str], arguments: t.Any = None) -> bool:
        """Tell whether the user has the ability (every one of a list). Laravel: ``Gate::allows()``."""
        return self.check(ability, arguments)

    def denies(self, ability: str | t.Iterable[str], arguments: t.Any = None) -> bool:
        """Tell whether the user lacks the ability. Laravel: ``Gate::denies()``."""
        return not self.allows(ability, arguments)

    def check(self, abilities: str | t.Iterable[str], arguments: t.Any = None) -> bool:
        """Tell whether the user has every ability. Laravel: ``Gate::check()``."""
        names = [abilities] if isinstance(abilities, str) else list(abilities)
        return all(self.inspect(name, arguments).allowed() for name in names)

    def any(self, abilities: str | t.Iterable[str], arguments: t.Any = None) -> bool:
        """Tell whether the user has any of the abilities. Laravel: ``Gate::any()``."""
        names = [abilities] if isinstance(abilities, str) else list(abilities)
        return any(self.check(name, arguments) for name in names)

    def none(self, abilities: str | t.Iterable[str], arguments: t.Any = None) -> bool:
        """Tell whether the user has none of the abilities. Laravel: ``Gate::none()``."""
        return not self.any(abilities, arguments)

    def authorize(self, ability: str, arguments: t.Any = None) -> Response:
        """Return the allowing response, or raise :class:`AuthorizationException` (403).

        Laravel: ``Gate::authorize()``.
        """
        return self.inspect(ability, arguments).authorize()

    def inspect(self, ability: str, arguments: t.Any = None) -> Response:
        """Check the ability and return the full :class:`Response`. Laravel: ``Gate::inspect()``."""
        try:
            result = self.raw(ability, arguments)
        except AuthorizationException as error:
            return error.to_gate_response()
        if isinstance(result, Response):
            return result
        if result:
            return Response.allow()
        if self._default_denial_response is not None:
            return self._default_denial_response
        return Response.deny()

    def raw(self, ability: str, arguments: t.Any = None) -> t.Any:
        """Check the ability and return the callback's raw answer (bool, Response or None).

        Laravel: ``Gate::raw()``.
        """
        args = _wrap(arguments)
        user = self.resolve_user()
        result = self._call_before_callbacks(user, ability, args)
        if result is None:
            result = self._call_auth_callback(user, ability, args)
        result = self._call_after_callbacks(user, ability, args, result)
        self._dispatch_gate_evaluated(user, ability, result, args)
        return result

    def allow_if(
        self, condition: t.Any, message: str | None = None, code: t.Any = None
    ) -> Response:
        """Authorize on the spot: allow when ``condition`` (or ``condition(user)``) is truthy.

        Laravel: ``Gate::allowIf()``.
        """
        return self._authorize_on_demand(condition, message, code, True)

    def deny_if(
        self, condition: t.Any, message: str | None = None, code: t.Any = None
    ) -> Response:
        """Authorize on the spot: deny when ``condition`` (or ``condition(user)``) is truthy.

        Laravel: ``Gate::denyIf()``.
        """
        return self._authorize_on_demand(condition, message, code, False)

    def for_user(self, user: t.Any) -> Gate:
        """Get a gate checking ``user`` instead of the logged-in one. Laravel: ``Gate::forUser()``."""
        return type(self)(
            self._container,
            lambda: user,
            self._abilities,
            self._policies,
            self._before_callbacks,
            self._after_callbacks,
            self._guess_callback,
            string_callbacks=self._string_callbacks,
            guessed=self._guessed,
            default_denial_response=self._default_denial_response,
        )

    def resolve_user(self) -> t.Any:
        """Get the user checks run for (None for a guest). Laravel: ``Gate::resolveUser()``."""
        return self._user_resolver()

    def set_container(self, container: t.Any) -> t.Self:
        """Use ``container`` to build policies. Laravel: ``Gate::setContainer()``."""
        self._container = container
        return self

    # -- internals -------------------------------------------------------------------

    def _define_string(self, ability: str, target: t.Any, method: str | None) -> None:
        if method is not None and (not method.isidentifier() or method.startswith("_")):
            raise InvalidArgumentError(
                f"The method [{method}] of ability [{ability}] is not a public method "
                "name."
            )
        self._string_callbacks[ability] = (target, method)
        self._abilities[ability] = self._build_ability_callback(ability, target, method)

    def _build_ability_callback(
        self, ability: str, target: t.Any, method: str | None
    ) -> Callback:
        # Laravel: buildAbilityCallback(): the policy's before() runs first.
        def callback(user: t.Any, *arguments: t.Any) -> t.Any:
            policy = self.resolve_policy(target)
            result = self._call_policy_before(policy, user, ability, list(arguments))
            if result is not None:
                return result
            bound = getattr(policy, method) if method else policy
            return callables.call(bound, user, *arguments)

        return callback

    def _ability_key(self, ability: str) -> str | None:
        if ability in self._abilities:
            return ability
        snake = _snake(ability)
        return snake if snake in self._abilities else None

    def _call_before_callbacks(
        self, user: t.Any, ability: str, arguments: list[t.Any]
    ) -> t.Any:
        for before in self._before_callbacks:
            if not self._can_be_called_with_user(user, before):
                continue
            result = callables.call(before, user, ability, arguments)
            if result is not None:
                return result
        return None

    def _call_after_callbacks(
        self, user: t.Any, ability: str, arguments: list[t.Any], result: t.Any
    ) -> t.Any:
        for after in self._after_callbacks:
            if not self._can_be_called_with_user(user, after):
                continue
            answer = callables.call(after, user, ability, result, arguments)
            if result is None:
                result = answer
        return result

    def _call_auth_callback(
        self, user: t.Any, ability: str, arguments: list[t.Any]
    ) -> t.Any:
        if arguments:
            policy = self.get_policy_for(arguments[0])
            if policy is not None:
                method = _policy_method(policy, ability)
                if method is not None:
                    result = self._call_policy_before(policy, user, ability, arguments)
                    if result is not None:
                        return result
                    return self._call_policy_method(method, user, arguments)
        key = self._ability_key(ability)
        if key is None:
            return None
        if key in self._string_callbacks:
            target, method_name = self._string_callbacks[key]
            cls = load_class(target, "policy class")
            if user is None and not callables.method_allows_guests(
                cls, method_name or "__call__"
            ):
                return None
            return callables.call(self._abilities[key], user, *arguments)
        callback = self._abilities[key]
        if not self._can_be_called_with_user(user, callback):
            return None
        return callables.call(callback, user, *arguments)

    def _call_policy_before(
        self, policy: t.Any, user: t.Any, ability: str, arguments: list[t.Any]
    ) -> t.Any:
        before = getattr(policy, "before", None)
        if not callable(before):
            return None
        if not self._can_be_called_with_user(user, before):
            return None
        return callables.call(before, user, ability, *arguments)

    def _call_policy_method(
        self, method: Callback, user: t.Any, arguments: list[t.Any]
    ) -> t.Any:
        # Laravel: a class-name first argument only picked the policy.
        if arguments and isinstance(arguments[0], type):
            arguments = arguments[1:]
        if not self._can_be_called_with_user(user, method):
            return None
        return callables.call(method, user, *arguments)

    @staticmethod
    def _can_be_called_with_user(user: t.Any, callback: t.Any) -> bool:
        return user is not None or callables.allows_guests(callback)

    def _authorize_on_demand(
        self, condition: t.Any, message: str | None, code: t.Any, allow_when: bool
    ) -> Response:
        user = self.resolve_user()
        if callable(condition) and not isinstance(condition, Response):
            if self._can_be_called_with_user(user, condition):
                response = callables.call(condition, user)
            else:
                response = Response(False, message, code)
        else:
            response = condition
        if not isinstance(response, Response):
            response = Response(bool(response) is allow_when, message, code)
        return response.authorize()

    def _dispatch_gate_evaluated(
        self, user: t.Any, ability: str, result: t.Any, arguments: list[t.Any]
    ) -> None:
        container = self._container
        bound = getattr(container, "bound", None)
        if bound is None or not bound("events"):
            return
        container.make("events").dispatch(
            GateEvaluated(user, ability, result, arguments)
        )


def _wrap(arguments: t.Any) -> list[t.Any]:
    # Laravel: Arr::wrap().
    if arguments is None:
        return []
    if isinstance(arguments, list | tuple):
        return list(arguments)
    return [arguments]


def _snake(ability: str) -> str:
    return Str.snake(ability.replace("-", "_"))


def _policy_method(policy: t.Any, ability: str) -> Callback | None:
    """Find the policy method for an ability: ``update``, ``viewAny``/``view-any`` → ``view_any``."""
    for name in (ability, _snake(ability)):
        if not name.isidentifier() or name.startswith("_"):
            continue
        method = getattr(policy, name, None)
        if callable(method) and not isinstance(method, type):
            return t.cast(Callback, method)
    return None
