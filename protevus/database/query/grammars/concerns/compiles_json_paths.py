"""Turn ``column->path->to[0]`` selectors into dialect JSON paths.

Laravel: ``Illuminate\\Database\\Concerns\\CompilesJsonPaths``.
"""

from __future__ import annotations

import json
import re
import typing as t

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.support.aliases import CamelAliases

_ARRAY_KEYS = re.compile(r"(\[[^\]]+\])+$")
_QUOTE = re.compile(r"(\\+)?'")


class CompilesJsonPaths(CamelAliases):
    """Split and quote JSON selectors for the grammars.

    Laravel: ``Illuminate\\Database\\Concerns\\CompilesJsonPaths``.
    """

    def is_json_selector(self, value: t.Any) -> bool:
        """Return whether ``value`` reads a JSON path (``meta->lang``). Laravel: ``Grammar::isJsonSelector()``."""
        return isinstance(value, str) and "->" in value

    def wrap_json_field_and_path(self, column: str) -> tuple[str, str]:
        """Return the wrapped field and ``, '$."path"'`` for a selector. Laravel: ``wrapJsonFieldAndPath()``."""
        field, _, path = column.partition("->")
        wrapped = self.wrap(field)  # type: ignore[attr-defined]
        return wrapped, (", " + self.wrap_json_path(path, "->") if path else "")

    def wrap_json_path(self, value: str, delimiter: str = "->") -> str:
        """Quote a JSON path as ``'$."a"."b"[0]'``; quotes inside are escaped. Laravel: ``wrapJsonPath()``."""
        value = _QUOTE.sub("''", value)
        segments = [self.wrap_json_path_segment(s) for s in value.split(delimiter)]
        path = ".".join(segments)
        return "'$" + ("" if path.startswith("[") else ".") + path + "'"

    def wrap_json_path_segment(self, segment: str) -> str:
        """Quote one path segment, keeping trailing ``[n]`` array keys. Laravel: ``wrapJsonPathSegment()``."""
        match = _ARRAY_KEYS.search(segment)
        if match:
            key = segment[: match.start()]
            if key:
                return '"' + key + '"' + match.group(0)
            return match.group(0)
        return '"' + segment + '"'

    def wrap_json_selector(self, value: str) -> str:
        """Wrap a JSON selector for reading. Laravel: ``Grammar::wrapJsonSelector()``."""
        raise InvalidQueryArgumentError(
            f"This database engine does not support JSON operations [{value}]: "
            "use the SQLite, PostgreSQL or MySQL grammar."
        )

    def wrap_json_boolean_selector(self, value: str) -> str:
        """Wrap a JSON selector compared with a boolean. Laravel: ``Grammar::wrapJsonBooleanSelector()``."""
        return self.wrap_json_selector(value)

    def wrap_json_boolean_value(self, value: str) -> str:
        """Wrap the boolean a JSON selector is compared with. Laravel: ``Grammar::wrapJsonBooleanValue()``."""
        return value

    def prepare_binding_for_json_contains(self, binding: t.Any) -> t.Any:
        """Encode a JSON-contains value as JSON text. Laravel: ``Grammar::prepareBindingForJsonContains()``."""
        return json.dumps(binding, ensure_ascii=False, separators=(",", ":"))
