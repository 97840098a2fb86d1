"""Let a user model verify its email address.

Laravel: ``Illuminate\\Auth\\MustVerifyEmail`` (the trait and the contract).
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class MustVerifyEmail(CamelAliases):
    """Track ``email_verified_at`` and send the signed verification link.

    Add it to the user model; the ``verified`` middleware then keeps users with an
    unverified address out of the routes it guards.

    Laravel: ``Illuminate\\Auth\\MustVerifyEmail``.
    """

    __slots__ = ()

    def has_verified_email(self) -> bool:
        """Tell whether ``email_verified_at`` is set.

        Laravel: ``MustVerifyEmail::hasVerifiedEmail()``.
        """
        return t.cast(t.Any, self).email_verified_at is not None

    def mark_email_as_verified(self) -> bool:
        """Set ``email_verified_at`` to now and save the model.

        Laravel: ``MustVerifyEmail::markEmailAsVerified()``.
        """
        model = t.cast(t.Any, self)
        model.force_fill({"email_verified_at": model.fresh_timestamp()})
        return bool(model.save())

    def send_email_verification_notification(self) -> None:
        """Send the :class:`VerifyEmail` notification with the signed link.

        Laravel: ``MustVerifyEmail::sendEmailVerificationNotification()``.
        """
        from protevus.auth.notifications.notifiable import send_notification
        from protevus.auth.notifications.verify_email import VerifyEmail

        send_notification(self, VerifyEmail())

    def get_email_for_verification(self) -> str:
        """Return the address to verify (the ``email`` attribute).

        Laravel: ``MustVerifyEmail::getEmailForVerification()``.
        """
        return str(t.cast(t.Any, self).email)
