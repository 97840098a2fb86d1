"""File rules and the File rule object: types from content, sizes in kilobytes, dimensions."""

from __future__ import annotations

import io
import struct
import typing as t

import pytest
from werkzeug.datastructures import FileStorage

from protevus.exceptions import InvalidArgumentError
from protevus.http.uploaded_file import UploadedFile
from protevus.validation.image_size import image_size
from protevus.validation.rule import Rule
from protevus.validation.rules.file import File
from protevus.validation.validator import Validator


def upload(
    name: str, content: bytes, mime: str = "application/octet-stream"
) -> UploadedFile:
    return UploadedFile(
        FileStorage(io.BytesIO(content), filename=name, content_type=mime)
    )


def png(width: int, height: int, padding: int = 0) -> bytes:
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR"
    return (
        header + struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0) + b"\0" * padding
    )


def gif(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\0" * 8


def jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0" + b"\0" * 9
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\0" * 3
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def webp_extended(width: int, height: int) -> bytes:
    body = b"VP8X" + struct.pack("<I", 10) + b"\0" * 4
    body += (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'
PDF = b"%PDF-1.7\n" + b"x" * 100


@pytest.mark.parametrize(
    ("content", "size"),
    [
        (png(640, 480), (640, 480)),
        (gif(3, 4), (3, 4)),
        (jpeg(800, 600), (800, 600)),
        (webp_extended(1000, 500), (1000, 500)),
        (b"not an image", None),
        (b"\x89PNG\r\n\x1a\n", None),
    ],
)
def test_image_size_reads_headers(content: bytes, size: tuple[int, int] | None) -> None:
    assert image_size(content) == size


def check(rules: t.Any, file: t.Any) -> list[str]:
    return Validator.make({"f": file}, {"f": rules}).errors().all()


def test_file_rule() -> None:
    assert check("file", upload("a.txt", b"hello")) == []
    assert check("file", "a.txt") == ["The f field must be a file."]
    assert check("file", upload("", b"")) == ["The f field must be a file."]


def test_image_uses_the_content_and_rejects_svg_unless_allowed() -> None:
    assert check("image", upload("a.png", png(1, 1))) == []
    assert check("image", upload("a.jpg", jpeg(1, 1))) == []
    assert check("image", upload("photo.png", b"<?php echo 1;", "image/png")) == [
        "The f field must be an image."
    ]
    assert check("image", upload("a.svg", SVG)) == ["The f field must be an image."]
    assert check("image:allow_svg", upload("a.svg", SVG)) == []


def test_mimes_guesses_the_extension_from_content() -> None:
    assert check("mimes:pdf,docx", upload("cv.pdf", PDF)) == []
    assert check("mimes:jpeg", upload("a.jpg", jpeg(1, 1))) == []
    assert check("mimes:jpg", upload("a.bin", jpeg(1, 1))) == []
    assert check("mimes:pdf,png", upload("fake.pdf", b"plain text")) == [
        "The f field must be a file of type: pdf, png."
    ]


def test_mimetypes_checks_the_detected_type_and_wildcards() -> None:
    assert check("mimetypes:application/pdf", upload("x", PDF)) == []
    assert check("mimetypes:image/*", upload("x", gif(1, 1))) == []
    assert check(
        "mimetypes:video/mp4,image/png", upload("x.png", b"hi", "image/png")
    ) == ["The f field must be a file of type: video/mp4, image/png."]


def test_extensions_checks_the_client_name() -> None:
    assert check("extensions:csv,TXT", upload("Data.CSV", b"a,b")) == []
    assert check("extensions:csv,txt", upload("data.xlsx", b"a,b")) == [
        "The f field must have one of the following extensions: csv, txt."
    ]


def test_sizes_are_kilobytes_for_files() -> None:
    two_kb = upload("a.txt", b"x" * 2048)

    assert check("file|max:2", two_kb) == []
    assert check("file|max:1", two_kb) == [
        "The f field must not be greater than 1 kilobytes."
    ]
    assert check("file|min:3", two_kb) == ["The f field must be at least 3 kilobytes."]
    assert check("file|size:2", two_kb) == []
    assert check("file|between:3,4", two_kb) == [
        "The f field must be between 3 and 4 kilobytes."
    ]


@pytest.mark.parametrize(
    ("rule", "passes"),
    [
        ("dimensions:width=640,height=480", True),
        ("dimensions:min_width=700", False),
        ("dimensions:max_width=640,max_height=480", True),
        ("dimensions:max_height=400", False),
        ("dimensions:min_height=480", True),
        ("dimensions:ratio=4/3", True),
        ("dimensions:ratio=1.3333", True),
        ("dimensions:ratio=16/9", False),
    ],
)
def test_dimensions(rule: str, passes: bool) -> None:
    errors = check(rule, upload("a.png", png(640, 480)))

    assert errors == ([] if passes else ["The f field has invalid image dimensions."])


def test_dimensions_fail_non_images_pass_svg_and_reject_bad_constraints() -> None:
    assert check("dimensions:max_width=10", upload("a.txt", b"text")) == [
        "The f field has invalid image dimensions."
    ]
    assert check("dimensions:max_width=1", upload("a.svg", SVG)) == []
    with pytest.raises(InvalidArgumentError, match=r"\[depth=3\]"):
        check("dimensions:depth=3", upload("a.png", png(1, 1)))


def test_rule_dimensions_builds_the_string_rule() -> None:
    rule = Rule.dimensions().max_width(1000).max_height(600).ratio("3/2")

    assert str(rule) == "dimensions:max_width=1000,max_height=600,ratio=3/2"
    assert check([rule], upload("a.png", png(900, 600))) == []
    assert check([rule], upload("a.png", png(1200, 800))) == [
        "The f field has invalid image dimensions."
    ]


def test_file_rule_object_types_and_size() -> None:
    rule = File.types(["pdf"]).min(1).max("2kb")

    assert rule.build_rules() == ["file", "mimes:pdf", "between:1,2"]
    assert check([rule], upload("cv.pdf", PDF + b"x" * 1000)) == []
    assert check([rule], upload("cv.png", png(1, 1, padding=3000))) == [
        "The f field must be a file of type: pdf.",
        "The f field must be between 1 and 2 kilobytes.",
    ]
    # As Laravel: MIME types and extensions become two rules, both must pass.
    mixed = File.types(["text/plain", "txt"])
    assert mixed.build_rules() == ["file", "mimetypes:text/plain", "mimes:txt"]
    assert check([mixed], upload("a.txt", b"hello")) == []
    assert check([File.types("pdf")], "nope") == [
        "The f field must be a file.",
        "The f field must be a file of type: pdf.",
    ]


def test_file_size_units() -> None:
    assert File().max("12mb").build_rules() == ["file", "max:12000"]
    assert File().size(3).build_rules() == ["file", "size:3"]
    assert File().extensions(["csv"]).build_rules() == ["file", "extensions:csv"]
    with pytest.raises(InvalidArgumentError, match=r"\[12 parsecs\]"):
        File().max("12 parsecs")


def test_image_file_rule_with_dimensions() -> None:
    rule = File.image().max(1024).dimensions(Rule.dimensions().max_width(1000))

    assert check([rule], upload("a.png", png(800, 600))) == []
    assert check([rule], upload("a.png", png(1200, 600))) == [
        "The f field has invalid image dimensions."
    ]
    assert check([Rule.image_file()], upload("a.svg", SVG)) == [
        "The f field must be an image."
    ]
    assert check([File.image(allow_svg=True)], upload("a.svg", SVG)) == []


def test_file_defaults() -> None:
    try:
        File.defaults(lambda: File.types(["pdf"]).max(10))
        assert File.default().build_rules() == ["file", "mimes:pdf", "max:10"]
    finally:
        File._default_callback = None
    assert File.default().build_rules() == ["file"]


def test_nested_files_with_wildcards() -> None:
    data = {"docs": [upload("a.pdf", PDF), upload("b.txt", b"hello")]}
    validator = Validator.make(data, {"docs.*": "required|file|mimes:pdf"})

    assert validator.errors().messages() == {
        "docs.1": ["The docs.1 field must be a file of type: pdf."]
    }
