"""Laravel's support library: collections, strings, arrays, dates and helpers.

``from protevus.support import Collection, Str, Arr, Carbon, collect``. Inside
Protevus, import from the defining module instead (``protevus.support.str``).
The names load on first use (see :mod:`protevus.support.lazy`): every module of
the framework imports this package, so it must not import them all up front.
"""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.support.aliases import CamelAliases as CamelAliases
    from protevus.support.arr import Arr as Arr
    from protevus.support.arr import data_fill as data_fill
    from protevus.support.arr import data_forget as data_forget
    from protevus.support.arr import data_get as data_get
    from protevus.support.arr import data_set as data_set
    from protevus.support.carbon import Carbon as Carbon
    from protevus.support.collection import Collection as Collection
    from protevus.support.collection import collect as collect
    from protevus.support.lazy_collection import LazyCollection as LazyCollection
    from protevus.support.macroable import Macroable as Macroable
    from protevus.support.manager import Manager as Manager
    from protevus.support.message_bag import MessageBag as MessageBag
    from protevus.support.pipeline import Pipeline as Pipeline
    from protevus.support.pluralizer import Pluralizer as Pluralizer
    from protevus.support.service_provider import ServiceProvider as ServiceProvider
    from protevus.support.str import Str as Str
    from protevus.support.stringable import Stringable as Stringable
    from protevus.support.view_error_bag import ViewErrorBag as ViewErrorBag

__getattr__ = lazy_exports(
    __name__,
    {
        "CamelAliases": "protevus.support.aliases",
        "Arr": "protevus.support.arr",
        "data_fill": "protevus.support.arr",
        "data_forget": "protevus.support.arr",
        "data_get": "protevus.support.arr",
        "data_set": "protevus.support.arr",
        "Carbon": "protevus.support.carbon",
        "Collection": "protevus.support.collection",
        "collect": "protevus.support.collection",
        "LazyCollection": "protevus.support.lazy_collection",
        "Macroable": "protevus.support.macroable",
        "Manager": "protevus.support.manager",
        "MessageBag": "protevus.support.message_bag",
        "ViewErrorBag": "protevus.support.view_error_bag",
        "Pipeline": "protevus.support.pipeline",
        "Pluralizer": "protevus.support.pluralizer",
        "ServiceProvider": "protevus.support.service_provider",
        "Str": "protevus.support.str",
        "Stringable": "protevus.support.stringable",
    },
)
