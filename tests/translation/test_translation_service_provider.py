"""The translator service: locale from config, files from ``lang/``, helpers."""

from __future__ import annotations

import typing as t
from pathlib import Path

from protevus.translation.translation_service_provider import TranslationServiceProvider
from protevus.translation.translator import Translator


def test_translator_reads_app_lang_and_config_locale(
    make_app: t.Any, tmp_path: Path
) -> None:
    (tmp_path / "lang/nl").mkdir(parents=True)
    (tmp_path / "lang/en").mkdir(parents=True)
    (tmp_path / "lang/nl/messages.py").write_text("messages = {'hi': 'Hallo :name'}\n")
    (tmp_path / "lang/en/messages.py").write_text(
        "messages = {'hi': 'Hi :name', 'bye': 'Bye'}\n"
    )
    app = make_app(
        env="APP_LOCALE=nl\nAPP_FALLBACK_LOCALE=en\n",
        providers=[TranslationServiceProvider],
    )
    translator = app.make("translator")
    assert isinstance(translator, Translator) and app.make(Translator) is translator
    assert translator.get_locale() == "nl" and translator.get_fallback() == "en"
    assert translator.get("messages.hi", {"name": "Ada"}) == "Hallo Ada"
    assert translator.get("messages.bye") == "Bye"

    from protevus.helpers import __
    from protevus.helpers import trans
    from protevus.helpers import trans_choice

    assert __("messages.hi", {"name": "Bo"}) == "Hallo Bo"
    assert trans() is translator
    assert trans_choice("messages.bye", 2) == "Bye"
    app.set_locale("en")
    assert translator.get("messages.hi", {"name": "Ada"}) == "Hi Ada"
