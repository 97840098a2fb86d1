"""Plural forms per locale (Laravel's MessageSelector)."""

from __future__ import annotations

import pytest

from protevus.translation.message_selector import MessageSelector


@pytest.mark.parametrize(
    ("line", "number", "expected"),
    [
        ("{0} none|{1} one|[2,*] many", 0, "none"),
        ("{0} none|{1} one|[2,*] many", 1, "one"),
        ("{0} none|{1} one|[2,*] many", 7, "many"),
        ("[*,0] negative or none|[1,*] positive", -3, "negative or none"),
        ("{1} one|other", 5, "other"),
        ("single", 9, "single"),
        ("[0,1] few|[2,5] some", 9, "some"),
    ],
)
def test_choose_english(line: str, number: int, expected: str) -> None:
    assert MessageSelector().choose(line, number, "en") == expected


@pytest.mark.parametrize(
    ("locale", "counts"),
    [
        ("en", {0: 1, 1: 0, 2: 1}),
        ("en_US", {1: 0, 5: 1}),
        ("fr", {0: 0, 1: 0, 2: 1}),
        ("pt_BR", {0: 0, 1: 0, 2: 1}),
        ("ja", {0: 0, 1: 0, 9: 0}),
        ("ru", {1: 0, 3: 1, 5: 2, 11: 2, 21: 0, 22: 1}),
        ("pl", {1: 0, 2: 1, 5: 2, 12: 2, 22: 1}),
        ("cs", {1: 0, 3: 1, 5: 2}),
        ("ar", {0: 0, 1: 1, 2: 2, 3: 3, 11: 4, 100: 5}),
        ("xx", {1: 0, 5: 0}),
    ],
)
def test_plural_index(locale: str, counts: dict[int, int]) -> None:
    selector = MessageSelector()
    assert {n: selector.get_plural_index(locale, n) for n in counts} == counts


def test_russian_forms() -> None:
    line = "яблоко|яблока|яблок"
    selector = MessageSelector()
    assert [selector.choose(line, n, "ru") for n in (1, 2, 5)] == [
        "яблоко",
        "яблока",
        "яблок",
    ]
