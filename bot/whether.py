"""Whether a question asks yes or no ("Was Huawei among the partners?", "华为入选了吗？", "هل…؟"):
one naming something the article never names is answered by saying so, whatever the nearest
sentence (bot.abstain)."""

from __future__ import annotations

import re

from bot.closed_words import INTERROGATIVES, is_interrogative

# Question words of the languages written without spaces, or with endings on (Korean: its
# closed class, and "뭐", "무슨").
_ASKING_WHAT = {
    "zh": re.compile(r"什么|哪|谁|多少|几|怎|为什么|何时|如何"),
    "ja": re.compile(r"何|どこ|いつ|誰|どの|どれ|いくつ|どう|なぜ|どんな|いくら|どちら"),
    "ko": re.compile("|".join([*INTERROGATIVES["ko"].split(), "뭐", "무슨"])),
}
# How those languages end a question asking whether: "吗", "是否", "…ましたか", "…나요?".
_WHETHER_ENDING = re.compile(r"[吗嗎么か까요]\s*[？?]?\s*$|是否|有没有|是不是")
# A verb first, in English and German: "Is…", "Did…", "Gibt es…", "Gehört…".
_VERB_FIRST = re.compile(
    r"^\s*(?:is|are|was|were|does|do|did|has|have|had|can|could|will|would|should|ist|sind|"
    r"war|waren|hat|haben|hatte|gibt|gab|wird|werden|wurde|wurden|kann|können|gehört|gehören|"
    r"nennt|erwähnt|plant|will)\b",
    re.IGNORECASE,
)


def asks_whether(question: str, lang: str) -> bool:
    """Whether `question` (in `lang`) asks yes or no: a verb first (English, German), "ли"
    (Russian), "هل" (Arabic), an ending and no question word (Chinese, Japanese, Korean), else
    a question mark and no question word."""
    if lang in _ASKING_WHAT:
        return not _ASKING_WHAT[lang].search(question) and bool(_WHETHER_ENDING.search(question))
    if lang == "ar":
        return question.strip().startswith("هل")
    if lang in ("en", "de"):
        return _VERB_FIRST.match(question) is not None
    if lang == "ru":
        return re.search(r"\sли\b", question) is not None
    words = re.findall(r"\w+", question.casefold())
    asking = any(is_interrogative(word, lang) for word in words)
    return question.strip().endswith("?") and not asking
