"""Check and fulfil an email verification link (``/email/verify/{id}/{hash}``).

Laravel: ``Illuminate\\Foundation\\Auth\\EmailVerificationRequest``
(``authorize()`` and ``fulfill()``). Use it in the route the signed link points to::

    from protevus.auth.verification import fulfill

    def verify(request):
        fulfill(request)
        return redirect('/home')

    Route.get('/email/verify/{id}/{hash}', verify) \\
        .middleware(['auth', 'signed']).name('verification.verify')
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import typing as t


def authorize_verification(request: t.Any) -> bool:
    """Tell whether the route's ``id`` and ``hash`` belong to the logged-in user.

    Both are compared in constant time; ``hash`` is the SHA-1 of the user's
    address.

    Laravel: ``EmailVerificationRequest::authorize()``.
    """
    user = request.user()
    if user is None:
        return False
    given_id = request.route("id")
    given_hash = request.route("hash")
    if given_id is None or given_hash is None:
        return False
    email = str(user.get_email_for_verification())
    expected_hash = hashlib.sha1(email.encode()).hexdigest()
    return _equals(str(user.get_key()), str(given_id)) and _equals(
        expected_hash, str(given_hash)
    )


def fulfill(request: t.Any) -> t.Any:
    """Mark the user's address as verified and dispatch ``Verified`` (once).

    A link for another user, or with a wrong hash, is refused with 403.

    Laravel: ``EmailVerificationRequest::fulfill()`` (after ``authorize()``).
    """
    if not authorize_verification(request):
        from protevus.http.exceptions import AccessDeniedHttpException

        raise AccessDeniedHttpException("This action is unauthorized.")
    user = request.user()
    if not user.has_verified_email():
        user.mark_email_as_verified()
        dispatch_auth_event("Verified", user)
    return user


def dispatch_auth_event(name: str, user: t.Any) -> None:
    """Dispatch ``protevus.auth.events.<name>(user)`` through ``'events'`` if both exist.

    Laravel: ``event(new Verified($user))``.
    """
    from protevus.container.container import Container

    app = Container.get_instance()
    if not app.bound("events"):
        return
    try:
        events = importlib.import_module("protevus.auth.events")
    except ModuleNotFoundError as error:
        if error.name != "protevus.auth.events":
            raise
        return
    event_class = getattr(events, name, None)
    if event_class is not None:
        app.make("events").dispatch(event_class(user))


def _equals(known: str, given: str) -> bool:
    return hmac.compare_digest(known.encode(), given.encode())
