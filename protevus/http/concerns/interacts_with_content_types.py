"""Content negotiation: what the request sends and what it accepts.

Laravel: ``Illuminate\\Http\\Concerns\\InteractsWithContentTypes``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.http.concerns.callable_values import CallableBool
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    import flask

    _Base = flask.Request
else:
    _Base = CamelAliases

_FORMATS: dict[str, list[str]] = {
    "html": ["text/html", "application/xhtml+xml"],
    "txt": ["text/plain"],
    "js": ["application/javascript", "application/x-javascript", "text/javascript"],
    "css": ["text/css"],
    "json": ["application/json", "application/x-json"],
    "jsonld": ["application/ld+json"],
    "xml": ["text/xml", "application/xml", "application/x-xml"],
    "rdf": ["application/rdf+xml"],
    "atom": ["application/atom+xml"],
    "rss": ["application/rss+xml"],
    "form": ["application/x-www-form-urlencoded", "multipart/form-data"],
}


def _parse_accept(header: str) -> list[str]:
    """Return the media types of an Accept header, best quality first (stable)."""
    entries: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        if not pieces[0]:
            continue
        quality = 1.0
        for param in pieces[1:]:
            name, _, raw = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(raw)
                except ValueError:
                    quality = 0.0
        entries.append((-quality, index, pieces[0]))
    return [media for _, _, media in sorted(entries)]


class InteractsWithContentTypes(_Base):
    """Tell JSON from HTML requests and negotiate the response type."""

    _acceptable: list[str] | None = None

    @property
    def is_json(self) -> CallableBool:  # type: ignore[override]
        """Tell whether the body is JSON (``/json`` or ``+json`` content type).

        Both ``request.is_json`` (Werkzeug) and ``request.is_json()`` work.

        Laravel: ``Request::isJson()``.
        """
        content_type = self.headers.get("Content-Type", "")
        return CallableBool("/json" in content_type or "+json" in content_type)

    def get_acceptable_content_types(self) -> list[str]:
        """List the Accept header's types, best first. Laravel: ``getAcceptableContentTypes()``."""
        if self._acceptable is None:
            self._acceptable = _parse_accept(self.headers.get("Accept", ""))
        return self._acceptable

    def expects_json(self) -> bool:
        """Tell whether a JSON response suits this request (AJAX or Accept JSON).

        Laravel: ``Request::expectsJson()``.
        """
        return (
            self.ajax() and not self.pjax() and self.accepts_any_content_type()
        ) or self.wants_json()

    def wants_json(self) -> bool:
        """Tell whether the best accepted type is JSON. Laravel: ``Request::wantsJson()``."""
        accepted = self.get_acceptable_content_types()
        return bool(accepted) and any(
            marker in accepted[0].lower() for marker in ("/json", "+json")
        )

    def accepts(self, content_types: str | t.Iterable[str]) -> bool:
        """Tell whether any of ``content_types`` is acceptable. Laravel: ``Request::accepts()``."""
        accepted = self.get_acceptable_content_types()
        if not accepted:
            return True
        types = (
            [content_types] if isinstance(content_types, str) else list(content_types)
        )
        for accept in accepted:
            if accept in ("*/*", "*"):
                return True
            accept = accept.lower()
            for each in types:
                each = each.lower()
                if (
                    self.matches_type(accept, each)
                    or accept == each.split("/")[0] + "/*"
                ):
                    return True
        return False

    def prefers(self, content_types: str | t.Iterable[str]) -> str | None:
        """Return the most preferred of ``content_types`` (short names like ``json`` work).

        Laravel: ``Request::prefers()``.
        """
        types = (
            [content_types] if isinstance(content_types, str) else list(content_types)
        )
        for accept in self.get_acceptable_content_types():
            if accept in ("*/*", "*"):
                return types[0] if types else None
            accept = accept.lower()
            for each in types:
                mime = (_FORMATS.get(each) or [each])[0].lower()
                if (
                    self.matches_type(mime, accept)
                    or accept == mime.split("/")[0] + "/*"
                ):
                    return each
        return None

    def accepts_any_content_type(self) -> bool:
        """Tell whether the client accepts anything. Laravel: ``acceptsAnyContentType()``."""
        accepted = self.get_acceptable_content_types()
        return not accepted or accepted[0] in ("*/*", "*")

    def accepts_json(self) -> bool:
        """Tell whether JSON is acceptable. Laravel: ``Request::acceptsJson()``."""
        return self.accepts("application/json")

    def accepts_html(self) -> bool:
        """Tell whether HTML is acceptable. Laravel: ``Request::acceptsHtml()``."""
        return self.accepts("text/html")

    @staticmethod
    def matches_type(actual: str, type_: str) -> bool:
        """Tell whether ``type_`` is ``actual`` or a ``+suffix`` flavour of it.

        Laravel: ``Request::matchesType()``.
        """
        if actual == type_:
            return True
        major, _, minor = actual.partition("/")
        if not minor:
            return False
        pattern = re.escape(major) + r"/.+\+" + re.escape(minor)
        return re.search(pattern, type_) is not None

    def format(self, default: str = "html") -> str:
        """Return the short name of the best accepted type. Laravel: ``Request::format()``."""
        for accept in self.get_acceptable_content_types():
            mime = accept.lower()
            for name, mimes in _FORMATS.items():
                if mime in mimes:
                    return name
        return default

    def ajax(self) -> bool:
        """Tell whether this is an XMLHttpRequest. Laravel: ``Request::ajax()``."""
        return self.headers.get("X-Requested-With") == "XMLHttpRequest"

    def pjax(self) -> bool:
        """Tell whether this is a PJAX request. Laravel: ``Request::pjax()``."""
        return self.headers.get("X-PJAX", "") not in ("", "0", "false")

    def prefetch(self) -> bool:
        """Tell whether the browser is prefetching. Laravel: ``Request::prefetch()``."""
        return any(
            self.headers.get(name, "").lower() == "prefetch"
            for name in ("X-Moz", "Purpose", "Sec-Purpose")
        )
