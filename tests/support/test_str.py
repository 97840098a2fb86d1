"""Str: examples from Laravel's strings documentation, with their documented results."""

from __future__ import annotations

import re
import typing as t
import uuid

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.support.str import Str

# (id, call, documented result) — ported from https://laravel.com/docs/strings
DOC_CASES: list[tuple[str, t.Callable[[], t.Any], t.Any]] = [
    ("after", lambda: Str.after("This is my name", "This is"), " my name"),
    ("after-missing", lambda: Str.after("This is my name", "xyz"), "This is my name"),
    (
        "after_last",
        lambda: Str.after_last("App\\Http\\Controllers\\Controller", "\\"),
        "Controller",
    ),
    ("apa", lambda: Str.apa("Creating A Project"), "Creating a Project"),
    ("ascii", lambda: Str.ascii("û"), "u"),
    ("before", lambda: Str.before("This is my name", "my name"), "This is "),
    ("before_last", lambda: Str.before_last("This is my name", "is"), "This "),
    ("between", lambda: Str.between("This is my name", "This", "name"), " is my "),
    ("between_first", lambda: Str.between_first("[a] bc [d]", "[", "]"), "a"),
    ("camel", lambda: Str.camel("foo_bar"), "fooBar"),
    ("char_at", lambda: Str.char_at("This is my name.", 6), "s"),
    (
        "chop_start",
        lambda: Str.chop_start("https://laravel.com", "https://"),
        "laravel.com",
    ),
    (
        "chop_start-list",
        lambda: Str.chop_start("http://laravel.com", ["https://", "http://"]),
        "laravel.com",
    ),
    (
        "chop_end",
        lambda: Str.chop_end("app/Models/Photograph.php", ".php"),
        "app/Models/Photograph",
    ),
    (
        "chop_end-list",
        lambda: Str.chop_end("laravel.com/index.php", ["/index.html", "/index.php"]),
        "laravel.com",
    ),
    ("contains", lambda: Str.contains("This is my name", "my"), True),
    ("contains-list", lambda: Str.contains("This is my name", ["my", "foo"]), True),
    (
        "contains-ignore-case",
        lambda: Str.contains("This is my name", "MY", ignore_case=True),
        True,
    ),
    ("contains-case", lambda: Str.contains("This is my name", "MY"), False),
    ("contains_all", lambda: Str.contains_all("This is my name", ["my", "name"]), True),
    (
        "contains_all-ignore-case",
        lambda: Str.contains_all("This is my name", ["MY", "NAME"], ignore_case=True),
        True,
    ),
    ("doesnt_contain", lambda: Str.doesnt_contain("This is name", "my"), True),
    (
        "doesnt_contain-list",
        lambda: Str.doesnt_contain("This is name", ["my", "foo"]),
        True,
    ),
    (
        "doesnt_contain-ignore-case",
        lambda: Str.doesnt_contain("This is name", "MY", ignore_case=True),
        True,
    ),
    (
        "deduplicate",
        lambda: Str.deduplicate("The   Laravel   Framework"),
        "The Laravel Framework",
    ),
    (
        "deduplicate-char",
        lambda: Str.deduplicate("The---Laravel---Framework", "-"),
        "The-Laravel-Framework",
    ),
    ("ends_with", lambda: Str.ends_with("This is my name", "name"), True),
    ("ends_with-list", lambda: Str.ends_with("This is my name", ["name", "foo"]), True),
    (
        "ends_with-none",
        lambda: Str.ends_with("This is my name", ["this", "foo"]),
        False,
    ),
    (
        "excerpt",
        lambda: Str.excerpt("This is my name", "my", {"radius": 3}),
        "...is my na...",
    ),
    (
        "excerpt-omission",
        lambda: Str.excerpt(
            "This is my name", "name", {"radius": 3, "omission": "(...) "}
        ),
        "(...) my name",
    ),
    ("finish", lambda: Str.finish("this/string", "/"), "this/string/"),
    ("finish-already", lambda: Str.finish("this/string/", "/"), "this/string/"),
    ("headline", lambda: Str.headline("steve_jobs"), "Steve Jobs"),
    (
        "headline-studly",
        lambda: Str.headline("EmailNotificationSent"),
        "Email Notification Sent",
    ),
    ("is", lambda: Str.is_("foo*", "foobar"), True),
    ("is-miss", lambda: Str.is_("baz*", "foobar"), False),
    ("is-ignore-case", lambda: Str.is_("*.jpg", "photo.JPG", ignore_case=True), True),
    ("is_ascii", lambda: Str.is_ascii("Taylor"), True),
    ("is_ascii-umlaut", lambda: Str.is_ascii("ü"), False),
    ("is_json-list", lambda: Str.is_json("[1,2,3]"), True),
    ("is_json-object", lambda: Str.is_json('{"first": "John", "last": "Doe"}'), True),
    ("is_json-invalid", lambda: Str.is_json('{first: "John", last: "Doe"}'), False),
    ("is_url", lambda: Str.is_url("http://example.com"), True),
    ("is_url-word", lambda: Str.is_url("laravel"), False),
    (
        "is_url-protocols",
        lambda: Str.is_url("http://example.com", ["http", "https"]),
        True,
    ),
    ("is_ulid", lambda: Str.is_ulid("01gd6r360bp37zj17nxb55yv40"), True),
    ("is_ulid-word", lambda: Str.is_ulid("laravel"), False),
    ("is_uuid", lambda: Str.is_uuid("a0a2a2d2-0b87-4a18-83f2-2529882be2de"), True),
    ("is_uuid-word", lambda: Str.is_uuid("laravel"), False),
    ("kebab", lambda: Str.kebab("fooBar"), "foo-bar"),
    ("lcfirst", lambda: Str.lcfirst("Foo Bar"), "foo Bar"),
    ("length", lambda: Str.length("Laravel"), 7),
    (
        "limit",
        lambda: Str.limit("The quick brown fox jumps over the lazy dog", 20),
        "The quick brown fox...",
    ),
    (
        "limit-end",
        lambda: Str.limit("The quick brown fox jumps over the lazy dog", 20, " (...)"),
        "The quick brown fox (...)",
    ),
    (
        "limit-preserve-words",
        lambda: Str.limit("The quick brown fox", 12, preserve_words=True),
        "The quick...",
    ),
    ("lower", lambda: Str.lower("LARAVEL"), "laravel"),
    ("mask", lambda: Str.mask("taylor@example.com", "*", 3), "tay***************"),
    (
        "mask-negative",
        lambda: Str.mask("taylor@example.com", "*", -15, 3),
        "tay***@example.com",
    ),
    (
        "mask-negative-length",
        lambda: Str.mask("taylor@example.com", "*", 4, -4),
        "tayl**********.com",
    ),
    ("pad_both", lambda: Str.pad_both("James", 10, "_"), "__James___"),
    ("pad_both-space", lambda: Str.pad_both("James", 10), "  James   "),
    ("pad_left", lambda: Str.pad_left("James", 10, "-="), "-=-=-James"),
    ("pad_left-space", lambda: Str.pad_left("James", 10), "     James"),
    ("pad_right", lambda: Str.pad_right("James", 10, "-"), "James-----"),
    ("pad_right-space", lambda: Str.pad_right("James", 10), "James     "),
    ("plural", lambda: Str.plural("car"), "cars"),
    ("plural-child", lambda: Str.plural("child"), "children"),
    ("plural-count-2", lambda: Str.plural("child", 2), "children"),
    ("plural-count-1", lambda: Str.plural("child", 1), "child"),
    (
        "plural-prepend",
        lambda: Str.plural("car", 1000, prepend_count=True),
        "1,000 cars",
    ),
    ("plural_studly", lambda: Str.plural_studly("VerifiedHuman"), "VerifiedHumans"),
    (
        "plural_studly-uncountable",
        lambda: Str.plural_studly("UserFeedback"),
        "UserFeedback",
    ),
    ("plural_studly-1", lambda: Str.plural_studly("VerifiedHuman", 1), "VerifiedHuman"),
    ("position", lambda: Str.position("Hello, World!", "Hello"), 0),
    ("position-w", lambda: Str.position("Hello, World!", "W"), 7),
    (
        "remove",
        lambda: Str.remove("e", "Peter Piper picked a peck of pickled peppers."),
        "Ptr Pipr pickd a pck of pickld ppprs.",
    ),
    ("remove-ignore-case", lambda: Str.remove("E", "Peter", False), "Ptr"),
    ("repeat", lambda: Str.repeat("a", 5), "aaaaa"),
    ("replace", lambda: Str.replace("11.x", "12.x", "Laravel 11.x"), "Laravel 12.x"),
    (
        "replace-ignore-case",
        lambda: Str.replace("macOS", "iOS", "MACOS 13.x", case_sensitive=False),
        "iOS 13.x",
    ),
    (
        "replace_array",
        lambda: Str.replace_array(
            "?", ["8:30", "9:00"], "The event will take place between ? and ?"
        ),
        "The event will take place between 8:30 and 9:00",
    ),
    (
        "replace_first",
        lambda: Str.replace_first(
            "the", "a", "the quick brown fox jumps over the lazy dog"
        ),
        "a quick brown fox jumps over the lazy dog",
    ),
    (
        "replace_last",
        lambda: Str.replace_last(
            "the", "a", "the quick brown fox jumps over the lazy dog"
        ),
        "the quick brown fox jumps over a lazy dog",
    ),
    (
        "replace_matches",
        lambda: Str.replace_matches(
            pattern="/[^A-Za-z0-9]++/", replace="", subject="(+1) 501-555-1000"
        ),
        "15015551000",
    ),
    (
        "replace_matches-callback",
        lambda: Str.replace_matches(r"/\d/", lambda m: "[" + m[0] + "]", "123"),
        "[1][2][3]",
    ),
    (
        "replace_start",
        lambda: Str.replace_start("Hello", "Laravel", "Hello World"),
        "Laravel World",
    ),
    (
        "replace_start-miss",
        lambda: Str.replace_start("World", "Laravel", "Hello World"),
        "Hello World",
    ),
    (
        "replace_end",
        lambda: Str.replace_end("World", "Laravel", "Hello World"),
        "Hello Laravel",
    ),
    (
        "replace_end-miss",
        lambda: Str.replace_end("Hello", "Laravel", "Hello World"),
        "Hello World",
    ),
    ("reverse", lambda: Str.reverse("Hello World"), "dlroW olleH"),
    ("singular", lambda: Str.singular("cars"), "car"),
    ("singular-children", lambda: Str.singular("children"), "child"),
    ("slug", lambda: Str.slug("Laravel 5 Framework", "-"), "laravel-5-framework"),
    ("snake", lambda: Str.snake("fooBar"), "foo_bar"),
    ("snake-delimiter", lambda: Str.snake("fooBar", "-"), "foo-bar"),
    ("squish", lambda: Str.squish("    laravel    framework    "), "laravel framework"),
    ("start", lambda: Str.start("this/string", "/"), "/this/string"),
    ("start-already", lambda: Str.start("/this/string", "/"), "/this/string"),
    ("starts_with", lambda: Str.starts_with("This is my name", "This"), True),
    (
        "starts_with-list",
        lambda: Str.starts_with("This is my name", ["This", "That", "There"]),
        True,
    ),
    ("studly", lambda: Str.studly("foo_bar"), "FooBar"),
    ("substr", lambda: Str.substr("The Laravel Framework", 4, 7), "Laravel"),
    (
        "substr_count",
        lambda: Str.substr_count(
            "If you like ice cream, you will like snow cones.", "like"
        ),
        2,
    ),
    ("substr_replace", lambda: Str.substr_replace("1300", ":", 2), "13:"),
    ("substr_replace-insert", lambda: Str.substr_replace("1300", ":", 2, 0), "13:00"),
    (
        "swap",
        lambda: Str.swap(
            {"Tacos": "Burritos", "great": "fantastic"}, "Tacos are great!"
        ),
        "Burritos are fantastic!",
    ),
    ("take", lambda: Str.take("Build something amazing!", 5), "Build"),
    (
        "title",
        lambda: Str.title("a nice title uses the correct case"),
        "A Nice Title Uses The Correct Case",
    ),
    ("to_base64", lambda: Str.to_base64("Laravel"), "TGFyYXZlbA=="),
    ("from_base64", lambda: Str.from_base64("TGFyYXZlbA=="), "Laravel"),
    (
        "transliterate",
        lambda: Str.transliterate("ⓣⓔⓢⓣ@ⓛⓐⓡⓐⓥⓔⓛ.ⓒⓞⓜ"),
        "test@laravel.com",
    ),
    ("trim", lambda: Str.trim(" foo bar "), "foo bar"),
    ("ltrim", lambda: Str.ltrim("  foo bar  "), "foo bar  "),
    ("rtrim", lambda: Str.rtrim("  foo bar  "), "  foo bar"),
    ("ucfirst", lambda: Str.ucfirst("foo bar"), "Foo bar"),
    ("ucsplit", lambda: Str.ucsplit("FooBar"), ["Foo", "Bar"]),
    ("upper", lambda: Str.upper("laravel"), "LARAVEL"),
    ("unwrap", lambda: Str.unwrap("-Laravel-", "-"), "Laravel"),
    (
        "unwrap-pair",
        lambda: Str.unwrap('{framework: "Laravel"}', "{", "}"),
        'framework: "Laravel"',
    ),
    ("word_count", lambda: Str.word_count("Hello, world!"), 2),
    (
        "word_wrap",
        lambda: Str.word_wrap(
            "The quick brown fox jumped over the lazy dog.",
            characters=20,
            break_="<br />\n",
        ),
        "The quick brown fox<br />\njumped over the lazy<br />\ndog.",
    ),
    (
        "words",
        lambda: Str.words("Perfectly balanced, as all things should be.", 3, " >>>"),
        "Perfectly balanced, as >>>",
    ),
    ("wrap", lambda: Str.wrap("Laravel", '"'), '"Laravel"'),
    (
        "wrap-pair",
        lambda: Str.wrap("is", before="This ", after=" Laravel!"),
        "This is Laravel!",
    ),
    ("match", lambda: Str.match("/bar/", "foo bar"), "bar"),
    ("match-group", lambda: Str.match("/foo (.*)/", "foo bar"), "bar"),
    ("is_match", lambda: Str.is_match("/foo (.*)/", "foo bar"), True),
    ("is_match-miss", lambda: Str.is_match("/foo (.*)/", "laravel"), False),
]


@pytest.mark.parametrize(
    ("call", "expected"),
    [pytest.param(call, expected, id=name) for name, call, expected in DOC_CASES],
)
def test_documented_examples(call: t.Callable[[], t.Any], expected: t.Any) -> None:
    assert call() == expected


def test_documented_examples_count() -> None:
    assert len(DOC_CASES) >= 110


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("PostTag", "post_tag"),
        ("HTMLParser", "h_t_m_l_parser"),
        ("foo_bar", "foo_bar"),
        ("Laravel PHP Framework", "laravel_p_h_p_framework"),
        ("laravel", "laravel"),
    ],
)
def test_snake_matches_laravel_edge_cases(value: str, expected: str) -> None:
    assert Str.snake(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("foo-bar_baz qux", "FooBarBazQux"),
        ("fooBar", "FooBar"),
        ("  foo  bar ", "FooBar"),
    ],
)
def test_studly_and_pascal(value: str, expected: str) -> None:
    assert Str.studly(value) == expected
    assert Str.pascal(value) == expected
    assert Str.camel(value) == expected[0].lower() + expected[1:]


def test_table_names_follow_laravel() -> None:
    assert Str.plural(Str.snake("PostTag")) == "post_tags"
    assert Str.plural(Str.snake("Person")) == "people"
    assert Str.plural("category") == "categories"
    assert Str.singular("users") == "user"


def test_case_results_are_cached_and_can_be_flushed() -> None:
    Str.flush_cache()
    assert Str.snake("CachedName") == "cached_name"
    assert Str.snake("CachedName") == "cached_name"
    assert Str.studly("cached_name") == "CachedName"
    Str.flush_cache()
    assert Str.camel("cached_name") == "cachedName"


@pytest.mark.parametrize(
    ("title", "kwargs", "expected"),
    [
        ("Hello World", {}, "hello-world"),
        ("hello@world", {}, "hello-at-world"),
        ("Hello_World--again", {"separator": "_"}, "hello_world_again"),
        ("Crème Brûlée Straße", {}, "creme-brulee-strasse"),
        ("Привет мир", {}, "privet-mir"),
        ("  --Hello--  ", {}, "hello"),
        ("Hello World", {"separator": ""}, "helloworld"),
        ("Ünïcode Kept", {"language": None}, "ünïcode-kept"),
        ("a & b", {"dictionary": {"&": "and"}}, "a-and-b"),
    ],
)
def test_slug_variants(title: str, kwargs: dict[str, t.Any], expected: str) -> None:
    assert Str.slug(title, **kwargs) == expected


def test_trim_removes_unicode_whitespace_and_charlists() -> None:
    assert Str.trim("\u200b\u00a0 Laravel \u3000\n") == "Laravel"
    assert Str.trim("/Laravel/", "/") == "Laravel"
    assert Str.ltrim("xxLaravel", "x") == "Laravel"
    assert Str.rtrim("Laravel123", "0..9") == "Laravel"


def test_headline_and_title_keep_apostrophes() -> None:
    assert Str.headline("they're here") == "They're Here"
    assert Str.headline("user-profile_settings") == "User Profile Settings"
    assert Str.title("they're") == "They're"


def test_contains_and_friends_accept_none_haystack() -> None:
    assert Str.contains(None, "a") is False
    assert Str.starts_with(None, "a") is False
    assert Str.ends_with(None, "a") is False
    assert Str.contains("abc", "") is False


def test_is_accepts_a_list_of_patterns_and_star() -> None:
    assert Str.is_(["admin/*", "api/*"], "api/users") is True
    assert Str.is_("*", "") is True
    assert Str.is_("a.b", "axb") is False


def test_replace_with_lists_like_php_str_replace() -> None:
    assert Str.replace(["a", "b"], ["1", "2"], "abc") == "12c"
    assert Str.replace(["a", "b"], "x", "abc") == "xxc"
    assert Str.replace(["a", "b"], ["1"], "abc") == "1c"
    assert Str.replace("a", "b", ["aa", "ba"]) == ["bb", "bb"]


def test_match_all_returns_a_collection() -> None:
    pytest.importorskip("protevus.support.collection")
    assert Str.match_all("/bar/", "bar foo bar").all() == ["bar", "bar"]
    assert Str.match_all(r"/f(\w*)/", "bar fun bar fly").all() == ["un", "ly"]
    assert Str.match_all("/zzz/", "bar").all() == []


def test_patterns_may_be_python_or_pcre() -> None:
    assert Str.match(r"(\d+)", "abc 123") == "123"
    assert Str.match(re.compile("B", re.I), "abc") == "b"
    assert Str.match("/ABC/i", "xabcx") == "abc"
    assert Str.match("/nothing/", "abc") == ""
    assert Str.replace_matches(r"/(\w+) (\w+)/", "$2 ${1}", "hello world") == (
        "world hello"
    )


def test_char_at_and_position_return_none_when_missing() -> None:
    assert Str.char_at("abc", 3) is None
    assert Str.char_at("abc", -1) == "c"
    assert Str.char_at("abc", -4) is None
    assert Str.position("abc", "z") is None


def test_excerpt_without_match_returns_none() -> None:
    assert Str.excerpt("This is my name", "taylor") is None
    assert Str.excerpt("This is my name", "my", radius=100) == "This is my name"


def test_limit_counts_wide_characters_twice() -> None:
    assert Str.limit("漢字テスト", 4) == "漢字..."
    assert Str.limit("short", 10) == "short"


def test_word_wrap_cuts_long_words_when_asked() -> None:
    assert Str.word_wrap("A very long woooooooooooord.", 8, "\n", True) == (
        "A very\nlong\nwooooooo\nooooord."
    )
    assert Str.word_wrap("", 10) == ""


def test_from_base64_strict_rejects_invalid_input() -> None:
    assert Str.from_base64("TGFy$YXZlbA==") == "Laravel"
    assert Str.from_base64("TGFy$YXZlbA==", strict=True) is None


def test_convert_case() -> None:
    assert Str.convert_case("HeLLo", "lower") == "hello"
    assert Str.convert_case("hello world", 2) == "Hello World"
    assert Str.convert_case("Straße") == "strasse"


def test_random_is_alphanumeric_of_the_requested_length() -> None:
    value = Str.random(40)
    assert len(value) == 40
    assert re.fullmatch("[A-Za-z0-9]{40}", value)
    assert Str.random(40) != value
    assert len(Str.random()) == 16
    assert Str.random(0) == ""


def test_random_strings_can_be_faked() -> None:
    Str.create_random_strings_using(lambda length: "fake-random-string")
    try:
        assert Str.random(8) == "fake-random-string"
    finally:
        Str.create_random_strings_normally()
    assert Str.random(8) != "fake-random-string"


def test_random_strings_from_a_sequence() -> None:
    Str.create_random_strings_using_sequence(["first", "second"])
    try:
        assert [Str.random(5), Str.random(5)] == ["first", "second"]
        assert len(Str.random(5)) == 5
    finally:
        Str.create_random_strings_normally()


def test_password_has_each_character_kind() -> None:
    password = Str.password()
    assert len(password) == 32
    assert any(c.isalpha() for c in password)
    assert any(c.isdigit() for c in password)
    assert len(Str.password(12)) == 12
    assert Str.password(10, symbols=False, numbers=False).isalpha()


def test_uuid_is_version_4_and_can_be_faked_and_frozen() -> None:
    assert isinstance(Str.uuid(), uuid.UUID)
    assert Str.uuid().version == 4
    assert Str.is_uuid(str(Str.uuid()), 4)
    fixed = uuid.UUID("eadbfeac-5258-45c2-bab7-ccb9b5ef74f9")
    Str.create_uuids_using(lambda: fixed)
    try:
        assert Str.uuid() == fixed
    finally:
        Str.create_uuids_normally()
    assert Str.uuid() != fixed
    frozen = Str.freeze_uuids()
    try:
        assert Str.uuid() == frozen == Str.uuid()
    finally:
        Str.create_uuids_normally()
    seen: list[uuid.UUID] = []
    Str.freeze_uuids(lambda value: seen.extend([value, Str.uuid()]))
    assert seen[0] == seen[1]
    assert Str.uuid() != seen[0]


def test_uuid7_and_ordered_uuid_are_time_ordered() -> None:
    first, second = Str.uuid7(), Str.ordered_uuid()
    assert first.version == 7
    assert Str.is_uuid(str(first), 7)
    assert str(first)[:8] <= str(second)[:8]


def test_ulid_is_26_sortable_crockford_characters() -> None:
    ulids = [Str.ulid() for _ in range(50)]
    assert all(len(str(u)) == 26 and Str.is_ulid(str(u)) for u in ulids)
    assert [str(u) for u in ulids] == sorted(str(u) for u in ulids)
    assert len(set(ulids)) == 50
    assert abs(ulids[0].to_datetime().timestamp() - __import__("time").time()) < 5
    assert ulids[0] == str(ulids[0]).lower()


def test_ulids_can_be_faked_and_frozen() -> None:
    Str.create_ulids_using(lambda: "01HRDBNHHCKNW2AK4Z29SN82T9")
    try:
        assert str(Str.ulid()) == "01HRDBNHHCKNW2AK4Z29SN82T9"
    finally:
        Str.create_ulids_normally()
    assert str(Str.ulid()) != "01HRDBNHHCKNW2AK4Z29SN82T9"
    frozen = Str.freeze_ulids()
    try:
        assert Str.ulid() == frozen
    finally:
        Str.create_ulids_normally()


def test_is_uuid_with_special_versions() -> None:
    assert Str.is_uuid("00000000-0000-0000-0000-000000000000", "nil")
    assert Str.is_uuid("ffffffff-ffff-ffff-ffff-ffffffffffff", "max")
    assert not Str.is_uuid("a0a2a2d2-0b87-4a18-83f2-2529882be2de", 7)
    assert not Str.is_uuid(12345)


def test_macros_and_camel_case_aliases() -> None:
    Str.macro("shout", lambda s: s.upper() + "!")
    try:
        assert Str.shout("hi") == "HI!"  # type: ignore[attr-defined]
        assert Str.has_macro("shout")
    finally:
        Str.flush_macros()
    assert not hasattr(Str, "shout")
    assert Str.afterLast("a.b.c", ".") == "c"  # type: ignore[attr-defined]
    assert Str.isAscii("abc") is True  # type: ignore[attr-defined]


# -- unhappy paths ---------------------------------------------------------------------


def test_random_rejects_negative_length() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[-1\]"):
        Str.random(-1)


def test_repeat_rejects_negative_times() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[-2\]"):
        Str.repeat("a", -2)


def test_padding_must_not_be_empty() -> None:
    with pytest.raises(InvalidArgumentError, match="must not be empty"):
        Str.pad_left("James", 10, "")


def test_substr_count_rejects_empty_needle() -> None:
    with pytest.raises(InvalidArgumentError, match="Needle"):
        Str.substr_count("abc", "")


def test_invalid_regex_names_the_pattern() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[/\(unclosed/\]"):
        Str.match("/(unclosed/", "abc")


def test_password_needs_a_character_set_and_a_length() -> None:
    with pytest.raises(InvalidArgumentError, match="character set"):
        Str.password(8, letters=False, numbers=False, symbols=False)
    with pytest.raises(InvalidArgumentError, match=r"\[0\]"):
        Str.password(0)


def test_unknown_case_mode_is_rejected() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[shouty\]"):
        Str.convert_case("abc", "shouty")


def test_word_wrap_rejects_empty_break() -> None:
    with pytest.raises(InvalidArgumentError, match="Break"):
        Str.word_wrap("abc", 2, "")


def test_python_groups_and_classes_are_not_read_as_pcre_delimiters() -> None:
    assert Str.replace_matches(r"(\d+)", "[$1]", "room 12") == "room [12]"
    assert Str.is_match("[abc]", "a") is True
    assert Str.is_match("/[abc]/i", "A") is True
