"""Laravel's support library: collections, strings, arrays, dates and helpers.

``from protevus.support import Collection, Str, Arr, Carbon, collect``. Inside
Protevus, import from the defining module instead (``protevus.support.str``).
"""

import typing as t

from protevus.support.aliases import CamelAliases as CamelAliases
from protevus.support.arr import Arr as Arr
from protevus.support.arr import data_fill as data_fill
from protevus.support.arr import data_forget as data_forget
from protevus.support.arr import data_get as data_get
from protevus.support.arr import data_set as data_set
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

if t.TYPE_CHECKING:
    from protevus.support.carbon import Carbon as Carbon


def __getattr__(name: str) -> t.Any:
    # Carbon imports pendulum (tens of milliseconds); load it on first use so
    # every import of a protevus.support module does not pay for it.
    if name == "Carbon":
        from protevus.support.carbon import Carbon

        return Carbon
    raise AttributeError(f"module 'protevus.support' has no attribute {name!r}")
