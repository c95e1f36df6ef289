"""What a request is about: the subject after its about word ("…say about electric cars?",
"关于小巨人企业", "何について"), or something it asks to be mentioned ("Does it mention Baidu?");
none when the object is the article itself or a question word ("What is the article about?").
A summary request that names a subject gets a focused summary (bot.focus)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.target import UNSPACED_SCRIPT, has_name, names_part, pattern
from bot.tokens import STEMMERS, stopwords

# "…about computing power", "sur les grands modèles", "关于小巨人企业", "について": a summary
# request with one of these, and no part word, asks about a subject. Matched as ALIASES are.
ABOUT = (
    "about", "on", "regarding", "concerning", "sur", "concernant", "propos", "sujet", "sobre",
    "acerca", "über", "zu", "zum", "zur", "su", "sul", "sulla", "sulle", "sui", "sugli", "sullo",
    "riguardo", "о", "об", "обо", "про", "насчёт", "عن", "حول", "بشأن", "关于", "有关", "对于",
    "について", "に関", "대해*", "관한", "대한", "관련*",
)  # fmt: skip
# Postpositions among them: their object comes before ("何について", "무엇에 대해").
_AFTER_OBJECT = ("について", "に関", "대해*", "관한", "대한", "관련*")
# "Does it mention Baidu?", "百度被提到了吗": what is mentioned is the subject, unless the message
# asks what ("What does the article mention?").
MENTIONS = (
    "mention*", "mencion*", "menzion*", "erwähn*", "упомина*", "упомян*", "يذكر", "ذكر",
    "提到", "提及", "言及", "언급*",
)  # fmt: skip
# What asks what: "What does the article mention?", "о чём текст?", "何について", "무엇에 관한".
_WHAT = (
    "what", "which", "quoi", "quel*", "qué", "cuál*", "was", "welche*", "worüber", "cosa",
    "qual*", "quais", "что", "чём", "чем", "как*", "ماذا", "什么", "啥", "哪", "何",
    "なに", "무엇*", "뭐*", "어떤", "어느",
)  # fmt: skip
# The article itself: "a summary about the text" ("نبذة عن النص") names no subject.
_TEXT = (
    "article", "text*", "document", "piece", "artículo", "artikel", "articolo", "testo", "artigo",
    "стать*", "текст*", "المقال", "النص", "文章", "本文", "原文", "这篇", "記事", "기사*", "글",
)  # fmt: skip
_CLAUSE_END = re.compile(r"[?!.,;:¿¡？！。，；：、]")


def names_subject(text: str) -> bool:
    """Whether a summary request names a subject ("sur la puissance de calcul"), not a part
    ("la partie sur Pékin") or the whole."""
    message = text.casefold()
    if names_part(message):
        return False
    mentions = any(has_name(message, word) for word in MENTIONS)
    if mentions and not any(has_name(message, word) for word in _WHAT):
        return True
    return any(_about_objects(message))


def names_text(word: str) -> bool:
    """Whether `word` is a word for the text itself ("article", "記事", "文章")."""
    return any(has_name(word.casefold(), name) for name in _TEXT)


def names_whole(text: str) -> bool:
    """Whether a summary request asks what the whole is about: it has an about word, and each
    has the article or a question word for object ("What is the article about?", "о чём
    текст?", "何について")."""
    objects = list(_about_objects(text.casefold()))
    return bool(objects) and not any(objects)


def about_object(text: str) -> str:
    """What a request is about, after its about word (before a postposition): "…say about
    electric cars?" → "electric cars"; "" when no about word has a subject for object."""
    message = text.casefold()
    for word in ABOUT:
        for match in _matches(message, word):
            before = word in _AFTER_OBJECT
            if _object_is_subject(message, match, before):
                return _object_clause(message, match, before)
    return ""


def _object_clause(message: str, match: re.Match, before: bool) -> str:
    """The clause after the about word at `match` (before it, for a postposition)."""
    if before:
        return _CLAUSE_END.split(message[: match.start()])[-1].strip()
    return _CLAUSE_END.split(message[match.end() :])[0].strip()


def _about_objects(message: str) -> Iterator[bool]:
    """For each about word in casefolded `message`, whether its object is a subject."""
    for word in ABOUT:
        for match in _matches(message, word):
            yield _object_is_subject(message, match, word in _AFTER_OBJECT)


def _object_is_subject(message: str, match: re.Match, before: bool) -> bool:
    """Whether the about word at `match` has a subject for its object: the words after it (before
    it, for a postposition) in its clause, nearest first, are not the article or a question word
    before any other word ("about what", "sur quoi", "何について"), and there are some ("What is
    it about?" has none; "sobre isso" points back at one). In an unspaced script the object is
    where the clause starts ("关于电动汽车说了什么") or ends ("記事は何について")."""
    clause = _object_clause(message, match, before)
    words = _words(clause)[::-1] if before else _words(clause)
    if not words:
        return False
    stop = _any_stopword()
    for word in words:
        if UNSPACED_SCRIPT.search(word):
            return not any(
                (clause.endswith if before else clause.startswith)(name.rstrip("*"))
                for name in (*_WHAT, *_TEXT)
            )
        if any(has_name(word, name) for name in (*_WHAT, *_TEXT)):
            return False
        if word not in stop:
            return True
    return True


def _words(text: str) -> list[str]:
    """The words of casefolded `text`; a run of an unspaced script is one word."""
    return re.findall(r"[^\W\d_]+", text)


@cache
def _any_stopword() -> frozenset[str]:
    return frozenset().union(*(stopwords(lang) for lang in STEMMERS))


def _matches(text: str, name: str) -> list[re.Match]:
    """Where casefolded `text` holds `name`, an ALIASES entry (see `has_name`)."""
    return list(re.finditer(pattern(name), text))
