"""The ``pycon`` examples in docs/*.md run and print what the pages say."""

from __future__ import annotations

import doctest
import re
import typing as t
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
FENCE = re.compile(r"^```pycon\n(.*?)^```", re.S | re.M)


class _Collect(doctest.DocTestRunner):
    """Gather failures instead of printing them."""

    def __init__(self) -> None:
        super().__init__(optionflags=doctest.ELLIPSIS)
        self.problems: list[str] = []

    def report_failure(self, out: t.Any, test: t.Any, example: t.Any, got: str) -> None:
        self.problems.append(f"{example.source.strip()}\n  got: {got!r}")

    def report_unexpected_exception(
        self, out: t.Any, test: t.Any, example: t.Any, exc_info: t.Any
    ) -> None:
        self.problems.append(f"{example.source.strip()}\n  raised: {exc_info[1]!r}")


@pytest.mark.parametrize(
    "page", sorted(p.name for p in DOCS.glob("*.md") if "```pycon" in p.read_text())
)
def test_page_examples(page: str) -> None:
    # All blocks of a page run as one session, so later examples see earlier names.
    source = "\n".join(FENCE.findall((DOCS / page).read_text()))
    runner = _Collect()
    runner.run(
        doctest.DocTestParser().get_doctest(source, {}, page, page, 0),
        out=lambda s: None,
    )
    assert not runner.problems, "\n".join(runner.problems)
