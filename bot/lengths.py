"""How long a summary the reader asks for: "in 3 points", "briefly", "en détail", "简要", "자세히"
(the chat's summaries are medium unless the message says otherwise)."""

from __future__ import annotations

import re

# A number of points or sentences asked: "in 3 points", "en trois phrases", "三点", "세 가지".
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "un": 1, "une": 1, "deux": 2,
    "trois": 3, "quatre": 4, "cinq": 5, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4,
    "cinco": 5, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "due": 2,
    "tre": 3, "quattro": 4, "cinque": 5, "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3,
    "quatro": 4, "один": 1, "два": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3, "четыре": 4,
    "четырёх": 4, "пять": 5, "пяти": 5, "两": 2,
    "二": 2, "三": 3, "四": 4, "五": 5, "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5,
}  # fmt: skip
_NUMBER = r"(\d{1,2}|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + ")"
_COUNTED = re.compile(
    _NUMBER + r"\s*(?:key\s+|main\s+|grands?\s+|principales?\s+|wichtigsten\s+)?"
    r"(?:points?|sentences?|bullets?|lines?|phrases?|puntos?|frases?|punkte?n?|sätzen?|punti|"
    r"frasi|pontos?|пункт\w*|предложени\w*|тезис\w*|個?(?:要点|点|句|つ(?:の(?:ポイント|要点)|に)|文|項目)|가지로|문장|줄|"
    r"نقاط|جمل)",
    re.IGNORECASE,
)
_SHORT = re.compile(
    r"\b(?:briefly|brief|short|quick|court|courte|bref|brève|brièvement|breve|brevemente|corto|"
    r"kurz|knapp|кратко|коротко)\b|简短|简要|簡潔|手短|간단히|짧게|باختصار|بإيجاز",
    re.IGNORECASE,
)
_LONG = re.compile(
    r"\b(?:detailed|in detail|at length|détaillée?|en détail|detallado|en detalle|ausführlich|"
    r"dettagliato|in dettaglio|detalhado|em detalhe|подробно|подробный)\b|详细|詳しく|詳細|자세히|"
    r"بالتفصيل",
    re.IGNORECASE,
)
# The most points each length holds at least (bot.summarize.POINTS "short": 5, bot.focus: 4).
SHORT_MOST = 4


def asked_length(message: str) -> tuple[str, int | None]:
    """The summary length `message` asks for ("short", "medium" or "long") and how many points,
    when it counts them ("Résume l'article en 3 points" → ("short", 3))."""
    counted = _COUNTED.search(message)
    if counted:
        word = counted.group(1).lower()
        most = int(word) if word.isdigit() else _WORD_NUMBERS[word]
        if most >= 1:
            return ("short" if most <= SHORT_MOST else "medium" if most <= 8 else "long"), most
    if _LONG.search(message):
        return "long", None
    if _SHORT.search(message):
        return "short", None
    return "medium", None
