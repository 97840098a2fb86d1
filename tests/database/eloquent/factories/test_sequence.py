"""Sequences and cross-join sequences, on their own."""

from __future__ import annotations

import pytest

from protevus.database.eloquent.factories.cross_join_sequence import CrossJoinSequence
from protevus.database.eloquent.factories.sequence import Sequence
from protevus.exceptions import InvalidArgumentError


def test_a_sequence_cycles_through_its_items() -> None:
    sequence = Sequence({"role": "admin"}, {"role": "user"})

    assert [sequence()["role"] for _ in range(5)] == [
        "admin",
        "user",
        "admin",
        "user",
        "admin",
    ]
    assert len(sequence) == 2
    assert sequence.index == 5


def test_callable_items_receive_the_sequence() -> None:
    sequence = Sequence(lambda s: {"name": f"Name {s.index}"})

    assert [sequence()["name"] for _ in range(3)] == ["Name 0", "Name 1", "Name 2"]


def test_an_empty_sequence_explains_itself() -> None:
    with pytest.raises(InvalidArgumentError, match="sequence is empty"):
        Sequence()()


def test_cross_join_sequence_merges_every_combination() -> None:
    sequence = CrossJoinSequence(
        [{"a": 1}, {"a": 2}], [{"b": "x"}, {"b": "y"}, {"b": "z"}]
    )

    assert len(sequence) == 6
    assert [sequence() for _ in range(7)] == [
        {"a": 1, "b": "x"},
        {"a": 1, "b": "y"},
        {"a": 1, "b": "z"},
        {"a": 2, "b": "x"},
        {"a": 2, "b": "y"},
        {"a": 2, "b": "z"},
        {"a": 1, "b": "x"},
    ]
