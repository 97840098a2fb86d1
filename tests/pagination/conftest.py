"""Forget the paginators' class-level resolvers around every pagination test."""

from __future__ import annotations

import typing as t

import pytest

from protevus.pagination.abstract_paginator import AbstractPaginator
from protevus.pagination.abstract_paginator import PaginatorState


@pytest.fixture(autouse=True)
def _fresh_paginator_state() -> t.Iterator[None]:
    PaginatorState.reset()
    yield
    PaginatorState.reset()
    AbstractPaginator._default_view_name = "tailwind"
    AbstractPaginator._default_simple_view_name = "simple-tailwind"
