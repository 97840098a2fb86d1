"""download(), stream_download() and BinaryFileResponse build one Content-Disposition."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.facades import Route
from protevus.http.header_utils import HeaderUtils
from protevus.http.header_utils import make_disposition
from protevus.http.response import BinaryFileResponse
from protevus.testing import TestClient

NAMES = [
    ("report.pdf", 'attachment; filename="report.pdf"'),
    ("my report.pdf", 'attachment; filename="my report.pdf"'),
    (
        "résumé.pdf",
        "attachment; filename=\"rsum.pdf\"; filename*=utf-8''r%C3%A9sum%C3%A9.pdf",
    ),
    (
        "報告.pdf",
        "attachment; filename=\"download.pdf\"; filename*=utf-8''%E5%A0%B1%E5%91%8A.pdf",
    ),
    ("100%.txt", "attachment; filename=\"100.txt\"; filename*=utf-8''100%25.txt"),
    (
        'say "hi".txt',
        "attachment; filename=\"say hi.txt\"; filename*=utf-8''say%20%22hi%22.txt",
    ),
]


@pytest.fixture
def client(make_app: t.Any, tmp_path: Path) -> TestClient:
    app = make_app()
    file = tmp_path / "stored.bin"
    file.write_bytes(b"data")

    def download(name: str) -> t.Any:
        return app.make("response").download(file, name)

    def stream(name: str) -> t.Any:
        return app.make("response").stream_download(lambda: iter([b"data"]), name)

    def binary(name: str) -> t.Any:
        return BinaryFileResponse(file).set_content_disposition("attachment", name)

    Route.get("/download/{name}", download)
    Route.get("/stream/{name}", stream)
    Route.get("/binary/{name}", binary)
    return TestClient(app)


@pytest.mark.parametrize(("name", "expected"), NAMES)
@pytest.mark.parametrize("kind", ["download", "stream", "binary"])
def test_every_builder_sends_the_same_header(
    client: TestClient, kind: str, name: str, expected: str
) -> None:
    response = client.get(f"/{kind}/{name}").assert_ok()
    assert response.headers["Content-Disposition"] == expected
    assert response.content() == "data"


@pytest.mark.parametrize(("name", "expected"), NAMES)
def test_the_helper_matches_the_responses(name: str, expected: str) -> None:
    assert make_disposition("attachment", name) == expected
    assert HeaderUtils.make_disposition("inline", name) == expected.replace(
        "attachment", "inline", 1
    )


@pytest.mark.parametrize("name", ["a/b.txt", "..\\b.txt", "a\r\nX: 1.txt", "a\0.txt"])
def test_path_separators_and_control_characters_are_a_clear_error(
    tmp_path: Path, name: str
) -> None:
    with pytest.raises(InvalidArgumentError, match=r"must not contain \[/\], \[\\\]"):
        make_disposition("attachment", name)
    file = tmp_path / "f.txt"
    file.write_text("x")
    with pytest.raises(InvalidArgumentError, match="bare file name"):
        BinaryFileResponse(file).set_content_disposition("attachment", name)


def test_control_characters_are_shown_escaped() -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        make_disposition("attachment", "a\r\nb")
    assert "[a\\r\\nb]" in str(raised.value)


def test_the_disposition_and_the_fallback_are_checked() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[download\] is not valid"):
        make_disposition("download", "a.txt")
    with pytest.raises(InvalidArgumentError, match="must not be empty"):
        make_disposition("attachment", "")
    with pytest.raises(InvalidArgumentError, match="printable ASCII"):
        make_disposition("attachment", "résumé.pdf", "résumé.pdf")
    with pytest.raises(InvalidArgumentError, match=r"no \[%\]"):
        make_disposition("attachment", "100%.pdf", "100%.pdf")


def test_an_explicit_fallback_is_used_and_quoted() -> None:
    assert make_disposition("attachment", "résumé.pdf", "resume.pdf") == (
        "attachment; filename=\"resume.pdf\"; filename*=utf-8''r%C3%A9sum%C3%A9.pdf"
    )
    assert make_disposition("inline", 'a"b.txt', 'a"b.txt') == (
        'inline; filename="a\\"b.txt"'
    )


def test_binary_file_response_defaults_to_the_files_own_name(tmp_path: Path) -> None:
    file = tmp_path / "naïve.txt"
    file.write_text("x")
    response = BinaryFileResponse(file, content_disposition="inline")
    assert response.headers["Content-Disposition"] == (
        "inline; filename=\"nave.txt\"; filename*=utf-8''na%C3%AFve.txt"
    )
    response.set_content_disposition("attachment", "x.txt", "fallback.txt")
    assert response.headers["Content-Disposition"] == (
        "attachment; filename=\"fallback.txt\"; filename*=utf-8''x.txt"
    )
