"""Language identification: Unicode scripts where they are exact, py3langid for the rest."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# The Latin-script languages a question or document is likely to be in. Restricting the model
# to them keeps it from answering Malay for Indonesian, Galician for Portuguese and so on.
LATIN_LANGS = frozenset(
    {"en", "fr", "es", "de", "it", "pt", "nl", "sv", "da", "no"}
    | {"fi", "pl", "cs", "tr", "id", "vi", "ro", "hu", "ca"}
)
# Scripts shared by several languages, and the languages the model chooses between for each.
ARABIC_LANGS = frozenset({"ar", "fa", "ur"})
CYRILLIC_LANGS = frozenset({"ru", "uk"})
# Below this probability (over LATIN_LANGS) the model has nearly nothing to go on: one or two
# words, or a bare name. On eval/lang_questions.jsonl every right Latin answer scores 0.46 or
# more; bare names such as "Shanghai", "Huawei", "Alibaba" score 0.10-0.22 (docs/EVALUATION.md).
MIN_CONFIDENCE = 0.3
# Openers of elliptical follow-ups ("Und Shanghai?") too short for the model, each used as a
# question opener by one language of LATIN_LANGS only ("e", "og", "en" are shared: left out).
# First words that name their language when the rest is too short to tell: "Et Pékin ?",
# "Merci", "Danke !" (the model reads short Latin text no better than a coin).
_OPENERS = {
    "and": "en", "et": "fr", "y": "es", "und": "de", "och": "sv", "ve": "tr",
    "thanks": "en", "merci": "fr", "danke": "de", "gracias": "es", "grazie": "it",
    "obrigado": "pt", "obrigada": "pt", "bonjour": "fr", "salut": "fr", "hallo": "de",
    "hola": "es", "ciao": "it", "olá": "pt", "tschüss": "de", "adiós": "es", "bye": "en",
}  # fmt: skip
# A request that opens with an imperative and its pronoun ("Háblame de Shenzhen", "Parlami di
# HTC", "Fale-me de Web3") is in that verb's language, whatever the names after it suggest: the
# model reads the few words left as Portuguese, English or Spanish. Each form is one language's.
_IMPERATIVES = {
    "háblame": "es", "cuéntame": "es", "dime": "es", "explícame": "es", "descríbeme": "es",
    "parle-moi": "fr", "dis-moi": "fr", "raconte-moi": "fr", "explique-moi": "fr",
    "parlami": "it", "dimmi": "it", "raccontami": "it", "spiegami": "it", "descrivimi": "it",
    "fale-me": "pt", "fala-me": "pt", "conte-me": "pt", "diga-me": "pt", "explique-me": "pt",
    "erzähl": "de", "erzähle": "de", "erkläre": "de", "erklär": "de",
}  # fmt: skip
# The first word, with the pronoun an imperative joins to it ("Parle-moi"): openers are read
# without it ("Bye-bye" opens with "bye").
_FIRST_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
# Letters only Ukrainian / only Russian write; text with neither is left to the model.
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN = re.compile(r"[ыэъёЫЭЪЁ]")
# Unmarked Cyrillic is Ukrainian only when the model is fairly sure: many short questions are
# the same in both ("А Шанхай?"), and on a coin flip Russian is the likelier reader and the one
# bot has phrases for.
UKRAINIAN_MIN_CONFIDENCE = 0.6
# Languages written right to left.
RTL_LANGS = frozenset({"ar", "fa", "he", "ur"})
# Weight of one character per script: a CJK character carries about as much as a short word.
_CJK_WEIGHT = 3
_NAME_OR_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*")
# Figures say nothing of the language around them, but their n-grams tilt a short question:
# "Qui compte 813 000 entreprises ?" read as Catalan.
_DIGITS = re.compile(r"[\d.,]*\d")


def detect_lang(text: str, default: str = "en") -> str:
    """The ISO 639-1 code of the language `text` is most likely written in."""
    scripts = _script_counts(text)
    if len(scripts) > 1 and "latin" in scripts:
        # Among another script's words, Latin-script names and acronyms after the first word
        # are names, not the language: "Huang Zhaoying是谁？" is Chinese, "Apple Vision Pro는?"
        # Korean; "What does 元宇宙 mean?" English.
        first, _, rest = text.strip().partition(" ")
        kept = first + " " + _NAME_OR_ACRONYM.sub(" ", rest)
        scripts["latin"] = _script_counts(kept)["latin"]
        scripts += Counter()  # drops a count of zero
    if not scripts:
        return default
    script = scripts.most_common(1)[0][0]
    if script == "han":
        return "ja" if scripts["kana"] else "zh"
    if script == "kana":
        return "ja"
    if script == "cyrillic":
        return _cyrillic_lang(text)
    if script == "arabic":
        return _classify(text, ARABIC_LANGS)[0]
    if script != "latin":
        return script
    return _latin_lang(text, default)


def direction(lang: str) -> str:
    """The HTML `dir` of text in `lang`: "rtl" for Arabic, Persian, Hebrew, Urdu; else "ltr"."""
    return "rtl" if lang in RTL_LANGS else "ltr"


def _script_counts(text: str) -> Counter[str]:
    """Weighted letter counts per script (or per language, where the script has one)."""
    counts: Counter[str] = Counter()
    for char in text:
        code = ord(char)
        if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D:
            counts["kana"] += _CJK_WEIGHT
        elif 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF:
            counts["han"] += _CJK_WEIGHT
        elif 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            counts["ko"] += _CJK_WEIGHT
        elif 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F:
            counts["arabic"] += 1
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
        # Latin Extended Additional (U+1E00-U+1EFF) holds Vietnamese's stacked diacritics.
        elif char.isalpha() and (code < 0x0250 or 0x1E00 <= code <= 0x1EFF):
            counts["latin"] += 1
    return counts


def _cyrillic_lang(text: str) -> str:
    """Russian or Ukrainian: by the letters only one of them writes, else by the model."""
    if _UKRAINIAN.search(text):
        return "uk"
    if _RUSSIAN.search(text):
        return "ru"
    lang, confidence = _classify(text, CYRILLIC_LANGS)
    return "uk" if lang == "uk" and confidence >= UKRAINIAN_MIN_CONFIDENCE else "ru"


def _latin_lang(text: str, default: str) -> str:
    """The language of LATIN_LANGS that `text` is in, or `default` when it is too short to tell."""
    # Only Spanish opens a sentence with them; the model reads "¿Y Shanghái?" as Vietnamese.
    # (Anywhere else they may be a quotation: "Il demande « ¿Qué? » en espagnol.")
    if text.lstrip().startswith(("¿", "¡")):
        return "es"
    first = _FIRST_TOKEN.search(text)
    token = first.group().lower() if first else ""
    if token in _IMPERATIVES:
        return _IMPERATIVES[token]
    opener = _OPENERS.get(token.split("-")[0]) if token else None
    if opener and len(_words_not_names(text)) < 2:
        # The opener and names ("Y Pekín ?"): the model reads one letter's n-grams (Hungarian).
        return opener
    lang, confidence = _classify(_without_names(_DIGITS.sub(" ", text)), LATIN_LANGS)
    return lang if confidence >= MIN_CONFIDENCE else opener or default


def _without_names(text: str) -> str:
    """`text` without its capitalised words after the first, unless that leaves under two words."""
    # A name carries the n-grams of its own language ("Đà Nẵng" reads as Vietnamese, "Łódź" as
    # Polish) and says nothing about the sentence around it. German capitalises its nouns too,
    # but keeps enough function words and verbs to be recognised without them.
    kept = _words_not_names(text)
    return " ".join(kept) if len(kept) >= 2 else text


def _words_not_names(text: str) -> list[str]:
    """`text`'s words but its capitalised ones after the first (names, in most languages)."""
    return [w for i, w in enumerate(text.split()) if i == 0 or not w[:1].isupper()]


def _classify(text: str, langs: frozenset[str]) -> tuple[str, float]:
    """The most likely of `langs` for `text`, with its probability among `langs`."""
    scores = {lang: p for lang, p in _identifier().rank(text) if lang in langs}
    best = max(scores, key=scores.__getitem__)
    # The probabilities are normalised over every language the identifier knows; renormalised
    # over `langs`, they are what an identifier restricted to `langs` alone would give.
    return best, scores[best] / (sum(scores.values()) or 1.0)


def load_identifier(cache: Path | None = None) -> None:
    """Load the identifier's model now, not inside the first question: from `cache` (a folder)
    in tens of milliseconds, else unpacked from py3langid in half a second (bot.identifier)."""
    if not _LOADED:
        from bot import identifier

        _LOADED.append(identifier.load(LATIN_LANGS | ARABIC_LANGS | CYRILLIC_LANGS, cache))


# The identifier, once loaded (by load_identifier, or by the first text that needs it).
_LOADED: list[LanguageIdentifier] = []


def _identifier() -> LanguageIdentifier:
    load_identifier()
    return _LOADED[0]
