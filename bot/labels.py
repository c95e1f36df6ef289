"""Readable labels for groups of texts: their most distinctive words and phrases (c-TF-IDF over
surface words, two-word collocations and quoted names; jieba segments Chinese), in any language."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache

from bot.commonness import KOREAN_PREDICATE, is_hangul, korean_stem, load_jieba
from bot.tokens import stopwords

# Terms per label, at most (fewer only when a cluster has fewer distinctive terms).
MOST_TERMS = 3
# A two-word phrase is a term when at least this share of its commoner word's uses are in it.
COLLOCATION = 0.25
# Words that join two content words into one term: "puissance de calcul", "Ministry of Finance".
CONNECTORS: dict[str, frozenset[str]] = {
    "fr": frozenset({"de", "du", "des"}), "es": frozenset({"de", "del"}),
    "it": frozenset({"di", "del", "della"}), "pt": frozenset({"de", "do", "da"}),
    "en": frozenset({"of"}),
}  # fmt: skip
# Shorter words (outside Chinese and Japanese) are abbreviations or particles: "Co", "qu", "IA".
MIN_LETTERS = 3
# Score multiplier for a two-word phrase or a capitalised name over a single common word.
PHRASE_BONUS = 1.5
# Languages written without spaces, segmented into words with jieba, labels joined with "、".
SEGMENTED = frozenset({"zh", "ja"})
# Words the bm25s lists lack that say nothing about a topic: the article's machine-translation
# boilerplate ("ci-après dénommé", "hereinafter referred to as") and English function words
# (bm25s ships only 33 for English).
EXTRA_STOPWORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({
        "ci-après", "dénommé", "dénommée", "dénommés", "dénommées", "également",
        "plusieurs", "cette", "cet", "ceux", "celle", "celles", "dont", "leur", "leurs",
        "être", "fait", "faire", "selon", "ainsi", "aussi", "tout", "tous", "toute",
        "toutes", "très", "plus", "moins", "entre", "après", "avant", "depuis", "encore",
        "comme", "lors"
    }),
    "ru": frozenset({"это"}),
    "en": frozenset({
        "hereinafter", "referred", "also", "has", "have", "had", "its", "which", "who",
        "whom", "what", "when", "where", "while", "we", "our", "us", "you", "your", "he",
        "she", "his", "her", "them", "than", "more", "most", "other", "some", "any", "each",
        "all", "both", "been", "being", "would", "should", "could", "can", "may", "might",
        "must", "do", "does", "did", "so", "from", "about", "over", "under", "up", "down",
        "out", "one", "two", "three", "first", "second", "third", "new", "well", "very",
        "only", "through", "several", "various"
    }),
}  # fmt: skip
# Company forms, in names quoted in any language ("Beijing Baidu Netcom … Co., Ltd.").
ANY_STOPWORDS = frozenset({"ltd", "inc", "corp", "gmbh"})
# A quoted span: "…", «…», “…”, 《…》, 「…」, 『…』.
QUOTED = re.compile(
    r'"([^"\n]{2,60})"|«\s*([^»\n]{2,60}?)\s*»|“([^”\n]{2,60})”|《([^》\n]{2,60})》|'
    r"「([^」\n]{2,60})」|『([^』\n]{2,60})』"
)
# A word of letters (hyphens inside), or any other visible character, which breaks a phrase.
_TOKEN = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*|[^\s]", re.UNICODE)
_ENDS = frozenset(".!?;。！？；")
_OPENING = frozenset("«“„《「『")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def key_terms(cluster_texts: Sequence[Sequence[str]], lang: str) -> list[tuple[str, ...]]:
    """Up to three distinctive terms for each cluster of texts (all in `lang`), by c-TF-IDF: the
    number of the cluster's texts that use a term × log(clusters / clusters that use it)."""
    used = [Counter() for _ in cluster_texts]  # term → texts of the cluster using it
    count = [Counter() for _ in cluster_texts]  # term → its uses in the cluster (tie-break)
    total: Counter[str] = Counter()
    parts_of: dict[str, tuple[str, ...]] = {}
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    found = [[candidates(text, lang) for text in texts] for texts in cluster_texts]
    for key, parts, surface in (term for texts in found for terms in texts for term in terms):
        # Once seen quoted, a term is a name (no parts), whatever it is elsewhere.
        if parts_of.get(key) != ():
            parts_of[key] = parts
        if surface:
            spellings[key][surface] += 1
    names = sorted(key for key, parts in parts_of.items() if not parts)
    for n, texts in enumerate(cluster_texts):
        for text, terms in zip(texts, found[n], strict=True):
            # A name is quoted when introduced and then used bare: count every use.
            lowered = unicodedata.normalize("NFKC", text).lower()
            keys = [key for key, _, _ in terms if parts_of[key]] + [
                name for name in names for _ in _mentions(name, lowered, lang)
            ]
            used[n].update(set(keys))
            count[n].update(keys)
            total.update(keys)
    spread = Counter(key for cluster_used in used for key in cluster_used)

    def shown(key: str) -> str:
        parts = parts_of[key]
        if len(parts) < 2:
            return _spelling(spellings[key], key)
        return _join([_spelling(spellings[p], p) for p in parts], lang)

    def worth(key: str, n: int) -> float:
        parts = parts_of[key]
        # A phrase counts only where it is a unit: used more than once, and for a good share of
        # its commoner word's uses.
        if len(parts) >= 2 and (
            total[key] < 2
            or total[key] < COLLOCATION * max(total[parts[0]], total[parts[-1]])
            or any(key in name for name in names if used[n][name])  # a piece of a name
        ):
            return 0.0
        bonus = PHRASE_BONUS if len(parts) != 1 or shown(key) != key else 1.0
        return used[n][key] * math.log(len(used) / spread[key]) * bonus

    result = []
    for n in range(len(used)):
        scores = {key: worth(key, n) for key in used[n]}
        # Among equals, a phrase or name before a single word (it says more), then the commoner.
        ranked = sorted(
            scores, key=lambda k: (-scores[k], parts_of[k] == (k,), -count[n][k], -len(k), k)
        )
        chosen: list[str] = []
        for key in ranked:
            if scores[key] <= 0 or len(chosen) == MOST_TERMS:
                break
            if not any(_overlaps(key, other, lang) for other in chosen):
                chosen.append(key)
        result.append(tuple(shown(key) for key in chosen))
    return result


def _overlaps(a: str, b: str, lang: str) -> bool:
    if lang in SEGMENTED:
        return a in b or b in a
    stop = _stop(lang)
    return bool((set(a.split()) - stop) & (set(b.split()) - stop))


def _spelling(surfaces: Counter[str], key: str) -> str:
    # A word written in lowercase somewhere inside a sentence is a common word (capitalised only
    # in titles: "Several Measures"); one never written so is a name (Pékin, HTC).
    if not surfaces or key in surfaces:
        return key
    return min(surfaces, key=lambda s: (-surfaces[s], s))


def _join(words: Sequence[str], lang: str) -> str:
    if lang not in SEGMENTED:
        return " ".join(words)
    # Chinese words join without a blank; Latin words in Chinese text ("Huang Zhaoying") keep it.
    joined = words[0]
    for word in words[1:]:
        joined += " " if joined[-1:].isascii() and word[:1].isascii() else ""
        joined += word
    return joined


def joiner(lang: str) -> str:
    return "、" if lang in SEGMENTED else " · "


@cache
def _stop(lang: str) -> frozenset[str]:
    return stopwords(lang) | EXTRA_STOPWORDS.get(lang, frozenset()) | ANY_STOPWORDS


def candidates(text: str, lang: str) -> list[tuple[str, tuple[str, ...], str]]:
    """(key, its words, spelling) of every term used in `text`: content words, two-word phrases
    ("intelligence artificielle", "puissance de calcul") and short quoted names; never numbers.
    A word at the start of a sentence or a quote has no spelling (""): its capital says nothing."""
    text = unicodedata.normalize("NFKC", text)
    segmented = lang in SEGMENTED
    stop, connectors = _stop(lang), CONNECTORS.get(lang, frozenset())
    found: list[tuple[str, tuple[str, ...], str]] = []
    previous: tuple[str, ...] = ()  # the last content word, and a connector after it
    start = True  # at the start of a sentence or a quote
    tokens = _tokens(text, lang)
    for i, token in enumerate(tokens):
        key, letters, at_start = token.lower(), _letters(token), start
        start = token in _ENDS or token in _OPENING or (at_start and not letters)
        if len(previous) == 1 and key in connectors:
            previous += (key,)
            continue
        if not letters or key in stop or (not segmented and letters < MIN_LETTERS):
            previous = ()
            continue
        if letters == 1 and (previous or _DIGIT.search(tokens[i - 1] if i else "")):
            previous = ()  # a single character after a word or a number is its suffix (沉浸/式)
            continue
        if letters >= 2:  # a single Chinese character is a word only as a phrase's first part
            found.append((key, (key,), "" if at_start else token))
            if previous:
                found.append((_join([*previous, key], lang), (*previous, key), ""))
        previous = (key,)
    return found + _quoted(text, lang)


def _tokens(text: str, lang: str) -> list[str]:
    """Words and punctuation; a straight quote that opens a name becomes "“"."""
    if lang in SEGMENTED:
        # jieba keeps the blanks; only punctuation and stopwords break a phrase
        return [token for token in load_jieba().lcut(text) if not token.isspace()]
    tokens = []
    for match in _TOKEN.finditer(text):
        token, at, end = match.group(), match.start(), match.end()
        if token == '"' and text[end : end + 1].isalpha() and not text[at - 1 : at].isalnum():
            token = "“"
        elif lang == "ko" and is_hangul(token):
            # "모델을" → "모델": particles are written on to words; a predicate ("말했다",
            # "많았고") names nothing, so it breaks a phrase like punctuation.
            token = "," if KOREAN_PREDICATE.search(token) else korean_stem(token) or ","
        tokens.append(token)
    return tokens


def _quoted(text: str, lang: str) -> list[tuple[str, tuple[str, ...], str]]:
    """Short quoted names ("Plan de mise en œuvre", 《实施方案》): 2–5 words (4–8 characters in
    Chinese), no digits, not
    starting or ending with an article or a preposition ("Plusieurs mesures" is a name)."""
    stop = stopwords(lang)
    found = []
    for match in QUOTED.finditer(text):
        name = " ".join(next(g for g in match.groups() if g is not None).split())
        if lang in SEGMENTED:
            # One quoted word is emphasis (“数字”), not a name: as bot.summarize, 4 characters.
            if 4 <= len(name) <= 8 and _letters(name) == len(name):
                found.append((name.lower(), (), name))
            continue
        words = name.split()
        if (
            2 <= len(words) <= 5
            and not any(ch.isdigit() or ch in ",;:.()" for ch in name)
            and words[0].lower() not in stop
            and words[-1].lower() not in stop
        ):
            found.append((name.lower(), (), name))
    return found


def _mentions(name: str, lowered: str, lang: str) -> list[re.Match]:
    """Every use of a name in a text (NFKC, lowercased), quoted or not."""
    edge = "" if lang in SEGMENTED else r"(?<!\w)"
    return list(re.finditer(edge + re.escape(name) + edge.replace("<", ""), lowered))


def _letters(token: str) -> int:
    """How many letters `token` has when it is all letters (hyphens inside), else 0."""
    letters = len(_LETTERS.findall(token))
    return letters if letters == len(token.replace("-", "").replace("‐", "")) else 0
