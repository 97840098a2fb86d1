"""The errors Eloquent raises.

Laravel: ``ModelNotFoundException``, ``MassAssignmentException``,
``RelationNotFoundException``, ``LazyLoadingViolationException``,
``MissingAttributeException``, ``JsonEncodingException``.
"""

from __future__ import annotations

import typing as t

from protevus.database.exceptions import DatabaseError
from protevus.database.exceptions import RecordsNotFoundError


class ModelNotFoundError(RecordsNotFoundError):
    """Signal that ``find_or_fail``/``first_or_fail``/route binding found no model.

    The HTTP layer answers it with a 404 (``No query results for model
    [app.models.Post] 1``), as Laravel does.

    Laravel: ``Illuminate\\Database\\Eloquent\\ModelNotFoundException``.
    """

    status_code = 404

    def __init__(self, model: str = "", ids: t.Any = ()) -> None:
        self.model = model
        self.ids = list(ids) if isinstance(ids, list | tuple | set) else [ids]
        if ids in ((), [], None):
            self.ids = []
        message = f"No query results for model [{model}]"
        if self.ids:
            message += " " + ", ".join(str(i) for i in self.ids)
        super().__init__(message.rstrip() + ".")

    def get_model(self) -> str:
        """Get the model's dotted class name. Laravel: ``getModel()``."""
        return self.model

    def get_ids(self) -> list[t.Any]:
        """Get the ids that were not found. Laravel: ``getIds()``."""
        return self.ids


class MassAssignmentError(DatabaseError):
    """Signal an attribute filled in bulk that the model does not allow.

    Message: ``Add [title] to fillable property to allow mass assignment on
    [app.models.Post].``

    Laravel: ``Illuminate\\Database\\Eloquent\\MassAssignmentException``.
    """


class RelationNotFoundError(DatabaseError):
    """Signal a relation name the model does not define.

    Laravel: ``Illuminate\\Database\\Eloquent\\RelationNotFoundException``.
    """


class LazyLoadingViolationError(DatabaseError):
    """Signal a lazy load while ``Model.prevent_lazy_loading()`` is on (an N+1 query).

    Laravel: ``Illuminate\\Database\\LazyLoadingViolationException``.
    """


class MissingAttributeError(DatabaseError, AttributeError):
    """Signal a read of an attribute that was not retrieved (strict mode).

    Laravel: ``Illuminate\\Database\\Eloquent\\MissingAttributeException``.
    """


class JsonEncodingError(DatabaseError):
    """Signal a model or attribute that cannot be encoded as JSON.

    Laravel: ``Illuminate\\Database\\Eloquent\\JsonEncodingException``.
    """
