"""Laravel's signature mini-language: every form, and malformed signatures."""

from __future__ import annotations

import pytest

from protevus.console.exceptions import InvalidSignatureError
from protevus.console.signature import InputArgument
from protevus.console.signature import InputOption
from protevus.console.signature import parse


def test_name_only() -> None:
    sig = parse("inspire")
    assert sig.name == "inspire" and sig.arguments == () and sig.options == ()


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("{user}", InputArgument("user", True, False, None)),
        ("{user?}", InputArgument("user", False, False, None)),
        ("{user=taylor}", InputArgument("user", False, False, "taylor")),
        ("{user*}", InputArgument("user", True, True, [])),
        ("{user?*}", InputArgument("user", False, True, [])),
        ("{user=*a,b}", InputArgument("user", False, True, ["a", "b"])),
        (
            "{user : The user id}",
            InputArgument("user", True, False, None, "The user id"),
        ),
    ],
)
def test_argument_forms(token: str, expected: InputArgument) -> None:
    assert parse(f"mail:send {token}").arguments == (expected,)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("{--queue}", InputOption("queue")),
        ("{--queue=}", InputOption("queue", (), True, False, None)),
        ("{--queue=default}", InputOption("queue", (), True, False, "default")),
        ("{--Q|queue}", InputOption("queue", ("Q",))),
        ("{--Q|queue=high}", InputOption("queue", ("Q",), True, False, "high")),
        ("{--id=*}", InputOption("id", (), True, True, [])),
        (
            "{--dry-run : Only pretend}",
            InputOption("dry-run", description="Only pretend"),
        ),
    ],
)
def test_option_forms(token: str, expected: InputOption) -> None:
    assert parse(f"mail:send {token}").options == (expected,)


def test_whitespace_and_newlines_inside_a_signature() -> None:
    sig = parse(
        """mail:send
            {user : The ID of the user}
            {--queue= : Whether the job should be queued}"""
    )
    assert sig.name == "mail:send"
    assert sig.arguments[0].description == "The ID of the user"
    assert sig.options[0].description == "Whether the job should be queued"


def test_parsing_is_cached() -> None:
    assert parse("cached {a}") is parse("cached {a}")


@pytest.mark.parametrize(
    ("signature", "fragment"),
    [
        ("", "Unable to determine command name"),
        ("{user}", "Unable to determine command name"),
        ("send {user", "close every brace"),
        ("send user}", "unexpected text [user}]"),
        ("send {}", "empty {}"),
        ("send stray {user}", "unexpected text [stray]"),
        ("send {user} {user}", "argument named [user] already exists"),
        (
            "send {a?} {b}",
            "required argument [b] comes after the optional argument [a]",
        ),
        ("send {a*} {b?}", "after the list argument [a]"),
        ("send {--x} {--x}", "option named [--x] already exists"),
        ("send {--x|alpha} {--x|beta}", "shortcut [-x] is used twice"),
        ("send {--help}", "[--help] is an option every command already has"),
        ("send {--q|quick}", "shortcut [-q]"),
        ("send {-x}", "starts with one dash"),
        ("send {1user}", "[1user] is not a valid argument name"),
        ("send {--bad name}", "[--bad name] is not a valid option name"),
        ("send {--!|x}", "[!] is not a valid option shortcut"),
        ("send {a {b}}", "braces cannot nest"),
    ],
)
def test_malformed_signatures_name_the_command(signature: str, fragment: str) -> None:
    with pytest.raises(InvalidSignatureError) as info:
        parse(signature)
    assert fragment in str(info.value)
    if signature.startswith("send"):
        assert "[send]" in str(info.value)


def test_click_params_round_trip() -> None:
    import click

    sig = parse("x {user} {ids?*} {--Q|queue=default} {--force} {--tag=*}")
    cmd = click.Command("x", params=sig.to_click_params())
    ctx = cmd.make_context("x", ["7", "1", "2", "-Q", "high", "--tag=a", "--tag", "b"])
    arguments, options = sig.collect(ctx.params)
    assert arguments == {"user": "7", "ids": ["1", "2"]}
    assert options == {"queue": "high", "force": False, "tag": ["a", "b"]}
