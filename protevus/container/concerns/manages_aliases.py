"""Give abstracts other names, following chains of aliases in one dictionary look-up.

Laravel: ``Container::alias()``, ``isAlias()``, ``getAlias()`` and
``removeAbstractAlias()`` of ``Illuminate\\Container\\Container``.
"""

from __future__ import annotations

import typing as t

from protevus.container._reflection import qualified_name
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases


class ManagesAliases(CamelAliases):
    """Register aliases and map each one to the abstract at the end of its chain.

    Laravel: the alias half of ``Illuminate\\Container\\Container``.
    """

    if t.TYPE_CHECKING:
        _aliases: dict[t.Any, t.Any]
        _alias_map: dict[t.Any, t.Any]
        _abstract_aliases: dict[t.Any, list[t.Any]]
        _class_aliases: dict[str, t.Any]

    def alias(self, abstract: t.Any, alias: t.Any) -> None:
        """Make ``alias`` another name for ``abstract``.

        Laravel: ``Container::alias()``.
        """
        if alias == abstract or self.get_alias(abstract) == alias:
            raise InvalidArgumentError(
                f"[{qualified_name(alias)}] is aliased to itself. Give the alias a "
                "name different from the abstract it points to."
            )
        self._aliases[alias] = abstract
        self._abstract_aliases.setdefault(abstract, []).append(alias)
        self._rebuild_alias_map()

    def alias_class(self, abstract: t.Any, path: str) -> None:
        """Make the class at dotted ``path`` another name for ``abstract``, without importing it.

        A provider that binds ``'session'`` and wants ``SessionManager`` type hints
        to reach it would have to import the class (and its dependencies) at boot;
        this records the path instead, and the alias is made the first time that
        class is resolved. Keeps ``python artisan.py --help`` from loading every
        service. Laravel: ``Container::alias()`` (PHP names classes by string).
        """
        self._class_aliases[path] = abstract

    def _claim_class_alias(self, cls: type) -> t.Any:
        """Return what ``cls`` is a lazy alias of (registering the alias), else ``cls``."""
        abstract = self._class_aliases.pop(f"{cls.__module__}.{cls.__qualname__}", None)
        if abstract is None:
            return cls
        self.alias(abstract, cls)
        return self.get_alias(abstract)

    def is_alias(self, name: t.Any) -> bool:
        """Determine if ``name`` is an alias.

        Laravel: ``Container::isAlias()``.
        """
        return name in self._aliases

    def get_alias(self, abstract: t.Any) -> t.Any:
        """Return the abstract that ``abstract`` is an alias of (following chains).

        Laravel: ``Container::getAlias()``.
        """
        return self._alias_map.get(abstract, abstract)

    def _rebuild_alias_map(self) -> None:
        resolved: dict[t.Any, t.Any] = {}
        for alias in self._aliases:
            target, seen = self._aliases[alias], {alias}
            while target in self._aliases and target not in seen:
                seen.add(target)
                target = self._aliases[target]
            resolved[alias] = target
        self._alias_map = resolved

    def _remove_abstract_alias(self, searched: t.Any) -> None:
        if searched not in self._aliases:
            return
        for aliases in self._abstract_aliases.values():
            while searched in aliases:
                aliases.remove(searched)
