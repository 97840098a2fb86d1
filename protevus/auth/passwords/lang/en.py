"""English password reset messages, the lines behind the broker's status keys.

``__('passwords.sent')`` finds them when the app has no ``lang/en/passwords.py``
of its own (an app file wins, line by line).

Laravel: ``lang/en/passwords.php``.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "reset": "Your password has been reset.",
    "sent": "We have emailed your password reset link.",
    "throttled": "Please wait before retrying.",
    "token": "This password reset token is invalid.",
    "user": "We can't find a user with that email address.",
}
