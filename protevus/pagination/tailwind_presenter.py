"""Render paginator links as Tailwind-styled HTML (the default and the "simple" markup).

Laravel: ``Illuminate/Pagination/resources/views/tailwind.blade.php`` and
``simple-tailwind.blade.php``. Until Protevus has Blade-like views the markup is
built here in Python; every URL and page number goes through :func:`e`.
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import camel_aliases
from protevus.support.helpers import e

PREVIOUS = "&laquo; Previous"
NEXT = "Next &raquo;"

_ARROW_LEFT = (
    '<svg class="w-5 h-5" fill="currentColor" viewBox="0 0 20 20" aria-hidden="true">'
    '<path fill-rule="evenodd" d="M12.707 5.293a1 1 0 010 1.414L9.414 10l3.293 3.293a1 1 '
    '0 01-1.414 1.414l-4-4a1 1 0 010-1.414l4-4a1 1 0 011.414 0z" clip-rule="evenodd" />'
    "</svg>"
)
_ARROW_RIGHT = (
    '<svg class="w-5 h-5" fill="currentColor" viewBox="0 0 20 20" aria-hidden="true">'
    '<path fill-rule="evenodd" d="M7.293 14.707a1 1 0 010-1.414L10.586 10 7.293 6.707a1 1 '
    '0 011.414-1.414l4 4a1 1 0 010 1.414l-4 4a1 1 0 01-1.414 0z" clip-rule="evenodd" />'
    "</svg>"
)

_BUTTON = (
    "relative inline-flex items-center px-4 py-2 text-sm font-medium border "
    "border-gray-300 leading-5 rounded-md"
)
_BUTTON_ON = (
    _BUTTON + " text-gray-700 bg-white hover:text-gray-500 focus:outline-none "
    "focus:ring ring-gray-300 focus:border-blue-300 active:bg-gray-100 "
    "active:text-gray-700 transition ease-in-out duration-150"
)
_BUTTON_OFF = _BUTTON + " text-gray-500 bg-white cursor-default"
_CELL = (
    "relative inline-flex items-center px-4 py-2 -ml-px text-sm font-medium "
    "bg-white border border-gray-300 leading-5"
)
_CELL_LINK = (
    _CELL + " text-gray-700 hover:text-gray-500 focus:z-10 focus:outline-none "
    "focus:ring ring-gray-300 focus:border-blue-300 active:bg-gray-100 "
    "active:text-gray-700 transition ease-in-out duration-150"
)
_CELL_STATIC = _CELL + " text-gray-500 cursor-default"
_EDGE = (
    "relative inline-flex items-center px-2 py-2 text-sm font-medium text-gray-500 "
    "bg-white border border-gray-300 leading-5"
)
_EDGE_LINK = (
    _EDGE + " hover:text-gray-400 focus:z-10 focus:outline-none focus:ring "
    "ring-gray-300 focus:border-blue-300 active:bg-gray-100 active:text-gray-500 "
    "transition ease-in-out duration-150"
)
_EDGE_STATIC = _EDGE + " cursor-default"


@camel_aliases
class HtmlString(str):
    """Hold HTML that templates must not escape again (``__html__``).

    Laravel: ``Illuminate\\Support\\HtmlString``.
    """

    __slots__ = ()

    def __html__(self) -> str:
        return str.__str__(self)

    def to_html(self) -> str:
        """Get the HTML. Laravel: ``HtmlString::toHtml()``."""
        return str.__str__(self)


def render(
    paginator: t.Any, view: t.Any, elements: list[t.Any], data: t.Any = None
) -> HtmlString:
    """Render ``paginator`` with the named view or a callable.

    Laravel: ``AbstractPaginator::render()`` through the view factory.
    """
    if callable(view):
        return HtmlString(view(paginator, elements, dict(data or {})))
    if view in ("tailwind", "pagination::tailwind", "default"):
        return HtmlString(tailwind(paginator, elements))
    if view in ("simple-tailwind", "pagination::simple-tailwind", "simple-default"):
        return HtmlString(simple_tailwind(paginator))
    raise InvalidArgumentError(
        f"Pagination view [{view}] does not exist; use 'tailwind', 'simple-tailwind' "
        "or a callable view(paginator, elements, data) -> str."
    )


def simple_tailwind(paginator: t.Any) -> str:
    """Render "previous"/"next" buttons (any paginator).

    Laravel: ``pagination::simple-tailwind``.
    """
    if not paginator.has_pages():
        return ""
    parts = [
        '<nav role="navigation" aria-label="Pagination Navigation" class="flex justify-between">'
    ]
    previous = paginator.previous_page_url()
    if paginator.on_first_page() or previous is None:
        parts.append(f'<span class="{_BUTTON_OFF}">{PREVIOUS}</span>')
    else:
        parts.append(
            f'<a href="{e(previous)}" rel="prev" class="{_BUTTON_ON}">{PREVIOUS}</a>'
        )
    following = paginator.next_page_url()
    if paginator.has_more_pages() and following is not None:
        parts.append(
            f'<a href="{e(following)}" rel="next" class="{_BUTTON_ON}">{NEXT}</a>'
        )
    else:
        parts.append(f'<span class="{_BUTTON_OFF}">{NEXT}</span>')
    parts.append("</nav>")
    return "\n".join(parts)


def tailwind(paginator: t.Any, elements: list[t.Any]) -> str:
    """Render the full page links: a mobile previous/next pair, "Showing x to y of z results", numbers.

    Laravel: ``pagination::tailwind``.
    """
    if not paginator.has_pages():
        return ""
    previous = paginator.previous_page_url()
    following = paginator.next_page_url()
    parts = [
        '<nav role="navigation" aria-label="Pagination Navigation" '
        'class="flex items-center justify-between">',
        '<div class="flex justify-between flex-1 sm:hidden">',
    ]
    if paginator.on_first_page():
        parts.append(f'<span class="{_BUTTON_OFF}">{PREVIOUS}</span>')
    else:
        parts.append(f'<a href="{e(previous)}" class="{_BUTTON_ON}">{PREVIOUS}</a>')
    if paginator.has_more_pages():
        parts.append(f'<a href="{e(following)}" class="{_BUTTON_ON} ml-3">{NEXT}</a>')
    else:
        parts.append(f'<span class="{_BUTTON_OFF} ml-3">{NEXT}</span>')
    parts.append("</div>")
    parts.append(
        '<div class="hidden sm:flex-1 sm:flex sm:items-center sm:justify-between">'
    )
    parts.append(
        '<div><p class="text-sm text-gray-700 leading-5">Showing '
        + _showing(paginator)
        + "</p></div>"
    )
    parts.append(
        '<div><span class="relative z-0 inline-flex rtl:flex-row-reverse shadow-sm rounded-md">'
    )
    if paginator.on_first_page():
        parts.append(
            '<span aria-disabled="true" aria-label="&laquo; Previous">'
            f'<span class="{_EDGE_STATIC} rounded-l-md" aria-hidden="true">'
            f"{_ARROW_LEFT}</span></span>"
        )
    else:
        parts.append(
            f'<a href="{e(previous)}" rel="prev" class="{_EDGE_LINK} rounded-l-md" '
            f'aria-label="&laquo; Previous">{_ARROW_LEFT}</a>'
        )
    current = paginator.current_page()
    for element in elements:
        if isinstance(element, str):
            parts.append(
                f'<span aria-disabled="true"><span class="{_CELL_STATIC}">'
                f"{e(element)}</span></span>"
            )
            continue
        for page, url in element.items():
            if page == current:
                parts.append(
                    f'<span aria-current="page"><span class="{_CELL_STATIC}">'
                    f"{e(page)}</span></span>"
                )
            else:
                parts.append(
                    f'<a href="{e(url)}" class="{_CELL_LINK}" '
                    f'aria-label="Go to page {e(page)}">{e(page)}</a>'
                )
    if paginator.has_more_pages():
        parts.append(
            f'<a href="{e(following)}" rel="next" class="{_EDGE_LINK} -ml-px rounded-r-md" '
            f'aria-label="Next &raquo;">{_ARROW_RIGHT}</a>'
        )
    else:
        parts.append(
            '<span aria-disabled="true" aria-label="Next &raquo;">'
            f'<span class="{_EDGE_STATIC} -ml-px rounded-r-md" aria-hidden="true">'
            f"{_ARROW_RIGHT}</span></span>"
        )
    parts.append("</span></div>")
    parts.append("</div>")
    parts.append("</nav>")
    return "\n".join(parts)


def _showing(paginator: t.Any) -> str:
    first, last = paginator.first_item(), paginator.last_item()
    if first is None:
        shown = f'<span class="font-medium">{e(paginator.count())}</span>'
    else:
        shown = (
            f'<span class="font-medium">{e(first)}</span> to '
            f'<span class="font-medium">{e(last)}</span>'
        )
    total = getattr(paginator, "total", None)
    if callable(total):
        shown += f' of <span class="font-medium">{e(total())}</span>'
    return shown + " results"
