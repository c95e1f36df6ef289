"""Key terms of a question: the names, numbers and rare words it is about.

Vector similarity finds the nearest quote even for "What is the population of Tokyo?"; a
question whose names, figures or rare words the corpus never writes is about something else
(bot.coverage tells which). Rarity comes from bot.commonness, stems from bot.tokens, Chinese
and Japanese terms from bot.cjk_terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.cjk_terms import chinese_terms, japanese_terms
from bot.closed_words import (
    is_interrogative,
    is_percent_word,
    is_request_word,
    is_thanks,
    joins_syllables,
)
from bot.commonness import (
    COMMON_FAMILIES,
    LOCAL_MARGIN,
    is_common,
    is_hangul,
    korean_stem,
    noun_ending,
    zipf,
)
from bot.gazetteer import UNCASED, city_named, names_a_city
from bot.numbers import CHARACTER_NUMBER, numbers, numbers_in_characters
from bot.target import SUBJECTS, concepts, places
from bot.term import CODE, Term, fold, value_key
from bot.tokens import plain, tokenize

# Languages that capitalise every noun: there a capital marks a name only when the word is as
# usual in English as in the language itself ("Python" is a name, "Umsatz" a noun).
NOUN_CAPITALS = frozenset({"de", "lb"})
_SPLIT = re.compile(r"[.!?:;…¿¡。！？]")
# An opening quote: a title's first word has the title's capital ("«Несколько мер»", where the
# Russian edition writes «Ряд мер»), as a sentence's first word has the sentence's.
_OPENING_QUOTE = re.compile(r"[«“„‹「『《]|(?:^|\s)[\"'‘]")
QUOTE = "quote"  # a word opens a quote (not a sentence)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A Latin letter: bot.coverage checks a name with one in every edition.
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LATIN_WORD = r"[A-Za-z](?:[A-Za-z0-9'’.&+-]*[A-Za-z0-9])?"
_LATIN_RUN = re.compile(rf"{_LATIN_WORD}(?:[ \u00a0]{_LATIN_WORD})*")
# Scripts whose words this module cannot find: written without blanks (Thai, Lao, Khmer,
# Myanmar) or with vowel signs that split a \w+ match (Devanagari to Sinhala). Their numbers and
# Latin-script names still count.
_UNSEGMENTED = re.compile(r"[\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
# A number with its thousands groups and decimals ("813 000", "5,72"), then maybe a scale word
# ("300 billion", "3亿"); letters and digits in one word make a name ("Web3", "A100", "5G").
_NUMBER = re.compile(r"\d(?:[\d.,\u00a0\u202f]|\s(?=\d{3}\b))*\d|\d")
_SCALE_WORD = re.compile(r"\s*(?:[万亿億萬]+|[^\W\d_]+)")
# An ordinal's ending after its digits ("30th", "1er", "2e", "3ème").
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th|er|ère|e|ème)\b")
# One-letter Arabic proclitics written on to the next word: "and", "with", "for", "so", "as".
_PROCLITICS = "وبلفك"
# An acronym in brackets after the words it abbreviates glosses them ("processadores (CPU)"):
# the words are looked up, not it.
_GLOSS = re.compile(r"(?<=[^\W\d_])\s*\(([A-Z][A-Z0-9]{1,5})\)")


def key_terms(question: str, lang: str, common: int = COMMON_FAMILIES) -> tuple[Term, ...]:
    """The salient terms of a question in `lang`: numbers, names, and words rare in general use
    (not of the `common` commonest word families)."""
    text = _ORDINAL.sub("", _GLOSS.sub(" ", plain(question)))  # "May 30th": the 30
    terms = [Term(m.group(), "name", (fold(m.group()),)) for m in CODE.finditer(text)]
    text = CODE.sub(" ", text)
    for term in _number_terms(text, lang):
        terms.append(term)
        text = text.replace(term.surface, " ", 1)
    if lang in ("zh", "ja"):  # "十亿", as the corpus may write "10亿"
        for match in CHARACTER_NUMBER.finditer(text):
            values = numbers_in_characters(match.group())
            terms.append(Term(match.group(), "number", tuple(value_key(v) for v in values)))
        text = CHARACTER_NUMBER.sub(" ", text)
    if lang in ("zh", "ja") or not _mostly_latin(text):
        # In a question in another script, a Latin-script run is a name: "Apple Vision Pro".
        terms += (Term(m.group(), "name", (fold(m.group()),)) for m in _LATIN_RUN.finditer(text))
        text = _LATIN_RUN.sub(" ", text)
    if lang not in ("zh", "ja"):
        # A city of two words in a script without capitals: "هونغ كونغ", "오사카 시".
        for written, name in _two_word_places(text, lang):
            terms.append(Term(name, "name", (fold(name),)))
            text = text.replace(written, " ")
    if lang == "zh":
        terms += chinese_terms(text, common)
    elif lang == "ja":
        terms += japanese_terms(text, common)
    else:
        terms += _spaced_terms(text, lang, common)
    unique = {
        (t.kind, t.keys): t
        for t in reversed(terms)
        if t.keys
        and all(t.keys)
        and not (t.kind == "word" and (is_request_word(t.surface) or is_percent_word(t.surface)))
        and not is_thanks(t.surface)  # "谢谢" read as a name
    }
    normalized = plain(question)
    return tuple(sorted(unique.values(), key=lambda t: normalized.find(t.surface)))


def _number_terms(text: str, lang: str) -> Iterator[Term]:
    """Each number as its values ("813 000" and "81.3万" are one), its scale word included."""
    for match in _NUMBER.finditer(text):
        surface = match.group()
        scale = _SCALE_WORD.match(text, match.end())
        if scale and numbers(surface + scale.group(), lang) != numbers(surface, lang):
            surface += scale.group()
        values = numbers(surface, lang)
        if values:
            yield Term(surface, "number", tuple(value_key(v) for v in sorted(values)))


def _spaced_terms(text: str, lang: str, common: int) -> Iterator[Term]:
    """Names (runs of capitalised words) and rare words, in a language written with blanks."""
    run: list[tuple[str, bool | str]] = []
    for word, opens in [*_words(text, lang), ("", True)]:
        capital = word != word.lower()
        if capital and not (opens and run):
            run.append((word, opens))
            continue
        yield from _run_terms(run, lang, common)
        run = [(word, opens)] if capital else []
        if word and not capital:
            yield from _word_term(word, lang, common)


def _run_terms(run: list[tuple[str, bool | str]], lang: str, common: int) -> Iterator[Term]:
    """A run of capitalised words as names. The word opening a sentence is only a word: its
    capital may be the sentence's ("Does Beijing…", "Mengapa Beijing…"), and a name that opens
    it is known by the rest ("European Central Bank…" by "Central Bank"). In German a noun breaks
    the name."""
    # A title's first word, when the title goes on in lowercase, is a word, however common:
    # "«Несколько мер»" (the Russian edition writes «Ряд мер») is no name the corpus lacks, and
    # "«Война и мир»" a title it does not write. "Several Measures" is one name.
    title = run and run[0][1] == QUOTE and len(run) == 1
    if (run and run[0][1] is True or title) and not _is_capitalised(run[0][0], lang, opens=True):
        yield from _word_term(run[0][0], lang, 1 if title else common)
        run = run[1:]
    name: list[str] = []
    for word, _ in [*run, ("", False)]:
        if word and _is_capitalised(word, lang) and not (name and _starts_anew(name, word)):
            name.append(word)
            continue
        # A question word is no part of a name; a stopword is one only inside ("São Paulo").
        while name and is_interrogative(name[0], lang):
            name.pop(0)
        while name and is_interrogative(name[-1], lang):
            name.pop()
        if len(name) > 1 or name and tokenize(name[0], [lang]):
            surface = " ".join(name)
            yield Term(surface, "name", (fold(surface),))
        name = []
        if word and _is_capitalised(word, lang):
            name.append(word)  # a city after a name starts its own: "de TI Xangai"
        elif word:
            yield from _word_term(word, lang, common)


def _starts_anew(name: list[str], word: str) -> bool:
    """Whether capitalised `word` after `name` is not part of it: a city after a name ("de TI
    Xangai"), or one of the article's subjects after a one-word name, a place most often ("the
    Beijing AI capital plan", "China's AI core companies", "Shanghai Metaverse policies"). A name
    that starts with a city stays whole: "Beijing Super Cloud Computing Center" is one, and
    "Shanghai Super Cloud…" none the article writes."""
    return bool(places(word)) or len(name) == 1 and bool(concepts(word.casefold()) & SUBJECTS)


def _words(text: str, lang: str) -> Iterator[tuple[str, bool | str]]:
    """Each word with whether it opens a sentence (or QUOTE, a quote); punctuation between two
    words gives an empty word (it ends a name); an elided article ("l'IA") or a possessive
    ("Beijing's") is cut off."""
    end = 0
    for match in _WORD.finditer(text):
        between = text[end : match.start()]
        opens: bool | str = end == 0 or bool(_SPLIT.search(between))
        if not opens and _OPENING_QUOTE.search(between):
            opens = QUOTE
        if between.strip() and not opens:
            yield "", False
        end = match.end()
        word = match.group().replace("’", "'")
        if word.lower().endswith("'s") and len(word) > 2:
            # A possessive ends the name after its word: "the Partnership Program's goal".
            yield word[:-2], opens
            yield "", False
        elif "'" in word and zipf(word, lang) == 0 and not joins_syllables(word):
            # An elided article or a possessive ends a name: "Beijing's AI", "Vision Pro d'Apple".
            yield "", False
            for part in (p for p in word.split("'") if len(p) > 1):
                # After an elided article the capital is the word's own: "L'Europe".
                yield part, opens and word.startswith(part)
            yield "", False
        elif "-" in word and zipf(word, lang) == 0:
            # Capitalised parts join again as one name ("Rolls-Royce"); in German a noun part
            # ("HTC-Vizepräsident") does not, nor the compound's head when German writes it
            # ("HTC-Manager": a manager of HTC's).
            parts = word.split("-")
            for i, part in enumerate(parts):
                if lang in NOUN_CAPITALS and 0 < i == len(parts) - 1 and zipf(part, lang) > 0:
                    yield "", False
                    part = part.lower()
                yield part, opens and i == 0
        else:
            yield word, opens


def _is_capitalised(word: str, lang: str, opens: bool = False) -> bool:
    """Whether `word` is written as a name: all capitals or an inner capital ("HTC", "iPhone")
    anywhere, an initial capital where the sentence does not require one."""
    if len(word) < 2 or word == word.lower():
        return False
    if any(ch.isupper() for ch in word[1:]):
        return True
    if not word[0].isupper():
        return False
    if opens:
        # The sentence's capital: a name only when English writes the word about as often as
        # the question's language, as it writes an international name ("Huawei fait-il…",
        # "Xiaomi ist…"); not a word of the language ("Combien", "Welche"), nor one it borrowed
        # from English, which English writes more ("Chips y semiconductores…"), nor one both
        # use every day ("Ok, gracias"). English itself cannot tell.
        if lang == "en":
            return False
        english = zipf(word, "en")
        local = abs(zipf(word, lang) - english) <= LOCAL_MARGIN < english
        return local and not is_common(word, lang)
    if lang in NOUN_CAPITALS:
        return not _is_noun(word, lang)
    return True


def _is_noun(word: str, lang: str) -> bool:
    """Whether a capitalised word of a language that capitalises its nouns is a common noun:
    unless English writes it about as often ("Python", "Windows") and it is not among the
    language's everyday words ("Art", "Team"), it is ("Umsatz", "Peking", "Forschungsbericht").
    A name English rarely writes is lost, never a noun taken for a name, unless it names a city
    (bot.gazetteer: "Chengdu"; read once, 0.3 s, by a German question holding such a word)."""
    english, own = zipf(word, "en"), zipf(word, lang)
    if english == 0.0 and own == 0.0:
        # A word neither language writes is a compound noun ("Forschungsbericht") or a city's
        # name ("Chengdu", "Tianjin"): the list of cities tells.
        return not names_a_city(word, lang)
    # "Apple" and "Manager" are every day in English only: names ("Google" is lost).
    return english == 0.0 or own > english + LOCAL_MARGIN or is_common(word, lang)


def _word_term(word: str, lang: str, common: int) -> Iterator[Term]:
    """`word` as a term when it is rare in its language; never a stopword or question word."""
    if _UNSEGMENTED.search(word):
        return
    place = _place(word, lang)
    if is_hangul(word):
        word = korean_stem(word)
    if place:
        yield Term(place, "name", (fold(place),))
        return
    if len(word) < 2 or is_interrogative(word, lang) or is_common(word, lang, common):
        return
    if is_hangul(word):
        yield Term(word, "word", (word,))
        return
    stems = tuple(t for t in tokenize(word, [lang]) if not t.isdigit())
    if stems:
        yield Term(word, "word", stems)


def _two_word_places(text: str, lang: str) -> list[tuple[str, str]]:
    """The cities `text` names in two words of a script without capitals (bot.gazetteer): each
    as written and as named ("وهونغ كونغ", "and Hong Kong": "هونغ كونغ")."""
    words = _WORD.findall(text)
    pairs = (f"{first} {second}" for first, second in zip(words, words[1:], strict=False))
    return [(pair, name) for pair in pairs if pair in text and (name := _place(pair, lang))]


def _place(word: str, lang: str) -> str | None:
    """The name of a city (bot.gazetteer) `word` writes, when it writes one: Korean and Arabic
    write no capitals. An Arabic proclitic is cut ("وأبوظبي", "and Abu Dhabi"), and a Korean
    particle ("하얼빈시는")."""
    if not UNCASED.fullmatch(word):
        return None
    names = [word]
    if lang == "ar" and word[:1] in _PROCLITICS:
        names.append(word[1:])
    if is_hangul(word):
        names += [word[:n] for n in range(len(word) - 1, 1, -1) if noun_ending(word[n:])]
    return next((name for name in names if city_named(name, lang)), None)


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(bool(LATIN.match(ch)) for ch in letters) * 2 >= len(letters)
