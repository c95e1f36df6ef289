"""Names written in the reader's script, respelt as the corpus writes them: "アップル" and
"Эппл" are the "Apple" the editions write in Latin letters, "黄昭颖" is their "Huang Zhaoying".
A run of the question in another script is read aloud (kana, Cyrillic and Arabic letter by
letter, Chinese characters by their pinyin) and matched to the Latin-script names of the
non-Latin editions, by its consonants (by its letters for pinyin); the question is then
searched and checked with the corpus's spelling, and the reader still sees their own. A name
the Russian edition writes in Cyrillic is matched by its letters read aloud too ("Шеньчжень" is
its "Шэньчжэнь"). Hangul is left as it is: the Korean edition writes the names in Hangul, and
a Korean word with its particle sounds like too many of them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from bot.commonness import is_common, zipf
from bot.lang import LATIN_LANGS
from bot.target import places


def _sounds(letters: str, spoken: str) -> dict[str, str]:
    """Each of `letters` with its sound, the words of `spoken` in the same order."""
    return dict(zip(letters, spoken.split(), strict=True))


# Kana, letter by letter (small kana after: ャュョ replace the vowel with y+vowel, ァィゥェォ
# replace it; ッ doubles and ー lengthens, which consonants alone do not hear).
_KANA = _sounds(
    "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノ"
    "ハヒフヘホバビブベボパピプペポマミムメモヤユヨラリルレロワヲンヴ",
    "a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo ta chi tsu te to "
    "da ji zu de do na ni nu ne no ha hi fu he ho ba bi bu be bo pa pi pu pe po ma mi mu me mo "
    "ya yu yo ra ri ru re ro wa o n vu",
)
_SMALL_Y = {"ャ": "ya", "ュ": "yu", "ョ": "yo"}
_SMALL_VOWEL = {"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o"}
_CYRILLIC = _sounds(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh sch - y - e yu ya",
)
# Arabic writes few vowels: a name's consonants carry it ("آبل" Apple, "بايدو" Baidu); ع
# mostly carries a vowel in a foreign name ("علي بابا" Alibaba).
_ARABIC = _sounds(
    "اأإآبتثجحخدذرزسشصضطظعغفقكلمنهويىةء",
    "a a i a b t th j h kh d dh r z s sh s d t z a gh f q k l m n h w y a a -",
)
# Sounds the scripts write alike, as one consonant class each, after their digraphs.
_DIGRAPHS = (
    ("tch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "s"), ("zh", "s"), ("ts", "s"), ("tz", "s"),
    ("dz", "s"), ("ng", "n"), ("kh", "h"), ("gh", "k"), ("ph", "h"), ("th", "t"), ("dh", "t"),
    ("ck", "k"), ("qu", "k"),
)  # fmt: skip
_CLASS = str.maketrans("pvdgcqlfzjx", "bbtkkkrhsss")
_VOWELS = re.compile(r"[aeiouyw\-]")
# Runs of a question that may spell a name in another script: katakana (with ・ and ー),
# Cyrillic, Arabic (with its vowel marks), Chinese characters.
_RUN = re.compile(
    r"[\u30a1-\u30fa\u30fc]+(?:[\u30fb ][\u30a1-\u30fa\u30fc]+)*"
    r"|[\u0400-\u04ff]+(?: [\u0400-\u04ff]+)*"
    r"|[\u0621-\u0652]+(?: [\u0621-\u0652]+)*"
    r"|[\u4e00-\u9fff]+"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_KATAKANA = re.compile(r"[\u30a1-\u30fc]")
_KATAKANA_OR_HAN = re.compile(r"[\u30a1-\u30fc\u4e00-\u9fff]")
# A Latin-script name of an edition in another script: capitalised words, one run ("Huang
# Zhaoying", "Apple Vision Pro"); an acronym (HTC, IDG) is written alike everywhere.
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")
# A capitalised word of the Russian edition ("Шэньчжэнь", "Ханчжоу"): a reader may spell the
# name otherwise ("Шеньчжень"), which reads aloud the same. Only a word of the question that
# Russian word lists do not know is looked up (`_foreign`), so common words never change.
_CYRILLIC_NAME = re.compile(r"[А-ЯЁ][а-яё]+")
# Fewest consonants a name read by its sound needs ("Meta", "Baidu"), and fewest letters
# (kana in katakana) of the word that spells it.
MIN_SOUNDS = 2
MIN_LETTERS = 2
# From this many consonants on, the sound alone tells a name.
CLEAR_SOUNDS = 3
# Case endings a Cyrillic name may carry ("Алибабы", "Алибабой"): up to this many final letters.
ENDING = 2


@dataclass(frozen=True)
class Spellings:
    """The Latin-script names the editions in other scripts write: by how they sound, and by
    their letters (the pinyin of Chinese characters is matched as it is spelt)."""

    by_sound: dict[tuple[bool, str], str]
    by_letters: dict[str, str]

    @classmethod
    def build(cls, texts: Sequence[str], langs: Sequence[str]) -> Spellings:
        """The names of `texts` (each in the language of `langs`), those of Latin-script
        languages left out: there every capitalised word would count."""
        heard: dict[tuple[bool, str], set[str]] = {}
        letters: dict[str, str] = {}
        for text, lang in zip(texts, langs, strict=True):
            if lang in LATIN_LANGS:
                continue
            for match in _CYRILLIC_NAME.finditer(text):
                letters.setdefault(_unsigned(romanized(match.group())), match.group())
            for match in _LATIN_NAME.finditer(text):
                for name in _names_in(match.group().split()):
                    heard.setdefault(sound(name), set()).add(name)
                    letters[name.lower().replace(" ", "")] = name
        # Two names alike ("Paper", "Pro") are no one's spelling.
        alike = {key: names.pop() for key, names in heard.items() if len(names) == 1}
        return cls(alike, letters)

    def respelled(self, question: str, lang: str, written: str) -> str:
        """`question` (in `lang`) with the names it writes in another script as the corpus
        writes them; not a word the reader's edition (`written`, its lowercased text) writes
        as it is, nor an everyday word of `lang` ("Кратко" is no "Cloud")."""
        for start, end, name in reversed(list(self._names(question, lang, written))):
            before = question[start - 1] if start else " "
            glue = " " if before.isascii() and before.isalnum() else ""  # "IDG Capital"
            question = question[:start] + glue + name + question[end:]
        return question

    def _names(self, question: str, lang: str, written: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of each part of `question` that spells a name, in order."""
        for run in _RUN.finditer(question):
            text = run.group()
            taken = 0
            for start, end, whole in _spans(text):
                part = text[start:end]
                if start < taken or part.lower() in written:
                    continue
                if not _foreign(text[start:whole], lang):
                    continue
                name = self._name(part)
                if name:
                    # The edition's own spelling takes the case ending with it ("Шеньчженя").
                    taken = end if name.isascii() else whole
                    yield run.start() + start, run.start() + taken, name

    def _name(self, part: str) -> str | None:
        """The name `part` spells, if one: Chinese characters by their pinyin, letter for
        letter; another script by its sound, of MIN_SOUNDS consonants or more."""
        spoken = romanized(part)
        if _HAN.match(part):
            return self.by_letters.get(spoken)
        # The same letters read aloud in the edition's own script: "Шеньчжень", "Шэньчжэнь".
        native = self.by_letters.get(_unsigned(spoken)) if _CYRILLIC_LETTER.match(part) else None
        if native and not native.isascii():
            return native
        key = sound(spoken)
        name = self.by_sound.get(key) if len(key[1]) >= MIN_SOUNDS else None
        # Two consonants alone are heard in many words ("Сиань" sounds like "Zhaoying"): then
        # the letters must be close too, unless the word is katakana, the script of loans.
        if name and len(key[1]) < CLEAR_SOUNDS and not _KATAKANA.match(part):
            letters = name.lower().replace(" ", "")
            return name if _distance(spoken, letters) <= max(2, len(letters) // 2) else None
        return name


def _unsigned(spoken: str) -> str:
    """`spoken` without the marks of Cyrillic's soft and hard signs ("shen-chzhen-"), which a
    case ending may drop ("Шеньчженя")."""
    return spoken.replace("-", "")


def _distance(a: str, b: str) -> int:
    """How many letters to insert, delete or change to write `a` as `b` (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _foreign(part: str, lang: str) -> bool:
    """Whether `part` may be a foreign name: katakana and Chinese characters that are no
    everyday word of `lang` ("ファン" is a fan, not Huang); Cyrillic and Arabic words
    the language's word lists do not know at all ("Эппл", "Алибабы", not "Кратко")."""
    word = part.lower()
    if _KATAKANA_OR_HAN.match(word):
        return not is_common(word, lang)
    return all(zipf(w, lang) == 0 for w in word.split())


def _names_in(words: list[str]) -> Iterator[str]:
    """The names a run of capitalised words gives: the run, its runs of two words or more
    ("Alibaba Cloud"), and each word that is no everyday English one ("Alibaba", not "Cloud");
    not a city's name, which the corpus's aliases know in every script."""
    found = [" ".join(words)]
    for start in range(len(words)):
        found += (" ".join(words[start:end]) for end in range(start + 2, len(words) + 1))
        if not is_common(words[start].lower(), "en"):
            found.append(words[start])
    yield from (name for name in found if not places(name))


def _spans(run: str) -> Iterator[tuple[int, int, int]]:
    """The parts of `run` that may be a name, longest first, as (start, end, end of its last
    word): Chinese characters two to four at a time; else whole words, several together first
    ("アップル・ビジョン・プロ"), a Cyrillic one less a case ending ("Алибабы")."""
    if _HAN.match(run):
        for size in (4, 3, 2):
            for start in range(len(run) - size + 1):
                yield start, start + size, start + size
        return
    words = [(m.start(), m.end()) for m in re.finditer(r"[^ \u30fb]+", run)]
    for first in range(len(words)):
        for last in range(len(words) - 1, first - 1, -1):
            start, end = words[first][0], words[last][1]
            cyrillic = _CYRILLIC_LETTER.match(run, start) is not None
            for cut in range(ENDING + 1 if cyrillic else 1):
                if end - cut - words[last][0] >= MIN_LETTERS:
                    yield start, end - cut, end


def romanized(text: str) -> str:
    """`text` in Latin letters, as it sounds: kana, Cyrillic, Arabic letter by letter,
    Chinese characters by their pinyin; other characters as they are."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text.lower()):
        if char in _KANA:
            out.append(_KANA[char])
        elif char in _SMALL_Y and out:
            out[-1] = out[-1][:-1] + _SMALL_Y[char]
        elif char in _SMALL_VOWEL and out:
            out[-1] = out[-1][:-1] + _SMALL_VOWEL[char]
        elif char in _CYRILLIC:
            out.append(_CYRILLIC[char])
        elif char in _ARABIC:
            out.append(_ARABIC[char])
        elif _HAN.match(char):
            out.append(_pinyin(char))
        elif char.isalpha() and char not in "ッー":
            out.append(char)
    return "".join(out)


@cache
def _pinyin(char: str) -> str:
    from pypinyin import lazy_pinyin  # its dictionary loads at the first Chinese name read

    return lazy_pinyin(char)[0]


def sound(latin: str) -> tuple[bool, str]:
    """How a name in Latin letters sounds, loosely: whether it opens on a vowel, and its
    consonants by class (b/p/v, t/d, k/g/c/q, r/l, h/f, s/z/j/x and their digraphs), each
    repeat heard once. "apple", "appuru", "aepeul" and "abl" sound alike."""
    text = re.sub(r"[^a-z]", "", latin.lower())
    for pair, one in _DIGRAPHS:
        text = text.replace(pair, one)
    opens = bool(text) and text[0] in "aeiouy"
    consonants = _VOWELS.sub("", text.translate(_CLASS))
    return opens, re.sub(r"(.)\1+", r"\1", consonants)
