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
    assert text.get_mime_type() == "text/markdown"
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
