"""What a chat message asks (a summary, a summary about a subject, a comparison of the two cities,
small talk or a question), from its one query vector."""

from __future__ import annotations

import re

import numpy as np

from bot.about import names_subject, names_whole
from bot.asked import asks_quantity, expected
from bot.attributes import attributes_asked
from bot.closed_words import (
    asks_what_is_said,
    asks_which,
    asks_why,
    has_request_word,
    has_summary_verb,
    opens_with_thanks,
    points_at_text,
)
from bot.intent_examples import KINDS, IntentExamples
from bot.keyterms import LATIN, key_terms
from bot.lang import detect_lang
from bot.numbers import YEAR
from bot.rankings import asks_a_rank, not_the_two
from bot.target import (
    ALIASES,
    PLACES,
    compares,
    compares_explicitly,
    concepts,
    names_part,
    pattern,
    places,
)
from bot.term import Term
from bot.tokens import UNSPACED

# A summary of the article (or a part) and one about a subject are both summary requests: e5 puts
# "Résume l'article" and "Résume ce qu'il dit sur X" close, so their words tell which (a subject
# named after "sur", "about", "关于": bot.target.ABOUT), and the margin is read against the other
# kinds. A subject or a comparison taken for a question still gets cited sentences on it: they
# win on less. Chosen like MARGIN, by cross-validation on the examples.
SUMMARIES = ("summary", "subject")
MARGINS = {"subject": 0.0, "comparison": 0.2}
# Small talk is short: "Thanks, that's very clear." Longer messages ask something.
SMALLTALK_MAX_WORDS = 12
SMALLTALK_MAX_CJK = 20

_QUESTION_MARK = re.compile(r"[?？؟]\s*$")
# Clauses: a comma, a semicolon or a sentence's end, in every script.
_CLAUSES = re.compile(r"[,;，；、،؛。]|\.\s")
# How far apart the two cities of a pair are named: two words ("Pékin et de Shanghai"), or two
# characters in Chinese and Japanese ("北京和上海", "北京と上海"); five words joined by "and" or
# "or" ("in Peking und wie viele in Shanghai").
PAIR_GAP_WORDS, PAIR_GAP_CHARS, JOINED_GAP_WORDS = 2, 2, 5
_AND_OR = re.compile(
    r"\b(?:and|or|et|ou|y|o|e|und|oder|bzw|и|или|أو)\b|(?<!\w)و|[和与及或]", re.IGNORECASE
)
# A subject, then a colon or a dash, then what is asked about it: "Allgemeine KI: welche neuen
# Wege…?", "near-eye displays - what's the plan there?".
_TOPIC_FIRST = re.compile(r"([^:：—–?？؟]{3,60}?)(?:\s*[:：—–]|\s-)\s+\S")


def classify(text: str, vector: np.ndarray, examples: IntentExamples) -> str:
    """What the message asks (one of KINDS), from its text and vector."""
    # `vector` must be the query vector of `text` alone. A follow-up joined to the previous
    # question ("Merci bien ! Combien de …") embeds as a question and small talk is lost.
    exact = examples.kind_of(text)
    if exact:
        return exact
    if _thanks_only(text):
        return "smalltalk"
    scores = examples.scores(vector)
    if not _may_be_smalltalk(text):
        scores[KINDS.index("smalltalk")] = -np.inf
    # A ranking, other cities, or a figure or place of one city ("What share … is in Shanghai?",
    # "Quelle place occupe Shanghai parmi les clusters… ?", "上海には…21社あるそうですが、北京には
    # 何社？"): no pair.
    cities = places(_asking_clause(text))
    one = len(cities) == 1 and (asks_quantity(text) or asks_a_rank(text))
    # "How many Shanghai companies are among the Beijing programme's partners?" counts one
    # thing: no pair of cities side by side, no comparison word.
    apart = asks_quantity(text) and "comparison" not in concepts(text.casefold())
    # "Why measure a city by its software companies?" asks a reason, not the two side by side.
    why = asks_why(text)
    if not compares(text) or not_the_two(text) or one or why or apart and not names_a_pair(text):
        scores[KINDS.index("comparison")] = -np.inf
    best = int(np.argmax(scores))
    kind = KINDS[best]
    if kind != "smalltalk" and compares_explicitly(text):
        return "comparison"
    # "How many measures…?" asks for a figure: never a summary, never small talk; "Beijing vs
    # Shanghai: how many core AI companies?" may still compare the two.
    if asks_quantity(text) and kind != "comparison":
        return "question"
    if kind != "smalltalk" and has_summary_verb(text):
        # "Fasse den Teil über Shanghai zusammen", "北京的政策总结一下": a summary asked in so many
        # words, of the part or the subject it names, whatever e5 makes of the rest.
        kind = max(SUMMARIES, key=lambda k: scores[KINDS.index(k)])
        subject = names_subject(text) or kind == "subject" and not names_whole(text)
        return "subject" if subject else "summary"
    rivals = [
        score
        for other, score in zip(KINDS, scores, strict=True)
        if other != kind and not (kind in SUMMARIES and other in SUMMARIES)
    ]
    # "北京那份《若干措施》主要围绕哪五个方面展开？": which ones, asked directly, whatever e5 makes
    # of it; other plain questions e5 puts among summary requests stay there (a summary asked
    # without a verb: "Die wichtigsten Punkte?").
    if kind == "subject" and _asks_directly(text) or kind == "summary" and _which_asked(text):
        kind = "question"
    if kind in SUMMARIES and _counts_something(text):
        kind = "question"  # "…16개 핵심 과제를 제시한 다섯 가지 방향을 알려주세요": those five
    if kind in SUMMARIES:
        subject = names_subject(text) or kind == "subject" and not names_whole(text)
        kind = "subject" if subject else "summary"
    if scores[best] - max(rivals) < MARGINS.get(kind, examples.margin):
        kind = "question"  # unsure, even between summary and small talk
    if kind == "question" and asks_what_the_text_says(text):
        # "What does the article say?" names nothing but the text: the article's summary.
        names = names_subject(text) or not names_whole(text) and bool(_terms(text))
        return "subject" if names else "summary"
    if kind == "smalltalk" and _names_something(text):
        return "question"
    return kind


def _asking_clause(text: str) -> str:
    """The clause of `text` that asks, when an earlier one names what the reader knows
    ("上海には国産CPU関連企業が21社あるそうですが、北京には何社ありますか。"): its last clause
    naming a city, else the whole message."""
    naming = [clause for clause in _CLAUSES.split(text) if places(clause)]
    return naming[-1] if naming else text


def names_a_pair(text: str) -> bool:
    """Whether `text` names the two cities as a pair: next to each other, PAIR_GAP_WORDS words
    apart at most ("Beijing and Shanghai", "Пекин или Шанхай", "北京和上海", "베이징과 상하이"),
    or joined by "and" or "or" a few words apart."""
    message = text.casefold()
    spans = {
        city: [m.span() for name in ALIASES[city] for m in re.finditer(pattern(name), message)]
        for city in PLACES
    }
    for start, end in spans[PLACES[0]]:
        for other_start, other_end in spans[PLACES[1]]:
            gap = message[end:other_start] if end <= other_start else message[other_end:start]
            gap = re.sub(r"^\w*", "", gap)  # the rest of a name's word ("peking's", "베이징과")
            words = len(gap.split())
            if words <= JOINED_GAP_WORDS and _AND_OR.search(gap):
                return True
            if words <= PAIR_GAP_WORDS and (
                not UNSPACED.search(gap) or len(gap.strip()) <= PAIR_GAP_CHARS
            ):
                return True
    return False


def asks_explicitly(text: str) -> bool:
    """Whether a message asks for a summary or a comparison in so many words: a summary verb
    ("Résume…", "요약해"), what the text says on a subject ("¿Qué dice el artículo sobre…?"),
    or a comparison word ("Compare…", "vs", "对比")."""
    return (
        has_summary_verb(text)
        or points_at_text(text)
        and names_subject(text)
        or "comparison" in concepts(text.casefold())
    )


def asks_what_the_text_says(text: str) -> bool:
    """Whether a message points at the text ("Is Meta mentioned?", "文中提到的黄昭颖", "Что в
    статье про AIGC?"; not to ask which one: "Which Apple device does the article cite?"), asks
    what is said ("cosa dice sui dati?") or names its subject before
    asking ("Digitale Industrialisierung – was steht dazu drin?"), and asks for no one
    fact: no quantity, date or person (bot.asked), no attribute ("この記事のデータを出している
    零壹智庫って、本部はどこ…？": bot.attributes), no reason, no comparison of the two cities.
    e5 puts such messages among the questions; they ask what the article says on a subject."""
    return (
        (
            (points_at_text(text) or asks_what_is_said(text))
            and not _which_one(text)
            # "Chronologie : quelles dates sont mentionnées… ?"; not "Allgemeine KI: welche
            # neuen Wege will Peking gehen?", which asks which ones.
            or _names_topic_first(text)
            and (not _which_one(text) or points_at_text(text))
        )
        and not asks_why(text)
        and expected(text) is None
        and not attributes_asked(text)
        and not compares(text)
    )


def _names_topic_first(text: str) -> bool:
    """Whether a message opens with a subject it then asks about ("Allgemeine KI: welche…?");
    not with a greeting or thanks ("Bonjour : …", "Merci : …"), which names nothing."""
    topic = _TOPIC_FIRST.match(text)
    return topic is not None and bool(_terms(topic[1]))


def _asks_directly(text: str) -> bool:
    """Whether a message e5 puts among the summary requests is a plain question: it ends with a
    question mark, asks for no summary ("summarise", "总结": closed_words.REQUEST_WORDS), does not
    point at the text unless it asks which one ("Qual foi o primeiro dispositivo …, segundo o
    texto?") and has no subject or whole after an about-word ("Which industrial base
    does Shanghai have…?", "Quali tipi di grandi modelli…?", "哪几类大模型…？"; not "What does the
    article say about Web3?", "What about computing power?", "Worum geht es?")."""
    return (
        _QUESTION_MARK.search(text) is not None
        and (not has_request_word(text) and not points_at_text(text) or _which_one(text))
        and not names_subject(text)
        and not names_whole(text)
    )


def _counts_something(text: str) -> bool:
    """Whether a message gives a count (not a year, a code such as "Web3", nor a part's
    number): a summary request names a subject, not how many of something."""
    numbered = any(t.kind == "number" and not YEAR.fullmatch(t.surface) for t in _terms(text))
    return numbered and not names_part(text.casefold())


def _which_asked(text: str) -> bool:
    """Whether a message asks directly (`_asks_directly`) which ones (`_which_one`), not
    pointing at the text: "¿Cuál es la idea general del texto?" asks its summary."""
    return _asks_directly(text) and _which_one(text) and not points_at_text(text)


def _which_one(text: str) -> bool:
    """Whether a message asks which one, naming no summary nor the whole: "Which Apple device is
    mentioned in the article?", "Qual foi o primeiro dispositivo …, segundo o texto?"; not "Quel
    est le résumé de l'article ?"."""
    return asks_which(text) and not has_summary_verb(text) and not names_whole(text)


def _thanks_only(text: str) -> bool:
    """Whether a message thanks and asks nothing: "Thanks for the summary!", "要約ありがとう" (e5
    puts them among the summary requests); not "Merci ! Résume la partie sur Shanghai", nor a
    question after the thanks."""
    return (
        opens_with_thanks(text)
        and _may_be_smalltalk(text)
        and not has_summary_verb(text)
        and _QUESTION_MARK.search(text) is None
    )


def _may_be_smalltalk(text: str) -> bool:
    """False when the message is long, holds a number or names what the article is about."""
    if any(char.isdigit() for char in text):
        return False
    if len(re.findall(r"\w+", text)) > SMALLTALK_MAX_WORDS:
        return False
    if len(UNSPACED.findall(text)) > SMALLTALK_MAX_CJK:
        return False
    # A message naming a city or the metaverse ("Háblame del metaverso") is never small talk
    # (not "ai": Portuguese "ia" is also "was going").
    return not concepts(text.casefold()) & {*PLACES, "metaverse"}


def _names_something(text: str) -> bool:
    """Whether the message holds a name in Latin script: "Parle-moi de Shenzhen", "Tell me about
    HTC" ask about it. (In Chinese and Japanese small talk, "多谢" and "バイバイ" read as names.)"""
    return any(term.kind == "name" and LATIN.search(term.surface) for term in _terms(text))


def _terms(text: str) -> tuple[Term, ...]:
    """The message's key terms (names, numbers, rare words; bot.keyterms)."""
    return key_terms(text, detect_lang(text))
