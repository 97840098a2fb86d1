"""Give a model its factory: ``Post.factory().count(3).create()``.

Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\HasFactory``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.factories.factory import Factory


class HasFactory(CamelAliases):
    """Find the model's factory (``database.factories.<snake>_factory.<Model>Factory``).

    Write ``class Post(HasFactory, Model)``; define ``new_factory()`` to use another
    factory class.

    Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\HasFactory``.
    """

    @classmethod
    def factory(cls, count: t.Any = None, state: t.Any = None) -> Factory:
        """Get a new factory for the model.

        ``count`` may be the number of models, or a state (dict or callable) when no
        count is wanted: ``Post.factory(3)``, ``Post.factory({'title': 'x'})``.

        Laravel: ``HasFactory::factory()``.
        """
        from protevus.database.eloquent.factories.factory import Factory

        factory = cls.new_factory() or Factory.factory_for_model(cls)
        is_count = isinstance(count, int) and not isinstance(count, bool)
        factory = factory.count(count if is_count else None)
        chosen = count if (callable(count) or isinstance(count, t.Mapping)) else state
        return factory.state(chosen) if chosen else factory

    @classmethod
    def new_factory(cls) -> Factory | None:
        """Create the model's factory (override to point at another factory class).

        Laravel: ``HasFactory::newFactory()``.
        """
        return None
