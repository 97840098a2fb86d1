"""A sequence of every combination of several lists of states.

``cross_join_sequence([{'a': 1}, {'a': 2}], [{'b': 'x'}, {'b': 'y'}])`` cycles
through ``{'a': 1, 'b': 'x'}``, ``{'a': 1, 'b': 'y'}``, ``{'a': 2, 'b': 'x'}`` and
``{'a': 2, 'b': 'y'}``.

Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\CrossJoinSequence``.
"""

from __future__ import annotations

import itertools
import typing as t

from protevus.database.eloquent.factories.sequence import Sequence


class CrossJoinSequence(Sequence):
    """Cycle through the cartesian product of the given state lists, merged.

    Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\CrossJoinSequence``.
    """

    def __init__(self, *sequences: t.Iterable[t.Mapping[str, t.Any]]) -> None:
        combined = [
            {key: value for state in combination for key, value in state.items()}
            for combination in itertools.product(*(list(s) for s in sequences))
        ]
        super().__init__(*combined)
