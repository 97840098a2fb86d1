"""A file uploaded with the request.

Laravel: ``Illuminate\\Http\\UploadedFile`` (on Symfony's ``UploadedFile``).
"""

from __future__ import annotations

import json
import mimetypes
import os
import shutil
import tempfile
import typing as t
import weakref

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ProtevusError
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable
from protevus.support.str import Str

if t.TYPE_CHECKING:
    from werkzeug.datastructures import FileStorage

_SIGNATURES: list[tuple[bytes, int, str]] = [
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"WEBP", 8, "image/webp"),
    (b"BM", 0, "image/bmp"),
    (b"%PDF-", 0, "application/pdf"),
    (b"PK\x03\x04", 0, "application/zip"),
    (b"\x1f\x8b", 0, "application/gzip"),
    (b"ID3", 0, "audio/mpeg"),
    (b"OggS", 0, "audio/ogg"),
    (b"ftyp", 4, "video/mp4"),
]

#: The extension Symfony's ``MimeTypes::getExtensions()`` lists first, for the types
#: where Python's ``mimetypes`` answers differently (``text/plain`` → ``bat``...).
_EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/pjpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/bmp": "bmp",
    "image/x-ms-bmp": "bmp",
    "image/svg+xml": "svg",
    "application/pdf": "pdf",
    "application/zip": "zip",
    "application/gzip": "gz",
    "application/x-gzip": "gz",
    "application/json": "json",
    "application/xml": "xml",
    "application/javascript": "js",
    "application/x-javascript": "js",
    "application/octet-stream": "bin",
    "text/plain": "txt",
    "text/html": "html",
    "text/csv": "csv",
    "text/css": "css",
    "text/xml": "xml",
    "text/javascript": "js",
    "text/markdown": "md",
    "audio/mpeg": "mp3",
    "audio/ogg": "ogg",
    "video/mp4": "mp4",
}

#: Text that announces its own type (after an optional BOM and whitespace, any
#: case), as libmagic recognises it; any other text is ``text/plain``.
_TEXT_SIGNATURES: list[tuple[bytes, str]] = [
    (b"<!doctype html", "text/html"),
    (b"<html", "text/html"),
    (b"<head", "text/html"),
    (b"<body", "text/html"),
    (b"<svg", "image/svg+xml"),
    (b"<?xml", "text/xml"),
]
_JSON_SNIFF_LIMIT = 1024 * 1024


def _extension_for(mime: str | None) -> str | None:
    if not mime:
        return None
    mime = mime.split(";")[0].strip().lower()
    if mime in _EXTENSIONS:
        return _EXTENSIONS[mime]
    guessed = mimetypes.guess_extension(mime)
    return guessed.lstrip(".") if guessed else None


class UploadedFile(CamelAliases, Macroable):
    """Inspect an uploaded file and store it on a filesystem disk.

    Wraps Werkzeug's ``FileStorage`` (still reachable as ``storage``).

    Laravel: ``Illuminate\\Http\\UploadedFile``.
    """

    def __init__(self, storage: FileStorage) -> None:
        self.storage = storage
        self._hash_name: str | None = None
        self._path: str | None = None
        self._content: bytes | None = None

    def __repr__(self) -> str:
        return f"<UploadedFile {self.get_client_original_name()!r} ({self.get_client_mime_type()})>"

    # -- content ---------------------------------------------------------------------

    def get(self) -> bytes:
        """Return the file's contents. Laravel: ``UploadedFile::get()``."""
        if self._content is None:
            stream = self.storage.stream
            stream.seek(0)
            self._content = stream.read()
            stream.seek(0)
        return self._content

    def path(self) -> str:
        """Return a path on disk holding the file (a temporary copy when it was in memory).

        Laravel: ``UploadedFile::path()``.
        """
        if self._path is None:
            handle, path = tempfile.mkstemp(prefix="protevus-upload-")
            with os.fdopen(handle, "wb") as out:
                out.write(self.get())
            weakref.finalize(self, _unlink, path)
            self._path = path
        return self._path

    def get_real_path(self) -> str:
        """Return the file's path on disk. Laravel: ``getRealPath()``."""
        return self.path()

    def get_size(self) -> int:
        """Return the size in bytes. Laravel: ``UploadedFile::getSize()``."""
        return len(self.get())

    def is_valid(self) -> bool:
        """Tell whether the upload succeeded (a named file arrived). Laravel: ``isValid()``."""
        return bool(self.storage.filename)

    # -- names and types --------------------------------------------------------------

    def get_client_original_name(self) -> str:
        """Return the file name the client sent. Laravel: ``getClientOriginalName()``."""
        return os.path.basename((self.storage.filename or "").replace("\\", "/"))

    def get_client_original_extension(self) -> str:
        """Return the extension of the client's file name. Laravel: ``getClientOriginalExtension()``."""
        return os.path.splitext(self.get_client_original_name())[1].lstrip(".")

    def client_extension(self) -> str:
        """Guess the extension from the client's MIME type. Laravel: ``clientExtension()``."""
        return _extension_for(self.get_client_mime_type()) or ""

    def get_client_mime_type(self) -> str:
        """Return the MIME type the client claimed. Laravel: ``getClientMimeType()``."""
        return self.storage.mimetype or "application/octet-stream"

    def get_mime_type(self) -> str:
        """Guess the MIME type from the content alone, never from the client's name or claim.

        Binary formats are known by their magic bytes; text is ``text/plain`` unless
        it announces HTML, XML, SVG or is a JSON document, as libmagic (PHP's
        ``finfo``) decides. So ``store()`` cannot be steered into keeping the
        client's extension (``a.html``, ``a.php``).

        Laravel: ``UploadedFile::getMimeType()``.
        """
        content = self.get()
        head = content[:64]
        for signature, offset, mime in _SIGNATURES:
            if head[offset : offset + len(signature)] == signature:
                return mime
        if not head:
            return "application/x-empty"
        return _text_mime_type(content) or "application/octet-stream"

    def extension(self) -> str:
        """Guess the extension from the content's MIME type. Laravel: ``UploadedFile::extension()``."""
        return _extension_for(self.get_mime_type()) or ""

    def guess_extension(self) -> str:
        """Guess the extension from the content. Laravel: ``guessExtension()``."""
        return self.extension()

    def hash_name(self, path: str | None = None) -> str:
        """Return a random 40-character name with the guessed extension.

        The name is kept, so ``store()`` and later calls agree.

        Laravel: ``UploadedFile::hashName()``.
        """
        if self._hash_name is None:
            self._hash_name = Str.random(40)
        extension = self.extension()
        name = self._hash_name + (f".{extension}" if extension else "")
        return (path.rstrip("/") + "/" + name) if path else name

    # -- storing -----------------------------------------------------------------------

    def store(self, path: str = "", disk: str | None = None) -> str:
        """Store the file under ``path`` with a hashed name; return the stored path.

        Laravel: ``UploadedFile::store()``.
        """
        return self.store_as(path, self.hash_name(), disk)

    def store_publicly(self, path: str = "", disk: str | None = None) -> str:
        """Store the file with public visibility. Laravel: ``UploadedFile::storePublicly()``."""
        return self._store(path, self.hash_name(), disk, public=True)

    def store_publicly_as(
        self, path: str, name: str | None = None, disk: str | None = None
    ) -> str:
        """Store the file with a name and public visibility. Laravel: ``storePubliclyAs()``."""
        if name is None:
            path, name = "", path
        return self._store(path, name, disk, public=True)

    def store_as(
        self, path: str, name: str | None = None, disk: str | None = None
    ) -> str:
        """Store the file as ``path/name`` on ``disk``; return the stored path.

        ``store_as('avatars', '1.png')`` → ``'avatars/1.png'``; ``store_as('1.png')``
        stores at the disk root.

        Laravel: ``UploadedFile::storeAs()``.
        """
        if name is None:
            path, name = "", path
        return self._store(path, name, disk, public=False)

    def _store(self, path: str, name: str, disk: str | None, public: bool) -> str:
        relative = f"{path.strip('/')}/{name}".strip("/")
        root = _disk_root(disk)
        target = os.path.normpath(os.path.join(root, relative))
        if not target.startswith(os.path.normpath(root) + os.sep):
            raise InvalidArgumentError(
                f"Path [{relative}] leaves the disk root; store files inside the disk."
            )
        os.makedirs(os.path.dirname(target), exist_ok=True)
        stream = self.storage.stream
        stream.seek(0)
        with open(target, "wb") as out:
            shutil.copyfileobj(stream, out)
        stream.seek(0)
        if public:
            os.chmod(target, 0o644)
        return relative

    def move(self, directory: str, name: str | None = None) -> str:
        """Move the file to ``directory`` (absolute); return its new path. Laravel: ``move()``."""
        target = os.path.join(directory, name or self.get_client_original_name())
        os.makedirs(directory, exist_ok=True)
        self.storage.save(target)
        return target


def _text_mime_type(content: bytes) -> str | None:
    """Return the MIME type of text content, or None when it is not text."""
    sample = content[:4096]
    if b"\0" in sample:
        return None
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A sample cut inside a multi-byte character is still text.
        if error.start < len(sample) - 3:
            return None
    start = sample.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    for signature, mime in _TEXT_SIGNATURES:
        if start.startswith(signature):
            if mime == "text/xml" and b"<svg" in start:
                return "image/svg+xml"
            return mime
    if start[:1] in (b"{", b"[") and len(content) <= _JSON_SNIFF_LIMIT:
        try:
            json.loads(content)
        except ValueError:
            pass
        else:
            return "application/json"
    return "text/plain"


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _disk_root(disk: str | None) -> str:
    """Return the absolute root folder of a local filesystem disk from the config."""
    from protevus.container.container import Container

    app = Container.get_instance()
    if not app.bound("config") or not hasattr(app, "base_path"):
        raise ProtevusError(
            "Storing an uploaded file needs a running application with its [config]; "
            "create the application (bootstrap/app.py) before calling store()."
        )
    config = app.make("config")
    name = disk or config.get("filesystems.default") or "local"
    settings = config.get(f"filesystems.disks.{name}")
    if not isinstance(settings, dict):
        raise InvalidArgumentError(
            f"Disk [{name}] does not have a configured driver; add it to "
            "config/filesystems.py."
        )
    if settings.get("driver", "local") != "local" or not settings.get("root"):
        raise InvalidArgumentError(
            f"Disk [{name}] is not a local disk with a root; uploaded files can only be "
            "stored on local disks until the filesystem package arrives."
        )
    return os.path.join(app.base_path(), str(settings["root"]))
