"""Reach the services some rules need: translator, presence verifier, container.

Each is set explicitly (the validation factory does) or resolved once from the
current container: ``'translator'``, ``'validation.presence'``.

Laravel: ``Validator::setPresenceVerifier()``, ``setTranslator()``, ``setContainer()``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases
from protevus.validation.exceptions import ValidationServiceError

_UNSET: t.Any = object()


class UsesServices(CamelAliases):
    """Give a validator its translator, presence verifier and container.

    Laravel: the service accessors of ``Illuminate\\Validation\\Validator``.
    """

    _translator: t.Any = _UNSET
    _presence_verifier: t.Any = None
    _container: t.Any = None

    def set_container(self, container: t.Any) -> t.Self:
        """Use this container to resolve services (``auth``, ``hash``...).

        Laravel: ``Validator::setContainer()``.
        """
        self._container = container
        return self

    def get_container(self) -> t.Any:
        """Return the container set, or the current one.

        Laravel: ``Validator::$container``.
        """
        if self._container is None:
            from protevus.container.container import Container

            return Container.get_instance()
        return self._container

    def _resolve(self, key: str) -> t.Any:
        container = self.get_container()
        try:
            return container.make(key) if container.bound(key) else None
        except Exception:  # a half-built application: fall back to the defaults
            return None

    def set_translator(self, translator: t.Any) -> t.Self:
        """Look messages up in this translator (``has(key)``/``get(key)``) first.

        Laravel: ``Validator::setTranslator()``.
        """
        self._translator = translator
        return self

    def get_translator(self) -> t.Any:
        """Return the translator set, else the container's ``'translator'``, else None.

        Laravel: ``Validator::getTranslator()``.
        """
        if self._translator is _UNSET:
            self._translator = self._resolve("translator")
        return self._translator

    def set_presence_verifier(self, verifier: t.Any) -> t.Self:
        """Use this verifier for ``unique`` and ``exists``.

        Laravel: ``Validator::setPresenceVerifier()``.
        """
        self._presence_verifier = verifier
        return self

    def get_presence_verifier(self, connection: str | None = None) -> t.Any:
        """Return the presence verifier, set to ``connection``.

        Raises ``ValidationServiceError`` when none is set and the container has no
        ``'validation.presence'``.

        Laravel: ``Validator::getPresenceVerifier()``.
        """
        verifier = self._presence_verifier
        if verifier is None:
            verifier = self._resolve("validation.presence")
            if verifier is None:
                raise ValidationServiceError(
                    "Validation rules [unique] and [exists] need a presence verifier; "
                    "register the validation service provider (it binds "
                    "[validation.presence]) or call validator.set_presence_verifier("
                    "DatabasePresenceVerifier(db))."
                )
            self._presence_verifier = verifier
        if hasattr(verifier, "set_connection"):
            verifier.set_connection(connection)
        return verifier
