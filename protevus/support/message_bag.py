"""A bag of messages keyed by field, as validation errors and flash messages use.

Laravel: ``Illuminate\\Support\\MessageBag``.
"""

from __future__ import annotations

import functools
import json
import re
import typing as t

from protevus.support.aliases import CamelAliases

_Messages = t.Mapping[str, t.Any]


@functools.lru_cache(maxsize=256)
def _wildcard(pattern: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")), re.S)


class MessageBag(CamelAliases):
    """Hold lists of messages under keys (``errors.first('email')``).

    Formats use the placeholders ``:message`` and ``:key``. Iterating a bag yields
    every message (like ``all()``), ``key in bag`` is ``has(key)``, ``len(bag)``
    counts messages and a bag is truthy when it holds any.

    Laravel: ``Illuminate\\Support\\MessageBag``.
    """

    def __init__(self, messages: _Messages | MessageBag | None = None) -> None:
        self._messages: dict[str, list[str]] = {}
        self._format = ":message"
        for key, items in _messages_of(messages).items():
            for message in _as_list(items):
                self.add(key, message)

    # --- adding and removing ---------------------------------------------------

    def add(self, key: str, message: str) -> MessageBag:
        """Add a message under ``key`` unless the same message is already there.

        Laravel: ``MessageBag::add()``.
        """
        messages = self._messages.setdefault(key, [])
        if message not in messages:
            messages.append(message)
        return self

    def add_if(self, condition: t.Any, key: str, message: str) -> MessageBag:
        """Add a message when ``condition`` is truthy.

        Laravel: ``MessageBag::addIf()``.
        """
        return self.add(key, message) if condition else self

    def merge(self, messages: _Messages | MessageBag) -> MessageBag:
        """Merge a dict of messages or another bag into this one (duplicates kept).

        Laravel: ``MessageBag::merge()``.
        """
        for key, items in _messages_of(messages).items():
            self._messages.setdefault(key, []).extend(_as_list(items))
        return self

    def forget(self, key: str) -> MessageBag:
        """Remove every message under ``key``.

        Laravel: ``MessageBag::forget()``.
        """
        self._messages.pop(key, None)
        return self

    # --- asking ----------------------------------------------------------------

    def keys(self) -> list[str]:
        """Return the keys that hold messages.

        Laravel: ``MessageBag::keys()``.
        """
        return list(self._messages)

    def has(self, key: str | t.Sequence[str] | None = None, *keys: str) -> bool:
        """Determine if messages exist for every given key (``'items.*'`` allowed).

        Laravel: ``MessageBag::has()``.
        """
        if self.is_empty():
            return False
        if key is None:
            return self.any()
        wanted = [key, *keys] if isinstance(key, str) else [*key, *keys]
        return all(self.first(each) != "" for each in wanted)

    def has_any(self, keys: str | t.Sequence[str] = (), *more: str) -> bool:
        """Determine if messages exist for at least one of the keys.

        Laravel: ``MessageBag::hasAny()``.
        """
        if self.is_empty():
            return False
        wanted = [keys, *more] if isinstance(keys, str) else [*keys, *more]
        return any(self.has(each) for each in wanted)

    def missing(self, key: str | t.Sequence[str], *keys: str) -> bool:
        """Determine if none of the keys has messages.

        Laravel: ``MessageBag::missing()``.
        """
        return not self.has_any(key, *keys)

    def first(self, key: str | None = None, format: str | None = None) -> str:
        """Return the first message (for ``key``), or ``''`` when there is none.

        Laravel: ``MessageBag::first()``.
        """
        found: t.Any = self.all(format) if key is None else self.get(key, format)
        if isinstance(found, dict):
            found = next(iter(found.values()), [])
        return str(found[0]) if found else ""

    def get(
        self, key: str, format: str | None = None
    ) -> list[str] | dict[str, list[str]]:
        """Return the messages for ``key``; a wildcard key gives ``{key: [...]}``.

        Laravel: ``MessageBag::get()``.
        """
        if key in self._messages:
            return self._transform(self._messages[key], self._check(format), key)
        if "*" in key:
            pattern = _wildcard(key)
            return {
                each: self._transform(items, self._check(format), each)
                for each, items in self._messages.items()
                if pattern.fullmatch(each)
            }
        return []

    def all(self, format: str | None = None) -> list[str]:
        """Return every message, formatted, in one list.

        Laravel: ``MessageBag::all()``.
        """
        fmt = self._check(format)
        return [
            message
            for key, items in self._messages.items()
            for message in self._transform(items, fmt, key)
        ]

    def unique(self, format: str | None = None) -> list[str]:
        """Return every distinct message, formatted.

        Laravel: ``MessageBag::unique()``.
        """
        return list(dict.fromkeys(self.all(format)))

    def messages(self) -> dict[str, list[str]]:
        """Return the raw messages by key.

        Laravel: ``MessageBag::messages()``.
        """
        return {key: list(items) for key, items in self._messages.items()}

    def get_messages(self) -> dict[str, list[str]]:
        """Return the raw messages by key.

        Laravel: ``MessageBag::getMessages()``.
        """
        return self.messages()

    def get_message_bag(self) -> MessageBag:
        """Return this bag (the ``MessageProvider`` contract).

        Laravel: ``MessageBag::getMessageBag()``.
        """
        return self

    def get_format(self) -> str:
        """Return the default format (``':message'``).

        Laravel: ``MessageBag::getFormat()``.
        """
        return self._format

    def set_format(self, format: str = ":message") -> MessageBag:
        """Set the default format, e.g. ``'<p>:message</p>'``.

        Laravel: ``MessageBag::setFormat()``.
        """
        self._format = format
        return self

    def any(self) -> bool:
        """Determine if the bag holds any message.

        Laravel: ``MessageBag::any()``.
        """
        return self.count() > 0

    def is_empty(self) -> bool:
        """Determine if the bag holds no message.

        Laravel: ``MessageBag::isEmpty()``.
        """
        return not self.any()

    def is_not_empty(self) -> bool:
        """Determine if the bag holds any message.

        Laravel: ``MessageBag::isNotEmpty()``.
        """
        return self.any()

    def count(self) -> int:
        """Count the messages under every key.

        Laravel: ``MessageBag::count()``.
        """
        return sum(len(items) for items in self._messages.values())

    def to_array(self) -> dict[str, list[str]]:
        """Return the raw messages by key.

        Laravel: ``MessageBag::toArray()``.
        """
        return self.messages()

    def to_json(self, **options: t.Any) -> str:
        """Return the messages as JSON (``json.dumps`` options allowed).

        Laravel: ``MessageBag::toJson()``.
        """
        return json.dumps(self.to_array(), **options)

    # --- Python protocols ------------------------------------------------------

    def __bool__(self) -> bool:
        return self.any()

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> t.Iterator[str]:
        return iter(self.all())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.has(key)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MessageBag):
            return self._messages == other._messages
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __str__(self) -> str:
        return self.to_json()

    def __repr__(self) -> str:
        return f"MessageBag({self._messages!r})"

    # --- internals ---------------------------------------------------------------

    def _check(self, format: str | None) -> str:
        return format or self._format

    @staticmethod
    def _transform(messages: list[str], format: str, key: str) -> list[str]:
        if format == ":message":
            return list(messages)
        return [
            format.replace(":message", str(message)).replace(":key", key)
            for message in messages
        ]


def _messages_of(messages: _Messages | MessageBag | None) -> _Messages:
    if messages is None:
        return {}
    if isinstance(messages, MessageBag):
        return messages.get_messages()
    provider = getattr(messages, "get_message_bag", None)
    if callable(provider):
        return t.cast(MessageBag, provider()).get_messages()
    return messages


def _as_list(items: t.Any) -> list[t.Any]:
    if isinstance(items, str) or not isinstance(items, t.Iterable):
        return [items]
    return list(items)
