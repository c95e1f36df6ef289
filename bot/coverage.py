"""Which key terms of a question the corpus writes: its vocabulary, per edition language.

A question whose names, figures or rare words (bot.keyterms) the corpus never writes is about
something else. Numbers are values, names are folded, words are stems (bot.tokens) or, in
Chinese, Japanese and Korean, substrings of the text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from bot.commonness import LOCAL_MARGIN, is_common, simplified, zipf
from bot.gazetteer import city_named, names_of, writes_script
from bot.keyterms import LATIN
from bot.lang import LATIN_LANGS
from bot.numbers import numbers_written
from bot.rankings import listed_places
from bot.target import ALIASES, concepts, has_name, without_names
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


@dataclass(frozen=True)
class _Edition:
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

    @classmethod
    def build(cls, texts: Sequence[str], lang: str) -> _Edition:
        joined = "\n".join(texts)
        values = {value_key(v) for t in texts for v in numbers_written(t, lang)}
        # CJK is looked up in `text`; apart from it, "HTC全球副总裁" holds the word "htc".
        folded = [fold(CJK.sub(" ", t)) for t in texts]
        stems = tokenize(joined, [lang]) if lang not in CJK_LANGS else ()
        text = simplified(joined) if lang == "zh" else unicodedata.normalize("NFKC", joined)
        words = tuple(sorted({w for f in folded for w in f.split()}))
        stemmed = " | ".join(" ".join(stem_words(f, lang)) for f in folded)
        return cls(frozenset(stems), text.lower(), " " + " | ".join(folded) + " ", words,
                   frozenset(values), f" {stemmed} ", lang)  # fmt: skip

    def to_json(self) -> dict:
        """This edition as plain JSON values (sorted lists), for the index folder."""
        return {
            "stems": sorted(self.stems),
            "text": self.text,
            "phrases": self.phrases,
            "words": list(self.words),
            "values": sorted(self.values),
            "stemmed": self.stemmed,
        }

    @classmethod
    def from_json(cls, row: Mapping, lang: str) -> _Edition:
        return cls(frozenset(row["stems"]), row["text"], row["phrases"], tuple(row["words"]),
                   frozenset(row["values"]), row["stemmed"], lang)  # fmt: skip

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


@dataclass(frozen=True)
class Vocabulary:
    """The terms the corpus writes, per edition language, to tell which key terms it lacks."""

    editions: Mapping[str, _Edition]

    @classmethod
    def build(cls, texts: Sequence[str], langs: Sequence[str]) -> Vocabulary:
        """The vocabulary of `texts`, each in the language of its edition."""
        by_lang: dict[str, list[str]] = {}
        for text, lang in zip(texts, langs, strict=True):
            by_lang.setdefault(lang, []).append(text)
        return cls({lang: _Edition.build(group, lang) for lang, group in by_lang.items()})

    def to_json(self) -> dict:
        """The vocabulary as plain JSON values: built once with the index, read at load."""
        return {lang: edition.to_json() for lang, edition in self.editions.items()}

    @classmethod
    def from_json(cls, rows: Mapping) -> Vocabulary:
        return cls({lang: _Edition.from_json(row, lang) for lang, row in rows.items()})

    def check(self, terms: Sequence[Term], lang: str) -> tuple[tuple[Term, bool], ...]:
        """Each checkable term (see `checkable`) of a question in `lang`, with whether the corpus
        writes it."""
        verdicts = ((t, self._holds(t, lang)) for t in terms)
        return tuple((t, holds) for t, holds in verdicts if holds is not None)

    def missing(self, terms: Sequence[Term], lang: str) -> tuple[Term, ...]:
        """The terms of a question in `lang` that the corpus does not write, among those it can
        check (see `checkable`)."""
        return tuple(t for t, holds in self.check(terms, lang) if not holds)

    def checkable(self, terms: Sequence[Term], lang: str) -> tuple[Term, ...]:
        """The terms whose presence can be decided: numbers, Latin-script names spelled as an
        edition would, and everything when the corpus has an edition in `lang`."""
        return tuple(t for t, _ in self.check(terms, lang))

    def _holds(self, term: Term, lang: str) -> bool | None:
        """True or False when the corpus does or does not write `term`; None when it cannot tell."""
        own = self.editions.get(lang)
        if own is not None and own.holds(term, lang in STEM_START_MIN):
            return True
        # A city it writes under another name: "난징" where the Korean edition writes "남경".
        if term.kind == "name" and self._writes_city(term.surface):
            return True
        # Another name of a city or subject the corpus writes, alone: "ペキン" where the Japanese
        # edition writes 北京 (not "KI-Chips", not "Beijing's AI Implementation Plan").
        named = concepts(term.surface.casefold())
        alone = not any(c.isalnum() for c in without_names(term.surface, tuple(named)))
        if named and alone and any(self._writes(concept) for concept in named):
            return True
        # A loanword another edition writes as the question does ("blockchain" in a Spanish
        # question; the Spanish edition says "cadena de bloques"); not a word of that edition's
        # own everyday language, which is another word spelled alike ("mayor" is Spanish too).
        word = fold(term.surface)
        if (
            term.kind == "word"
            and LATIN.search(term.surface)
            and any(
                edition.has_word(word) and not is_common(word, edition_lang)
                for edition_lang, edition in self.editions.items()
            )
        ):
            return True
        if term.kind == "number" or term.kind == "name" and LATIN.search(term.surface):
            if any(edition.holds(term) for edition in self.editions.values()):
                return True
            if term.kind == "number" or self._portable(term, lang):
                return False
        return None if own is None else False

    def places_listed(self, lang: str) -> frozenset[str]:
        """The places other than the two cities that the edition in `lang` lists beside one of
        them ("chongqing", "天津", "난징"): in a ranking, where the article names cities."""
        if lang not in self._places_listed and lang in self.editions:
            # Read at the first question in `lang`, with its word list only ("지난" is "last").
            self._places_listed[lang] = listed_places(self.editions[lang].text, lang)
        return self._places_listed.get(lang, frozenset())

    @cached_property
    def _places_listed(self) -> dict[str, frozenset[str]]:
        return {}

    def _writes_city(self, name: str) -> bool:
        """Whether an edition writes one of the names of the city `name` names (bot.gazetteer)."""
        city = city_named(name)
        return city is not None and any(
            edition.holds(Term(other, "name", (fold(other),)))
            for other in names_of(city)
            for lang, edition in self.editions.items()
            if writes_script(lang, other)
        )

    def _writes(self, concept: str) -> bool:
        """Whether an edition writes one of the names of `concept` (target.ALIASES)."""
        return concept in self._concepts

    @cached_property
    def _concepts(self) -> frozenset[str]:
        """The concepts of target.ALIASES the editions name, read once."""
        return frozenset(
            concept for concept, names in ALIASES.items()
            if any(has_name(e.text, name) for name in names for e in self.editions.values())
        )  # fmt: skip

    def _portable(self, term: Term, lang: str) -> bool:
        """Whether an edition would spell a Latin-script name as the question does: not when
        the question's language writes it much more often than every edition's language does
        ("Tokio", "Peking"), nor a short acronym in a Latin-script question, often an
        abbreviation of the language's own (KI, IA, PIB for AI and GDP)."""
        words = term.surface.replace("-", " ").split()
        if lang in LATIN_LANGS and term.surface.isupper() and len(term.surface) <= 3:
            return False
        return all(
            zipf(word, lang) <= max(zipf(word, e) for e in self.editions) + LOCAL_MARGIN
            for word in words
        )
