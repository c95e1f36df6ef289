"""Key terms of a Chinese or Japanese question (bot.keyterms): words are not separated by
blanks, so names and rare words are found by jieba's dictionary (Chinese) or by script runs
(Japanese katakana and kanji)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.commonness import is_common, load_jieba, simplified, zipf
from bot.gazetteer import city_named
from bot.term import Term
from bot.tokens import CJK

# jieba's part-of-speech tags for names of people, places, organisations and other proper nouns.
_NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz"})
# Nouns carry what a question is about: a Chinese word is a term when jieba tags it a noun
# (n…), a verbal or adjectival noun (vn, an); verbs say how it asks ("涨到"), which the corpus
# may say otherwise, and adverbs, pronouns ("哪些"), numerals ("多少"), measure words never count.
_NOUN_TAGS = ("n", "vn", "an")

_KANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_KANJI_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]{2,}")


def chinese_terms(text: str, common: int) -> Iterator[Term]:
    """Names by the part of speech jieba's dictionary gives ("东京" ns), nouns when rare. A word
    the dictionary lacks is no term: jieba's HMM would guess names and fragments alike ("黄昭颖",
    "对算力"), and tagging every word with it costs a millisecond."""
    jieba = load_jieba()
    tags = jieba.posseg.dt.word_tag_tab
    # jieba's dictionary is simplified: segment "東京" as "东京", show it as the question wrote it.
    simple = simplified(text)
    at = 0
    for word in jieba.lcut(simple, HMM=False):
        surface = text[at : at + len(word)] if len(simple) == len(text) else word
        at += len(word)
        tag = tags.get(word, "")
        if len(word) < 2 or not CJK.search(word) or not tag.startswith(_NOUN_TAGS):
            continue
        if tag in _NAME_TAGS:
            yield Term(surface, "name", _chinese_keys(word))
        elif not is_common(word, "zh", common):
            yield Term(surface, "word", _chinese_keys(word))


def _chinese_keys(word: str) -> tuple[str, ...]:
    """The shorter words a compound is made of when they cover it ("合作伙伴" → "合作", "伙伴"):
    the corpus may write them apart, or in another compound."""
    parts = [p for p in load_jieba().tokenize(word, mode="search") if 2 <= len(p[0]) < len(word)]
    covered = {i for _, start, end in parts for i in range(start, end)}
    return tuple(dict.fromkeys(p for p, _, _ in parts)) if len(covered) == len(word) else (word,)


# How common in Japanese a katakana run must be to be a loanword, not a name (wordfreq's zipf:
# "パートナー" 4.4, "イノベーション" 3.6, "アップル" 4.0; "テンセント", "アリババ" 0).
LOANWORD_ZIPF = 3.0


def japanese_terms(text: str, common: int) -> Iterator[Term]:
    """Rare katakana runs as names (loanwords, foreign names), rare kanji runs as words. Without
    MeCab (a 50 MB dictionary) Japanese is not segmented further; a Japanese edition would be
    searched for them as substrings."""
    for kind, pattern in (("name", _KANA_RUN), ("word", _KANJI_RUN)):
        for run in pattern.findall(text):
            if city_named(run, "ja"):  # "大阪市", "ソウル": a city's name
                yield Term(run, "name", (run,))
                continue
            # 何 opens a question counter: 何社 "how many companies", 何位 "which rank".
            if not run.startswith("何") and not is_common(run, "ja", common):
                # A loanword Japanese writes often ("パートナー", "イノベーション") is a word;
                # a name is rare in general use ("テンセント", "バイトダンス").
                loanword = kind == "name" and zipf(run, "ja") >= LOANWORD_ZIPF
                yield Term(run, "word" if loanword else kind, (run,))
