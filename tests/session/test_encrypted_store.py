"""The encrypted store: the handler only ever sees ciphertext."""

from __future__ import annotations

from protevus.encryption.encrypter import Encrypter
from protevus.session.array_session_handler import ArraySessionHandler
from protevus.session.encrypted_store import EncryptedStore


def test_the_payload_is_encrypted_and_reads_back() -> None:
    encrypter = Encrypter(b"k" * 32, "aes-256-cbc")
    handler = ArraySessionHandler(120)
    store = EncryptedStore("s", handler, encrypter)
    store.start()
    store.put("secret", "swordfish")
    store.save()
    raw = handler.read(store.get_id())
    assert "swordfish" not in raw and raw
    again = EncryptedStore("s", handler, encrypter, store.get_id())
    again.start()
    assert again.get("secret") == "swordfish"
    assert again.get_encrypter() is encrypter


def test_a_payload_of_another_key_reads_as_empty() -> None:
    handler = ArraySessionHandler(120)
    store = EncryptedStore("s", handler, Encrypter(b"a" * 32, "aes-256-cbc"))
    store.start()
    store.put("secret", "x")
    store.save()
    other = EncryptedStore(
        "s", handler, Encrypter(b"b" * 32, "aes-256-cbc"), store.get_id()
    )
    other.start()
    assert other.missing("secret")
    handler.write("D" * 40, "plain text, not encrypted")
    plain = EncryptedStore("s", handler, Encrypter(b"a" * 32, "aes-256-cbc"), "D" * 40)
    plain.start()
    assert list(plain.all()) == ["_token"]
