"""Register the translator (``'translator'``) and its loader (``'translation.loader'``).

Laravel: ``Illuminate\\Translation\\TranslationServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.support.service_provider import ServiceProvider

if t.TYPE_CHECKING:
    from protevus.translation.file_loader import FileLoader
    from protevus.translation.translator import Translator


class TranslationServiceProvider(ServiceProvider):
    """Bind a :class:`Translator` reading ``app.lang_path()``.

    The locale is ``config('app.locale')`` and the fallback
    ``config('app.fallback_locale')``; both are read when ``'translator'`` is
    first resolved.

    Laravel: ``Illuminate\\Translation\\TranslationServiceProvider``.
    """

    def register(self) -> None:
        """Register the loader and the translator singletons.

        Laravel: ``TranslationServiceProvider::register()``.
        """
        self.app.singleton("translation.loader", _loader)
        self.app.singleton("translator", _translator)
        self.app.alias_class(
            "translation.loader", "protevus.translation.file_loader.FileLoader"
        )
        self.app.alias_class("translator", "protevus.translation.translator.Translator")


def _loader(app: t.Any) -> FileLoader:
    from protevus.translation.file_loader import FileLoader

    return FileLoader(app.lang_path())


def _translator(app: t.Any) -> Translator:
    config = app.make("config")
    locale = str(config.get("app.locale") or "en")
    fallback = config.get("app.fallback_locale")
    from protevus.translation.translator import Translator

    return Translator(
        app.make("translation.loader"), locale, str(fallback) if fallback else None
    )
