"""Turn English words into their plural or singular form.

Laravel: ``Illuminate\\Support\\Pluralizer``, which delegates to doctrine/inflector's
English rules. The behaviour is reproduced here from our own tables: words that
never inflect, irregular pairs, then suffix rules tried in order (the first
matching rule wins). Results keep the case of the input (``Person`` → ``People``,
``PERSON`` → ``PEOPLE``). Eloquent table names depend on this module, so results
are cached per word.
"""

from __future__ import annotations

import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

# Laravel's own list, checked before any rule when pluralizing.
_LARAVEL_UNCOUNTABLE = (
    "audio bison cattle chassis compensation coreopsis data deer education emoji "
    "equipment evidence feedback firmware fish furniture gold hardware information "
    "jedi kin knowledge love metadata money moose news nutrition offspring plankton "
    "pokemon police rain recommended related rice series sheep software species "
    "swine traffic wheat"
).split()

# Words (regex fragments) that stay the same in both directions.
_UNINFLECTED_BOTH = (
    r"\w+media advice aircraft amoyese art audio baggage bison borghese bream "
    r"breeches britches buffalo butter cantus carp cattle chassis clippers clothing "
    r"coal cod coitus compensation congoese contretemps coreopsis corps cotton data "
    r"debris deer diabetes djinn education eland elk emoji equipment evidence "
    r"faroese feedback fish flounder flour foochowese food furniture gallows "
    r"genevese genoese gilbertese gold headquarters herpes hijinks homework "
    r"hottentotese impatience information innings jackanapes jeans jedi kin "
    r"kiplingese knowledge kongoese leather love lucchese luggage mackerel maltese "
    r"management metadata mews money moose mumps music nankingese news nexus "
    r"niasese nutrition offspring oil patience pekingese piedmontese pincers "
    r"pistoiese plankton pliers pokemon police polish portuguese proceedings "
    r"progress rabies rain research rhinoceros rice salmon sand sarawakese scissors "
    r"sea[-\s]bass series shavese shears sheep siemens silk sms gps ups soap "
    r"social\smedia spam species staff sugar swine talent toothpaste traffic travel "
    r"trousers trout tuna us vermontese vinegar weather wenchowese wheat whiting "
    r"wildebeest wood wool yengeese"
).split()

_UNINFLECTED_SINGULAR = (
    r".*ss clothes data fascia fuchsia galleria mafia militia pants petunia sepia "
    r"trivia utopia"
).split()

_UNINFLECTED_PLURAL = r"people trivia \w+ware media".split()

# singular → plural; the reverse map is used for singularizing (a later pair wins).
_IRREGULAR: tuple[tuple[str, str], ...] = tuple(
    (singular, plural)
    for singular, _, plural in (
        pair.partition(":")
        for pair in (
            "abuse:abuses atlas:atlases avalanche:avalanches axis:axes axe:axes "
            "beef:beefs blouse:blouses brother:brothers brownie:brownies cache:caches "
            "cafe:cafes canvas:canvases cave:caves chateau:chateaux child:children "
            "cookie:cookies corpus:corpuses cow:cows criterion:criteria "
            "curriculum:curricula curve:curves demo:demos domino:dominoes echo:echoes "
            "emphasis:emphases epoch:epochs foe:foes foot:feet fungus:fungi "
            "ganglion:ganglions gas:gases genie:genies genus:genera goose:geese "
            "graffito:graffiti grave:graves hippopotamus:hippopotami hoax:hoaxes "
            "hoof:hoofs human:humans iris:irises larva:larvae leaf:leaves lens:lenses "
            "loaf:loaves man:men medium:media memorandum:memoranda money:monies "
            "mongoose:mongooses motto:mottoes move:moves mythos:mythoi "
            "neurosis:neuroses niche:niches niveau:niveaux nucleus:nuclei numen:numina "
            "oasis:oases occiput:occiputs octopus:octopuses opus:opuses ox:oxen "
            "passerby:passersby penis:penises person:people plateau:plateaux "
            "runner-up:runners-up safe:safes save:saves sex:sexes sieve:sieves "
            "soliloquy:soliloquies son-in-law:sons-in-law stadium:stadiums "
            "syllabus:syllabi testis:testes thief:thieves tooth:teeth "
            "tornado:tornadoes "
            "trilby:trilbys turf:turfs valve:valves volcano:volcanoes wave:waves "
            "zombie:zombies"
        ).split()
    )
)

# (pattern, replacement) tried in order, case-insensitively; the first match wins.
_PLURAL_RULES: tuple[tuple[str, str], ...] = (
    (r"(s)tatus$", r"\1tatuses"),
    (r"(quiz)$", r"\1zes"),
    (r"^(ox)$", r"\1en"),
    (r"([m|l])ouse$", r"\1ice"),
    (r"(matr|vert|ind)(ix|ex)$", r"\1ices"),
    (r"(x|ch|ss|sh)$", r"\1es"),
    (r"([^aeiouy]|qu)y$", r"\1ies"),
    (r"(hive|gulf)$", r"\1s"),
    (r"(?:([^f])fe|([lr])f)$", r"\1\2ves"),
    (r"sis$", "ses"),
    (r"([ti])um$", r"\1a"),
    (r"(tax)on$", r"\1a"),
    (r"(c)riterion$", r"\1riteria"),
    (r"(p)erson$", r"\1eople"),
    (r"(m)an$", r"\1en"),
    (r"(c)hild$", r"\1hildren"),
    (r"(f)oot$", r"\1eet"),
    (r"(buffal|her|potat|tomat|volcan)o$", r"\1oes"),
    (r"(alumn|bacill|cact|foc|fung|nucle|radi|stimul|syllab|termin|vir)us$", r"\1i"),
    (r"us$", "uses"),
    (r"(alias)$", r"\1es"),
    (r"(analys|ax|cris|test|thes)is$", r"\1es"),
    (r"s$", "s"),
    (r"$", "s"),
)

_SINGULAR_RULES: tuple[tuple[str, str], ...] = (
    (r"(s)tatuses$", r"\1tatus"),
    (r"(s)tatus$", r"\1tatus"),
    (r"(c)ampus$", r"\1ampus"),
    (r"^(.*)(menu)s$", r"\1\2"),
    (r"(quiz)zes$", r"\1"),
    (r"(matr)ices$", r"\1ix"),
    (r"(vert|ind)ices$", r"\1ex"),
    (r"^(ox)en", r"\1"),
    (r"(alias)(es)*$", r"\1"),
    (r"(buffal|her|potat|tomat|volcan)oes$", r"\1o"),
    (
        r"(alumn|bacill|cact|foc|fung|nucle|radi|stimul|syllab|termin|viri?)i$",
        r"\1us",
    ),
    (r"([ftw]ax)es", r"\1"),
    (r"(analys|ax|cris|test|thes)es$", r"\1is"),
    (r"(shoe|slave)s$", r"\1"),
    (r"(o)es$", r"\1"),
    (r"ouses$", "ouse"),
    (r"([^a])uses$", r"\1us"),
    (r"([m|l])ice$", r"\1ouse"),
    (r"(x|ch|ss|sh)es$", r"\1"),
    (r"(m)ovies$", r"\1ovie"),
    (r"(s)eries$", r"\1eries"),
    (r"([^aeiouy]|qu)ies$", r"\1y"),
    (r"([lr])ves$", r"\1f"),
    (r"(tive)s$", r"\1"),
    (r"(hive)s$", r"\1"),
    (r"(drive)s$", r"\1"),
    (r"(dive)s$", r"\1"),
    (r"(olive)s$", r"\1"),
    (r"([^fo])ves$", r"\1fe"),
    (r"(^analy)ses$", r"\1sis"),
    (r"(analy|diagno|^ba|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$", r"\1sis"),
    (r"(tax)a$", r"\1on"),
    (r"(c)riteria$", r"\1riterion"),
    (r"([ti])a(?<!regatta)$", r"\1um"),
    (r"(p)eople$", r"\1erson"),
    (r"(m)en$", r"\1an"),
    (r"(c)hildren$", r"\1hild"),
    (r"(f)eet$", r"\1oot"),
    (r"(n)ews$", r"\1ews"),
    (r"eaus$", "eau"),
    (r"^tights$", "tights"),
    (r"^shorts$", "shorts"),
    (r"s$", ""),
)


def _pluralizable(value: str) -> bool:
    """Determine if ``value`` ends in a letter, digit or non-ASCII BMP character."""
    last = value[-1:]
    if last == "":
        return False
    return (last.isascii() and last.isalnum()) or 0x80 <= ord(last) <= 0xFFFF


_Rules = tuple[tuple[re.Pattern[str], str], ...]


def _compile_rules(rules: t.Iterable[tuple[str, str]]) -> _Rules:
    return tuple((re.compile(p, re.IGNORECASE), r) for p, r in rules)


def _compile_words(patterns: t.Iterable[str]) -> re.Pattern[str]:
    return re.compile("^(?:" + "|".join(patterns) + r")\Z", re.IGNORECASE)


class _Ruleset:
    """One direction of the inflector: words left alone, irregulars, suffix rules."""

    __slots__ = ("uninflected", "irregular", "rules", "cache")

    def __init__(
        self, uninflected: list[str], irregular: dict[str, str], rules: _Rules
    ) -> None:
        self.uninflected = _compile_words(uninflected)
        self.irregular = irregular
        self.rules = rules
        self.cache: dict[str, str] = {}

    def inflect(self, word: str) -> str:
        cached = self.cache.get(word)
        if cached is None:
            cached = self.cache[word] = self._inflect(word)
        return cached

    def _inflect(self, word: str) -> str:
        if word == "" or self.uninflected.match(word):
            return word
        target = self.irregular.get(word.lower())
        if target is not None:
            return target[:1].upper() + target[1:] if word[:1].isupper() else target
        for pattern, replacement in self.rules:
            if pattern.search(word):
                return pattern.sub(replacement, word)
        return word


def _match_case(value: str, comparison: str) -> str:
    """Give ``value`` the casing of ``comparison``; Laravel: Pluralizer::matchCase()."""
    for convert in (str.lower, str.upper, _ucfirst, _ucwords):
        if convert(comparison) == comparison:
            return convert(value)
    return value


def _ucfirst(value: str) -> str:
    return value[:1].upper() + value[1:]


def _ucwords(value: str) -> str:
    return re.sub(r"(^|[ \t\r\n\f\v])(\S)", lambda m: m[1] + m[2].upper(), value)


class Pluralizer(CamelAliases):
    """Inflect English nouns: ``Pluralizer.plural('child')`` → ``'children'``.

    ``Pluralizer.uncountable`` is the public list of words never pluralized; add to
    it with :meth:`add_uncountable`. Only English is supported.

    Laravel: ``Illuminate\\Support\\Pluralizer``.
    """

    __slots__ = ()

    uncountable: t.ClassVar[list[str]] = list(_LARAVEL_UNCOUNTABLE)

    _plural: t.ClassVar[_Ruleset | None] = None
    _singular: t.ClassVar[_Ruleset | None] = None
    irregular: t.ClassVar[dict[str, str]] = {}

    @classmethod
    def plural(cls, value: str, count: t.Any = 2) -> str:
        """Return the plural form of ``value``, or ``value`` itself when ``count`` is 1.

        ``count`` may be a number or anything with a length. Laravel:
        ``Pluralizer::plural()``.
        """
        if isinstance(count, t.Sized):
            count = len(count)
        if (
            int(abs(count)) == 1
            or cls.is_uncountable(value)
            or not _pluralizable(value)
        ):
            return value
        return _match_case(cls._rules("plural").inflect(value), value)

    @classmethod
    def singular(cls, value: str) -> str:
        """Return the singular form of ``value`` (uncountable words stay as they are).

        Laravel: ``Pluralizer::singular()``.
        """
        if cls.is_uncountable(value):
            return value
        return _match_case(cls._rules("singular").inflect(value), value)

    @classmethod
    def is_uncountable(cls, value: str) -> bool:
        """Determine if ``value`` is in the uncountable list.

        Laravel: ``Pluralizer::uncountable()`` (protected there).
        """
        return value.lower() in cls.uncountable

    @classmethod
    def add_uncountable(cls, *words: str) -> None:
        """Add ``words`` to the words that are never pluralized or singularized."""
        for word in words:
            if word.lower() not in cls.uncountable:
                cls.uncountable.append(word.lower())

    @classmethod
    def add_irregular(cls, singular: str, plural: str) -> None:
        """Register an irregular pair, e.g. ``('cactus', 'cactuses')``.

        User pairs live in ``Pluralizer.irregular``; call :meth:`flush_cache` after
        editing that dict by hand.
        """
        if not singular or not plural:
            raise InvalidArgumentError(
                f"Irregular pair [{singular}/{plural}] needs two non-empty words."
            )
        cls.irregular[singular.lower()] = plural.lower()
        cls.flush_cache()

    @classmethod
    def use_language(cls, language: str) -> None:
        """Select the inflector language; only ``'english'`` is available.

        Laravel: ``Pluralizer::useLanguage()``.
        """
        if language.lower() not in ("english", "en"):
            raise InvalidArgumentError(
                f"Pluralizer language [{language}] is not supported; use [english]."
            )

    @classmethod
    def flush_cache(cls) -> None:
        """Forget the compiled rules and every cached inflection."""
        cls._plural = None
        cls._singular = None

    @classmethod
    def _rules(cls, direction: str) -> _Ruleset:
        if direction == "plural":
            if cls._plural is None:
                irregular = dict(_IRREGULAR)
                irregular.update(cls.irregular)
                uninflected = [*_UNINFLECTED_BOTH, *_UNINFLECTED_PLURAL]
                cls._plural = _Ruleset(
                    uninflected, irregular, _compile_rules(_PLURAL_RULES)
                )
            return cls._plural
        if cls._singular is None:
            flipped = {plural: singular for singular, plural in _IRREGULAR}
            flipped.update({p: s for s, p in cls.irregular.items()})
            uninflected = [*_UNINFLECTED_BOTH, *_UNINFLECTED_SINGULAR]
            cls._singular = _Ruleset(
                uninflected, flipped, _compile_rules(_SINGULAR_RULES)
            )
        return cls._singular
