"""Pluralizer: Laravel's English inflector (doctrine/inflector's rules)."""

from __future__ import annotations

import typing as t

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.support.pluralizer import Pluralizer
from protevus.support.str import Str

# singular, plural: both directions round-trip.
PAIRS = [
    # regular
    ("car", "cars"),
    ("user", "users"),
    ("post_tag", "post_tags"),
    ("category", "categories"),
    ("city", "cities"),
    ("day", "days"),
    ("boy", "boys"),
    ("box", "boxes"),
    ("church", "churches"),
    ("bush", "bushes"),
    ("glass", "glasses"),
    ("address", "addresses"),
    ("bus", "buses"),
    ("status", "statuses"),
    ("campus", "campuses"),
    ("alias", "aliases"),
    ("quiz", "quizzes"),
    ("matrix", "matrices"),
    ("index", "indices"),
    ("vertex", "vertices"),
    ("mouse", "mice"),
    ("louse", "lice"),
    ("knife", "knives"),
    ("wife", "wives"),
    ("wolf", "wolves"),
    ("half", "halves"),
    ("analysis", "analyses"),
    ("crisis", "crises"),
    ("thesis", "theses"),
    ("hero", "heroes"),
    ("potato", "potatoes"),
    ("cactus", "cacti"),
    ("focus", "foci"),
    ("medium", "media"),
    ("taxon", "taxa"),
    ("movie", "movies"),
    ("hive", "hives"),
    ("salesperson", "salespeople"),
    # irregular
    ("person", "people"),
    ("child", "children"),
    ("man", "men"),
    ("woman", "women"),
    ("tooth", "teeth"),
    ("foot", "feet"),
    ("goose", "geese"),
    ("ox", "oxen"),
    ("criterion", "criteria"),
    ("leaf", "leaves"),
    ("thief", "thieves"),
    ("human", "humans"),
    ("octopus", "octopuses"),
    ("genus", "genera"),
    ("curriculum", "curricula"),
    ("cookie", "cookies"),
    ("zombie", "zombies"),
    ("move", "moves"),
    ("son-in-law", "sons-in-law"),
]

UNCOUNTABLE = [
    "audio",
    "bison",
    "cattle",
    "data",
    "deer",
    "equipment",
    "feedback",
    "firmware",
    "fish",
    "information",
    "metadata",
    "money",
    "moose",
    "news",
    "police",
    "recommended",
    "related",
    "rice",
    "series",
    "sheep",
    "software",
    "species",
    "traffic",
    "multimedia",
]


@pytest.mark.parametrize(("singular", "plural"), PAIRS)
def test_plural(singular: str, plural: str) -> None:
    assert Pluralizer.plural(singular) == plural
    assert Str.plural(singular) == plural


@pytest.mark.parametrize(("singular", "plural"), PAIRS)
def test_singular(singular: str, plural: str) -> None:
    assert Pluralizer.singular(plural) == singular
    assert Str.singular(plural) == singular


def test_there_are_enough_pairs() -> None:
    assert len(PAIRS) >= 40


@pytest.mark.parametrize("word", UNCOUNTABLE)
def test_uncountable_words_do_not_change(word: str) -> None:
    assert Str.plural(word) == word
    assert Str.plural(word.capitalize()) == word.capitalize()


@pytest.mark.parametrize("word", ["fish", "sheep", "news", "series", "data", "class"])
def test_singular_leaves_uninflected_words(word: str) -> None:
    assert Str.singular(word) == word


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Person", "People"),
        ("PERSON", "PEOPLE"),
        ("Child", "Children"),
        ("CHILD", "CHILDREN"),
        ("Category", "Categories"),
        ("USER", "USERS"),
        ("Status", "Statuses"),
        ("Post Tag", "Post Tags"),
    ],
)
def test_plural_keeps_the_case_of_the_input(value: str, expected: str) -> None:
    assert Str.plural(value) == expected
    assert Str.singular(expected) == value


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "child"), (-1, "child"), (1.5, "child"), (0, "children"), (2, "children")],
)
def test_count_decides_singular_or_plural(count: t.Any, expected: str) -> None:
    assert Str.plural("child", count) == expected


def test_countables_use_their_length() -> None:
    assert Str.plural("child", [1]) == "child"
    assert Str.plural("child", [1, 2]) == "children"


def test_words_not_ending_in_a_letter_or_digit_are_left_alone() -> None:
    assert Str.plural("hello!") == "hello!"
    assert Str.plural("") == ""
    assert Str.singular("") == ""
    assert Str.plural("année") == "années"


def test_plural_studly_pluralizes_only_the_last_word() -> None:
    assert Str.plural_studly("VerifiedHuman") == "VerifiedHumans"
    assert Str.plural_studly("SomeUser") == "SomeUsers"
    assert Str.plural_studly("ChildPerson") == "ChildPeople"
    assert Str.plural_pascal("UserFeedback") == "UserFeedback"


def test_uncountable_list_can_be_extended() -> None:
    try:
        assert Str.plural("pokeball") == "pokeballs"
        Pluralizer.add_uncountable("pokeball")
        assert "pokeball" in Pluralizer.uncountable
        assert Str.plural("pokeball") == "pokeball"
        assert Str.singular("pokeball") == "pokeball"
    finally:
        Pluralizer.uncountable.remove("pokeball")
    assert Str.plural("pokeball") == "pokeballs"


def test_irregular_pairs_can_be_added() -> None:
    try:
        Pluralizer.add_irregular("regex", "regexen")
        assert Str.plural("regex") == "regexen"
        assert Str.singular("Regexen") == "Regex"
    finally:
        del Pluralizer.irregular["regex"]
        Pluralizer.flush_cache()
    assert Str.plural("regex") == "regexes"


def test_camel_case_aliases() -> None:
    assert Pluralizer.isUncountable("Sheep") is True  # type: ignore[attr-defined]


def test_only_english_is_supported() -> None:
    Pluralizer.use_language("english")
    with pytest.raises(InvalidArgumentError, match=r"\[french\]"):
        Pluralizer.use_language("french")


def test_irregular_pairs_need_two_words() -> None:
    with pytest.raises(InvalidArgumentError, match="non-empty"):
        Pluralizer.add_irregular("", "things")
