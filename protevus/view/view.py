"""A view: a template name plus the data it renders with.

Laravel: ``Illuminate\\View\\View``. Returned from a route action, a view becomes an
HTML response; inside a template ``{{ view('x') }}`` prints it rendered.
"""

from __future__ import annotations

import typing as t

from markupsafe import Markup

from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.view.factory import Factory


class View(Macroable, CamelAliases):
    """Render one template with its data, the shared data and its composers.

    Laravel: ``Illuminate\\View\\View``.
    """

    def __init__(
        self,
        factory: Factory,
        name: str,
        template: str,
        data: t.Mapping[str, t.Any] | None = None,
    ) -> None:
        self._factory = factory
        self._name = name
        self._template = template
        self._data: dict[str, t.Any] = dict(data or {})

    def name(self) -> str:
        """Return the view's name (``posts.index``). Laravel: ``View::name()``."""
        return self._name

    def get_name(self) -> str:
        """Return the view's name. Laravel: ``View::getName()``."""
        return self._name

    def get_template(self) -> str:
        """Return the Jinja template name the view renders (``posts/index.blade.html``)."""
        return self._template

    def get_path(self) -> str | None:
        """Return the template file's path. Laravel: ``View::getPath()``."""
        return self._factory.get_finder().locate(self._template)

    def get_factory(self) -> Factory:
        """Return the factory that made the view. Laravel: ``View::getFactory()``."""
        return self._factory

    def get_data(self) -> dict[str, t.Any]:
        """Return the view's own data (without shared data). Laravel: ``View::getData()``."""
        return self._data

    def with_(self, key: str | t.Mapping[str, t.Any], value: t.Any = None) -> View:
        """Add data: ``with_('title', 'Hi')`` or ``with_({'title': 'Hi'})``. Laravel: ``View::with()``."""
        if isinstance(key, t.Mapping):
            self._data.update(key)
        else:
            self._data[key] = value
        return self

    def with_errors(self, provider: t.Any, bag: str = "default") -> View:
        """Put validation errors in ``errors`` (a ``ViewErrorBag``). Laravel: ``View::withErrors()``."""
        from protevus.support.message_bag import MessageBag
        from protevus.support.view_error_bag import ViewErrorBag

        if isinstance(provider, MessageBag):
            messages = provider
        elif hasattr(provider, "get_message_bag"):
            messages = provider.get_message_bag()
        else:
            messages = MessageBag(
                {
                    k: v if isinstance(v, list) else [v]
                    for k, v in dict(provider).items()
                }
            )
        errors = self._data.get("errors")
        if not isinstance(errors, ViewErrorBag):
            errors = ViewErrorBag()
        self._data["errors"] = errors.put(bag, messages)
        return self

    def gather_data(self) -> dict[str, t.Any]:
        """Return shared data overlaid with the view's data. Laravel: ``View::gatherData()``."""
        return {**self._factory.get_shared(), **self._data}

    def render(self, callback: t.Callable[[View, str], t.Any] | None = None) -> str:
        """Run the composers, then render the template to a string.

        ``callback(view, contents)`` may return replacement contents. Laravel: ``View::render()``.
        """
        self._factory.call_composer(self)
        template = self._factory.environment.get_template(self._template)
        contents = template.render(self.gather_data())
        if callback is not None:
            replaced = callback(self, contents)
            if replaced is not None:
                contents = str(replaced)
        return contents

    def to_html(self) -> str:
        """Return the rendered view. Laravel: ``View::toHtml()``."""
        return self.render()

    def to_response(self, request: t.Any = None) -> str:
        """Return the rendered HTML; the router answers it as a ``text/html`` response.

        Laravel: a returned ``View`` is ``Renderable``, which the router renders.
        """
        return self.render()

    def __html__(self) -> Markup:
        return Markup(self.render())

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"<View {self._name}>"

    # -- array access (Laravel: ArrayAccess) --------------------------------------

    def __getitem__(self, key: str) -> t.Any:
        return self._data[key]

    def __setitem__(self, key: str, value: t.Any) -> None:
        self._data[key] = value

    def __delitem__(self, key: str) -> None:
        del self._data[key]

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __getattr__(self, name: str) -> t.Any:
        """Answer ``with_title('Hi')`` / ``withTitle('Hi')`` as ``with_('title', 'Hi')``.

        Laravel: ``View::__call()`` for ``with*`` methods.
        """
        if name.startswith("with_") and len(name) > 5:
            key = name[5:]
        elif name.startswith("with") and len(name) > 4 and name[4].isupper():
            key = name[4].lower() + name[5:]
        else:
            raise AttributeError(
                f"Method [{name}] does not exist on view [{self.__dict__.get('_name')}]."
            )

        def setter(value: t.Any) -> View:
            return self.with_(key, value)

        return setter
