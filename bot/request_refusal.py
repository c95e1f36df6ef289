"""When a summary or comparison request is refused: the corpus says nothing of what it names.

The answer path's model (bot.abstain) is fitted on questions, which ask for one fact; a request
for what the corpus says on a subject, or for a comparison, asks for what there is. Its doubt
counts here only beside a sign that the subject is not the corpus's.
"""

from __future__ import annotations

from bot.about import about_object, names_text
from bot.abstain import EVEN_ODDS, Decision, looked_up
from bot.asked import expected
from bot.attributes import attributes_asked, names_attribute
from bot.coverage import Vocabulary
from bot.keyterms import key_terms
from bot.target import CITY_WORDS, has_name

# What a comparison is on, the article must write: there everyday words count too ("airports",
# "winter", "tourists"), all but those of the 1,000 commonest word families of the request's
# language ("compare", "more", "city"). Dev split of eval/subject_summaries.jsonl: 13 of 24
# unanswerable comparisons refused (5 before), none of 46 answerable ones.
MEASURE_COMMON = 1000
# Words of a comparison's measure the article writes that make the rest paraphrase, at least.
HELD_WORDS = 2
# What a subject request is about ("sur le football"), likewise, but for the function words of
# the commonest families ("the", "le").
SUBJECT_COMMON = 50


def says_nothing_about(decision: Decision, request: str, comparison: bool = False) -> bool:
    """Whether the corpus says nothing about what a summary or comparison `request` names.
    The model is fitted on questions, which ask for one fact ("how many…?" and a sentence with no
    figure); a request for what the corpus says on a subject, or a comparison, asks for what
    there is. So for those its refusal is believed only when the request also names something
    the corpus never writes (a name, or most of its words: "Quantencomputing", "drones"),
    or when everyday sentences are closer to it than anything in the corpus. A message taken for
    a subject request that asks for a quantity, a date or a person ("Welchen Marktanteil sollen
    KI-Chips erreichen?") is a question: the model decides."""
    if not comparison and expected(request) is not None:
        return decision.abstains
    terms = decision.terms
    # Some words of several the corpus does not write are paraphrase ("la régulation et la
    # supervision", where it writes "supervision"); most of them, another subject.
    unknown = terms.missing_names > 0 or 2 * terms.missing_words > terms.checked_words
    return decision.abstains and (unknown or decision.signals["above_background"] < 0)


def measure_missing(
    measure: str, lang: str, vocabulary: Vocabulary, decision: Decision
) -> tuple[str, ...]:
    """The words of what a comparison is on (`measure`, in `lang`: bot.compare.measure_text)
    that the corpus never writes, when they are most of two or more and fewer than HELD_WORDS
    others are written ("aeropuertos internacionales", "PM2.5 농도"), or its one word and the
    model (`decision`, on the whole request) doubts it more than it believes it ("museums");
    () otherwise."""
    # "Which city" frames the comparison; it is not what it is on ("哪个城市…游客更多？").
    terms = [t for t in key_terms(measure, lang, MEASURE_COMMON) if not _city_word(t.surface)]
    checked = looked_up(vocabulary, terms, lang)
    missing = tuple(term.surface for term, holds in checked if not holds)
    if len(checked) == 1:
        # One word alone may be a paraphrase ("ambições", where the article speaks of goals):
        # refused when the model finds the request less likely answerable than not (dev: 4 of 4
        # such unanswerable comparisons, the 1 answerable kept).
        return missing if decision.probability < EVEN_ODDS else ()
    # Two words the article writes ("政策", "具体的" beside "両市の施策の中身") say the request is
    # on its subjects, the others are the reader's paraphrase (dev: 2 of 3 answerable
    # comparisons so refused now answered, no unanswerable one more). Figures count for
    # nothing ("PM2.5").
    held = [t for t, holds in checked if holds and not any(c.isdigit() for c in t.surface)]
    if len(held) >= HELD_WORDS:
        return ()
    return missing if 2 * len(missing) > len(checked) else ()


def attribute_unstated(request: str, sentences: list[str]) -> str | None:
    """The attribute a comparison `request` asks ("أيهما أكبر من حيث عدد السكان", "Which has
    more inhabitants?": a population, bot.attributes) that none of `sentences`, those chosen for
    it, names; None when it asks none or they name it. A size compared is a ranking's measure,
    named by its heading, not by the sentences ranking it ("Gesamtvolumen der Digitaltechnik")."""
    asked = (a for a in attributes_asked(request) if a != "scale")
    return next((a for a in asked if not any(names_attribute(a, s) for s in sentences)), None)


def _city_word(word: str) -> bool:
    """Whether `word` is a word for a city ("城市", "villes", "도시")."""
    return any(has_name(word.casefold(), city) for city in CITY_WORDS)


def unwritten_subject(
    decision: Decision, request: str, lang: str, vocabulary: Vocabulary
) -> tuple[str, ...]:
    """The words a subject request the model doubts (`decision`) is about, when the corpus
    mostly never writes them: "What does the article say about football?", "…about electric
    cars?" (everyday words, which the key-term check of questions leaves out); the words after
    the about word, all but the SUBJECT_COMMON commonest families of `lang`. () otherwise."""
    subject = about_object(request)
    if not decision.abstains or not subject:
        return ()
    # "記事はアリババについて…": the clause before a postposition may name the text too.
    named = [t for t in key_terms(subject, lang, SUBJECT_COMMON) if not names_text(t.surface)]
    checked = vocabulary.check(named, lang)
    missing = tuple(term.surface for term, holds in checked if not holds)
    return missing if 2 * len(missing) > len(checked) else ()
