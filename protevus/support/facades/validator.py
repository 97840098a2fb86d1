"""Facade for the validation factory (container key ``'validator'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Validator(Facade):
    """Proxy static calls to the validation factory.

    Laravel: ``Illuminate\\Support\\Facades\\Validator``.
    """

    accessor = "validator"
