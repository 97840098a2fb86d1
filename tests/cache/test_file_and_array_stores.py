"""The file, array and null stores (Laravel: ``FileStore``, ``ArrayStore``, ``NullStore``)."""

from __future__ import annotations

import hashlib
import json
import stat
import typing as t
from pathlib import Path

from protevus.cache.array_store import ArrayStore
from protevus.cache.file_store import FileStore
from protevus.cache.null_store import NullStore
from protevus.cache.repository import Repository


def test_file_store_writes_one_json_file_per_key(tmp_path: Path, clock: t.Any) -> None:
    cache = Repository(FileStore(tmp_path))
    cache.put("greeting", {"text": "hi"}, 60)
    digest = hashlib.sha1(b"greeting").hexdigest()
    path = tmp_path / digest[:2] / digest[2:4] / digest
    payload = json.loads(path.read_text())
    assert payload == {"expiration": clock.now + 60, "value": {"text": "hi"}}
    # the write went through a temporary file that is gone now
    assert [p.name for p in path.parent.iterdir()] == [digest]


def test_file_store_treats_a_broken_file_as_missing(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    path = store.path("broken")
    path.parent.mkdir(parents=True)
    path.write_text("not json")
    assert Repository(store).get("broken", "default") == "default"
    assert not path.exists()


def test_file_store_flush_and_permissions(tmp_path: Path) -> None:
    assert FileStore(tmp_path / "absent").flush() is False
    cache = Repository(FileStore(tmp_path / "data", file_permission=0o600))
    cache.put("a", 1, 60)
    mode = stat.S_IMODE(cache.get_store().path("a").stat().st_mode)  # type: ignore[attr-defined]
    assert mode == 0o600
    assert cache.flush() is True
    assert list((tmp_path / "data").iterdir()) == []


def test_file_store_increment_of_a_missing_key_keeps_it(
    tmp_path: Path, clock: t.Any
) -> None:
    cache = Repository(FileStore(tmp_path))
    assert cache.increment("visits", 2) == 2
    clock.advance(10**8)
    assert cache.get("visits") == 2


def test_array_store_without_serialization_keeps_the_object(clock: t.Any) -> None:
    cache = Repository(ArrayStore())
    thing = object()
    cache.put("thing", thing, 5)
    assert cache.get("thing") is thing
    assert cache.increment("new") == 1
    clock.advance(5)
    assert cache.get("thing") is None


def test_null_store_keeps_nothing() -> None:
    cache = Repository(NullStore())
    assert cache.put("a", 1, 60) is False
    assert cache.add("a", 1, 60) is False
    assert cache.get("a", "default") == "default"
    assert cache.increment("a") is False
    assert cache.forget("a") is True
    assert cache.flush() is True
    assert cache.remember("a", 60, lambda: "computed") == "computed"
