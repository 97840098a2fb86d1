"""Facade for the encrypter (container key ``'encrypter'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Crypt(Facade):
    """Proxy static calls to the encrypter.

    Laravel: ``Illuminate\\Support\\Facades\\Crypt``.
    """

    accessor = "encrypter"
