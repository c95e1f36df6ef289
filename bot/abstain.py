"""Decide when the evidence is too weak to answer: a small logistic model over retrieval signals.

A raw similarity threshold does not separate unanswerable questions (their top scores overlap
the answerable ones), so the model also reads how far the best sentence stands out from the
rest, how many of the question's words it holds, and how clearly the best passage wins.
Its weights are fitted on the dev split by `bot eval --calibrate` (bot.calibration) and saved
in abstain.json, one model per embedder (cosines of different models live in different bands).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bot.attributes import asks_a_target
from bot.coverage import Vocabulary
from bot.errors import BotError
from bot.fit import Fit, check
from bot.gazetteer import another_city, names_a_city
from bot.keyterms import key_terms
from bot.stated import Reading
from bot.target import PLACES, concepts, places
from bot.term import Term
from bot.whether import asks_whether

if TYPE_CHECKING:
    from bot.retrieve import Retrieval

MODEL_FILE = Path(__file__).with_name("abstain.json")
FEATURES = (
    "sentence_top", "standout", "passage_top", "passage_margin", "overlap", "lexical",
    "above_background", "names_found", "words_found", "answer_stated", "value_bound", "names_near",
)  # fmt: skip
# What `features` gives: the model's signals, and two that refuse on their own (Decision).
SIGNALS = (*FEATURES, "places_found", "date_stated")
# Below even odds that the best sentence answers, an answer says it may not (eval: "unsure").
EVEN_ODDS = 0.5
# Acronyms this short are often written out where the answer is ("IA" → "intelligence
# artificielle", "HTC" → "il"): the names_near check skips them.
SHORT_ACRONYM = 3


@dataclass(frozen=True)
class Terms:
    """The question's key terms (bot.keyterms), those the corpus could be checked for, and
    those it lacks: surface forms, as the reader wrote them."""

    found: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    missing_names: int = 0  # names and numbers among `missing`
    checked_names: int = 0
    missing_words: int = 0
    checked_words: int = 0
    # Names the corpus writes, and those of them missing around the best sentence (its passage,
    # heading and the passage before): "Shanghai" asked, a passage about Beijing found.
    near_names: int = 0
    missing_near: int = 0
    # Cities among `missing` (bot.gazetteer), "Hong Kong", and the names a yes-or-no question
    # asks of ("华为入选…了吗？": bot.whether); among `found`, "重庆" (bot.binding).
    missing_places: tuple[str, ...] = ()
    found_places: tuple[str, ...] = ()


def looked_up(vocabulary: Vocabulary, terms: Sequence[Term], lang: str) -> list[tuple[Term, bool]]:
    """Each of `terms` (in `lang`) the corpus can be checked for, with whether it writes it; a
    goal word it does not write ("ambitions", "visent", "aspiran") is left out: it asks the
    article's goals, which it states in its own words ("construire", "d'ici 2025")."""
    return [
        (term, holds)
        for term, holds in vocabulary.check(terms, lang)
        if holds or not asks_a_target(term.surface)
    ]


def check_terms(
    question: str, lang: str, vocabulary: Vocabulary, reading: Reading | None = None
) -> Terms:
    """The key terms of `question` (in `lang`), which of them the corpus lacks, and which of
    the names it writes are missing around `reading`, the best sentence."""
    checked = looked_up(vocabulary, key_terms(question, lang), lang)
    names = [holds for t, holds in checked if t.kind != "word"]
    words = [holds for t, holds in checked if t.kind == "word"]
    # The article's country is named around none of its figures: it says "the country", "全国".
    # A name only another edition writes ("Varias medidas" in a Portuguese question, where its
    # edition writes "Diversas Medidas") cannot be looked for around the sentence read.
    own = vocabulary.editions.get(lang)
    # A question naming both cities asks of both ("Compare … Shanghai … and Beijing …"): the one
    # sentence read names one of them.
    both = set(PLACES) <= places(question)
    written = [
        t for t, holds in checked
        if holds and t.kind == "name" and not _acronym(t) and not _names_country(t)
        and (own is None or own.holds(t)) and not (both and places(t.surface))
    ]  # fmt: skip
    near = _near(written, lang, reading) if reading and written else ()
    lost, whether = [t for t, holds in checked if not holds], asks_whether(question, lang)
    return Terms(
        found=tuple(t.surface for t, holds in checked if holds),
        # Names and numbers first: a refusal names those when it can (bot.answer).
        missing=tuple(t.surface for t in sorted(lost, key=lambda t: t.kind == "word")),
        missing_names=names.count(False),
        checked_names=len(names),
        missing_words=words.count(False),
        checked_words=len(words),
        near_names=len(near),
        missing_near=sum(not holds for _, holds in near),
        missing_places=tuple(
            t.surface for t in lost if names_a_city(t.surface, lang) or whether and t.kind == "name"
        ),
        found_places=tuple(
            t.surface for t, holds in checked if holds and another_city(t.surface, lang)
        ),
    )


def _near(names: list[Term], lang: str, reading: Reading) -> tuple[tuple[Term, bool], ...]:
    """`names` with whether the context of `reading` writes them, in any of its editions."""
    texts = [text for text, _ in reading.context]
    return Vocabulary.build(texts, [edition for _, edition in reading.context]).check(names, lang)


def _names_country(term: Term) -> bool:
    return "china" in concepts(term.surface.casefold())


def _acronym(term: Term) -> bool:
    return term.surface.isupper() and len(term.surface) <= SHORT_ACRONYM


def assess(
    question: str,
    retrieval: Retrieval,
    vocabulary: Vocabulary,
    overlap: float,
    reading: Reading | None,
) -> tuple[dict[str, float], Terms, Fit]:
    """What the abstention model reads about `question`: its signals, its key terms and how the
    best sentence (`reading`) fits what it asks; `overlap` is the share of the question's words
    that sentence holds."""
    terms = check_terms(question, retrieval.lang, vocabulary, reading)
    if reading is None:
        return features(retrieval, overlap, terms), terms, Fit()
    how = check(question, reading, vocabulary.places_listed(reading.lang) | set(terms.found_places))
    return features(retrieval, overlap, terms, how), terms, how


def features(
    retrieval: Retrieval, overlap: float, terms: Terms, how: Fit | None = None
) -> dict[str, float]:
    """The signals the abstention model reads, each roughly in [0, 1] or a small range;
    `overlap` is the share of the question's words the best sentence holds."""
    spread = retrieval.sentence_std or 1e-6
    how = how or Fit()
    return {
        "sentence_top": retrieval.sentence_top,
        "standout": (retrieval.sentence_top - retrieval.sentence_mean) / spread,
        "passage_top": retrieval.passage_top,
        "passage_margin": retrieval.passage_margin,
        "overlap": overlap,
        "lexical": math.log1p(retrieval.lexical_top),
        # How much closer the corpus is than everyday sentences on other topics. Raw cosines
        # shift with the question's language; this difference does not, and an off-topic
        # question ("a recipe for ratatouille?") finds its match in the background instead.
        "above_background": retrieval.sentence_top - retrieval.background_top,
        # Shares of the question's checkable key terms the corpus holds (1 when none could be
        # checked): a name or number the article never writes ("Tokyo", "2031") is strong
        # evidence that it does not answer; a missing word is weaker (paraphrase).
        "names_found": 1 - terms.missing_names / max(terms.checked_names, 1),
        "words_found": 1 - terms.missing_words / max(terms.checked_words, 1),
        # What the question asks (bot.asked): "how many" and a sentence without a figure, a
        # figure bound to the other city, a city asked and a passage about another.
        "answer_stated": float(how.stated),
        "value_bound": float(how.bound),
        "names_near": 1 - terms.missing_near / max(terms.near_names, 1),
        # Not read by the model: a city the article never names refuses at any odds (Decision),
        # as does a date asked and none stated.
        "places_found": float(not terms.missing_places),
        "date_stated": float(not how.date_unstated),
    }


@dataclass(frozen=True)
class Decision:
    """Why bot answered or abstained: what `bot ask --explain` and `"explain": true` show."""

    probability: float  # P(answerable) by the model
    threshold: float  # below it, bot abstains
    signals: dict[str, float]
    terms: Terms
    calibrated: bool
    fit: Fit = Fit()

    @property
    def abstains(self) -> bool:
        """Below the threshold; or, for a calibrated model, the value found is bound to another
        city or year ("上海呢？" after Beijing's 34 universities: "北京拥有34所"), which an answer
        would give as the one asked, however likely the model finds it (dev, 388 questions: 26
        near misses so bound, no answerable question); or the question names a city the article
        never names ("… released in Hong Kong?": dev and test, 28 questions, none answerable),
        or asks yes or no of a name it never writes (10 questions, none answerable), or when, of
        a sentence stating no date (Fit.date_unstated: 53, none answerable, 3 let through)."""
        if self.calibrated and (self.terms.missing_places or self.fit.date_unstated):
            return True
        return self.probability < self.threshold or self.calibrated and not self.fit.bound

    @property
    def unsure(self) -> bool:
        """Answered, but more likely than not the article does not answer: a near miss ("How
        many unicorns does Shanghai have?" → its software companies) reads like a right answer
        unless the reply says so."""
        return self.calibrated and not self.abstains and self.probability < EVEN_ODDS


@dataclass(frozen=True)
class Abstainer:
    """Logistic model: answer when P(answerable) ≥ threshold."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    embedder: str
    calibrated: bool = True

    def probability(self, signals: dict[str, float]) -> float:
        """P(the question is answered by the best sentence)."""
        x = (np.array([signals[f] for f in FEATURES]) - self.mean) / self.scale
        return float(1 / (1 + np.exp(-(x @ np.array(self.weights) + self.bias))))

    def abstains(self, signals: dict[str, float]) -> bool:
        """True when the evidence is too weak to answer."""
        return self.probability(signals) < self.threshold

    def decide(self, signals: dict[str, float], terms: Terms, how: Fit | None = None) -> Decision:
        """Answer or abstain, with the reasons."""
        probability = self.probability(signals)
        return Decision(probability, self.threshold, signals, terms, self.calibrated, how or Fit())

    @classmethod
    def never(cls) -> Abstainer:
        """A model that always answers: the starting point for calibration."""
        zeros = tuple(0.0 for _ in FEATURES)
        return cls(zeros, 0.0, 0.0, zeros, tuple(1.0 for _ in FEATURES), "")

    @classmethod
    def background_rule(cls, embedder: str) -> Abstainer:
        """For an embedder nobody calibrated: cosines of another model live in another band, so
        only the one signal that compares the model with itself is read — abstain when an
        everyday sentence is closer to the question than anything in the corpus."""
        weights = tuple(float(f == "above_background") for f in FEATURES)
        zeros, ones = tuple(0.0 for _ in FEATURES), tuple(1.0 for _ in FEATURES)
        return cls(weights, 0.0, 0.5, zeros, ones, embedder, calibrated=False)

    def save(self, path: Path = MODEL_FILE) -> None:
        """Store this model under its embedder's id, keeping the models of other embedders."""
        models = _read_models(path) if path.is_file() else {}
        entry = {k: v for k, v in asdict(self).items() if k not in ("embedder", "calibrated")}
        models[self.embedder] = entry
        partial = path.with_name(path.name + ".tmp")
        partial.write_text(json.dumps(models, indent=2) + "\n", encoding="utf-8")
        partial.replace(path)

    @classmethod
    def load(cls, embedder: str, path: Path = MODEL_FILE) -> Abstainer:
        """The model calibrated for `embedder`, or the background rule when there is none."""
        entry = _read_models(path).get(embedder) if path.is_file() else None
        if entry is None:
            return cls.background_rule(embedder)
        try:
            model = cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()},
                        embedder=embedder)  # fmt: skip
        except (TypeError, AttributeError) as error:
            raise _unreadable(path, error) from None
        if len(model.weights) != len(FEATURES):
            raise _unreadable(path, f"fitted on {len(model.weights)} signals, not {len(FEATURES)}")
        return model


def _read_models(path: Path) -> dict[str, dict]:
    try:
        models = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise _unreadable(path, error) from None
    if not isinstance(models, dict):
        raise _unreadable(path, "not an object of models by embedder")
    return models


def _unreadable(path: Path, why: object) -> BotError:
    return BotError(
        f"Cannot read {path} ({why}): restore it with `git checkout -- bot/abstain.json`, "
        "or delete it and run `bot eval --calibrate`."
    )
