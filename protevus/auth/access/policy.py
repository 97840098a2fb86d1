"""The base class of application policies (``app/policies/post_policy.py``).

Laravel: a policy is any class (usually using ``HandlesAuthorization``); Protevus
gives it a base so methods get camelCase twins and the helpers come for free.
"""

from __future__ import annotations

from protevus.auth.access.handles_authorization import HandlesAuthorization
from protevus.support.aliases import CamelAliases


class Policy(HandlesAuthorization, CamelAliases):
    """Group the authorization rules of one model, one method per ability.

    ``Gate.allows('update', post)`` calls ``PostPolicy().update(user, post)``;
    ``Gate.allows('create', Post)`` calls ``create(user)`` (the class argument is
    dropped). Define ``before(user, ability, *arguments)`` to decide first: a
    non-None result wins. A method whose first parameter accepts None
    (``user: User | None`` or ``user=None``) is also asked for guests; otherwise
    guests are denied without calling it::

        class PostPolicy(Policy):
            def update(self, user: User, post: Post) -> bool | Response:
                return user.id == post.user_id or self.deny('You do not own this post.')

    Laravel: an ``App\\Policies`` class using ``HandlesAuthorization``.
    """

    __slots__ = ()
