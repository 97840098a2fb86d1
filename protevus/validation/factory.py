"""Make validators wired to the application: translator, presence verifier, extensions.

Laravel: ``Illuminate\\Validation\\Factory`` (the ``Validator`` facade's target).
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.concerns.php_arrays import call
from protevus.support.macroable import Macroable
from protevus.support.str import Str
from protevus.validation.validator import ParsedRule
from protevus.validation.validator import Validator

_Extension = t.Callable[..., t.Any] | type | str
_Resolver = t.Callable[..., Validator]


class _ImplicitRule(ParsedRule):
    """A parsed rule of an implicit extension: it runs on missing and empty values."""

    @property
    def implicit(self) -> bool:
        """Tell that the rule runs on missing and empty values too."""
        return True


class Factory(CamelAliases, Macroable):
    """Create validators: ``Validator.make(data, rules, messages, attributes)``.

    Custom rules registered with :meth:`extend` (and :meth:`extend_implicit`) and
    message replacers from :meth:`replacer` apply to every validator it makes.

    Laravel: ``Illuminate\\Validation\\Factory``.
    """

    def __init__(self, translator: t.Any = None, container: t.Any = None) -> None:
        self.translator = translator
        self.container = container
        self.verifier: t.Any = None
        self.extensions: dict[str, _Extension] = {}
        self.implicit_extensions: dict[str, _Extension] = {}
        self.replacers: dict[str, _Extension] = {}
        self.fallback_messages: dict[str, str] = {}
        self._resolver: _Resolver | None = None
        self._class: type[Validator] | None = None

    # -- making validators -----------------------------------------------------------

    def make(
        self,
        data: t.Mapping[str, t.Any],
        rules: t.Mapping[str, t.Any],
        messages: t.Mapping[str, t.Any] | None = None,
        attributes: t.Mapping[str, str] | None = None,
    ) -> Validator:
        """Create a validator for ``data`` and ``rules``.

        Laravel: ``Factory::make()``.
        """
        if not isinstance(data, t.Mapping):
            raise TypeError(
                f"Validation data must be a mapping, got [{type(data).__name__}]; "
                "pass a dict such as request.all()."
            )
        if not isinstance(rules, t.Mapping):
            raise TypeError(
                f"Validation rules must be a mapping of field to rules, got "
                f"[{type(rules).__name__}]; pass {{'title': 'required'}}."
            )
        validator = self._resolve(
            data, rules, dict(messages or {}), dict(attributes or {})
        )
        if self.translator is not None and hasattr(validator, "set_translator"):
            validator.set_translator(self.translator)
        if self.verifier is not None and hasattr(validator, "set_presence_verifier"):
            validator.set_presence_verifier(self.verifier)
        if self.container is not None and hasattr(validator, "set_container"):
            validator.set_container(self.container)
        return validator

    def validate(
        self,
        data: t.Mapping[str, t.Any],
        rules: t.Mapping[str, t.Any],
        messages: t.Mapping[str, t.Any] | None = None,
        attributes: t.Mapping[str, str] | None = None,
    ) -> dict[str, t.Any]:
        """Validate ``data`` and return the validated part, or raise ``ValidationError``.

        Laravel: ``Factory::validate()``.
        """
        return self.make(data, rules, messages, attributes).validate()

    def _resolve(
        self,
        data: t.Mapping[str, t.Any],
        rules: t.Mapping[str, t.Any],
        messages: dict[str, t.Any],
        attributes: dict[str, str],
    ) -> Validator:
        if self.fallback_messages and not hasattr(Validator, "catalogue_message"):
            messages = {**self.fallback_messages, **messages}
        if self._resolver is not None:
            return call(self._resolver, data, rules, messages, attributes, self)
        return self.validator_class()(data, rules, messages, attributes)

    def resolver(self, resolver: _Resolver) -> None:
        """Build validators with ``resolver(data, rules, messages, attributes)``.

        Laravel: ``Factory::resolver()``.
        """
        self._resolver = resolver

    def validator_class(self) -> type[Validator]:
        """Return the validator class carrying the registered extensions.

        Laravel: none (Laravel adds extensions to each validator; here the rules are
        parsed when the validator is built, so the extensions live on a subclass).
        """
        if self._class is None:
            self._class = self._build_class()
        return self._class

    # -- extending ---------------------------------------------------------------------

    def extend(
        self, rule: str, extension: _Extension, message: str | None = None
    ) -> None:
        """Add a rule: ``extend('foo', lambda attribute, value, parameters, validator: ...)``.

        ``extension`` is a callable returning truthy when the value passes, or a
        class (or dotted class path) resolved from the container whose
        ``validate(attribute, value, parameters, validator)`` answers.

        Laravel: ``Factory::extend()``.
        """
        self._register(self.extensions, rule, extension, message)

    def extend_implicit(
        self, rule: str, extension: _Extension, message: str | None = None
    ) -> None:
        """Add a rule that also runs when the field is missing or empty.

        Laravel: ``Factory::extendImplicit()``.
        """
        self._register(self.implicit_extensions, rule, extension, message)

    def replacer(self, rule: str, replacer: _Extension) -> None:
        """Replace placeholders of a rule's message: ``replacer(message, attribute, rule, parameters, validator)``.

        Laravel: ``Factory::replacer()``.
        """
        self.replacers[_rule_name(rule)] = replacer
        self._class = None

    def _register(
        self,
        table: dict[str, _Extension],
        rule: str,
        extension: _Extension,
        message: str | None,
    ) -> None:
        name = _rule_name(rule)
        if not (callable(extension) or isinstance(extension, str)):
            raise TypeError(
                f"Validation extension [{name}] must be a callable, a class or a "
                f"dotted class path; got [{extension!r}]."
            )
        self.extensions.pop(name, None)
        self.implicit_extensions.pop(name, None)
        table[name] = extension
        if message is not None:
            self.fallback_messages[name] = message
        self._class = None

    # -- services ----------------------------------------------------------------------

    def get_translator(self) -> t.Any:
        """Return the translator given to validators. Laravel: ``Factory::getTranslator()``."""
        return self.translator

    def set_translator(self, translator: t.Any) -> None:
        """Give validators this translator. Laravel: none (set in the constructor)."""
        self.translator = translator

    def get_presence_verifier(self) -> t.Any:
        """Return the presence verifier. Laravel: ``Factory::getPresenceVerifier()``."""
        if self.verifier is None and self.container is not None:
            if self.container.bound("validation.presence"):
                self.verifier = self.container.make("validation.presence")
        return self.verifier

    def set_presence_verifier(self, verifier: t.Any) -> None:
        """Use this verifier for ``unique``/``exists``. Laravel: ``Factory::setPresenceVerifier()``."""
        self.verifier = verifier

    def get_container(self) -> t.Any:
        """Return the container. Laravel: ``Factory::getContainer()``."""
        return self.container

    def set_container(self, container: t.Any) -> Factory:
        """Set the container. Laravel: ``Factory::setContainer()``."""
        self.container = container
        return self

    # -- the extended class ------------------------------------------------------------

    def _build_class(self) -> type[Validator]:
        if not (self.extensions or self.implicit_extensions or self.replacers):
            return Validator
        namespace: dict[str, t.Any] = {"__module__": Validator.__module__}
        for table in (self.extensions, self.implicit_extensions):
            for name, extension in table.items():
                namespace[f"validate_{name}"] = self._rule_method(name, extension)
        implicit = frozenset(self.implicit_extensions)
        replacers = dict(self.replacers)
        fallback = dict(self.fallback_messages)
        resolve = self._callable

        def parse_rules(self: Validator, raw: t.Any) -> list[ParsedRule]:
            parsed = Validator.parse_rules(self, raw)
            return [
                _ImplicitRule(rule.name, rule.params)
                if rule.obj is None and rule.name in implicit
                else rule
                for rule in parsed
            ]

        def replace_placeholders(
            self: Validator, message: str, attribute: str, rule: str, params: list[str]
        ) -> str:
            message = Validator.replace_placeholders(
                self, message, attribute, rule, params
            )
            replacer = replacers.get(rule)
            if replacer is None:
                return message
            found = call(resolve(replacer), message, attribute, rule, params, self)
            return str(found)

        namespace["parse_rules"] = parse_rules
        namespace["replace_placeholders"] = replace_placeholders
        if hasattr(Validator, "catalogue_message"):

            def catalogue_message(
                self: Validator, key: str, kind: str | None = None
            ) -> str | None:
                found = Validator.catalogue_message(self, key, kind)
                if found is None and kind is None:
                    return fallback.get(key)
                return found

            namespace["catalogue_message"] = catalogue_message
        return t.cast(type[Validator], type("Validator", (Validator,), namespace))

    def _rule_method(self, name: str, extension: _Extension) -> t.Callable[..., bool]:
        resolve = self._callable

        def validate(
            self: Validator, attribute: str, value: t.Any, params: list[str]
        ) -> bool:
            return bool(call(resolve(extension), attribute, value, params, self))

        validate.__name__ = f"validate_{name}"
        return validate

    def _callable(self, extension: _Extension) -> t.Callable[..., t.Any]:
        if isinstance(extension, str) or isinstance(extension, type):
            target, _, method = (
                extension.partition("@") if isinstance(extension, str) else ("", "", "")
            )
            container = self.container
            if container is None:
                from protevus.container.container import Container

                container = Container.get_instance()
            instance = container.make(target or extension)
            return t.cast(
                t.Callable[..., t.Any], getattr(instance, method or "validate")
            )
        return extension


def _rule_name(rule: str) -> str:
    """Return the snake_case name a rule is written with (``IsUpper`` → ``is_upper``)."""
    return Str.snake(rule.strip())
