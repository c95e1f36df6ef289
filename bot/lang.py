"""Language identification from scripts and stopwords, good enough for short questions."""

from __future__ import annotations

import re
from collections import Counter


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, as a set."""
    return frozenset(text.split())


# Frequent function words, question words and a few common verbs per Latin-script language.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and of to in is are was were be been it that this these those for on with as by at "
        "from or an not but what who whom whose where when why how which does did do has have "
        "had there their they he she we you my your its our can could would should will about "
        "than many much more most also into i"
    ),
    "fr": _words(
        "le la les des du de un une et est sont au aux ce cette ces qui que quoi quel quelle "
        "quels quelles où quand pourquoi comment combien dans sur pour par avec pas ne plus il "
        "elle ils elles nous vous leur leurs son sa ses mon ma mes est-ce qu l d c j n s y en "
        "été être avoir ont fait aussi mais ou donc"
    ),
    "es": _words(
        "el la los las de del y en es son un una que qué quién quiénes dónde cuándo cómo cuál "
        "cuáles cuánto cuántos cuántas por para con sin su sus al lo se no más muy también "
        "pero este esta estos estas ese esa hay fue ser está están tiene"
    ),
    "de": _words(
        "der die das den dem des und ist sind ein eine einen einem einer nicht mit von zu im "
        "in auf für was wer wie wo wann warum welche welcher welches wieviel wieviele auch "
        "sich es ich sie wir ihr dass oder aber noch nach bei aus hat haben wird werden war "
        "und"
    ),
    "it": _words(
        "il lo la gli le di del della dei delle e è sono un una che chi cosa dove quando perché "
        "come quale quali quanto quanti per con non più anche nel nella alla alle sul ma si "
        "questo questa ha hanno era dell all nell dall"
    ),
    "pt": _words(
        "o a os as de do da dos das e é são um uma que quem onde quando porque como qual quais "
        "quanto quantos por para com não mais também no na nos nas ao aos em seu sua mas "
        "isso este esta foi ser está tem"
    ),
}
# Letters that only some Latin-script languages use.
_LETTER_HINTS: dict[str, tuple[str, ...]] = {
    "ñ": ("es",),
    "¿": ("es",),
    "¡": ("es",),
    "ß": ("de",),
    "ä": ("de",),
    "ö": ("de",),
    "ü": ("de",),
    "ã": ("pt",),
    "õ": ("pt",),
    "œ": ("fr",),
    "ç": ("fr", "pt"),
    "è": ("fr", "it"),
    "ê": ("fr", "pt"),
    "ë": ("fr",),
    "î": ("fr",),
    "ï": ("fr",),
    "û": ("fr",),
    "ù": ("fr", "it"),
    "â": ("fr", "pt"),
    "ô": ("fr", "pt"),
    "ì": ("it",),
    "ò": ("it",),
    "á": ("es", "pt"),
    "í": ("es", "pt"),
    "ó": ("es", "pt"),
    "ú": ("es", "pt"),
}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Weight of one character per script: a CJK character carries about as much as a short word.
_CJK_WEIGHT = 3


def detect_lang(text: str, default: str = "en") -> str:
    """The ISO 639-1 code of the language `text` is most likely written in."""
    scripts = _script_counts(text)
    if not scripts:
        return default
    script = scripts.most_common(1)[0][0]
    if script == "han":
        return "ja" if scripts["kana"] else "zh"
    if script == "kana":
        return "ja"
    if script == "cyrillic":
        return "uk" if re.search(r"[іїєґІЇЄҐ]", text) else "ru"
    if script != "latin":
        return script
    return _latin_lang(text, default)


def _script_counts(text: str) -> Counter[str]:
    """Weighted letter counts per script."""
    counts: Counter[str] = Counter()
    for char in text:
        code = ord(char)
        if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D:
            counts["kana"] += _CJK_WEIGHT
        elif 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF:
            counts["han"] += _CJK_WEIGHT
        elif 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
            counts["ko"] += _CJK_WEIGHT
        elif 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F:
            counts["ar"] += 1
        elif 0x0400 <= code <= 0x04FF:
            counts["cyrillic"] += 1
        elif 0x0370 <= code <= 0x03FF:
            counts["el"] += 1
        elif 0x0590 <= code <= 0x05FF:
            counts["he"] += 1
        elif 0x0E00 <= code <= 0x0E7F:
            counts["th"] += 1
        elif 0x0900 <= code <= 0x097F:
            counts["hi"] += 1
        elif char.isalpha() and code < 0x0250:
            counts["latin"] += 1
    return counts


def _latin_lang(text: str, default: str) -> str:
    """The Latin-script language whose stopwords and letters best fit `text`."""
    scores: Counter[str] = Counter()
    lowered = text.lower()
    for word in _WORD.findall(lowered.replace("’", "'").replace("'", " ")):
        langs = [lang for lang, words in _STOPWORDS.items() if word in words]
        for lang in langs:
            scores[lang] += 1 / len(langs)
    for char in lowered:
        langs = _LETTER_HINTS.get(char, ())
        for lang in langs:
            scores[lang] += 0.5 / len(langs)
    if re.search(r"\w[ \u00a0\u202f][?!;:]", text):  # French spaces before high punctuation
        scores["fr"] += 0.5
    if not scores:
        return default
    best = max(scores.values())
    # Ties go to the first language in _STOPWORDS order (en, fr, es, de, it, pt).
    return next(lang for lang in _STOPWORDS if scores[lang] == best)
