"""Transactions for the connection: callbacks, context managers, savepoints, retries.

Laravel: ``Illuminate\\Database\\Concerns\\ManagesTransactions`` (and the
after-commit bookkeeping of ``DatabaseTransactionsManager``).
"""

from __future__ import annotations

import contextlib
import inspect
import typing as t

from protevus.database.concerns.detects_errors import caused_by_concurrency_error
from protevus.database.concerns.detects_errors import caused_by_lost_connection
from protevus.database.exceptions import DeadlockError
from protevus.database.exceptions import QueryError
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.concerns.manages_connections import ThreadState

_T = t.TypeVar("_T")


def call_with_connection(callback: t.Callable[..., _T], connection: t.Any) -> _T:
    """Call ``callback(connection)``, or ``callback()`` when it takes no argument.

    Laravel passes the connection to transaction and pretend closures; PHP ignores
    an argument a closure does not declare, Python does not, so look first.
    """
    try:
        signature = inspect.signature(callback)
    except (TypeError, ValueError):
        return callback(connection)
    for parameter in signature.parameters.values():
        if parameter.kind in (
            parameter.POSITIONAL_ONLY,
            parameter.POSITIONAL_OR_KEYWORD,
            parameter.VAR_POSITIONAL,
        ):
            return callback(connection)
    return callback()


class ManagesTransactions(CamelAliases):
    """Begin, commit and roll back transactions; nest them with savepoints.

    The connection keeps one transaction stack per thread, so threads sharing a
    connection (a threaded web server) never join each other's transactions.

    Laravel: ``Illuminate\\Database\\Concerns\\ManagesTransactions``.
    """

    if t.TYPE_CHECKING:

        def _state(self) -> ThreadState: ...
        def _write_connection(self, state: ThreadState) -> t.Any: ...
        def _wrap_error(
            self, sql: str, bindings: t.Any, exc: BaseException
        ) -> QueryError: ...
        def _forget_connection(self, state: ThreadState) -> None: ...
        def _fire_connection_event(self, name: str) -> None: ...

    def transaction(
        self, callback: t.Callable[..., _T] | None = None, attempts: int = 1
    ) -> t.Any:
        """Run ``callback`` in a transaction, or return a context manager without one.

        The callback receives the connection (if it takes an argument) and its
        result is returned. A deadlock or serialization failure retries the whole
        callback up to ``attempts`` times; any other error rolls back and
        propagates. ``with conn.transaction():`` commits when the block ends and
        rolls back when it raises (``attempts`` does not apply to it).

        Laravel: ``ManagesTransactions::transaction()``.
        """
        if callback is None:
            return self._transaction_context()
        if attempts < 1:
            raise ValueError(f"Transaction attempts [{attempts}] must be at least 1.")
        for attempt in range(1, attempts + 1):
            self.begin_transaction()
            try:
                result = call_with_connection(callback, self)
            except BaseException as exc:
                self._handle_transaction_exception(exc, attempt, attempts)
                continue
            try:
                self.commit()
            except BaseException as exc:
                self._handle_commit_exception(exc, attempt, attempts)
                continue
            return result
        raise AssertionError("unreachable")  # pragma: no cover

    @contextlib.contextmanager
    def _transaction_context(self) -> t.Iterator[t.Any]:
        self.begin_transaction()
        try:
            yield self
        except BaseException:
            if self.transaction_level() > 0:
                self.roll_back()
            raise
        self.commit()

    def _handle_transaction_exception(
        self, exc: BaseException, attempt: int, attempts: int
    ) -> None:
        """Roll back after a failed callback; return to retry, raise otherwise.

        Laravel: ``ManagesTransactions::handleTransactionException()``.
        """
        state = self._state()
        concurrency = isinstance(exc, Exception) and caused_by_concurrency_error(exc)
        if concurrency and len(state.transactions) > 1:
            # Only the outermost transaction can retry: unwind this level and let
            # the failure travel up as a DeadlockError.
            self._discard_levels(state, len(state.transactions) - 1)
            if isinstance(exc, DeadlockError):
                raise exc
            if isinstance(exc, QueryError):
                raise DeadlockError(
                    exc.connection_name, exc.sql, exc.bindings, exc.previous
                ) from exc
            raise exc
        self.roll_back()
        if concurrency and attempt < attempts:
            return
        raise exc

    def _handle_commit_exception(
        self, exc: BaseException, attempt: int, attempts: int
    ) -> None:
        """Decide whether a failed commit is retried. Laravel: ``handleCommitTransactionException()``."""
        if isinstance(exc, Exception) and caused_by_concurrency_error(exc):
            if attempt < attempts:
                return
        raise exc

    def _control(self, state: ThreadState, sql: str) -> None:
        """Run a transaction-control statement on this thread's connection."""
        try:
            self._write_connection(state).exec_driver_sql(sql)
        except QueryError:
            raise
        except Exception as exc:
            raise self._wrap_error(sql, [], exc) from exc

    def _begin_sql(self) -> str:
        return "BEGIN"

    def begin_transaction(self) -> None:
        """Start a transaction, or a savepoint inside an open one.

        Laravel: ``ManagesTransactions::beginTransaction()``.
        """
        state = self._state()
        level = len(state.transactions)
        if not state.pretending:
            if level == 0:
                try:
                    self._control(state, self._begin_sql())
                except QueryError as exc:
                    if not caused_by_lost_connection(exc):
                        raise
                    # Laravel: handleBeginTransactionException() reconnects once.
                    self._forget_connection(state)
                    self._control(state, self._begin_sql())
            else:
                self._control(state, f"SAVEPOINT trans{level + 1}")
        state.transactions.append(level + 1)
        state.callbacks.append([])
        self._fire_connection_event("beganTransaction")

    def commit(self) -> None:
        """Commit the innermost transaction (release its savepoint when nested).

        Callbacks given to :meth:`after_commit` run when the outermost transaction
        commits. With no open transaction this does nothing, as in Laravel.

        Laravel: ``ManagesTransactions::commit()``.
        """
        state = self._state()
        level = len(state.transactions)
        if level == 0:
            return
        if level == 1:
            self._fire_connection_event("committing")
        try:
            if not state.pretending:
                self._control(
                    state, "COMMIT" if level == 1 else f"RELEASE SAVEPOINT trans{level}"
                )
        except QueryError as exc:
            state.transactions.pop()
            state.callbacks.pop()
            if level == 1 and caused_by_lost_connection(exc):
                self._forget_connection(state)
            raise
        state.transactions.pop()
        callbacks = state.callbacks.pop()
        if state.callbacks:
            state.callbacks[-1].extend(callbacks)
        else:
            for callback in callbacks:
                callback()
        self._fire_connection_event("committed")

    def roll_back(self, to_level: int | None = None) -> None:
        """Roll back to ``to_level`` (default: undo the innermost level only).

        Rolling back to level 0 undoes the whole transaction; a deeper level rolls
        back to its savepoint. After-commit callbacks of the undone levels are
        dropped.

        Laravel: ``ManagesTransactions::rollBack()``.
        """
        state = self._state()
        level = len(state.transactions)
        to_level = level - 1 if to_level is None else to_level
        if to_level < 0 or to_level >= level:
            return
        try:
            if not state.pretending:
                self._control(
                    state,
                    "ROLLBACK"
                    if to_level == 0
                    else f"ROLLBACK TO SAVEPOINT trans{to_level + 1}",
                )
        except QueryError as exc:
            if caused_by_lost_connection(exc):
                self._forget_connection(state)
                to_level = 0
            else:
                raise
        finally:
            del state.transactions[to_level:]
            del state.callbacks[to_level:]
        self._fire_connection_event("rollingBack")

    rollback = roll_back

    def _discard_levels(self, state: ThreadState, to_level: int) -> None:
        """Forget levels above ``to_level`` without SQL (the server dropped them)."""
        del state.transactions[to_level:]
        del state.callbacks[to_level:]

    def transaction_level(self) -> int:
        """Get the number of open transactions (savepoints count). Laravel: ``transactionLevel()``."""
        return len(self._state().transactions)

    def after_commit(self, callback: t.Callable[[], t.Any]) -> None:
        """Run ``callback`` once the outermost transaction commits (now if none is open).

        Callbacks of a rolled-back level never run.

        Laravel: ``ManagesTransactions::afterCommit()``.
        """
        state = self._state()
        if state.callbacks:
            state.callbacks[-1].append(callback)
        else:
            callback()
