"""The translator: group and JSON files, fallback, replacements, pluralization."""

from __future__ import annotations

import json
import typing as t
from pathlib import Path

import pytest

from protevus.translation.exceptions import TranslationError
from protevus.translation.file_loader import FileLoader
from protevus.translation.translator import Translator


def _write(base: Path, files: dict[str, t.Any]) -> None:
    for name, content in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content if isinstance(content, str) else json.dumps(content))


@pytest.fixture
def lang(tmp_path: Path) -> Path:
    _write(
        tmp_path,
        {
            "en/messages.py": (
                "messages = {\n"
                "    'welcome': 'Welcome, :name!',\n"
                "    'shout': ':NAME and :Name and :name',\n"
                "    'apples': '{0} There are none|[1,19] There are some|[20,*] There are many',\n"
                "    'apple': 'apple|apples',\n"
                "    'items': ':count item|:count items',\n"
                "    'nested': {'deep': {'key': 'Deep :x'}},\n"
                "    'only_en': 'English only',\n"
                "}\n"
            ),
            "fr/messages.py": (
                "messages = {'welcome': 'Bienvenue, :name !', 'apple': 'pomme|pommes'}\n"
            ),
            "fr.json": {"I love programming.": "J'adore programmer."},
            "en.json": {"Hello :name": "Hello there, :name"},
        },
    )
    return tmp_path


@pytest.fixture
def translator(lang: Path) -> Translator:
    return Translator(FileLoader(str(lang)), "en", "en")


def test_get_with_replacements(translator: Translator) -> None:
    assert translator.get("messages.welcome", {"name": "Ada"}) == "Welcome, Ada!"
    assert translator.get("messages.shout", {"name": "ada"}) == "ADA and Ada and ada"
    assert translator.get("messages.nested.deep.key", {"x": 1}) == "Deep 1"


def test_missing_key_returns_the_key(translator: Translator) -> None:
    assert translator.get("messages.nope") == "messages.nope"
    assert translator.get("unknown.group.key") == "unknown.group.key"
    assert translator.get("Just a :thing", {"thing": "sentence"}) == "Just a sentence"
    assert not translator.has("messages.nope")
    assert translator.has("messages.welcome")


def test_group_key_returns_the_dict(translator: Translator) -> None:
    group = translator.get("messages.nested", {"x": "y"})
    assert group == {"deep": {"key": "Deep y"}}
    # The loaded lines are not changed by a caller mutating the result.
    group["deep"]["key"] = "changed"
    assert translator.get("messages.nested.deep.key") == "Deep :x"


def test_locale_and_fallback(translator: Translator) -> None:
    translator.set_locale("fr")
    assert translator.get_locale() == "fr" and translator.locale() == "fr"
    assert translator.get("messages.welcome", {"name": "Ada"}) == "Bienvenue, Ada !"
    assert translator.get("messages.only_en") == "English only"
    assert translator.get("messages.only_en", fallback=False) == "messages.only_en"
    assert not translator.has_for_locale("messages.only_en")
    assert translator.get("messages.welcome", {"name": "Ada"}, "en") == "Welcome, Ada!"


def test_json_translations(translator: Translator) -> None:
    assert translator.get("Hello :name", {"name": "Ada"}) == "Hello there, Ada"
    assert translator.get("I love programming.", locale="fr") == "J'adore programmer."
    assert translator.get("I love programming.") == "I love programming."


@pytest.mark.parametrize(
    ("key", "number", "expected"),
    [
        ("messages.apples", 0, "There are none"),
        ("messages.apples", 1, "There are some"),
        ("messages.apples", 19, "There are some"),
        ("messages.apples", 20, "There are many"),
        ("messages.apple", 1, "apple"),
        ("messages.apple", 2, "apples"),
        ("messages.apple", 0, "apples"),
        ("messages.items", 3, "3 items"),
        ("messages.items", [1], "1 item"),
    ],
)
def test_choice(translator: Translator, key: str, number: t.Any, expected: str) -> None:
    assert translator.choice(key, number) == expected


def test_choice_uses_the_locale_plural_rules(translator: Translator) -> None:
    # French counts 0 as singular; English does not.
    assert translator.choice("messages.apple", 0, locale="fr") == "pomme"
    assert translator.choice("messages.apple", 0, locale="en") == "apples"


def test_add_lines_and_namespaces(translator: Translator, tmp_path: Path) -> None:
    translator.add_lines({"messages.extra": "Extra :a", "other.x": "X"}, "en")
    assert translator.get("messages.extra", {"a": "b"}) == "Extra b"
    assert translator.get("messages.welcome", {"name": "A"}) == "Welcome, A!"
    assert translator.get("other.x") == "X"

    package = tmp_path / "pkg"
    _write(package, {"en/notes.py": "messages = {'sent': 'Sent', 'kept': 'Kept'}\n"})
    _write(tmp_path, {"vendor/courier/en/notes.py": "messages = {'sent': 'Shipped'}\n"})
    translator.add_namespace("courier", str(package))
    assert translator.get("courier::notes.sent") == "Shipped"
    assert translator.get("courier::notes.kept") == "Kept"
    assert translator.get("unknown::notes.sent") == "unknown::notes.sent"


def test_missing_key_handler(translator: Translator) -> None:
    missing: list[str] = []
    translator.handle_missing_keys_using(lambda key, *rest: missing.append(key))
    assert translator.get("messages.nope") == "messages.nope"
    assert missing == ["messages.nope"]
    assert not translator.has("messages.other")
    assert missing == ["messages.nope"]


def test_bad_locale_is_refused(translator: Translator) -> None:
    with pytest.raises(TranslationError, match=r"Locale \[\.\./etc\] contains invalid"):
        translator.set_locale("../etc")
    # Path tricks in keys never leave the lang folder.
    assert translator.get("../secrets.key") == "../secrets.key"


@pytest.mark.parametrize(
    ("source", "match"),
    [
        ("messages = ['not', 'a', 'dict']\n", "must define a dict named"),
        ("messages = {\n", "could not be loaded"),
    ],
)
def test_broken_group_file_is_a_clear_error(
    tmp_path: Path, source: str, match: str
) -> None:
    _write(tmp_path, {"en/broken.py": source})
    translator = Translator(FileLoader(str(tmp_path)), "en")
    with pytest.raises(TranslationError, match=match):
        translator.get("broken.key")


def test_broken_json_file_is_a_clear_error(tmp_path: Path) -> None:
    _write(tmp_path, {"en.json": "{nope"})
    with pytest.raises(TranslationError, match=r"en.json\] contains an invalid JSON"):
        Translator(FileLoader(str(tmp_path)), "en").get("Hi")
    _write(tmp_path, {"en.json": "[1]"})
    with pytest.raises(TranslationError, match="must hold a JSON object"):
        Translator(FileLoader(str(tmp_path)), "en").get("Hi")
