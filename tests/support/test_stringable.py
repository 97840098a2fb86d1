"""Stringable: Laravel's fluent-string examples, plus how it behaves like a str."""

from __future__ import annotations

import hashlib
import typing as t

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.support.str import Str
from protevus.support.stringable import Stringable

# (id, call, documented result) — the "Fluent Strings" section of Laravel's docs.
FLUENT_CASES: list[tuple[str, t.Callable[[], t.Any], t.Any]] = [
    ("after", lambda: Str.of("This is my name").after("This is"), " my name"),
    (
        "after_last",
        lambda: Str.of("App\\Http\\Controllers\\Controller").after_last("\\"),
        "Controller",
    ),
    (
        "apa",
        lambda: Str.of("a nice title uses the correct case").apa(),
        "A Nice Title Uses the Correct Case",
    ),
    ("append", lambda: Str.of("Taylor").append(" Otwell"), "Taylor Otwell"),
    ("ascii", lambda: Str.of("ü").ascii(), "u"),
    ("basename", lambda: Str.of("/foo/bar/baz").basename(), "baz"),
    ("basename-suffix", lambda: Str.of("/foo/bar/baz.jpg").basename(".jpg"), "baz"),
    ("before", lambda: Str.of("This is my name").before("my name"), "This is "),
    ("before_last", lambda: Str.of("This is my name").before_last("is"), "This "),
    ("between", lambda: Str.of("This is my name").between("This", "name"), " is my "),
    ("between_first", lambda: Str.of("[a] bc [d]").between_first("[", "]"), "a"),
    ("camel", lambda: Str.of("foo_bar").camel(), "fooBar"),
    ("char_at", lambda: Str.of("This is my name.").char_at(6), "s"),
    ("class_basename", lambda: Str.of("Foo\\Bar\\Baz").class_basename(), "Baz"),
    (
        "chop_start",
        lambda: Str.of("https://laravel.com").chop_start("https://"),
        "laravel.com",
    ),
    (
        "chop_end",
        lambda: Str.of("https://laravel.com").chop_end(".com"),
        "https://laravel",
    ),
    (
        "chop_end-list",
        lambda: Str.of("http://laravel.com").chop_end([".com", ".io"]),
        "http://laravel",
    ),
    ("contains", lambda: Str.of("This is my name").contains("my"), True),
    (
        "contains-ignore-case",
        lambda: Str.of("This is my name").contains("MY", ignore_case=True),
        True,
    ),
    (
        "contains_all",
        lambda: Str.of("This is my name").contains_all(["my", "name"]),
        True,
    ),
    (
        "deduplicate",
        lambda: Str.of("The---Laravel---Framework").deduplicate("-"),
        "The-Laravel-Framework",
    ),
    ("dirname", lambda: Str.of("/foo/bar/baz").dirname(), "/foo/bar"),
    ("dirname-levels", lambda: Str.of("/foo/bar/baz").dirname(2), "/foo"),
    ("ends_with", lambda: Str.of("This is my name").ends_with("name"), True),
    (
        "ends_with-none",
        lambda: Str.of("This is my name").ends_with(["this", "foo"]),
        False,
    ),
    ("exactly", lambda: Str.of("Laravel").exactly("Laravel"), True),
    (
        "excerpt",
        lambda: Str.of("This is my name").excerpt("my", {"radius": 3}),
        "...is my na...",
    ),
    ("finish", lambda: Str.of("this/string").finish("/"), "this/string/"),
    ("headline", lambda: Str.of("taylor_otwell").headline(), "Taylor Otwell"),
    ("is", lambda: Str.of("foobar").is_("foo*"), True),
    ("is-miss", lambda: Str.of("foobar").is_("baz*"), False),
    ("is_ascii", lambda: Str.of("Taylor").is_ascii(), True),
    ("is_empty", lambda: Str.of("  ").trim().is_empty(), True),
    ("is_empty-not", lambda: Str.of("Laravel").trim().is_empty(), False),
    ("is_not_empty", lambda: Str.of("  ").trim().is_not_empty(), False),
    ("is_json", lambda: Str.of("[1,2,3]").is_json(), True),
    ("is_ulid", lambda: Str.of("01gd6r360bp37zj17nxb55yv40").is_ulid(), True),
    ("is_url", lambda: Str.of("http://example.com").is_url(), True),
    ("is_uuid", lambda: Str.of("5ace9ab9-e9cf-4ec6-a19d-5881212a452c").is_uuid(), True),
    ("kebab", lambda: Str.of("fooBar").kebab(), "foo-bar"),
    ("lcfirst", lambda: Str.of("Foo Bar").lcfirst(), "foo Bar"),
    ("length", lambda: Str.of("Laravel").length(), 7),
    (
        "limit",
        lambda: Str.of("The quick brown fox jumps over the lazy dog").limit(20),
        "The quick brown fox...",
    ),
    (
        "limit-preserve",
        lambda: Str.of("The quick brown fox").limit(12, preserve_words=True),
        "The quick...",
    ),
    ("lower", lambda: Str.of("LARAVEL").lower(), "laravel"),
    ("mask", lambda: Str.of("taylor@example.com").mask("*", 3), "tay***************"),
    (
        "mask-negative",
        lambda: Str.of("taylor@example.com").mask("*", -15, 3),
        "tay***@example.com",
    ),
    ("match", lambda: Str.of("foo bar").match("/bar/"), "bar"),
    ("match-group", lambda: Str.of("foo bar").match("/foo (.*)/"), "bar"),
    ("is_match", lambda: Str.of("foo bar").is_match("/foo (.*)/"), True),
    (
        "new_line",
        lambda: Str.of("Laravel").new_line().append("Framework"),
        "Laravel\nFramework",
    ),
    ("pad_both", lambda: Str.of("James").pad_both(10, "_"), "__James___"),
    ("pad_left", lambda: Str.of("James").pad_left(10, "-="), "-=-=-James"),
    ("pad_right", lambda: Str.of("James").pad_right(10, "-"), "James-----"),
    (
        "pipe-md5",
        lambda: (
            Str.of("Laravel")
            .pipe(lambda s: hashlib.md5(str(s).encode()).hexdigest())
            .prepend("Checksum: ")
        ),
        "Checksum: a5c95b86291ea299fcbe64458ed12702",
    ),
    ("pipe-closure", lambda: Str.of("foo").pipe(lambda s: "bar"), "bar"),
    ("plural", lambda: Str.of("car").plural(), "cars"),
    ("plural-child", lambda: Str.of("child").plural(), "children"),
    ("plural-1", lambda: Str.of("child").plural(1), "child"),
    ("position", lambda: Str.of("Hello, World!").position("W"), 7),
    ("prepend", lambda: Str.of("Framework").prepend("Laravel "), "Laravel Framework"),
    (
        "remove",
        lambda: Str.of("Arkansas is quite beautiful!").remove("quite "),
        "Arkansas is beautiful!",
    ),
    ("repeat", lambda: Str.of("a").repeat(5), "aaaaa"),
    ("replace", lambda: Str.of("Laravel 6.x").replace("6.x", "7.x"), "Laravel 7.x"),
    (
        "replace-ignore-case",
        lambda: Str.of("macOS 13.x").replace("MACOS", "iOS", case_sensitive=False),
        "iOS 13.x",
    ),
    (
        "replace_array",
        lambda: Str.of("The event will take place between ? and ?").replace_array(
            "?", ["8:30", "9:00"]
        ),
        "The event will take place between 8:30 and 9:00",
    ),
    (
        "replace_first",
        lambda: Str.of("the quick brown fox jumps over the lazy dog").replace_first(
            "the", "a"
        ),
        "a quick brown fox jumps over the lazy dog",
    ),
    (
        "replace_last",
        lambda: Str.of("the quick brown fox jumps over the lazy dog").replace_last(
            "the", "a"
        ),
        "the quick brown fox jumps over a lazy dog",
    ),
    (
        "replace_matches",
        lambda: Str.of("(+1) 501-555-1000").replace_matches("/[^A-Za-z0-9]++/", ""),
        "15015551000",
    ),
    (
        "replace_matches-callback",
        lambda: Str.of("123").replace_matches(r"/\d/", lambda m: "[" + m[0] + "]"),
        "[1][2][3]",
    ),
    (
        "replace_start",
        lambda: Str.of("Hello World").replace_start("Hello", "Laravel"),
        "Laravel World",
    ),
    (
        "replace_end",
        lambda: Str.of("Hello World").replace_end("World", "Laravel"),
        "Hello Laravel",
    ),
    ("singular", lambda: Str.of("children").singular(), "child"),
    ("slug", lambda: Str.of("Laravel Framework").slug("-"), "laravel-framework"),
    ("snake", lambda: Str.of("fooBar").snake(), "foo_bar"),
    (
        "squish",
        lambda: Str.of("    laravel    framework    ").squish(),
        "laravel framework",
    ),
    ("start", lambda: Str.of("this/string").start("/"), "/this/string"),
    ("starts_with", lambda: Str.of("This is my name").starts_with("This"), True),
    (
        "strip_tags",
        lambda: Str.of(
            '<a href="https://laravel.com">Taylor <b>Otwell</b></a>'
        ).strip_tags(),
        "Taylor Otwell",
    ),
    (
        "strip_tags-allowed",
        lambda: Str.of(
            '<a href="https://laravel.com">Taylor <b>Otwell</b></a>'
        ).strip_tags("<b>"),
        "Taylor <b>Otwell</b>",
    ),
    ("studly", lambda: Str.of("foo_bar").studly(), "FooBar"),
    ("substr", lambda: Str.of("Laravel Framework").substr(8), "Framework"),
    ("substr-length", lambda: Str.of("Laravel Framework").substr(8, 5), "Frame"),
    ("substr_replace", lambda: Str.of("1300").substr_replace(":", 2), "13:"),
    (
        "substr_replace-insert",
        lambda: Str.of("The Framework").substr_replace(" Laravel", 3, 0),
        "The Laravel Framework",
    ),
    (
        "swap",
        lambda: Str.of("Tacos are great!").swap(
            {"Tacos": "Burritos", "great": "fantastic"}
        ),
        "Burritos are fantastic!",
    ),
    ("take", lambda: Str.of("Build something amazing!").take(5), "Build"),
    ("test", lambda: Str.of("Laravel Framework").test("/Laravel/"), True),
    (
        "title",
        lambda: Str.of("a nice title uses the correct case").title(),
        "A Nice Title Uses The Correct Case",
    ),
    ("to_base64", lambda: Str.of("Laravel").to_base64(), "TGFyYXZlbA=="),
    (
        "transliterate",
        lambda: Str.of("ⓣⓔⓢⓣ@ⓛⓐⓡⓐⓥⓔⓛ.ⓒⓞⓜ").transliterate(),
        "test@laravel.com",
    ),
    ("trim", lambda: Str.of("  Laravel  ").trim(), "Laravel"),
    ("trim-chars", lambda: Str.of("/Laravel/").trim("/"), "Laravel"),
    ("ltrim", lambda: Str.of("  Laravel  ").ltrim(), "Laravel  "),
    ("ltrim-chars", lambda: Str.of("/Laravel/").ltrim("/"), "Laravel/"),
    ("rtrim", lambda: Str.of("  Laravel  ").rtrim(), "  Laravel"),
    ("rtrim-chars", lambda: Str.of("/Laravel/").rtrim("/"), "/Laravel"),
    ("ucfirst", lambda: Str.of("foo bar").ucfirst(), "Foo bar"),
    ("unwrap", lambda: Str.of("-Laravel-").unwrap("-"), "Laravel"),
    ("upper", lambda: Str.of("laravel").upper(), "LARAVEL"),
    (
        "when",
        lambda: Str.of("Taylor").when(True, lambda s: s.append(" Otwell")),
        "Taylor Otwell",
    ),
    (
        "when_contains",
        lambda: Str.of("tony stark").when_contains("tony", lambda s: s.title()),
        "Tony Stark",
    ),
    (
        "when_contains-list",
        lambda: Str.of("tony stark").when_contains(
            ["tony", "hulk"], lambda s: s.title()
        ),
        "Tony Stark",
    ),
    (
        "when_contains_all",
        lambda: Str.of("tony stark").when_contains_all(
            ["tony", "stark"], lambda s: s.title()
        ),
        "Tony Stark",
    ),
    (
        "when_empty",
        lambda: Str.of("  ").trim().when_empty(lambda s: s.prepend("Laravel")),
        "Laravel",
    ),
    (
        "when_not_empty",
        lambda: Str.of("Framework").when_not_empty(lambda s: s.prepend("Laravel ")),
        "Laravel Framework",
    ),
    (
        "when_starts_with",
        lambda: Str.of("disney world").when_starts_with("disney", lambda s: s.title()),
        "Disney World",
    ),
    (
        "when_ends_with",
        lambda: Str.of("disney world").when_ends_with("world", lambda s: s.title()),
        "Disney World",
    ),
    (
        "when_exactly",
        lambda: Str.of("laravel").when_exactly("laravel", lambda s: s.title()),
        "Laravel",
    ),
    (
        "when_not_exactly",
        lambda: Str.of("framework").when_not_exactly("laravel", lambda s: s.title()),
        "Framework",
    ),
    (
        "when_is",
        lambda: Str.of("foo/bar").when_is("foo/*", lambda s: s.append("/baz")),
        "foo/bar/baz",
    ),
    (
        "when_is_ascii",
        lambda: Str.of("laravel").when_is_ascii(lambda s: s.title()),
        "Laravel",
    ),
    (
        "when_is_ulid",
        lambda: Str.of("01gd6r360bp37zj17nxb55yv40").when_is_ulid(
            lambda s: s.substr(0, 8)
        ),
        "01gd6r36",
    ),
    (
        "when_is_uuid",
        lambda: Str.of("a0a2a2d2-0b87-4a18-83f2-2529882be2de").when_is_uuid(
            lambda s: s.substr(0, 8)
        ),
        "a0a2a2d2",
    ),
    (
        "when_test",
        lambda: Str.of("laravel framework").when_test("/laravel/", lambda s: s.title()),
        "Laravel Framework",
    ),
    ("word_count", lambda: Str.of("Hello, world!").word_count(), 2),
    (
        "words",
        lambda: Str.of("Perfectly balanced, as all things should be.").words(3, " >>>"),
        "Perfectly balanced, as >>>",
    ),
    ("wrap", lambda: Str.of("Laravel").wrap('"'), '"Laravel"'),
    (
        "wrap-pair",
        lambda: Str.of("is").wrap(before="This ", after=" Laravel!"),
        "This is Laravel!",
    ),
]


@pytest.mark.parametrize(
    ("call", "expected"),
    [pytest.param(call, expected, id=name) for name, call, expected in FLUENT_CASES],
)
def test_documented_fluent_examples(
    call: t.Callable[[], t.Any], expected: t.Any
) -> None:
    assert call() == expected


def test_trim_then_slug_chain() -> None:
    assert Str.of("  Laravel  ").trim().slug() == "laravel"
    assert str(Str.of("  Hello World  ").trim().slug()) == "hello-world"


def test_methods_never_change_the_original() -> None:
    original = Str.of("Laravel")
    upper = original.upper()
    assert original == "Laravel"
    assert upper == "LARAVEL"
    assert upper is not original
    assert isinstance(upper, Stringable)


def test_behaves_like_a_str() -> None:
    value = Str.of("abc")
    assert str(value) == value.to_string() == value.value() == "abc"
    assert value == "abc" and value == Str.of("abc") and value != "abd"
    assert hash(value) == hash("abc")
    assert {value: 1}["abc"] == 1
    assert len(value) == 3
    assert "b" in value
    assert value + "d" == "abcd"
    assert "z" + value == "zabc"
    assert isinstance("z" + value, Stringable)
    assert value[1:] == "bc"
    assert list(value) == ["a", "b", "c"]
    assert f"{value:>5}" == "  abc"
    assert repr(value) == "Stringable('abc')"
    assert sorted([Str.of("b"), Str.of("a")]) == ["a", "b"]
    assert not Str.of("") and bool(value)


@pytest.mark.parametrize("empty", [None, ""])
def test_of_none_or_empty_is_empty(empty: str | None) -> None:
    value = Str.of(empty)
    assert value == ""
    assert value.is_empty()
    assert Stringable(empty).length() == 0


def test_non_strings_are_converted() -> None:
    assert Str.of(42).append(1) == "421"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("42", 42), ("  -7 apples", -7), ("abc", 0), ("3.9", 3), ("", 0)],
)
def test_to_integer(value: str, expected: int) -> None:
    assert Str.of(value).to_integer() == expected


def test_to_integer_other_bases() -> None:
    assert Str.of("ff").to_integer(16) == 255
    assert Str.of("0x1A").to_integer(16) == 26
    assert Str.of("0x1A").to_integer(0) == 26
    assert Str.of("101").to_integer(2) == 5


@pytest.mark.parametrize(
    ("value", "expected"), [("1.5", 1.5), ("2e3x", 2000.0), (".5", 0.5), ("x", 0.0)]
)
def test_to_float(value: str, expected: float) -> None:
    assert Str.of(value).to_float() == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", True),
        ("YES", True),
        ("on", True),
        ("1", True),
        ("false", False),
        ("0", False),
        ("", False),
        ("maybe", False),
    ],
)
def test_to_boolean(value: str, expected: bool) -> None:
    assert Str.of(value).to_boolean() is expected


def test_to_date() -> None:
    parsed = Str.of("2024-01-05 10:30:00").to_date()
    assert (parsed.year, parsed.month, parsed.day, parsed.hour) == (2024, 1, 5, 10)
    formatted = Str.of("05/01/2024").to_date("%d/%m/%Y")
    assert (formatted.year, formatted.month, formatted.day) == (2024, 1, 5)


def test_explode_and_split_return_collections() -> None:
    pytest.importorskip("protevus.support.collection")
    assert Str.of("foo bar baz").explode(" ").all() == ["foo", "bar", "baz"]
    assert Str.of("a,b,c").explode(",", 2).all() == ["a", "b,c"]
    assert Str.of("a,b,c").explode(",", -1).all() == ["a", "b"]
    assert Str.of("one, two, three").split(r"/[\s,]+/").all() == ["one", "two", "three"]
    assert Str.of("abcde").split(2).all() == ["ab", "cd", "e"]
    assert Str.of("a1b2c").split(r"\d", 2).all() == ["a", "b2c"]
    assert Str.of(",a,,b,").split("/,/", flags=1).all() == ["a", "b"]
    assert Str.of("Foo Bar").ucsplit().all() == ["Foo ", "Bar"]
    assert Str.of("bar fun bar fly").match_all(r"/f(\w*)/").all() == ["un", "ly"]


def test_when_with_default_and_condition_callables() -> None:
    chosen = Str.of("x").when(
        False, lambda s: s.append("yes"), lambda s: s.append("no")
    )
    assert chosen == "xno"
    assert Str.of("x").when(lambda s: s == "x", lambda s: s.upper()) == "X"
    assert Str.of("x").when(False, lambda s: s.upper()) == "x"
    assert Str.of("x").when("v", lambda s, v: s.append(v)) == "xv"
    assert Str.of("x").when(True, lambda s: None) == "x"
    assert Str.of("x").unless(False, lambda s: s.upper()) == "X"
    assert Str.of("x").unless(True, lambda s: s.upper()) == "x"


def test_tap_and_dump_return_the_same_string(
    capsys: pytest.CaptureFixture[str],
) -> None:
    seen: list[str] = []
    result = (
        Str.of("Laravel")
        .append(" Framework")
        .tap(lambda s: seen.append(f"String after append: {s}"))
        .upper()
    )
    assert result == "LARAVEL FRAMEWORK"
    assert seen == ["String after append: Laravel Framework"]
    assert Str.of("dumped").dump() == "dumped"
    assert "'dumped'" in capsys.readouterr().err


def test_dd_exits(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        Str.of("bye").dd()
    assert "'bye'" in capsys.readouterr().err


def test_hash() -> None:
    assert Str.of("Laravel").hash("md5") == "a5c95b86291ea299fcbe64458ed12702"
    with pytest.raises(InvalidArgumentError, match=r"\[nope\]"):
        Str.of("x").hash("nope")


def test_macros_receive_the_stringable() -> None:
    Stringable.macro("shout", lambda s: s.upper().append("!"))
    try:
        assert Str.of("hi").shout() == "HI!"  # type: ignore[attr-defined]
    finally:
        Stringable.flush_macros()
    assert not hasattr(Str.of("hi"), "shout")


def test_camel_case_aliases() -> None:
    value = Str.of("foo_bar")
    assert value.afterLast("_") == "bar"  # type: ignore[attr-defined]
    assert value.isNotEmpty() is True  # type: ignore[attr-defined]
    assert value.whenContains("foo", lambda s: s.studly()) == "FooBar"  # type: ignore[attr-defined]


# -- unhappy paths ---------------------------------------------------------------------


def test_explode_rejects_empty_delimiter() -> None:
    with pytest.raises(InvalidArgumentError, match="Delimiter"):
        Str.of("abc").explode("")


def test_split_rejects_zero_chunk_length() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[0\]"):
        Str.of("abc").split(0)


def test_to_date_reports_the_value_and_format() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[not a date\]"):
        Str.of("not a date").to_date("%Y-%m-%d")


def test_from_base64_invalid_gives_empty() -> None:
    assert Str.of("@@@").from_base64(strict=True) == ""


def test_comparison_with_other_types_is_not_equal() -> None:
    assert Str.of("1") != 1
    with pytest.raises(TypeError):
        Str.of("a") + 1  # type: ignore[operator]
