"""What a sentence states: whether it is content (not a question, reference, caption or
fragment), and the checkable facts it carries (figures, quoted titles, names), weighed within its
scope. Summaries prefer sentences that carry facts."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.ingest import Passage
from bot.tokens import CJK

# Fact units at which a sentence's fact score saturates: a figure or title is one unit, a name
# half of one, each divided by the number of the scope's sentences that hold it.
FACT_CAP = 4.0
NAME_UNIT = 0.5
# The units a sentence's names add up to at most: a list of places is one fact, not ten.
NAMES_CAP = 1.0
# Fewer words than this (a CJK character counting as one) is a fragment, not a point.
MIN_WORDS = 5

_REFERENCE = re.compile(r"\s*\[\d+\]")
# "Figure 3 : …", "Fig. 2. …", "图3 …": a caption names a picture the text does not hold
# ("Table 1 shows that…", with no punctuation after the number, is a statement).
_CAPTION = re.compile(
    r"\s*(?:(?:figure|fig\.|tableau|table|graphique|gráfico|figura|tabla|abbildung|tabelle|"
    r"рисунок|рис\.|таблица|그림|(?:ال)?شكل|جدول)\s*\d+\s*[:.\-–—]|[图圖表図]\s*[0-9０-９]+)",
    re.IGNORECASE,
)
_SOURCE = re.compile(
    r"\s*(?:sources?(?: des données)?|fuente|quelle|источник|المصدر|来源|数据来源|資料來源)"
    r"\s*[:：]",
    re.IGNORECASE,
)
# "1 048", "5610,60", "38 %": one figure each (the percent sign kept, so "38" ≠ "38 %").
_NUMBER = re.compile(r"\d(?:[\d.,]|\s(?=\d{3}\b))*(?:\s?[%％])?")
# Numbers with a Chinese magnitude: "七万余", "一万三千", "30余万", "8万余" (a lone "一" is a word).
_CJK_NUMBER = re.compile(
    r"[\d〇零一二两三四五六七八九十百千万亿余多]*[十百千万亿][〇零一二两三四五六七八九十百千万亿余多]*"
)
_TITLE = re.compile(r"[\"«“„「『《]([^\"»”「」『』《》]{4,})[\"»”」』》]")
# A quotation that ends a sentence of its own is speech (an opinion), not a title.
_SPEECH_END = re.compile(r"[.!?。！？…]\s*$")
_NAME = re.compile(r"(?<=[\s(\"«“'’-])[A-ZÀ-ÞА-ЯЁ][\w'’-]+")
_WORD = re.compile(r"\w+")
# A sentence opening with a pronoun or a pointing word leans on the one before it: "Il a
# déclaré…", "He added…", "他表示…", "Cette politique…": alone, as a summary point, it names
# no one.
_REFERS_BACK = re.compile(
    r"\W*(?:il(?! (?:y a|n'y a|existe|convient|faut|s'agit|est|semble|reste)\b)|"
    r"(?:elle|ils|elles|ce|cet|cette|ces|cela|celui|celle|he|she|they|this|these|"
    r"those|él|ella|ellos|ellas|este|esta|estos|estas|er|sie|dies|diese|dieser|dieses|lui|"
    r"esso|essa|questo|questa|ele|ela|eles|elas|este|esta|он|она|оно|они|это|этот|эта|эти)\b"
    r"|(?:他|她|它|该|这)|此(?!外)|(?:彼|彼女|これ|この|それ|その)|(?:그는|그녀는|이는|이|그)\b|"
    r"(?:وأضاف|وقال|وأشار|هو|هي|هذا|هذه))",
    re.IGNORECASE,
)


# A sentence that is a quotation and nothing else ("\"Nous sommes très optimistes…\""): who speaks
# is said before it. How many sentences back a summary point looks for its speaker.
_BARE_QUOTE = re.compile(r"\s*[\"“«„「『][^\"“”«»„「」『』]+[\"”»」』]\s*")
SPEAKER_REACH = 4
# Someone named: two capitalised words in a row ("Huang Zhaoying", "Kong Rongdu").
_PERSON = re.compile(r"\b[A-ZÀ-ÞА-ЯЁ][\w'’-]+ [A-ZÀ-ÞА-ЯЁ][\w'’-]+")


def sentence_text(passage: Passage, n: int) -> str:
    """The text of sentence `n` of `passage`."""
    start, end = passage.sentences[n]
    return passage.text[start:end]


def is_content(passage: Passage, n: int) -> bool:
    """Whether sentence `n` states something: not a question, reference, caption or fragment."""
    if passage.heading:  # a title, not a point of the text (answers may still quote it)
        return False
    text = sentence_text(passage, n)
    # A reference entry may be split into several sentences: its first one marks them all.
    if _REFERENCE.match(sentence_text(passage, 0)):
        return False
    if _CAPTION.match(text) or _SOURCE.match(text) or is_question(text):
        return False
    return len(text.split()) + len(CJK.findall(text)) >= MIN_WORDS


def refers_back(sentence: str) -> bool:
    """Whether `sentence` opens by pointing to something named before it (see _REFERS_BACK)."""
    return _REFERS_BACK.match(sentence) is not None


def is_bare_quote(sentence: str) -> bool:
    """Whether `sentence` is a quotation and nothing else: it names no speaker."""
    return _BARE_QUOTE.fullmatch(sentence) is not None


def speaker_before(
    passages: Sequence[Passage], row: int, n: int, rows: set[int]
) -> tuple[int, int] | None:
    """The sentence before sentence `n` of passage `row`, within SPEAKER_REACH and the passages
    `rows`, that names someone and leans on nothing, no quotation itself: who speaks in
    a bare quotation ("Huang Zhaoying a déclaré…" three sentences before "\"Nous sommes…\"")."""
    for _ in range(SPEAKER_REACH):
        row, n = (row, n - 1) if n else (row - 1, len(passages[row - 1].sentences) - 1)
        if row not in rows or row < 0 or not is_content(passages[row], n):
            return None
        text = sentence_text(passages[row], n)
        if not is_bare_quote(text) and not refers_back(text) and _PERSON.search(text):
            return row, n
    return None


def is_question(sentence: str) -> bool:
    """A sentence that asks (a rhetorical question, a title in a reference list) states nothing:
    summaries skip it, and answers too, though e5 rates it close to any question."""
    last = max(sentence.rfind(mark) for mark in "?？؟")
    # Whatever follows the last question mark (closing quotes, an attribution) ends no statement.
    return last >= 0 and not any(stop in sentence[last:] for stop in ".。!！")


def fact_tokens(text: str, common: frozenset[str] = frozenset()) -> set[str]:
    """The checkable matter a sentence carries: numbers, percentages, quoted titles, and names
    (capitalised words, unless `common` holds them in lower case)."""
    numbers = {"#" + m for m in _CJK_NUMBER.findall(text) if len(m) >= 2}
    plain = _NUMBER.findall(_CJK_NUMBER.sub(" ", text))
    numbers |= {"#" + "".join(m.split()).strip(".,") for m in plain}
    titles = {"«" + " ".join(t.lower().split()) for t in _TITLE.findall(text) if _is_title(t)}
    names = {"@" + name for name in _NAME.findall(text) if name.lower() not in common}
    return numbers | titles | names


def _is_title(quoted: str) -> bool:
    # One word in quotes is emphasis; a quotation that ends a sentence is speech; one that
    # starts on punctuation is the gap between two quotations.
    return (
        (len(quoted.split()) >= 2 or len(CJK.findall(quoted)) >= 4)
        and quoted[0].isalnum()
        and not _SPEECH_END.search(quoted)
    )


class Facts:
    """The fact tokens of a scope's sentences, and what each is worth."""

    def __init__(self, texts: list[str]) -> None:
        # A capitalised word the scope also writes in lower case ("Le", "Plan") is no name.
        common = frozenset(w for t in texts for w in _WORD.findall(t) if w.islower())
        self.tokens = [fact_tokens(t, common) for t in texts]
        # A figure or name found in many sentences of the scope ("2021", the city the text is
        # about) is context, not a fact this sentence adds.
        spread: dict[str, int] = {}
        for found in self.tokens:
            for token in found:
                spread[token] = spread.get(token, 0) + 1
        self.units = {t: (NAME_UNIT if t[0] == "@" else 1.0) / n for t, n in spread.items()}

    def score(self, i: int, known: frozenset[str] | set[str] = frozenset()) -> float:
        """Sentence `i`'s fact score in [0, 1], counting only the tokens not `known` yet."""
        new = self.tokens[i] - known
        names = sum(self.units[t] for t in new if t[0] == "@")
        rest = sum(self.units[t] for t in new if t[0] != "@")
        return min(rest + min(names, NAMES_CAP), FACT_CAP) / FACT_CAP
