"""A request that authorizes and validates itself before the controller action runs.

Laravel: ``Illuminate\\Foundation\\Http\\FormRequest``. Type-hint a subclass in an
action (``def store(self, request: StorePostRequest)``): the router resolves it
from the container, which builds it from the current request and, through the
``after_resolving`` hook of the validation service provider, runs
``validate_resolved()`` — so the action only runs with valid input.
"""

from __future__ import annotations

import copy
import typing as t

from protevus.http.request import Request
from protevus.support.arr import data_get
from protevus.validation.exceptions import ValidationError
from protevus.validation.validates_when_resolved import ValidatesWhenResolved

if t.TYPE_CHECKING:
    from protevus.validation.validator import Validator


class FormRequest(Request, ValidatesWhenResolved):
    """Authorize and validate a request: override ``authorize()`` and ``rules()``.

    ::

        class StorePostRequest(FormRequest):
            def authorize(self) -> bool:
                return self.user() is not None

            def rules(self) -> dict[str, t.Any]:
                return {"title": "required|max:255", "body": "required"}

    Class attributes: ``redirect`` (URL), ``redirect_route`` (route name) or
    ``redirect_action`` say where a failed HTML form goes back to (the previous
    URL by default); ``error_bag`` names the bag the errors are flashed into;
    ``stop_on_first_failure`` stops at the first failing field.

    Laravel: ``Illuminate\\Foundation\\Http\\FormRequest``.
    """

    #: the URL to redirect to when validation fails.
    redirect: t.ClassVar[str | None] = None
    #: the route name to redirect to when validation fails.
    redirect_route: t.ClassVar[str | None] = None
    #: the controller action to redirect to when validation fails.
    redirect_action: t.ClassVar[t.Any] = None
    #: the error bag the messages are flashed into.
    error_bag: t.ClassVar[str] = "default"
    #: stop validating after the first failing attribute.
    stop_on_first_failure: t.ClassVar[bool] = False

    _validator: Validator | None = None
    _container: t.Any = None

    def __init__(
        self,
        environ: t.Any = None,
        populate_request: bool = True,
        shallow: bool = False,
    ) -> None:
        """Build from a WSGI environ, or (without one) from the current request.

        The container builds form requests without arguments, so they share the
        current request's input, files, route, session and user resolver.
        """
        if environ is None:
            self._copy_from(_current_request())
        else:
            super().__init__(environ, populate_request, shallow)
        self._validator = None

    @classmethod
    def create_from(cls, source: Request) -> t.Self:
        """Return a new form request holding ``source``'s data (not validated).

        Laravel: ``Request::createFrom()``.
        """
        request = cls.__new__(cls)
        request._copy_from(source)
        request._validator = None
        return request

    def _copy_from(self, source: Request) -> None:
        # Parse the body once, on the source, so both see it (the WSGI stream
        # can be read only once); the input bags are copied so merge() in
        # prepare_for_validation() leaves the source's input alone, as in Laravel.
        query, body = source.query_bag(), source.request_bag()
        files = source.all_files()
        self.__dict__.update(source.__dict__)
        self._query_bag = copy.deepcopy(query)
        self._request_bag = self._query_bag if body is query else copy.deepcopy(body)
        self._file_bag = dict(files)

    # -- the hooks a subclass overrides ------------------------------------------------

    def rules(self) -> dict[str, t.Any]:
        """Return the validation rules (override). Laravel: ``FormRequest::rules()``."""
        return {}

    def messages(self) -> dict[str, str]:
        """Return custom messages keyed ``'field.rule'`` (override). Laravel: ``messages()``."""
        return {}

    def attributes(self) -> dict[str, str]:
        """Return display names of fields (override). Laravel: ``attributes()``."""
        return {}

    def validation_data(self) -> dict[str, t.Any]:
        """Return the data to validate: all input and files. Laravel: ``validationData()``."""
        return self.all()

    # -- validation ------------------------------------------------------------------

    def get_validator_instance(self) -> Validator:
        """Build the validator once: ``validator(factory)`` if defined, then the hooks.

        ``with_validator(validator)`` may add rules or after-hooks; ``after()`` may
        return after-hooks (callables or objects with ``after(validator)``).

        Laravel: ``FormRequest::getValidatorInstance()``.
        """
        if self._validator is not None:
            return self._validator
        container = self._app()
        factory = container.make("validator")
        custom = getattr(self, "validator", None)
        if callable(custom):
            validator = container.call(custom, {"factory": factory})
        else:
            validator = self.create_default_validator(factory)
        with_validator = getattr(self, "with_validator", None)
        if callable(with_validator):
            with_validator(validator)
        after = getattr(self, "after", None)
        if callable(after):
            hooks = container.call(after)
            if hooks:
                validator.after(hooks)
        self.set_validator(validator)
        return validator

    def create_default_validator(self, factory: t.Any) -> Validator:
        """Make the validator from ``rules()``, ``messages()`` and ``attributes()``.

        ``rules()`` may ask for services by type hint; they are injected.

        Laravel: ``FormRequest::createDefaultValidator()``.
        """
        rules = self._app().call(self.rules)
        validator = factory.make(
            self.validation_data(), rules or {}, self.messages(), self.attributes()
        )
        if self.stop_on_first_failure:
            validator.stop_on_first_failure()
        return t.cast("Validator", validator)

    def failed_validation(self, validator: Validator) -> t.NoReturn:
        """Raise ``ValidationError`` with this request's error bag and redirect URL.

        Laravel: ``FormRequest::failedValidation()``.
        """
        raise (
            ValidationError(validator)
            .error_bag_(self.error_bag)
            .redirect_to_(self.get_redirect_url())
        )

    def get_redirect_url(self) -> str:
        """Return where a failed HTML form goes: ``redirect``, the route, the action, or back.

        Laravel: ``FormRequest::getRedirectUrl()``.
        """
        url = self._app().make("url")
        if self.redirect:
            return t.cast(str, url.to(self.redirect))
        if self.redirect_route:
            return t.cast(str, url.route(self.redirect_route))
        if self.redirect_action:
            return t.cast(str, url.action(self.redirect_action))
        return t.cast(str, url.previous())

    def passes_authorization(self) -> bool:
        """Call ``authorize()`` (with injected services) when the class defines it.

        A response-like result with ``allowed()`` counts by that answer.

        Laravel: ``FormRequest::passesAuthorization()``.
        """
        authorize = getattr(self, "authorize", None)
        if not callable(authorize):
            return True
        result = self._app().call(authorize)
        allowed = getattr(result, "allowed", None)
        return bool(allowed() if callable(allowed) else result)

    def validated(self, key: t.Any = None, default: t.Any = None) -> t.Any:
        """Return the validated data, or one (dot) key of it.

        Laravel: ``FormRequest::validated()``.
        """
        data = self.get_validator_instance().validated()
        return data if key is None else data_get(data, key, default)

    def safe(self, keys: t.Sequence[str] | None = None) -> t.Any:
        """Return the validated data as ``ValidatedInput`` (``safe().only([...])``).

        Laravel: ``FormRequest::safe()``.
        """
        return self.get_validator_instance().safe(keys)

    def set_validator(self, validator: Validator) -> FormRequest:
        """Use ``validator`` for this request. Laravel: ``FormRequest::setValidator()``."""
        self._validator = validator
        return self

    def set_container(self, container: t.Any) -> FormRequest:
        """Resolve services from ``container``. Laravel: ``FormRequest::setContainer()``."""
        self._container = container
        return self

    def _app(self) -> t.Any:
        if self._container is None:
            from protevus.container.container import Container

            self._container = Container.get_instance()
        return self._container


def _current_request() -> Request:
    from protevus.container.container import Container

    container = Container.get_instance()
    if container.bound("request"):
        current = container.make("request")
    else:
        import flask

        if not flask.has_request_context():
            current = None
        else:
            current = flask.request._get_current_object()  # type: ignore[attr-defined]
    if not isinstance(current, Request):
        raise RuntimeError(
            "A form request is built from the current request, and there is none: "
            "resolve it while a request is handled (type-hint it in a route action), "
            "or use FormRequest.create_from(request)."
        )
    return current
