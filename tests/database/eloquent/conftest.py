"""Fixtures for Eloquent tests: models on the database of ``db_driver``.

- ``eloquent``: the ``db`` DatabaseManager, set as the models' connection resolver
  for the test (``Model.set_connection_resolver(db)``). After the test the resolver,
  booted models (and the global scopes and events they registered in ``booted()``),
  ``unguard()`` and strict modes are reset, so models defined at module level boot
  again in the next test. Register global scopes in ``booted()``, not at import.
- ``schema``: the schema builder of that connection, to create tables in a test.

Create tables in each test (``schema.create('posts', lambda t: ...)``) and define
model classes with names unique per module. Count queries with
``db.connection().enable_query_log()`` / ``get_query_log()``.
"""

from __future__ import annotations

import typing as t

import pytest


@pytest.fixture
def eloquent(db: t.Any) -> t.Iterator[t.Any]:
    """Make models resolve connections through ``db``; reset model state afterwards."""
    from protevus.database.eloquent.model import Model

    previous = Model.get_connection_resolver()
    Model.set_connection_resolver(db)
    Model.clear_booted_models()
    try:
        yield db
    finally:
        Model.clear_booted_models()
        Model.reguard()
        Model.prevent_silently_discarding_attributes(False)
        Model.prevent_accessing_missing_attributes(False)
        Model.set_connection_resolver(previous)


@pytest.fixture
def schema(eloquent: t.Any) -> t.Any:
    """Return the schema builder of the test connection."""
    return eloquent.connection().get_schema_builder()
