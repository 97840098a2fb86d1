"""Translate keys into lines of the current locale.

Laravel: ``Illuminate\\Translation\\Translator``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.arr import data_get
from protevus.support.macroable import Macroable
from protevus.translation.exceptions import TranslationError
from protevus.translation.message_selector import MessageSelector

if t.TYPE_CHECKING:
    from protevus.translation.file_loader import FileLoader

_BAD_LOCALE = re.compile(r"[/\\\x00]|\.\.")


class Translator(CamelAliases, Macroable):
    """Look lines up in lang files: ``get('messages.welcome', {'name': 'Ada'})``.

    Keys are ``group.item`` (``lang/{locale}/{group}.py``), ``namespace::group.item``
    for packages, or a whole sentence looked up in ``lang/{locale}.json``. A missing
    key comes back as the key itself. ``:name``, ``:Name`` and ``:NAME`` in a line
    are replaced from ``replace`` (as is, capitalised, upper-cased).

    Laravel: ``Illuminate\\Translation\\Translator``.
    """

    def __init__(
        self, loader: FileLoader, locale: str, fallback: str | None = None
    ) -> None:
        self.loader = loader
        self._locale = ""
        self.set_locale(locale)
        self._fallback = fallback
        #: ``{namespace: {group: {locale: lines}}}``
        self.loaded: dict[str, dict[str, dict[str, dict[str, t.Any]]]] = {}
        self._selector: MessageSelector | None = None
        self._missing: t.Callable[..., t.Any] | None = None
        self._parsed: dict[str, tuple[str, str, str | None]] = {}

    # -- looking up ---------------------------------------------------------------

    def get(
        self,
        key: str,
        replace: t.Mapping[str, t.Any] | None = None,
        locale: str | None = None,
        fallback: bool = True,
    ) -> t.Any:
        """Return the translation of ``key``, the key itself when there is none.

        The JSON file of the locale is tried first, then the group files of the
        locale and (with ``fallback``) of the fallback locale. A key naming a whole
        group (``'validation'``) returns its dict.

        Laravel: ``Translator::get()``.
        """
        locale = locale or self._locale
        self.load("*", "*", locale)
        line = self.loaded["*"]["*"][locale].get(key)
        if line is None:
            namespace, group, item = self.parse_key(key)
            for each in self._locales(locale) if fallback else [locale]:
                found = self.get_line(namespace, group, each, item, replace)
                if found is not None:
                    return found
            if self._missing is not None:
                handled = self._missing(key, dict(replace or {}), locale, fallback)
                if handled is not None:
                    key = str(handled)
        return self.make_replacements(line or key, replace)

    def has(self, key: str, locale: str | None = None, fallback: bool = True) -> bool:
        """Tell whether ``key`` has a translation.

        Laravel: ``Translator::has()``.
        """
        locale = locale or self._locale
        missing = self._missing
        self._missing = None
        try:
            line = self.get(key, {}, locale, fallback)
        finally:
            self._missing = missing
        if not isinstance(line, str):
            return True
        if line != key:
            return True
        # A JSON line may translate a sentence to itself.
        self.load("*", "*", locale)
        return key in self.loaded["*"]["*"][locale]

    def has_for_locale(self, key: str, locale: str | None = None) -> bool:
        """Tell whether ``key`` has a translation in ``locale`` itself (no fallback).

        Laravel: ``Translator::hasForLocale()``.
        """
        return self.has(key, locale, fallback=False)

    def choice(
        self,
        key: str,
        number: t.Any,
        replace: t.Mapping[str, t.Any] | None = None,
        locale: str | None = None,
    ) -> str:
        """Return the plural form of ``key`` for ``number`` (a count or a sized object).

        ``'{0} No apples|[1,19] Some apples|[20,*] Many apples'`` or
        ``'apple|apples'``; ``:count`` is replaced by the number.

        Laravel: ``Translator::choice()``.
        """
        replace = dict(replace or {})
        line = self.get(key, {}, locale)
        if hasattr(number, "__len__") and not isinstance(number, str):
            number = len(number)
        replace.setdefault("count", number)
        chosen_locale = self._locale_for_choice(key, locale)
        form = self.get_selector().choose(str(line), number, chosen_locale)
        return self.make_replacements(form, replace)

    def _locale_for_choice(self, key: str, locale: str | None) -> str:
        wanted = locale or self._locale
        if self._fallback and not self.has_for_locale(key, wanted):
            return self._fallback
        return wanted

    def get_line(
        self,
        namespace: str,
        group: str,
        locale: str,
        item: str | None,
        replace: t.Mapping[str, t.Any] | None = None,
    ) -> t.Any:
        """Return one line (or a dict of lines) of a loaded group, or None.

        Laravel: ``Translator::getLine()``.
        """
        self.load(namespace, group, locale)
        lines = self.loaded[namespace][group][locale]
        line = lines if item is None else data_get(lines, item)
        if isinstance(line, str):
            return self.make_replacements(line, replace)
        if isinstance(line, dict) and line:
            return _replace_all(self, line, replace)
        return None

    def make_replacements(
        self, line: str, replace: t.Mapping[str, t.Any] | None = None
    ) -> str:
        """Replace ``:key``, ``:Key`` and ``:KEY`` in ``line``.

        Laravel: ``Translator::makeReplacements()``.
        """
        return make_replacements(line, replace)

    # -- loading ------------------------------------------------------------------

    def add_lines(
        self, lines: t.Mapping[str, t.Any], locale: str, namespace: str = "*"
    ) -> None:
        """Add lines at runtime: ``add_lines({'messages.hi': 'Hi'}, 'en')``.

        Laravel: ``Translator::addLines()``.
        """
        for key, val in lines.items():
            group, _, item = key.partition(".")
            self.load(namespace, group, locale)
            target = self.loaded[namespace][group][locale]
            if not item:
                if isinstance(val, dict):
                    target.update(val)
                continue
            *parents, last = item.split(".")
            for part in parents:
                child = target.get(part)
                if not isinstance(child, dict):
                    child = target[part] = {}
                target = child
            target[last] = val

    def load(self, namespace: str, group: str, locale: str) -> None:
        """Load a group of a locale once.

        Laravel: ``Translator::load()``.
        """
        groups = self.loaded.setdefault(namespace, {})
        locales = groups.setdefault(group, {})
        if locale not in locales:
            locales[locale] = dict(self.loader.load(locale, group, namespace))

    def is_loaded(self, namespace: str, group: str, locale: str) -> bool:
        """Tell whether a group is loaded. Laravel: ``Translator::isLoaded()``."""
        return locale in self.loaded.get(namespace, {}).get(group, {})

    def set_loaded(
        self, loaded: dict[str, dict[str, dict[str, dict[str, t.Any]]]]
    ) -> None:
        """Replace every loaded line. Laravel: ``Translator::setLoaded()``."""
        self.loaded = loaded

    def parse_key(self, key: str) -> tuple[str, str, str | None]:
        """Split ``namespace::group.item`` (namespace ``'*'`` when absent).

        Laravel: ``Translator::parseKey()`` (``NamespacedItemResolver``).
        """
        cached = self._parsed.get(key)
        if cached is not None:
            return cached
        namespace, sep, rest = key.partition("::")
        if not sep:
            namespace, rest = "*", key
        group, _, item = rest.partition(".")
        parsed = (namespace or "*", group, item or None)
        if len(self._parsed) >= 4096:  # keys may come from input: stay bounded
            self._parsed.clear()
        self._parsed[key] = parsed
        return parsed

    def add_namespace(self, namespace: str, hint: str) -> None:
        """Register a package's lang folder. Laravel: ``Translator::addNamespace()``."""
        self.loader.add_namespace(namespace, hint)

    def add_json_path(self, path: str) -> None:
        """Add a folder of JSON files. Laravel: ``Translator::addJsonPath()``."""
        self.loader.add_json_path(path)

    def handle_missing_keys_using(
        self, callback: t.Callable[..., t.Any] | None
    ) -> Translator:
        """Call ``callback(key, replace, locale, fallback)`` for a missing key.

        A string it returns is used instead of the key.

        Laravel: ``Translator::handleMissingKeysUsing()``.
        """
        self._missing = callback
        return self

    # -- locales and parts ------------------------------------------------------------

    def _locales(self, locale: str) -> list[str]:
        fallback = self._fallback
        return [locale] if not fallback or fallback == locale else [locale, fallback]

    def locale(self) -> str:
        """Return the current locale. Laravel: ``Translator::locale()``."""
        return self._locale

    def get_locale(self) -> str:
        """Return the current locale. Laravel: ``Translator::getLocale()``."""
        return self._locale

    def set_locale(self, locale: str) -> None:
        """Set the current locale; a name with ``/``, ``\\`` or ``..`` is refused.

        Laravel: ``Translator::setLocale()``.
        """
        if not locale or _BAD_LOCALE.search(locale):
            raise TranslationError(
                f"Locale [{locale}] contains invalid characters; use a name such as "
                "'en' or 'pt_BR'."
            )
        self._locale = locale

    def get_fallback(self) -> str | None:
        """Return the fallback locale. Laravel: ``Translator::getFallback()``."""
        return self._fallback

    def set_fallback(self, fallback: str | None) -> None:
        """Set the fallback locale. Laravel: ``Translator::setFallback()``."""
        self._fallback = fallback

    def get_loader(self) -> FileLoader:
        """Return the loader. Laravel: ``Translator::getLoader()``."""
        return self.loader

    def get_selector(self) -> MessageSelector:
        """Return the plural selector. Laravel: ``Translator::getSelector()``."""
        if self._selector is None:
            self._selector = MessageSelector()
        return self._selector

    def set_selector(self, selector: MessageSelector) -> None:
        """Replace the plural selector. Laravel: ``Translator::setSelector()``."""
        self._selector = selector


def make_replacements(line: str, replace: t.Mapping[str, t.Any] | None = None) -> str:
    """Replace ``:key``, ``:Key`` and ``:KEY`` in ``line`` (no translator needed).

    Laravel: ``Translator::makeReplacements()``.
    """
    if not replace:
        return line
    pairs: dict[str, str] = {}
    for name, val in replace.items():
        text = _text(val)
        pairs[":" + name[:1].upper() + name[1:]] = text[:1].upper() + text[1:]
        pairs[":" + name.upper()] = text.upper()
        pairs[":" + name] = text
    # strtr(): longest placeholder first, each spot replaced once.
    pattern = "|".join(re.escape(k) for k in sorted(pairs, key=len, reverse=True))
    return re.sub(pattern, lambda match: pairs[match.group(0)], line)


def _text(value: t.Any) -> str:
    if isinstance(value, bool):
        return "1" if value else ""
    if value is None:
        return ""
    return str(value)


def _replace_all(
    translator: Translator,
    lines: dict[str, t.Any],
    replace: t.Mapping[str, t.Any] | None,
) -> dict[str, t.Any]:
    return {
        key: _replace_all(translator, val, replace)
        if isinstance(val, dict)
        else translator.make_replacements(val, replace)
        if isinstance(val, str)
        else val
        for key, val in lines.items()
    }
