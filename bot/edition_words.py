"""What one edition of the corpus writes, and how a term is looked up in it: numbers by value,
names folded (spaced or joined, inflected, as a German compound), words by their stems or a
clipped start, Chinese, Japanese and Korean as substrings (katakana in any of its spellings).
bot.coverage asks every edition and decides which of a question's terms the corpus lacks."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from bot.commonness import is_common, simplified
from bot.numbers import numbers_written
from bot.term import Term, fold, value_key
from bot.tokens import CJK, CJK_LANGS, stem_words, tokenize

# A word this long or longer may be a clipping of a longer one the corpus writes: "tech".
CLIPPED_MIN = 4
# Katakana loanwords are spelt several ways: "ディスプレイ" and "ディスプレー", "サーバ" and
# "サーバー", with or without "・" between words. They are looked up without long-vowel marks
# and dots; a run this long or longer may differ in its last kana.
KATAKANA_LOOSE_MIN = 5
KATAKANA_PART_MIN = 3
# A German compound ("Technologiedichte") is written when its two parts are, each this long or
# longer, a linking "s" allowed ("Entwicklungsindex").
COMPOUND_PART_MIN = 4
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\u30fb]+")
_KATAKANA_MARKS = str.maketrans("", "", "ー・")
# Languages whose Snowball stems keep a plural, case or derivation ending ("مسارات" → "مسارا",
# where "المسار" → "مسار"; "regulatória" → "regulatór", where "regulação" → "regul"): there a
# question's stem of this many letters or more is also found at the start of the corpus's.
# Arabic stems are shorter (three-letter roots).
STEM_START_MIN = {"ar": 4, "de": 5, "en": 5, "es": 5, "fr": 5, "it": 5, "pt": 5, "ru": 5}
# A transliterated name is spaced either way: "هوانغ تشاو يينغ" or "هوانغ تشاوينغ", "Zhao Ying" or
# "Zhaoying". A word this long or longer is found as two or three neighbouring words written as one.
SPACED_MIN = 6
# An abbreviation of capitals ("VC", "GII") stands for a name the corpus capitalises: "Venture
# Capital", "Global Innovation Index". Names of this many words at most are abbreviated.
INITIALS = (2, 5)
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’]*(?:[\s-]+[A-Z][\w'’]*)+")
_ABBREVIATION = re.compile(rf"[A-Z]{{{INITIALS[0]},{INITIALS[1]}}}")


@dataclass(frozen=True)
class EditionWords:
    """What the texts of one language hold, for lookups."""

    stems: frozenset[str]
    text: str  # NFKC, lowercased, simplified Chinese: CJK words are looked up as substrings
    phrases: str  # " word word … " folded: names of several words are looked up in it
    words: tuple[str, ...]  # folded words, sorted: one-word names, clipped words
    values: frozenset[str]
    # `phrases` with every word stemmed in `lang`, in order: a name's case endings ("хуан
    # чжаоине" where the edition writes "хуан чжаоина", "alibaba clouds") are read away.
    stemmed: str = ""
    lang: str = ""
    # The initials of the names it capitalises, of two to five words in a row ("VC").
    initials: frozenset[str] = frozenset()

    @classmethod
    def build(cls, texts: Sequence[str], lang: str) -> EditionWords:
        joined = "\n".join(texts)
        values = {value_key(v) for t in texts for v in numbers_written(t, lang)}
        # CJK is looked up in `text`; apart from it, "HTC全球副总裁" holds the word "htc".
        folded = [fold(CJK.sub(" ", t)) for t in texts]
        stems = tokenize(joined, [lang]) if lang not in CJK_LANGS else ()
        text = simplified(joined) if lang == "zh" else unicodedata.normalize("NFKC", joined)
        words = tuple(sorted({w for f in folded for w in f.split()}))
        stemmed = " | ".join(" ".join(stem_words(f, lang)) for f in folded)
        return cls(frozenset(stems), text.lower(), " " + " | ".join(folded) + " ", words,
                   frozenset(values), f" {stemmed} ", lang, _initials(joined))  # fmt: skip

    def to_json(self) -> dict:
        """This edition as plain JSON values (sorted lists), for the index folder."""
        return {
            "stems": sorted(self.stems),
            "text": self.text,
            "phrases": self.phrases,
            "words": list(self.words),
            "values": sorted(self.values),
            "stemmed": self.stemmed,
            "initials": sorted(self.initials),
        }

    @classmethod
    def from_json(cls, row: Mapping, lang: str) -> EditionWords:
        return cls(frozenset(row["stems"]), row["text"], row["phrases"], tuple(row["words"]),
                   frozenset(row["values"]), row["stemmed"], lang,
                   frozenset(row["initials"]))  # fmt: skip

    def holds(self, term: Term, stem_starts: bool = False) -> bool:
        """Whether this edition writes `term` (a word's stem may start one of its stems, when
        `stem_starts`)."""
        key = term.keys[0]
        if term.kind == "number":
            return all(k in self.values for k in term.keys)
        if CJK.search(key):
            return all(
                k in self.text or self._has_katakana(k) or self._katakana_compound(k)
                for k in term.keys
            )
        if term.kind == "name":
            if " " in key and f" {key} " in self.phrases:
                return True
            unspaced = key.replace(" ", "")
            return (
                self.has_word(unspaced)
                or self._spaced(unspaced)
                or self._inflected(key)
                or self._compound(key)
                or _ABBREVIATION.fullmatch(term.surface) is not None
                and term.surface in self.initials
            )
        word = fold(term.surface)
        return (
            all(self._has_stem(k, stem_starts) for k in term.keys)
            or self.has_word(word, clipped=len(term.surface) >= CLIPPED_MIN)
            or self._spaced(word)
            or self._compound(word)
        )

    def _compound(self, word: str) -> bool:
        """Whether `word`, in a German edition, is two words it writes, joined ("technologie" +
        "dichte"), the first perhaps with a linking "s" ("entwicklungs" + "index")."""
        if self.lang != "de":
            return False
        for i in range(COMPOUND_PART_MIN, len(word) - COMPOUND_PART_MIN + 1):
            first, rest = word[:i], word[i:]
            joined = self.has_word(first) or first.endswith("s") and self.has_word(first[:-1])
            if joined and self.has_word(rest):
                return True
        return False

    def _spaced(self, word: str) -> bool:
        """Whether `word` is written as two or three words ("تشاويينغ" as "تشاو يينغ",
        "huangzhaoying" as "huang zhaoying")."""
        return len(word) >= SPACED_MIN and word in self._joined

    def _inflected(self, name: str) -> bool:
        """Whether `name` (folded) is written with other endings: "хуан чжаоине" (prepositional)
        where the corpus writes "хуан чжаоина", "пекинском" for "пекинскии", "alibaba clouds"
        (genitive): its words' stems in a row, as this edition's language stems them."""
        if not self.lang or self.lang in CJK_LANGS or any(c.isdigit() for c in name):
            return False  # "10mila" is no inflected "mila"
        stems = stem_words(name, self.lang)
        return bool(stems) and f" {' '.join(stems)} " in self.stemmed

    @cached_property
    def _joined(self) -> frozenset[str]:
        """Every two and three neighbouring words of a text, written as one."""
        joined = set()
        for text in self.phrases.split(" | "):
            words = text.split()
            for n in (2, 3):
                joined.update("".join(words[i : i + n]) for i in range(len(words) - n + 1))
        return frozenset(joined)

    @cached_property
    def _loose_text(self) -> str:
        """`text` without long-vowel marks and dots: katakana spellings looked up loosely."""
        return self.text.translate(_KATAKANA_MARKS)

    def _has_katakana(self, key: str) -> bool:
        """Whether `key`, a katakana word, is written in another of its spellings."""
        if not _KATAKANA.fullmatch(key):
            return False
        loose = key.translate(_KATAKANA_MARKS)
        if len(loose) >= KATAKANA_LOOSE_MIN:
            loose = loose[:-1]
        return loose in self._loose_text

    def _katakana_compound(self, key: str) -> bool:
        """Whether `key`, a katakana word, is two of KATAKANA_PART_MIN letters or more, one that
        this edition writes and one it writes or everyday Japanese ("パートナーグループ")."""
        if not _KATAKANA.fullmatch(key):
            return False
        for i in range(KATAKANA_PART_MIN, len(key) - KATAKANA_PART_MIN + 1):
            written = [part in self.text or self._has_katakana(part) for part in (key[:i], key[i:])]
            if all(written) or any(written) and is_common(key[i:] if written[0] else key[:i], "ja"):
                return True
        return False

    def has_word(self, word: str, clipped: bool = False) -> bool:
        """`word`, or when `clipped` a longer word it starts ("tech" → "technology")."""
        at = bisect.bisect_left(self.words, word)
        found = self.words[at] if at < len(self.words) else ""
        return found == word or clipped and found.startswith(word)

    def _has_stem(self, stem: str, starts: bool = False) -> bool:
        """`stem`, or a stem of five letters or more it derives from ("pékinois" → "pékin"), or
        when `starts` one it starts ("مسار" → "مسارا", "regul" → "regulatór")."""
        if any(stem[:n] in self.stems for n in range(len(stem), min(len(stem), 5) - 1, -1)):
            return True
        if not starts or len(stem) < STEM_START_MIN.get(self.lang, len(stem) + 1):
            return False
        at = bisect.bisect_left(self._sorted_stems, stem)
        return at < len(self._sorted_stems) and self._sorted_stems[at].startswith(stem)

    @cached_property
    def _sorted_stems(self) -> tuple[str, ...]:
        return tuple(sorted(self.stems))


def _initials(text: str) -> frozenset[str]:
    """The initials of every run of two to five capitalised words in `text` ("Beijing Smart
    Yuan Venture Capital Fund" gives "VC", "BSY"…)."""
    low, high = INITIALS
    found = set()
    for run in _CAPITALISED_RUN.findall(text):
        letters = [word[0] for word in re.split(r"[\s-]+", run)]
        for size in range(low, high + 1):
            found.update("".join(letters[i : i + size]) for i in range(len(letters) - size + 1))
    return frozenset(found)
