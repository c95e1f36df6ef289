"""A figure the question gives is its premise, not its answer, and a part is smaller than its
whole: "Quanti dei 38 grandi modelli pubblicati a Pechino sono multimodali?" is not answered by
the sentence stating the 38 (nor by its 79 in China), nor "上海のメタバース支援政策16件のうち、
区レベルは何件？" by the one counting 114 policies across the country. So are the names a
question gives: which ones of the 34 is not answered by "34 of them", nor the others besides two
by a sentence giving those two as its examples."""

from __future__ import annotations

import re

from bot.asked import expected
from bot.headings import unnumbered
from bot.numbers import PERCENTAGE, SENTENCE_DAY, YEAR, numbers_written, scaled
from bot.rankings import LIST_ITEMS, enumerates
from bot.stated import Reading
from bot.term import CODE, QUOTED_TITLE

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
    r"(\d[\d,.]*)\s*(?:곳|개|건|명|개사)?\s*(?:가운데|중(?:에서|에)?)(?=\s|$)|"
    r"(\d[\d,.]*)\s*[个家所项件名位款]\S{0,12}?(?:之中|当中|中|里面|里)[，,]?\s*\S{0,6}?有?(?:多少|几)",
    re.IGNORECASE | re.MULTILINE,
)
# The kinds of answer given as a figure.
FIGURES = ("quantity", "share", "money")
# Which ones are asked, by name ("Welche Hochschulen…?", "Как называются…?", "具体是哪些").
_WHICH_ONES = re.compile(
    r"\b(?:which|what (?:are|were)|names?|who (?:are|were)|list|quel(?:le)?s|lesquel(?:le)?s|"
    r"qui sont|nomme[zr]?|citez|d[ée]taill\w*|[ée]num[ée]r\w*|cu[aá]les|qu[eé]|qui[eé]nes|"
    r"c[oó]mo se llaman|welche\w*|wer sind|nenne\w*|wie hei(?:ß|ss)en|quali|quale|chi sono|"
    r"come si chiamano|elenca\w*|quais|qual|quem s[ãa]o|como se chamam|как(?:ие|ой|ая|ое|их)|"
    r"как называ\w*|что это за|назов\w*|перечисл\w*|кто|ما هي|ما أسماء|ما اسم|أي|من هم)\b|"
    r"哪些|哪几|哪个|哪家|是谁|都有谁|具体是|どこ|どの|どれ|何という|名前|어디|어떤|어느|무엇|"
    r"뭐|이름|누구",
    re.IGNORECASE,
)
# A count the question gives ("34", "1 048"): a list of members one could name is no longer
# than NAMED_AT_MOST ("more than 10,000 applications" counts no members).
_COUNT = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:[ \u202f.,]\d{3})+|\d+)(?![\d.,]?\d)")
NAMED_AT_MOST = 100
# A source asked ("어떤 자료에서", "which report", "出典"): a title names it.
_SOURCE = re.compile(
    r"\b(?:source|report|document|data|study|rapport|[ée]tude|donn[ée]es|fuente|informe|estudio|"
    r"quelle|bericht|studie|fonte|rapporto|studio|relat[oó]rio|estudo|источник\w*|доклад\w*|"
    r"отчет\w*|отчёт\w*|مصدر|تقرير|دراسة)\b|来源|出处|报告|资料|出典|報告|資料|자료|보고서|출처",
    re.IGNORECASE,
)
# Some set aside by name, and what joins two of them.
_BESIDES = re.compile(
    r"\b(?:besides|other than|apart from|aside from|except(?: for)?|en plus de|outre|à part|"
    r"hormis|además de|aparte de|excepto|salvo|außer|abgesehen von|neben|oltre (?:a|al|alla|"
    r"ai|alle|agli|all['’])|a parte|eccetto|tranne|além d[eoa]s?|exceto|кроме|помимо|بخلاف|"
    r"عدا|باستثناء)\s+([^,،?？;]+)|除了([^，,？;]+)|([^、，,？]+?)(?:以外|のほか|を除)|"
    r"([^,，?]+?)\s*(?:말고|외에)",
    re.IGNORECASE,
)
_AND = re.compile(r"\s(?:and|et|y|e|und|и|و)\s|、|和|与|及|や|と|랑|과\s|와\s|및|,\s|，")
# A list of examples in an English edition ("such as A and B, 9 data partners…"), its items
# joined as the names set aside are (_AND); a company's "Co., Ltd." is part of its name.
_EXAMPLES = re.compile(r"\bsuch as\s+(.+?)(?=,\s*(?:as well as\s+)?\d|;|\.\s|\.?$)")
_COMPANY_SUFFIX = re.compile(r",?\s*(?:Co\.,?\s*)?Ltd\.?|\s*Inc\.")
_SEPARATOR = re.compile(r",\s|、|，|،")
# What lists or names the members of a count: a colon, "such as", "等", "など"…
_LISTED = re.compile(
    r"[:：(（]|\b(?:such as|including|namely|like|notamment|comme|tel(?:le)?s? que|à savoir|"
    r"dont|tales como|como por ejemplo|entre (?:ellos|ellas|eles|elas)|incluidos?|darunter|"
    r"wie|etwa|come|tra cui|tra i quali|inclus[oi]|incluindo|такие как|в том числе|например|"
    r"среди них|مثل|منها|بما في ذلك)\b|等|包括|如|即|など|をはじめ|といった|등|같은|비롯",
    re.IGNORECASE,
)


def answers_nothing_asked(question: str, reading: Reading) -> bool:
    """Whether `question` asks a figure, and every figure `reading` states is one the question
    gives, or no smaller than the whole the question asks a part of (days, years and codes such
    as "TOP50" are no figures; nor is a sentence stating none)."""
    if expected(question) not in FIGURES:
        return False
    return bool(_given(question, reading.lang)) and not figures_left(
        question, reading.text, reading.lang
    )


def names_nothing_asked(question: str, reading: Reading) -> bool:
    """Whether `question` asks which ones, by name, of a count it gives, and `reading` states
    that count and lists nothing around it: "Welche Hochschulen gehören zu den 34 erstklassigen
    Universitäten in Peking?" and "…34 davon in Peking, weit vor Jiangsu…"; not "Quelles sont
    les 5 premières villes ?" and "Les 5 premières villes sont Shanghai, Pékin, …"."""
    if expected(question) not in (None, "organisation", "person"):
        return False
    if not _WHICH_ONES.search(question):
        return False
    given = _figures_of(question)
    counts = [
        found.group() for found in _COUNT.finditer(given)
        if int(re.sub(r"\D", "", found.group())) <= NAMED_AT_MOST
        and not scaled(given, found.end())  # "1만 건 넘게": ten thousand, no count to name
    ]  # fmt: skip
    # A source's title names where a figure comes from, asked or not.
    text = reading.text if _SOURCE.search(question) else QUOTED_TITLE.sub(" ", reading.text)
    found = [
        at for count in counts
        for at in re.finditer(rf"(?<![\d.,]){re.escape(count)}(?![\d.,]?\d)", text)
    ]  # fmt: skip
    if not found or _LISTED.search(text) or QUOTED_TITLE.search(text):
        return False
    return not any(_lists(text[: at.start()]) or _lists(text[at.end() :]) for at in found)


def _lists(text: str) -> bool:
    """Whether `text` lists names or items: three short ones in a row, or three separators."""
    return enumerates(text) or len(_SEPARATOR.findall(text)) >= LIST_ITEMS


def sets_aside_all_given(question: str, reading: Reading) -> bool:
    """Whether `question` asks the others besides some it names ("Besides Baidu and Alibaba
    DAMO, which…?", "除了IDG资本和智源创投，剩下…", "…랑 … 말고 나머지…") and each list of
    examples `reading` gives ("7 model partners such as Baidu and Alibaba DAMO", in its English
    edition) holds no more than those: the article names no others."""
    aside = _BESIDES.search(question)
    if not aside:
        return False
    named = 1 + len(_AND.findall(next(group for group in aside.groups() if group)))
    english = _COMPANY_SUFFIX.sub("", reading.english)
    lists = [1 + len(_AND.findall(found)) for found in _EXAMPLES.findall(english)]
    return bool(lists) and min(lists) <= named


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
