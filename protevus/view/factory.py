"""Make views, share data with them and attach composers.

Laravel: ``Illuminate\\View\\Factory`` (the ``View`` facade, the ``view()`` helper).
"""

from __future__ import annotations

import re
import threading
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable
from protevus.view.exceptions import ViewError
from protevus.view.exceptions import ViewNotFoundError
from protevus.view.file_view_finder import FileViewFinder
from protevus.view.globals import request_shared
from protevus.view.globals import sharing_for_request
from protevus.view.view import View

if t.TYPE_CHECKING:
    import jinja2

    from protevus.view.blade.compiler import BladeCompiler

_Callback = t.Callable[[View], t.Any]
_Views = str | t.Sequence[str]


class Factory(Macroable, CamelAliases):
    """Find, make and render views; hold shared data, composers and creators.

    Laravel: ``Illuminate\\View\\Factory``. The Jinja environment is built on first
    use by ``environment_factory`` (once per application).
    """

    def __init__(
        self,
        finder: FileViewFinder,
        environment_factory: t.Callable[[FileViewFinder], jinja2.Environment],
        container: t.Any = None,
    ) -> None:
        self._finder = finder
        self._environment_factory = environment_factory
        self._environment: jinja2.Environment | None = None
        self._container = container
        self._shared: dict[str, t.Any] = {}
        self._composers: list[tuple[str, _Callback]] = []
        self._creators: list[tuple[str, _Callback]] = []
        self._lock = threading.Lock()

    # -- the environment -------------------------------------------------------

    @property
    def environment(self) -> jinja2.Environment:
        """Return the Jinja environment views render with (built on first use)."""
        environment = self._environment
        if environment is None:
            with self._lock:
                if self._environment is None:
                    self._environment = self._environment_factory(self._finder)
                environment = self._environment
        return environment

    def get_environment(self) -> jinja2.Environment:
        """Return the Jinja environment. Laravel: ``Factory::getEngineResolver()``."""
        return self.environment

    def get_compiler(self) -> BladeCompiler:
        """Return the Blade compiler of the environment (``Blade`` facade)."""
        return t.cast("BladeCompiler", self.environment.blade_compiler)  # type: ignore[attr-defined]

    def get_finder(self) -> FileViewFinder:
        """Return the view finder. Laravel: ``Factory::getFinder()``."""
        return self._finder

    # -- making views ----------------------------------------------------------

    def make(
        self,
        view: str,
        data: t.Mapping[str, t.Any] | None = None,
        merge_data: t.Mapping[str, t.Any] | None = None,
        /,
        **variables: t.Any,
    ) -> View:
        """Make the view ``view`` (``'posts.index'``) with ``data``.

        ``View.make('posts.index', {'posts': posts})`` or ``View.make('posts.index', posts=posts)``
        (the positional parameters leave every keyword free for data). Raises ``View [name] not found.`` when no file matches.

        Laravel: ``Factory::make()``.
        """
        template = self._finder.find(_normalize(view))
        return self._view(
            view, template, {**(merge_data or {}), **_data(data), **variables}
        )

    def first(
        self,
        views: t.Sequence[str],
        data: t.Mapping[str, t.Any] | None = None,
        merge_data: t.Mapping[str, t.Any] | None = None,
    ) -> View:
        """Make the first view of ``views`` that exists. Laravel: ``Factory::first()``."""
        for view in views:
            if self.exists(view):
                return self.make(view, data, merge_data)
        raise ViewNotFoundError(
            f"None of the views in the given array exist: [{', '.join(views)}]. "
            "Create one of them or fix the names."
        )

    def file(
        self,
        path: str,
        data: t.Mapping[str, t.Any] | None = None,
        merge_data: t.Mapping[str, t.Any] | None = None,
    ) -> View:
        """Make a view from a template file anywhere on disk. Laravel: ``Factory::file()``."""
        template = self._finder.register_file(path)
        return self._view(template, template, {**(merge_data or {}), **_data(data)})

    def exists(self, view: str) -> bool:
        """Tell whether a view exists. Laravel: ``Factory::exists()``."""
        try:
            self._finder.find(_normalize(view))
        except ViewNotFoundError:
            return False
        return True

    def render_when(
        self,
        condition: t.Any,
        view: str,
        data: t.Mapping[str, t.Any] | None = None,
    ) -> str:
        """Render ``view`` when ``condition`` is truthy, else ``''``. Laravel: ``renderWhen()``."""
        return self.make(view, data).render() if condition else ""

    def render_unless(
        self,
        condition: t.Any,
        view: str,
        data: t.Mapping[str, t.Any] | None = None,
    ) -> str:
        """Render ``view`` unless ``condition`` is truthy. Laravel: ``renderUnless()``."""
        return self.render_when(not condition, view, data)

    def render_each(
        self,
        view: str,
        data: t.Iterable[t.Any] | t.Mapping[t.Any, t.Any],
        iterator: str,
        empty: str = "raw|",
    ) -> str:
        """Render ``view`` once per item of ``data`` (as ``iterator`` and ``key``).

        ``empty`` is the view rendered when ``data`` is empty; ``'raw|text'`` prints
        ``text`` instead. Laravel: ``Factory::renderEach()`` (``@each``).
        """
        items = (
            list(data.items()) if isinstance(data, t.Mapping) else list(enumerate(data))
        )
        if items:
            return "".join(
                self.make(view, {"key": key, iterator: value}).render()
                for key, value in items
            )
        if empty.startswith("raw|"):
            return empty[4:]
        return self.make(empty).render()

    def _view(self, name: str, template: str, data: dict[str, t.Any]) -> View:
        view = View(self, name, template, data)
        self.call_creator(view)
        return view

    # -- shared data -----------------------------------------------------------

    def share(self, key: str | t.Mapping[str, t.Any], value: t.Any = None) -> t.Any:
        """Share data with every view the application renders. Laravel: ``Factory::share()``.

        ``View.share('site', 'Shop')`` or ``View.share({'site': 'Shop'})``. For data of
        one request only use :meth:`sharing`.
        """
        items = dict(key) if isinstance(key, t.Mapping) else {key: value}
        self._shared.update(items)
        return value

    def sharing(self, data: t.Mapping[str, t.Any]) -> t.ContextManager[None]:
        """Share ``data`` with views rendered inside the ``with`` block, in this request only.

        ``ShareErrorsFromSession`` shares ``errors`` this way; other requests and
        threads never see it.
        """
        return sharing_for_request(data)

    def shared(self, key: str, default: t.Any = None) -> t.Any:
        """Return one shared value. Laravel: ``Factory::shared()``."""
        return self.get_shared().get(key, default)

    def get_shared(self) -> dict[str, t.Any]:
        """Return all shared data (application-wide, then this request's). Laravel: ``getShared()``."""
        scoped = request_shared()
        return {**self._shared, **scoped} if scoped else dict(self._shared)

    # -- composers and creators --------------------------------------------------

    def composer(self, views: _Views, callback: t.Any) -> list[_Callback]:
        """Run ``callback(view)`` before each matching view renders.

        ``views`` is a name, a wildcard (``'posts.*'``, ``'*'``) or a list of them;
        ``callback`` is a callable, or a class (or its dotted path) resolved from the
        container whose ``compose(view)`` is called. Laravel: ``Factory::composer()``.
        """
        return self._register(self._composers, views, callback, "compose")

    def composers(self, composers: t.Mapping[t.Any, _Views]) -> list[_Callback]:
        """Register several composers: ``{ComposerClass: ['posts.*'], ...}``. Laravel: ``composers()``."""
        registered: list[_Callback] = []
        for callback, views in composers.items():
            registered += self.composer(views, callback)
        return registered

    def creator(self, views: _Views, callback: t.Any) -> list[_Callback]:
        """Run ``callback(view)`` as soon as each matching view is made. Laravel: ``creator()``."""
        return self._register(self._creators, views, callback, "create")

    def call_composer(self, view: View) -> None:
        """Run the composers of ``view``. Laravel: ``Factory::callComposer()``."""
        for callback in self._matching(self._composers, view.name()):
            callback(view)

    def call_creator(self, view: View) -> None:
        """Run the creators of ``view``. Laravel: ``Factory::callCreator()``."""
        for callback in self._matching(self._creators, view.name()):
            callback(view)

    def flush_composers(self) -> None:
        """Forget every composer and creator."""
        self._composers = []
        self._creators = []

    def _register(
        self,
        registry: list[tuple[str, _Callback]],
        views: _Views,
        callback: t.Any,
        method: str,
    ) -> list[_Callback]:
        names = [views] if isinstance(views, str) else list(views)
        handler = self._handler(callback, method)
        for name in names:
            registry.append((_normalize(name), handler))
        return [handler for _ in names]

    def _handler(self, callback: t.Any, method: str) -> _Callback:
        if isinstance(callback, type | str):
            target = callback
            if isinstance(target, str) and "@" in target:
                target, _, method = target.partition("@")

            def call_class(view: View) -> t.Any:
                instance = self._make_class(target)
                handler = getattr(instance, method, None)
                if not callable(handler):
                    raise ViewError(
                        f"View composer [{_label(target)}] has no [{method}] method. "
                        f"Define {method}(self, view)."
                    )
                return handler(view)

            return call_class
        if callable(callback):
            return t.cast(_Callback, callback)
        raise InvalidArgumentError(
            f"View composer [{callback!r}] is not callable. Pass a function, a class "
            f"with {method}(view), or its dotted path."
        )

    def _make_class(self, target: t.Any) -> t.Any:
        container = self._container
        if container is None:
            from protevus.container.container import Container

            container = Container.get_instance()
        return container.make(target)

    def _matching(
        self, registry: list[tuple[str, _Callback]], name: str
    ) -> t.Iterator[_Callback]:
        if not registry:
            return
        name = _normalize(name)
        exact = [callback for pattern, callback in registry if pattern == name]
        wild = [
            callback
            for pattern, callback in registry
            if "*" in pattern and pattern != name and _wildcard(pattern).match(name)
        ]
        yield from exact
        yield from wild

    # -- finder shortcuts ------------------------------------------------------

    def add_location(self, location: str) -> None:
        """Search ``location`` for views after the configured paths. Laravel: ``addLocation()``."""
        self._finder.add_location(location)
        self._forget_templates()

    def prepend_location(self, location: str) -> None:
        """Search ``location`` for views first. Laravel: ``prependLocation()``."""
        self._finder.prepend_location(location)
        self._forget_templates()

    def add_namespace(self, namespace: str, hints: str | t.Sequence[str]) -> Factory:
        """Register ``namespace::view`` names (``View.add_namespace('mail', path)``). Laravel: ``addNamespace()``."""
        self._finder.add_namespace(namespace, hints)
        self._forget_templates()
        return self

    def prepend_namespace(
        self, namespace: str, hints: str | t.Sequence[str]
    ) -> Factory:
        """Put paths first for ``namespace::`` views. Laravel: ``prependNamespace()``."""
        self._finder.prepend_namespace(namespace, hints)
        self._forget_templates()
        return self

    def replace_namespace(
        self, namespace: str, hints: str | t.Sequence[str]
    ) -> Factory:
        """Replace the paths of ``namespace::`` views. Laravel: ``replaceNamespace()``."""
        self._finder.replace_namespace(namespace, hints)
        self._forget_templates()
        return self

    def add_extension(self, extension: str) -> None:
        """Try files ending in ``extension`` first. Laravel: ``addExtension()``."""
        self._finder.add_extension(extension)
        self._forget_templates()

    def flush_finder_cache(self) -> None:
        """Forget the view files already found. Laravel: ``flushFinderCache()``."""
        self._finder.flush()
        self._forget_templates()

    def _forget_templates(self) -> None:
        # Template names may now point at other files: drop Jinja's loaded templates.
        environment = self._environment
        if environment is not None and environment.cache is not None:
            environment.cache.clear()


def _normalize(name: str) -> str:
    """Accept ``posts/index`` for ``posts.index``. Laravel: ``ViewName::normalize()``."""
    if not isinstance(name, str):
        raise InvalidArgumentError(
            f"View name [{name!r}] must be a string such as 'posts.index'."
        )
    if name.endswith((".blade.html", ".html")):
        return name
    return name.replace("/", ".")


def _data(data: t.Any) -> dict[str, t.Any]:
    if data is None:
        return {}
    if isinstance(data, t.Mapping):
        return dict(data)
    for method in ("to_array", "to_dict"):
        converter = getattr(data, method, None)
        if callable(converter):
            return dict(converter())
    raise InvalidArgumentError(
        f"View data must be a mapping, got [{type(data).__qualname__}]. Pass a dict "
        "or keyword arguments."
    )


_WILDCARDS: dict[str, re.Pattern[str]] = {}


def _wildcard(pattern: str) -> re.Pattern[str]:
    compiled = _WILDCARDS.get(pattern)
    if compiled is None:
        compiled = re.compile(
            "^" + ".*".join(re.escape(part) for part in pattern.split("*")) + "$"
        )
        _WILDCARDS[pattern] = compiled
    return compiled


def _label(target: t.Any) -> str:
    if isinstance(target, type):
        return f"{target.__module__}.{target.__qualname__}"
    return str(target)
