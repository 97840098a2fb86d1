"""The base of the page-based paginators: URLs, query strings, items, resolvers.

Laravel: ``Illuminate\\Pagination\\AbstractPaginator``. The current page, the
current path and the query string come from resolvers that the
:class:`~protevus.pagination.pagination_service_provider.PaginationServiceProvider`
points at the request; without them a paginator is on page 1 of ``/``.
"""

from __future__ import annotations

import json
import sys
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.arr import Arr
from protevus.support.collection import Collection

_Resolver = t.Callable[..., t.Any]


#: the highest page number taken from a request: beyond it (page - 1) * per_page
#: would overflow the databases' 64-bit OFFSET, so ?page=99999999999999999999 is
#: treated like any other invalid page (page 1), as PHP's FILTER_VALIDATE_INT does
#: past PHP_INT_MAX.
MAX_PAGE = sys.maxsize // 1_000_000


def is_valid_page_number(page: t.Any) -> bool:
    """Determine if ``page`` is an integer of at least 1 (``'2'`` counts; ``'2x'`` does not).

    Laravel: ``AbstractPaginator::isValidPageNumber()`` (``filter_var(FILTER_VALIDATE_INT)``).
    """
    if isinstance(page, bool):
        return False
    if isinstance(page, int):
        return 1 <= page <= MAX_PAGE
    if isinstance(page, float):
        return page.is_integer() and 1 <= page <= MAX_PAGE
    if isinstance(page, str):
        text = page.strip()
        if text.startswith("+"):
            text = text[1:]
        return text.isdigit() and text.isascii() and 1 <= int(text) <= MAX_PAGE
    return False


class PaginatorState:
    """Hold the resolvers every paginator shares (current path, page, query string, cursor).

    Laravel: the static ``$currentPathResolver``, ``$currentPageResolver``,
    ``$queryStringResolver`` of ``AbstractPaginator`` and ``$currentCursorResolver``
    of ``AbstractCursorPaginator``.
    """

    current_path: _Resolver | None = None
    current_page: _Resolver | None = None
    query_string: _Resolver | None = None
    current_cursor: _Resolver | None = None

    @classmethod
    def reset(cls) -> None:
        """Forget every resolver (tests use it)."""
        cls.current_path = None
        cls.current_page = None
        cls.query_string = None
        cls.current_cursor = None


class BasePaginator(CamelAliases):
    """Share URL building, query strings and item access between page and cursor paginators.

    Laravel: what ``AbstractPaginator`` and ``AbstractCursorPaginator`` have in common.
    """

    _collection: Collection
    _per_page: int
    _path: str
    _query: dict[str, t.Any]
    _fragment: str | None
    options: dict[str, t.Any]

    def _apply_options(self, options: t.Mapping[str, t.Any] | None) -> None:
        self.options = dict(options or {})
        self._path = "/"
        self._query = {}
        self._fragment = None
        for key, value in self.options.items():
            setter = _OPTION_SETTERS.get(key)
            if setter is None:
                raise InvalidArgumentError(
                    f"Paginator option [{key}] is not supported; use path, query, "
                    "fragment, page_name or cursor_name (and parameters for cursors)."
                )
            setattr(self, setter, dict(value) if key == "query" else value)
        if self._path != "/":
            self._path = self._path.rstrip("/")

    # -- resolvers (class level) -----------------------------------------------

    @staticmethod
    def current_path_resolver(resolver: _Resolver | None) -> None:
        """Set how the current request path is found (``None`` forgets it).

        Laravel: ``AbstractPaginator::currentPathResolver()``.
        """
        PaginatorState.current_path = resolver

    @staticmethod
    def current_page_resolver(resolver: _Resolver | None) -> None:
        """Set how the current page is found: ``resolver(page_name) -> int``.

        Laravel: ``AbstractPaginator::currentPageResolver()``.
        """
        PaginatorState.current_page = resolver

    @staticmethod
    def query_string_resolver(resolver: _Resolver | None) -> None:
        """Set how the request's query string is found (a dict of parameters).

        Laravel: ``AbstractPaginator::queryStringResolver()``.
        """
        PaginatorState.query_string = resolver

    @staticmethod
    def resolve_current_path(default: str = "/") -> str:
        """Get the current request path, or ``default`` without a resolver.

        Laravel: ``AbstractPaginator::resolveCurrentPath()``.
        """
        resolver = PaginatorState.current_path
        return str(resolver()) if resolver is not None else default

    @staticmethod
    def resolve_current_page(page_name: str = "page", default: int = 1) -> int:
        """Get the current page from the request, or ``default`` without a resolver.

        Laravel: ``AbstractPaginator::resolveCurrentPage()``.
        """
        resolver = PaginatorState.current_page
        if resolver is None:
            return default
        page = resolver(page_name)
        return int(page) if is_valid_page_number(page) else default

    @staticmethod
    def resolve_query_string(default: t.Any = None) -> t.Any:
        """Get the request's query parameters, or ``default`` without a resolver.

        Laravel: ``AbstractPaginator::resolveQueryString()``.
        """
        resolver = PaginatorState.query_string
        return resolver() if resolver is not None else default

    # -- URLs --------------------------------------------------------------------

    def _build_url(self, parameters: dict[str, t.Any]) -> str:
        if self._query:
            parameters = {**self._query, **parameters}
        separator = "&" if "?" in self._path else "?"
        return self._path + separator + Arr.query(parameters) + self._build_fragment()

    def _build_fragment(self) -> str:
        return "#" + self._fragment if self._fragment else ""

    def fragment(self, fragment: str | None = None) -> t.Any:
        """Set the URL fragment (``#comments``) of the links, or get it without argument.

        Laravel: ``AbstractPaginator::fragment()``.
        """
        if fragment is None:
            return self._fragment
        self._fragment = fragment
        return self

    def appends(self, key: t.Any, value: t.Any = None) -> t.Self:
        """Add query parameters to every link: ``appends('sort', 'votes')`` or a dict.

        Laravel: ``AbstractPaginator::appends()``.
        """
        if key is None:
            return self
        if isinstance(key, t.Mapping):
            return self.append_array(key)
        return self.add_query(str(key), value)

    def append(self, key: t.Any, value: t.Any = None) -> t.Self:
        """Add query parameters to every link (same as :meth:`appends`)."""
        return self.appends(key, value)

    def append_array(self, keys: t.Mapping[str, t.Any]) -> t.Self:
        """Add a dict of query parameters to every link.

        Laravel: ``AbstractPaginator::appendArray()``.
        """
        for key, value in keys.items():
            self.add_query(str(key), value)
        return self

    def with_query_string(self) -> t.Self:
        """Add the current request's query string to every link.

        Laravel: ``AbstractPaginator::withQueryString()``.
        """
        query = self.resolve_query_string()
        if query is not None:
            return self.appends(dict(query))
        return self

    def add_query(self, key: str, value: t.Any) -> t.Self:
        """Add one query parameter to the links (the page/cursor name is ignored).

        Laravel: ``AbstractPaginator::addQuery()``.
        """
        if key != self._reserved_query_name():
            self._query[key] = value
        return self

    def _reserved_query_name(self) -> str:
        raise NotImplementedError

    def with_path(self, path: str) -> t.Self:
        """Set the base path of the links.

        Laravel: ``AbstractPaginator::withPath()``.
        """
        return self.set_path(path)

    def set_path(self, path: str) -> t.Self:
        """Set the base path of the links.

        Laravel: ``AbstractPaginator::setPath()``.
        """
        self._path = path
        return self

    def path(self) -> str | None:
        """Get the base path of the links.

        Laravel: ``AbstractPaginator::path()``.
        """
        return self._path

    # -- items -------------------------------------------------------------------

    def items(self) -> list[t.Any]:
        """Get the items of this page as a list.

        Laravel: ``AbstractPaginator::items()``.
        """
        return list(self._collection)

    def get_collection(self) -> Collection:
        """Get the items of this page as a collection.

        Laravel: ``AbstractPaginator::getCollection()``.
        """
        return self._collection

    def set_collection(self, collection: t.Any) -> t.Self:
        """Replace the items of this page.

        Laravel: ``AbstractPaginator::setCollection()``.
        """
        self._collection = _collect(collection)
        return self

    def through(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Transform each item of this page with ``callback`` (in place).

        Laravel: ``AbstractPaginator::through()``.
        """
        self._collection = self.get_collection().map(callback)
        return self

    def per_page(self) -> int:
        """Get the number of items shown per page.

        Laravel: ``AbstractPaginator::perPage()``.
        """
        return self._per_page

    def get_options(self) -> dict[str, t.Any]:
        """Get the options the paginator was built with.

        Laravel: ``AbstractPaginator::getOptions()``.
        """
        return dict(self.options)

    def is_empty(self) -> bool:
        """Determine if this page has no items. Laravel: ``AbstractPaginator::isEmpty()``."""
        return len(self.get_collection()) == 0

    def is_not_empty(self) -> bool:
        """Determine if this page has items. Laravel: ``AbstractPaginator::isNotEmpty()``."""
        return not self.is_empty()

    def count(self) -> int:
        """Get the number of items on this page. Laravel: ``AbstractPaginator::count()``."""
        return len(self.get_collection())

    def __len__(self) -> int:
        return len(self.get_collection())

    def __iter__(self) -> t.Iterator[t.Any]:
        return iter(self.get_collection())

    def __getitem__(self, key: t.Any) -> t.Any:
        return self.get_collection()[key]

    def __contains__(self, item: object) -> bool:
        return item in list(self.get_collection())

    def __getattr__(self, name: str) -> t.Any:
        # Laravel's __call(): unknown methods go to the page's collection.
        if name.startswith("_") or "_collection" not in self.__dict__:
            raise AttributeError(name)
        try:
            return getattr(self.__dict__["_collection"], name)
        except AttributeError:
            raise AttributeError(
                f"[{type(self).__qualname__}] has no method or attribute [{name}], "
                "and neither has its collection of items."
            ) from None

    # -- serialization -----------------------------------------------------------

    def to_array(self) -> dict[str, t.Any]:
        """Get the paginator as the dict Laravel sends as JSON."""
        raise NotImplementedError

    def json_serialize(self) -> dict[str, t.Any]:
        """Get the JSON-ready form (the same as :meth:`to_array`).

        Laravel: ``jsonSerialize()``.
        """
        return self.to_array()

    def to_json(self, options: int = 0) -> str:
        """Encode the paginator as JSON.

        Laravel: ``toJson()``.
        """
        from protevus.support.concerns.collection_helpers import json_value

        return json.dumps(
            self.to_array(),
            default=json_value,
            separators=(",", ":"),
            ensure_ascii=False,
        )

    def to_html(self) -> str:
        """Render the links as HTML. Laravel: ``toHtml()``."""
        return str(self.render())

    def __html__(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.to_html()

    def render(self, view: str | None = None, data: t.Any = None) -> t.Any:
        """Render the links as HTML."""
        raise NotImplementedError


class AbstractPaginator(BasePaginator):
    """Paginate by page number: shared state and URL helpers of both page paginators.

    Laravel: ``Illuminate\\Pagination\\AbstractPaginator``.
    """

    _current_page: int
    page_name: str
    on_each_side_count: int

    _default_view_name: t.ClassVar[str] = "tailwind"
    _default_simple_view_name: t.ClassVar[str] = "simple-tailwind"

    def _apply_options(self, options: t.Mapping[str, t.Any] | None) -> None:
        self.page_name = "page"
        self.on_each_side_count = 3
        super()._apply_options(options)

    def _reserved_query_name(self) -> str:
        return self.page_name

    def url(self, page: int) -> str:
        """Get the URL of page ``page`` (pages below 1 give page 1).

        Laravel: ``AbstractPaginator::url()``.
        """
        return self._build_url({self.page_name: max(int(page), 1)})

    def previous_page_url(self) -> str | None:
        """Get the URL of the previous page, or ``None`` on the first page.

        Laravel: ``AbstractPaginator::previousPageUrl()``.
        """
        if self.current_page() > 1:
            return self.url(self.current_page() - 1)
        return None

    def get_url_range(self, start: int, end: int) -> dict[int, str]:
        """Get the URLs of pages ``start`` to ``end`` (inclusive), keyed by page.

        Laravel: ``AbstractPaginator::getUrlRange()``.
        """
        return {page: self.url(page) for page in range(start, end + 1)}

    def next_page_url(self) -> str | None:
        """Get the URL of the next page, or ``None`` on the last page."""
        raise NotImplementedError

    def has_more_pages(self) -> bool:
        """Determine if there are pages after this one."""
        raise NotImplementedError

    def first_item(self) -> int | None:
        """Get the 1-based number of the first item on this page (``None`` when empty).

        Laravel: ``AbstractPaginator::firstItem()``.
        """
        if self.is_empty():
            return None
        return (self._current_page - 1) * self._per_page + 1

    def last_item(self) -> int | None:
        """Get the 1-based number of the last item on this page (``None`` when empty).

        Laravel: ``AbstractPaginator::lastItem()``.
        """
        first = self.first_item()
        return None if first is None else first + self.count() - 1

    def has_pages(self) -> bool:
        """Determine if there is more than one page.

        Laravel: ``AbstractPaginator::hasPages()``.
        """
        return self.current_page() != 1 or self.has_more_pages()

    def on_first_page(self) -> bool:
        """Determine if this is the first page. Laravel: ``AbstractPaginator::onFirstPage()``."""
        return self.current_page() <= 1

    def on_last_page(self) -> bool:
        """Determine if this is the last page. Laravel: ``AbstractPaginator::onLastPage()``."""
        return not self.has_more_pages()

    def current_page(self) -> int:
        """Get the current page number. Laravel: ``AbstractPaginator::currentPage()``."""
        return self._current_page

    def get_page_name(self) -> str:
        """Get the query parameter that holds the page (``'page'``).

        Laravel: ``AbstractPaginator::getPageName()``.
        """
        return self.page_name

    def set_page_name(self, name: str) -> t.Self:
        """Set the query parameter that holds the page.

        Laravel: ``AbstractPaginator::setPageName()``.
        """
        self.page_name = name
        return self

    def on_each_side(self, count: int) -> t.Self:
        """Set how many page links show on each side of the current page (default 3).

        Laravel: ``AbstractPaginator::onEachSide()``.
        """
        self.on_each_side_count = int(count)
        return self

    def _set_current_page(self, current_page: t.Any) -> int:
        page = current_page or self.resolve_current_page(self.page_name)
        return int(page) if is_valid_page_number(page) else 1


_OPTION_SETTERS = {
    "path": "_path",
    "query": "_query",
    "fragment": "_fragment",
    "page_name": "page_name",
    "pageName": "page_name",
    "cursor_name": "cursor_name",
    "cursorName": "cursor_name",
    "parameters": "parameters",
}


def _collect(items: t.Any) -> Collection:
    return items if isinstance(items, Collection) else Collection(items)
