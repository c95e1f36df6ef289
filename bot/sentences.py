"""Rule-based sentence splitting with an abbreviation guard, returning character spans."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, as a set."""
    return frozenset(text.split())


# A run of sentence terminators: Latin, ellipsis, Chinese/Japanese full-width, Arabic question mark.
_TERMINATORS = re.compile(r"[.!?…。！？؟‼⁇⁈⁉]+")
# Full-width stops end a sentence even with no space after them (CJK text has none).
_CJK_STOPS = frozenset("。！？")
# Closing quotes and brackets that belong to the sentence they follow.
_CLOSERS = frozenset("\"'”’)]}」』）】〉》")
# Opening punctuation that may precede the first letter of the next sentence.
_OPENERS = "\"'“‘«„‚([{¿¡「『（【《〈·•—–-"

# Never end a sentence: titles and abbreviations usually followed by a capitalised word
# (single lowercase letters: "a. C." / "d. C.", "c." circa, "s." siècle, "v. Chr.", "n. Chr.").
_ALWAYS_ABBREVIATIONS = _words(
    """
    a c d n s v mm mme mmes mlle mlles mgr pr prof dr dre st ste ex cf av apr env ca vs
    resp mr mrs ms messrs sr sra srta dra ud uds ee hr hrn bzw vgl ggf usf
    им ул проф акад см тыс
    """
)
# Never end a sentence when a number follows: "art. 12", "p. 5", "No. 3", "vol. 2".
_NUMBER_ABBREVIATIONS = _words(
    "no nos nr art arts p pp vol vols chap ch fig figs éd tél pág núm n стр рис"
)
_LEADING = re.compile(f"[\\s{re.escape(_OPENERS)}]*")
_WORD_BEFORE = re.compile(r"(\S+)$")
_DOTTED = re.compile(r"[^\W\d_]{1,2}(?:\.[^\W\d_]{1,2})+")


def split_sentences(text: str, lang: str = "fr") -> list[tuple[int, int]]:
    """The (start, end) spans of the sentences of `text`, trimmed; line breaks always split."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((offset + start, offset + end) for start, end in _split_line(line, lang))
        offset += len(line) + 1
    return spans


def _split_line(line: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans within one line."""
    cuts = [0]
    for match in _TERMINATORS.finditer(line):
        end = _after_closers(line, match.end())
        if end > cuts[-1] and _ends_sentence(line, match, end, lang):
            cuts.append(end)
    cuts.append(len(line))
    spans = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = line[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            spans.append((start + lead, end - trail))
    return spans


def _after_closers(line: str, i: int) -> int:
    """Index just past the closing quotes/brackets that follow a terminator."""
    while i < len(line):
        if line[i] in _CLOSERS:
            i += 1
        elif line[i].isspace() and line[i + 1 : i + 2] == "»":  # French: « … . »
            i += 2
        elif line[i] == "»":
            i += 1
        else:
            break
    return i


def _ends_sentence(line: str, match: re.Match[str], end: int, lang: str) -> bool:
    """Whether the terminator run `match` (with its closers up to `end`) ends a sentence."""
    run = match.group()
    rest = line[end:]
    if not rest.strip():
        return True
    if any(char in _CJK_STOPS for char in run):
        # "《…？》，零壹智库": a comma or colon after the closers continues the sentence.
        return rest.lstrip()[0] not in ",，、;；:："
    if not rest[0].isspace():
        # "上海呢?北京" has no space, but "3.5" or "Baidu.com" must stay whole.
        return run[-1] in "!?" and _is_cjk(rest[0])
    following = rest[_LEADING.match(rest).end() :]
    if not following:
        return True
    first = following[0]
    if first.islower() or not (first.isalpha() or first.isdigit()):
        return False
    return run != "." or not _is_abbreviation(line[: match.start()], first, lang)


def _is_abbreviation(before: str, next_char: str, lang: str) -> bool:
    """Whether the word before a period is an abbreviation, an initial or a list number."""
    found = _WORD_BEFORE.search(before)
    if not found:
        return False
    # "l'art." is "art."; "(cf." is "cf.".
    word = re.split(r"['’]", found.group(1).lstrip(_OPENERS))[-1]
    lowered = word.lower()
    if lowered in _ALWAYS_ABBREVIATIONS:
        return True
    if lowered in _NUMBER_ABBREVIATIONS and next_char.isdigit():
        return True
    if len(word) == 1 and word.isupper():  # initials: "J. K. Rowling", "M. Dupont"
        return True
    if _DOTTED.fullmatch(word):  # "U.S", "e.g", "i.e", "z.B" (but "J.-C." may end one)
        return True
    if word.isdigit() and len(word) <= 3:
        at_line_start = not before[: found.start()].strip()
        # "1. Le nombre…" is list numbering; German writes ordinals "am 5. Mai".
        return at_line_start or (lang == "de" and len(word) <= 2)
    return False


def _is_cjk(char: str) -> bool:
    """Whether `char` is a Chinese, Japanese or Korean character."""
    code = ord(char)
    return (
        0x3040 <= code <= 0x30FF
        or 0x3400 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
    )
