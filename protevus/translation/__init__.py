"""Translations from ``lang/`` files (Laravel: ``Illuminate\\Translation``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.translation.exceptions import TranslationError as TranslationError
    from protevus.translation.file_loader import FileLoader as FileLoader
    from protevus.translation.message_selector import MessageSelector as MessageSelector
    from protevus.translation.translation_service_provider import (
        TranslationServiceProvider as TranslationServiceProvider,
    )
    from protevus.translation.translator import Translator as Translator

__getattr__ = lazy_exports(
    __name__,
    {
        "Translator": "protevus.translation.translator",
        "FileLoader": "protevus.translation.file_loader",
        "MessageSelector": "protevus.translation.message_selector",
        "TranslationError": "protevus.translation.exceptions",
        "TranslationServiceProvider": "protevus.translation.translation_service_provider",
    },
)
