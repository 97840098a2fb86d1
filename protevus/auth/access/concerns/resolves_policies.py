"""Find the policy of a model: registered, guessed from the model's module, or inherited.

Laravel: the policy half of ``Illuminate\\Auth\\Access\\Gate`` (``policy()``,
``getPolicyFor()``, ``guessPolicyName()``, ``guessPolicyNamesUsing()``,
``resolvePolicy()``).
"""

from __future__ import annotations

import sys
import threading
import typing as t

from protevus.auth.access.concerns.callables import find_class
from protevus.auth.access.concerns.callables import load_class
from protevus.auth.access.concerns.callables import qualified_name
from protevus.support.aliases import CamelAliases
from protevus.support.str import Str

#: A guesser: model class → dotted policy path(s) or class(es).
PolicyGuesser = t.Callable[[type], t.Any]

#: Arguments that never select a policy: values, not models.
_PLAIN = (str, bytes, int, float, complex, bool, list, tuple, dict, set, frozenset)


class ResolvesPolicies(CamelAliases):
    """Register and look up policies; the :class:`~protevus.auth.access.gate.Gate` mixes it in.

    Laravel: ``Gate::policy()``, ``Gate::getPolicyFor()``, ``Gate::guessPolicyNamesUsing()``.
    """

    _container: t.Any
    _policies: dict[t.Any, t.Any]
    _guess_callback: PolicyGuesser | None
    #: model class → policy class (or None), shared by the gates ``for_user()`` makes.
    _guessed: dict[type, type | None]
    _guess_lock: threading.Lock

    def policy(self, model: t.Any, policy: t.Any) -> t.Self:
        """Register ``policy`` (class or dotted path) for ``model`` (class or dotted path).

        Laravel: ``Gate::policy()``.
        """
        if not isinstance(model, type | str) or not isinstance(policy, type | str):
            raise TypeError(
                f"Gate.policy() needs a model class and a policy class, [{model!r}] and "
                f"[{policy!r}] given."
            )
        self._policies[model] = policy
        return self

    def policies(self) -> dict[t.Any, t.Any]:
        """Get the registered policies, model → policy. Laravel: ``Gate::policies()``."""
        return dict(self._policies)

    def guess_policy_names_using(self, callback: PolicyGuesser | None) -> t.Self:
        """Guess a model's policy with ``callback(model_class)`` → dotted path(s) or class(es).

        ``None`` restores the default guess (``app.models.post.Post`` →
        ``app.policies.post_policy.PostPolicy``).

        Laravel: ``Gate::guessPolicyNamesUsing()``.
        """
        self._guess_callback = callback
        self._guessed.clear()
        return self

    def get_policy_for(self, model: t.Any) -> t.Any:
        """Get a policy instance for a model instance or class, or None.

        Laravel: ``Gate::getPolicyFor()``: the registered policy, then a guessed
        one, then the policy registered for a parent class.
        """
        if model is None or isinstance(model, _PLAIN):
            return None
        cls = model if isinstance(model, type) else type(model)
        if cls.__module__ == "builtins":
            return None
        registered = self._registered_policy(cls)
        if registered is not None:
            return self.resolve_policy(registered)
        guessed = self._guessed_policy(cls)
        if guessed is not None:
            return self.resolve_policy(guessed)
        for parent in cls.__mro__[1:]:
            registered = self._registered_policy(parent)
            if registered is not None:
                return self.resolve_policy(registered)
        return None

    def resolve_policy(self, policy: t.Any) -> t.Any:
        """Build a policy instance through the container. Laravel: ``Gate::resolvePolicy()``."""
        cls = load_class(policy, "policy class")
        make = getattr(self._container, "make", None)
        return make(cls) if callable(make) else cls()

    def guess_policy_name(self, model: type) -> list[t.Any]:
        """Get the dotted paths (or classes) where ``model``'s policy may live, most specific first.

        ``app.models.post.Post`` → ``app.models.policies.post_policy.PostPolicy``,
        ``app.policies.post_policy.PostPolicy``.

        Laravel: ``Gate::guessPolicyName()`` (namespaces become packages; the
        policy module is the snake_case class name).
        """
        if self._guess_callback is not None:
            found = self._guess_callback(model)
            items = found if isinstance(found, list | tuple) else [found]
            return [item for item in items if item]
        module = sys.modules.get(model.__module__)
        package = model.__module__
        if module is None or not hasattr(module, "__path__"):
            package = package.rpartition(".")[0]
        segments = package.split(".") if package else []
        packages = [
            ".".join([*segments[:i], "policies"]) for i in range(1, len(segments) + 1)
        ]
        if "models" in segments[:-1]:
            at = segments.index("models")
            head, rest = segments[:at], segments[at + 1 :]
            packages.append(".".join([*head, "policies", *rest]))
            packages.append(".".join([*head, "models", "policies", *rest]))
        if not segments:
            packages.append("policies")
        packages.reverse()
        name = model.__name__
        return [f"{p}.{Str.snake(name)}_policy.{name}Policy" for p in packages]

    # -- internals -------------------------------------------------------------------

    def _registered_policy(self, cls: type) -> t.Any:
        policies = self._policies
        if not policies:
            return None
        if cls in policies:
            return policies[cls]
        return policies.get(qualified_name(cls))

    def _guessed_policy(self, cls: type) -> type | None:
        guessed = self._guessed
        if cls in guessed:
            return guessed[cls]
        found: type | None = None
        for candidate in self.guess_policy_name(cls):
            found = candidate if isinstance(candidate, type) else find_class(candidate)
            if found is not None:
                break
        with self._guess_lock:
            guessed[cls] = found
        return found
