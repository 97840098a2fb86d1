"""Cycle through a list of states, one per model a factory makes.

``User.factory().count(4).sequence({'role': 'admin'}, {'role': 'user'})`` gives
admin, user, admin, user. An item may be a callable receiving the sequence (its
``index`` counts the models made so far).

Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\Sequence``.
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases


class Sequence(CamelAliases):
    """A factory state that returns the next item of a list on each call.

    Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\Sequence``.
    """

    def __init__(self, *sequence: t.Any) -> None:
        self.sequence: list[t.Any] = list(sequence)
        self.count = len(self.sequence)
        self.index = 0

    def __len__(self) -> int:
        """Count the items. Laravel: ``Sequence::count()``."""
        return self.count

    def __call__(self, attributes: t.Any = None, parent: t.Any = None) -> t.Any:
        """Get the next state of the sequence. Laravel: ``Sequence::__invoke()``."""
        if not self.count:
            raise InvalidArgumentError(
                "The sequence is empty. Pass at least one state to sequence()."
            )
        item = self.sequence[self.index % self.count]
        if callable(item):
            item = item(self)
        self.index += 1
        return item
