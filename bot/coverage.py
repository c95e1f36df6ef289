"""Which key terms of a question the corpus writes: its vocabulary, per edition language.

A question whose names, figures or rare words (bot.keyterms) the corpus never writes is about
something else. Each edition is asked in its own way (bot.edition_words); a term another
edition would spell alike, a city under another of its names (bot.gazetteer) or another name
of a city or subject the article writes is looked for everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from bot.abbreviations import spelled_out
from bot.commonness import LOCAL_MARGIN, is_common, zipf
from bot.edition_words import STEM_START_MIN, EditionWords
from bot.gazetteer import city_named, names_of, writes_script
from bot.keyterms import LATIN
from bot.lang import LATIN_LANGS
from bot.rankings import listed_places
from bot.target import ALIASES, concepts, has_name, without_names
from bot.term import Term, fold


@dataclass(frozen=True)
class Vocabulary:
    """The terms the corpus writes, per edition language, to tell which key terms it lacks."""

    editions: Mapping[str, EditionWords]

    @classmethod
    def build(cls, texts: Sequence[str], langs: Sequence[str]) -> Vocabulary:
        """The vocabulary of `texts`, each in the language of its edition."""
        by_lang: dict[str, list[str]] = {}
        for text, lang in zip(texts, langs, strict=True):
            by_lang.setdefault(lang, []).append(text)
        return cls({lang: EditionWords.build(group, lang) for lang, group in by_lang.items()})

    def to_json(self) -> dict:
        """The vocabulary as plain JSON values: built once with the index, read at load."""
        return {lang: edition.to_json() for lang, edition in self.editions.items()}

    @classmethod
    def from_json(cls, rows: Mapping) -> Vocabulary:
        return cls({lang: EditionWords.from_json(row, lang) for lang, row in rows.items()})

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
        # An abbreviation it spells out: "VP" where it writes "vice president".
        if term.kind == "name" and any(
            edition.holds(Term(post, "name", (fold(post),)))
            for post in spelled_out(term.surface)
            for edition in self.editions.values()
        ):
            return True
        # A city it writes under another name: "南京市" where the Japanese edition writes "南京",
        # "충칭시" where the Korean one writes "충칭".
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
