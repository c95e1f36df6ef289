"""Resolve short follow-up questions ("And Shanghai?") against the conversation so far, and what a
follow-up to a summary or a comparison asks ("Y sobre los datos?")."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.asked import asks_quantity, expected
from bot.intent import asks_explicitly
from bot.lang import detect_lang
from bot.numbers import YEAR
from bot.target import ALIASES, pattern, places
from bot.tokens import UNSPACED, tokenize

# Openers that mark a question as continuing the previous one, in the languages bot speaks.
_CONTINUATIONS = re.compile(
    r"^\s*(and|what about|how about|et|et pour|quid de|y|¿y|e|und|was ist mit|а|и|"
    r"و|그럼|그리고)(\s|[,，、]|$)"
    r"|^\s*و(ما|من|كم|هل|ماذا|أين|متى|لماذا|كيف)"
    r"|^\s*(那|还有|而|それ|では|じゃあ)",
    re.IGNORECASE,
)
# Pronouns that point back to something named earlier.
_BACK_REFERENCES = re.compile(
    r"\b(it|its|they|them|this|that|those|il|elle|ils|elles|lui|leur|ce|cette|"
    r"celui|celle|ello|él|ella|ellos|sie|ihr|его|её|их|он|она|они|это|그건|그거|그것\w*)\b"
    r"|它|他们|这个|这么|其|それ|彼",
    re.IGNORECASE,
)
_SHORT_WORDS, _SHORT_CJK, _REFERRING_WORDS = 4, 4, 12
# A year with what Chinese, Japanese and Korean write after it ("2021年呢", "2022년에는요").
_YEAR_WORD = re.compile(YEAR.pattern + r"(?:\s*[年년][^\s?？!！]*)?")
_WORD_END = re.compile(r"[^\W\d_\u3040-\u30ff\u3400-\u9fff]*")
# As much of the previous question as a question may hold (bot.schema.MAX_QUESTION): a client
# can send any history, and what is searched must stay bounded.
MAX_PREVIOUS = 2000
# The kinds that ask for more than one fact: a follow-up to one may ask the same (follow_up_kind).
REQUESTS = ("summary", "subject", "comparison")
# How many messages' kinds a server remembers for their follow-ups (Remembered).
REMEMBERED = 4096


@dataclass(frozen=True)
class Turn:
    """One message of the conversation."""

    role: str
    content: str


def is_follow_up(question: str) -> bool:
    """True for elliptical questions that only make sense after the previous one."""
    words = re.findall(r"\w+", question)
    # Chinese and Japanese have no spaces: count characters. Korean spaces its words.
    cjk = UNSPACED.findall(question)
    short = len(words) <= _SHORT_WORDS if not cjk else len(cjk) <= _SHORT_CJK
    # A pronoun pointing back makes a question a follow-up at any ordinary length.
    refers_back = len(words) <= _REFERRING_WORDS and bool(_BACK_REFERENCES.search(question))
    return bool(_CONTINUATIONS.search(question)) or refers_back or (short and len(words) <= 2)


def resolve(question: str, history: Sequence[Turn]) -> str:
    """The question a follow-up that names only the other city, or only a year, asks: "Et
    Shanghai ?" after "Combien d'entreprises d'IA compte Pékin ?" asks "Combien d'entreprises
    d'IA compte Shanghai ?", "Und Ende 2021?" after "… im Oktober 2022?" asks "… im Oktober
    2021?"; each reads and is checked as any question (bot.asked binds its figure to Shanghai,
    or to 2021). Any other message is returned as it is."""
    previous = continued(history)
    if not previous or not is_follow_up(question):
        return question
    year = _only_a_year(question)
    if year:
        years = list(YEAR.finditer(previous))
        if not years:
            return f"{previous.rstrip(' ?？')} ({year})?"
        last = years[-1]
        return previous[: last.start()] + year + previous[last.end() :]
    before, asked = places(previous), places(question)
    if len(asked) != 1 or len(before) != 1 or asked == before:
        return question
    (city,) = asked
    found = [m for name in ALIASES[city] for m in re.finditer(pattern(name), question, re.I)]
    if not found:  # named only once casefolded ("SCHANGHAI")
        return question
    # A stem's word ends where its letters do ("Шанхае", "상하이는"); an unspaced one where it ends.
    end = found[0].end() + len(_WORD_END.match(question, found[0].end()).group())
    rest = _CONTINUATIONS.sub(" ", question[: found[0].start()] + " " + question[end:])
    if len(re.findall(r"\w+", rest)) > 1 or len(UNSPACED.findall(rest)) > 2:
        return question  # it asks something more ("Et à Shanghai, combien d'universités ?")
    (other,) = before
    swapped = previous
    for name in ALIASES[other]:
        swapped = re.sub(pattern(name), lambda _: found[0].group(), swapped, flags=re.I)
    return swapped


def _only_a_year(question: str) -> str | None:
    """The year a follow-up names when it names nothing else ("Und Ende 2021?", "2022년에는요?",
    "And in 2022?"): one word at most beside it, past the continuation ("und", "and")."""
    years = YEAR.findall(question)
    if len(years) != 1 or places(question):
        return None
    rest = _CONTINUATIONS.sub(" ", _YEAR_WORD.sub(" ", question))
    if len(re.findall(r"\w+", rest)) > 1 or UNSPACED.findall(rest):
        return None
    return years[0]


def search_text(question: str, history: Sequence[Turn]) -> str:
    """The text to search for: the question, joined to the question it continues when
    elliptical."""
    previous = continued(history)
    if not previous or not is_follow_up(question):
        return question
    return f"{question} {previous}"


def continued(history: Sequence[Turn]) -> str:
    """The question a follow-up continues: the last user question that was not one itself
    ("And in China?" after "And Shanghai?" continues "How many models has Beijing released?"),
    else the last user message; "" when there is none."""
    asked = [t.content[:MAX_PREVIOUS] for t in history if t.role == "user" and t.content.strip()]
    return next((q for q in reversed(asked) if not is_follow_up(q)), asked[-1] if asked else "")


def reader_lang(question: str, history: Sequence[Turn]) -> str:
    """The language to reply to `question` in: its own, or the conversation's when it is too
    short to tell ("E Pechino?" after an Italian question)."""
    previous = continued(history)
    return detect_lang(question, detect_lang(previous) if previous else "en")


def previous_answer(question: str, history: Sequence[Turn]) -> str:
    """The last reply when `question` follows up on it ("And Shanghai?" asks the same about
    another subject: that reply's sentences are not its answer), else ""."""
    replies = [t.content for t in history if t.role == "assistant" and t.content.strip()]
    if not replies or search_text(question, history) == question:
        return ""
    return replies[-1][:MAX_PREVIOUS]


def what_is_asked(question: str, history: Sequence[Turn]) -> tuple[str, str]:
    """What `question` asks, and the reply whose sentences are not its answer (see
    `previous_answer`). "Et Shanghai ?" after "Combien … Pékin ?" asks "Combien … Shanghai ?": the
    figure must be Shanghai's (bot.asked), and when the one just given is still the closest,
    the article gives it for Pékin alone, so that reply's sentences stay candidates."""
    asked = resolve(question, history)
    if asked != question:
        return asked, ""
    said = previous_answer(question, history)
    return asked, "" if _writes_what_is_new(question, continued(history), said) else said


def _writes_what_is_new(question: str, previous: str, reply: str) -> bool:
    """Whether `reply` writes a word `question` asks and the question before it did not: "¿Y
    cuántos en total en China?" after "¿Cuántos modelos tiene Pekín?" is answered by the same
    sentence ("en China… al menos 79 modelos, Pekín 38"), "And Shenzhen?" after Shanghai's
    figure is not."""
    langs = (detect_lang(question),)
    new = set(tokenize(question, langs)) - set(tokenize(previous, langs))
    return bool(new & set(tokenize(reply, langs)))


def follow_up_kind(question: str, kind: str, previous: str, kind_of: Callable[[str], str]) -> str:
    """What a follow-up `question` asks, of `kind` by its own words, after the message it
    continues (`previous`; `kind_of` gives what that asked): a fragment that asks no fact itself
    ("Y sobre los datos?", "Et Shanghai ?", "那小巨人企业呢？") after a summary or comparison
    asked in so many words asks for the same on its own subject. After a question the
    classifier took for a request ("Which cities lead for…?" reads as a comparison), it stays a
    question."""
    if (
        kind == "question"
        and asks_explicitly(previous)
        and expected(question) is None
        and not asks_quantity(question)
        and (prior := kind_of(previous)) in REQUESTS
    ):
        return prior
    return kind


class Remembered:
    """What the last `size` messages asked (text → one of bot.intent_examples.KINDS): a follow-up
    knows what the message it continues asked without embedding it again."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self._kinds: OrderedDict[str, str] = OrderedDict()
        self._size = size

    def get(self, message: str) -> str | None:
        return self._kinds.get(message)

    def add(self, message: str, kind: str) -> None:
        self._kinds[message] = kind
        while len(self._kinds) > self._size:
            self._kinds.popitem(last=False)
