"""UploadedFile: names, types, sizes, hashing and storing on local disks."""

from __future__ import annotations

import io
import os
import stat
import typing as t
from pathlib import Path

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ProtevusError
from protevus.http.request import Request
from protevus.http.uploaded_file import UploadedFile

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20


def upload(content: bytes, name: str, mime: str) -> t.Iterator[UploadedFile]:
    with Request.from_values(
        "/", method="POST", data={"file": (io.BytesIO(content), name, mime)}
    ) as request:
        yield request.file("file")


@pytest.fixture
def png() -> t.Iterator[UploadedFile]:
    yield from upload(PNG, "photo.JPG", "image/jpeg")


@pytest.fixture
def text() -> t.Iterator[UploadedFile]:
    yield from upload(b"hello world", "notes.md", "text/markdown")


def test_names_types_and_size(png: UploadedFile, text: UploadedFile) -> None:
    assert png.get_client_original_name() == "photo.JPG"
    assert png.get_client_original_extension() == "JPG"
    assert png.get_client_mime_type() == "image/jpeg"
    assert png.client_extension() == "jpg"
    assert png.get_mime_type() == "image/png"  # from the content, not the claim
    assert png.extension() == "png"
    assert png.get_size() == len(PNG)
    assert png.is_valid()
    assert text.get_mime_type() == "text/plain"  # the content, never the name
    assert text.get() == b"hello world"
    assert "photo.JPG" in repr(png)


def test_path_is_a_real_file(text: UploadedFile) -> None:
    path = text.path()
    assert Path(path).read_bytes() == b"hello world"
    assert text.path() == path


def test_hash_name_is_stable(png: UploadedFile) -> None:
    name = png.hash_name()
    assert len(name) == 44 and name.endswith(".png")
    assert png.hash_name() == name
    assert png.hash_name("avatars/") == f"avatars/{name}"


def test_store_on_the_default_and_named_disks(
    make_app: t.Any, png: UploadedFile
) -> None:
    app = make_app()
    stored = png.store("avatars")
    assert stored == f"avatars/{png.hash_name()}"
    target = Path(app.base_path("storage/app/private")) / stored
    assert target.read_bytes() == PNG
    assert png.store_as("avatars", "me.png", "public") == "avatars/me.png"
    assert (Path(app.base_path("storage/app/public/avatars/me.png"))).exists()
    assert png.store_as("root.png") == "root.png"
    public = png.store_publicly("pub", "public")
    mode = stat.S_IMODE(os.stat(app.base_path("storage/app/public/" + public)).st_mode)
    assert mode == 0o644
    assert png.store_publicly_as("pub", "x.png", "public") == "pub/x.png"


def test_store_with_configured_disks(make_app: t.Any, text: UploadedFile) -> None:
    app = make_app(
        config={
            "filesystems": """
            config = {
                "default": "uploads",
                "disks": {
                    "uploads": {"driver": "local", "root": "var/uploads"},
                    "s3": {"driver": "s3"},
                },
            }
            """
        }
    )
    assert text.store_as("", "a.md") == "a.md"
    assert Path(app.base_path("var/uploads/a.md")).read_bytes() == b"hello world"
    with pytest.raises(InvalidArgumentError, match=r"Disk \[s3\] is not a local disk"):
        text.store("x", "s3")
    with pytest.raises(InvalidArgumentError, match=r"Disk \[nope\] does not have"):
        text.store("x", "nope")
    with pytest.raises(InvalidArgumentError, match=r"leaves the disk root"):
        text.store_as("../..", "escape.md")


def test_store_without_an_application_is_a_clear_error(text: UploadedFile) -> None:
    with pytest.raises(ProtevusError, match="needs a running application"):
        text.store("x")


def test_move(tmp_path: Path, text: UploadedFile) -> None:
    target = text.move(str(tmp_path / "moved"), "n.md")
    assert Path(target).read_bytes() == b"hello world"


SCRIPT = b"alert(document.cookie);\n"


@pytest.mark.parametrize(
    ("content", "name", "mime", "extension"),
    [
        (SCRIPT, "a.html", "text/plain", "txt"),
        (SCRIPT, "a.js", "text/plain", "txt"),
        (b"<?php system($_GET['c']);", "shell.php", "text/plain", "txt"),
        (b"hello", "evil.svg", "text/plain", "txt"),
        (b"<!DOCTYPE html><p>hi</p>", "a.txt", "text/html", "html"),
        (b"\xef\xbb\xbf  <HTML><body></body></HTML>", "a", "text/html", "html"),
        (b"<?xml version='1.0'?><note/>", "a.html", "text/xml", "xml"),
        (b'<?xml version="1.0"?>\n<svg xmlns="x"/>', "a.png", "image/svg+xml", "svg"),
        (b'{"a": [1, 2]}', "a.html", "application/json", "json"),
        (b"{not json", "a.json", "text/plain", "txt"),
        (b"%PDF-1.7 ...", "a.html", "application/pdf", "pdf"),
        (b"\xff\xd8\xff\xe0rest", "a.html", "image/jpeg", "jpg"),
        (b"\x00\x01\x02binary", "a.html", "application/octet-stream", "bin"),
        (b"caf\xc3\xa9 au lait", "a.js", "text/plain", "txt"),
        (b"\xff\xfe not utf-8", "a.html", "application/octet-stream", "bin"),
        (b"", "a.html", "application/x-empty", ""),
    ],
)
def test_mime_type_and_extension_come_from_the_content_only(
    content: bytes, name: str, mime: str, extension: str
) -> None:
    for file in upload(content, name, "text/html"):
        assert file.get_mime_type() == mime
        assert file.extension() == extension
        assert file.guess_extension() == extension
        suffix = f".{extension}" if extension else ""
        assert file.hash_name().endswith(suffix)
        assert len(file.hash_name()) == 40 + len(suffix)


@pytest.mark.parametrize(
    ("claimed", "extension"),
    [
        ("text/javascript", "js"),
        ("application/javascript", "js"),
        ("text/plain", "txt"),
        ("image/jpeg", "jpg"),
        ("application/xml", "xml"),
        ("text/xml", "xml"),
        ("text/csv", "csv"),
        ("text/plain; charset=utf-8", "txt"),
        ("application/vnd.nothing-known", ""),
    ],
)
def test_client_extension_uses_symfony_first_extensions(
    claimed: str, extension: str
) -> None:
    for file in upload(b"x", "a.bin", claimed):
        assert file.client_extension() == extension


def test_an_uploaded_html_file_is_stored_as_text(make_app: t.Any) -> None:
    from protevus.facades import Route
    from protevus.testing import TestClient

    app = make_app()

    def upload_route(request: Request) -> t.Any:
        return {"path": request.file("file").store("uploads", "public")}

    Route.post("/upload", upload_route)
    body = b"<script>alert(document.cookie)</script>"
    response = TestClient(app).post(
        "/upload", {"file": (io.BytesIO(body), "a.html", "text/html")}
    )
    path = response.assert_ok().json("path")
    assert path.startswith("uploads/") and path.endswith(".txt")
    stored = Path(app.base_path("storage/app/public")) / path
    assert stored.read_bytes() == body
