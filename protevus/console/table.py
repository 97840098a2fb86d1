"""Render console tables in Symfony's styles (``default``, ``compact``, ``borderless``, ``box``, ``box-double``).

Laravel: ``Command::table()`` through ``Symfony\\Component\\Console\\Helper\\Table``.
"""

from __future__ import annotations

import typing as t

import click

from protevus.exceptions import InvalidArgumentError

#: (top, header separator, bottom) rule characters: (left, fill, cross, right); then cell walls.
_Rule = tuple[str, str, str, str]
_STYLES: dict[
    str, tuple[_Rule | None, _Rule | None, _Rule | None, tuple[str, str, str]]
] = {
    "default": (("+", "-", "+", "+"),) * 3 + (("|", "|", "|"),),
    "borderless": ((" ", "=", " ", " "),) * 3 + ((" ", " ", " "),),
    "compact": (None, None, None, ("", " ", "")),
    "box": (
        ("┌", "─", "┬", "┐"),
        ("├", "─", "┼", "┤"),
        ("└", "─", "┴", "┘"),
        ("│", "│", "│"),
    ),
    "box-double": (
        ("╔", "═", "╤", "╗"),
        ("╟", "─", "┼", "╢"),
        ("╚", "═", "╧", "╝"),
        ("║", "│", "║"),
    ),
}


def _cells(row: t.Any) -> list[str]:
    if hasattr(row, "to_array") and not isinstance(row, t.Mapping):
        row = row.to_array()
    if isinstance(row, t.Mapping):
        row = list(row.values())
    elif isinstance(row, (str, bytes)) or not isinstance(row, t.Iterable):
        row = [row]
    return ["" if cell is None else str(cell) for cell in row]


def render_table(
    headers: t.Sequence[t.Any], rows: t.Iterable[t.Any], style: str = "default"
) -> str:
    """Render ``rows`` under ``headers`` as text (one trailing newline).

    Laravel: ``Symfony\\Component\\Console\\Helper\\Table::render()``.
    """
    try:
        top, middle, bottom, walls = _STYLES[style]
    except KeyError:
        raise InvalidArgumentError(
            f"Table style [{style}] does not exist. Use one of: {', '.join(_STYLES)}."
        ) from None
    head = _cells(headers) if headers else []
    body = [_cells(r) for r in (rows.all() if hasattr(rows, "all") else rows)]
    count = max([len(head)] + [len(r) for r in body] + [0])
    if count == 0:
        return ""
    grid = [r + [""] * (count - len(r)) for r in ([head] if head else []) + body]
    widths = [max(len(click.unstyle(r[i])) for r in grid) for i in range(count)]
    pad = 0 if style == "compact" else 1

    def rule(chars: _Rule | None) -> list[str]:
        if chars is None:
            return []
        left, fill, cross, right = chars
        parts = [fill * (w + 2 * pad) for w in widths]
        return [left + cross.join(parts) + right]

    def line(cells: list[str]) -> str:
        left, inner, right = walls
        out = []
        for cell, width in zip(cells, widths, strict=True):
            gap = width - len(click.unstyle(cell))
            out.append(" " * pad + cell + " " * (gap + pad))
        return left + inner.join(out) + right

    lines = rule(top)
    if head:
        lines.append(line(grid[0]))
        lines += rule(middle)
    lines += [line(r) for r in grid[1 if head else 0 :]]
    lines += rule(bottom)
    return "\n".join(lines) + "\n"
