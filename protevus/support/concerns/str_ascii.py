"""Transliterate Unicode text to ASCII for ``Str.ascii()`` and ``Str.slug()``.

Laravel: ``Str::ascii()`` / ``Str::transliterate()`` (voku/portable-ascii). We get
most of the way with Unicode compatibility decomposition (``é`` → ``e``, ``ⓣ`` →
``t``, ``ﬁ`` → ``fi``) and finish with a table for letters that do not decompose
(``ß``, ``ø``, ``ł``) and for the Cyrillic and Greek alphabets.
"""

from __future__ import annotations

import unicodedata

_LOWER_TABLE = {
    "ß": "ss",
    "æ": "ae",
    "ø": "o",
    "œ": "oe",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ł": "l",
    "ħ": "h",
    "ı": "i",
    "ŀ": "l",
    "ŧ": "t",
    "ŋ": "n",
    "ſ": "s",
    "ĸ": "k",
    "ƒ": "f",
    "ǝ": "e",
    "ə": "e",
    # Cyrillic
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "ch",
    "ш": "sh",
    "щ": "sch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "є": "ye",
    "і": "i",
    "ї": "yi",
    "ґ": "g",
    # Greek
    "α": "a",
    "β": "b",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}

_PUNCTUATION = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u00ab": "<<",
    "\u00bb": ">>",
    "\u00a0": " ",
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(k): v for k, v in _PUNCTUATION.items()}
    for lower, ascii_ in _LOWER_TABLE.items():
        table[ord(lower)] = ascii_
        upper = lower.upper()
        if len(upper) == 1 and upper != lower:
            table[ord(upper)] = ascii_[:1].upper() + ascii_[1:]
    table[ord("ẞ")] = "SS"
    return table


_TABLE = _build_table()


def to_ascii(value: str, unknown: str = "") -> str:
    """Return ``value`` spelled with ASCII characters only.

    Characters with no ASCII spelling become ``unknown`` (dropped by default).
    """
    if value.isascii():
        return value
    decomposed = unicodedata.normalize("NFKD", value.translate(_TABLE))
    out: list[str] = []
    for char in decomposed.translate(_TABLE):
        if char.isascii():
            out.append(char)
        elif unicodedata.category(char) not in ("Mn", "Me", "Cf"):
            out.append(unknown)
    return "".join(out)
