"""A figure the question gives is its premise, not its answer, and a part is smaller than its
whole: "Quanti dei 38 grandi modelli pubblicati a Pechino sono multimodali?" is not answered by
the sentence stating the 38 (nor by its 79 in China), nor "上海のメタバース支援政策16件のうち、
区レベルは何件？" by the one counting 114 policies across the country."""

from __future__ import annotations

import re

from bot.asked import SENTENCE_DAY, Reading, expected
from bot.headings import unnumbered
from bot.numbers import PERCENTAGE, YEAR, numbers_written
from bot.term import CODE

# A part of a counted whole asked ("how many of the 38", "quanti dei 38", "wie viele der 38",
# "сколько из 38", "16件のうち", "38개 중", "38个大模型中有多少"): the whole's count is captured.
_PART_OF = re.compile(
    r"\b(?:how many|combien|cu[áa]nt[oa]s|quant[ie]|quant[oa]s|wie viele|сколько|كم)\s+"
    r"(?:of(?: the| these| its)?|out of(?: the)?|des|parmi (?:les|ces)|sur (?:les|ces)|"
    r"de (?:los|las|estos|estas)|entre (?:los|las|os|as)|dei|degli|delle|tra (?:i|le|gli)|"
    r"fra (?:i|le|gli)|dos|das|der|von den|unter den|из|من(?: بين)?(?: ال)?)\s*"
    r"(?:\w+['’]s\s+|\w+\s+)?(\d[\d,.\s]*)|"
    # One word may come between ("how many of China's 147…", "wie viele der landesweit 147…").
    # Fronted: "Of the 38 models, how many…", "Of Beijing's 1,048…", "De las 1.048 empresas…,
    # ¿cuántas…?". In Chinese, a place may come after the whole ("147所…中，上海有几所").
    r"(?:^|[¿¡]|\.\s)\s*(?:of|among|out of|des|parmi|sur|de|entre|dei|degli|delle|tra|fra|dos|"
    r"das|von|unter|из|من بين)\s+(?:the|these|les|ces|los|las|os|as|i|le|gli|den)?\s*"
    r"(?:\w+['’]s\s+)?(?:quelque\s+|some\s+|rund\s+)?(\d[\d,.]*)|"
    r"(\d[\d,.]*\s*[万萬]?)\s*(?:[件社個つ校所人家項本]|カ所)?(?:余り|以上|超)?\s*の?\s*(?:うち|中で|の中)|"
    r"(\d[\d,.]*)\s*(?:곳|개|건|명|개사)?\s*(?:가운데|중(?:에서)?)(?=\s|$)|"
    r"(\d[\d,.]*)\s*[个家所项件名位款]\S{0,12}?(?:之中|当中|中|里面|里)[，,]?\s*\S{0,6}?有?(?:多少|几)",
    re.IGNORECASE | re.MULTILINE,
)
# The kinds of answer given as a figure.
FIGURES = ("quantity", "share", "money")


def answers_nothing_asked(question: str, reading: Reading) -> bool:
    """Whether `question` asks a figure, and every figure `reading` states is one the question
    gives, or no smaller than the whole the question asks a part of (days, years and codes such
    as "TOP50" are no figures; nor is a sentence stating none)."""
    if expected(question) not in FIGURES:
        return False
    return bool(_given(question, reading.lang)) and not figures_left(
        question, reading.text, reading.lang
    )


def whole_unstated(question: str, reading: Reading) -> bool:
    """Whether `question` asks a part of a counted whole that neither `reading` nor its context
    (passage, heading, the passage before) states: "De las 1.048 empresas de Pekín, ¿cuántas se
    dedican a los grandes modelos?" is not answered by "…79 modelos, de los cuales 38 en Pekín",
    a part of another whole."""
    whole = _whole(question, reading.lang)
    if whole is None:
        return False
    texts = [(reading.text, reading.lang), *reading.context]
    return not any(whole in numbers_written(text, lang) for text, lang in texts)


def figures_left(question: str, text: str, lang: str) -> set[float]:
    """The figures `text` (in `lang`) states that `question` does not give, smaller than the
    whole it asks a part of, when it asks one."""
    given = _given(question, lang)
    # A percentage is no count ("1 048 entreprises, soit 29 % du total").
    text = PERCENTAGE.sub(" ", text) if expected(question) == "quantity" else text
    stated = set(numbers_written(_figures_of(unnumbered(text)), lang)) - given
    whole = _whole(question, lang)
    return stated if whole is None else {value for value in stated if value < whole}


def _given(question: str, lang: str) -> set[float]:
    """The figures `question` gives."""
    return set(numbers_written(_figures_of(question), lang))


def asks_a_part(question: str, lang: str) -> bool:
    """Whether `question` (in `lang`) asks a part of a counted whole ("how many of the 38")."""
    return _whole(question, lang) is not None


def _whole(question: str, lang: str) -> float | None:
    """The count of the whole `question` asks a part of, when it asks one."""
    match = _PART_OF.search(question)
    if not match:
        return None
    # A year is no count of a whole ("Von 2013 bis 2021, wie viele…?").
    counted = numbers_written(_figures_of(next(g for g in match.groups() if g)), lang)
    return max(counted) if counted else None


def _figures_of(text: str) -> str:
    """`text` without its days, years and codes ("le 28 mai 2023", "TOP50")."""
    return YEAR.sub(" ", CODE.sub(" ", SENTENCE_DAY.sub(" ", text)))
