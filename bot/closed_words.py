"""Closed classes of words, in the eleven languages: question words, words that ask for a summary
or point at the text, verbs that ask for a summary, and thanks. Word lists miss them or rank them
common or rare by accident; bot.keyterms keeps them out of a question's terms, bot.intent reads
what a message asks by them.
"""

from __future__ import annotations

import re
from functools import cache

from bot.tokens import CJK_LANGS

# Question words, a closed class: stopword lists miss most of them, and wordfreq ranks some below
# the common ones ("whom", "cuántos", "quantas").
INTERROGATIVES = {
    "en": "what which who whom whose how why where when whether",
    "fr": "combien quel quelle quels quelles lequel laquelle lesquels lesquelles pourquoi comment "
    "où quand qui quoi que qu",
    "es": "qué cuál cuáles quién quiénes cuánto cuánta cuántos cuántas cómo dónde cuándo adónde",
    "de": "was wer wen wem wessen wie wo wann warum wieso weshalb welche welcher welches welchen "
    "welchem woher wohin wieviel wieviele worin worum wobei womit wodurch wofür worauf woran "
    "worüber",
    "it": "che chi cosa quale quali quanto quanta quanti quante come dove quando perché",
    "pt": "que quê qual quais quem quanto quanta quantos quantas como onde quando porque porquê",
    "ru": "что кто какой какая какое какие каких каким какого какую сколько как где когда почему "
    "зачем куда откуда чей чья чьё чьи который которая которое которые кого кому кем ком чего "
    "чему чем чём",
    "ar": "ما ماذا من متى أين كيف لماذا كم هل أي",
    "ko": "무엇 누구 언제 어디 어떻게 왜 얼마 몇 어느 어떤",
}

# Words that thank, a closed class (bot.intent: "Thanks for the summary!" is small talk, though
# e5 puts it among the summary requests).
THANKS = {
    "en": "thanks thank thx",
    "fr": "merci",
    "es": "gracias",
    "de": "danke",
    "it": "grazie",
    "pt": "obrigado obrigada valeu",
    "ru": "спасибо",
    "ar": "شكرا شكراً شكرًا",
    "zh": "谢谢 多谢 感谢",
    "ja": "ありがとう サンキュー",
    "ko": "고마워 고맙 감사",
}
# Verbs that ask for a summary in so many words ("Résume …", "メタバースのパートを要約して"; not
# the nouns of REQUEST_WORDS, which also name a report's summary: "Que dit le résumé du
# plan ?"): such a message is a summary request whatever e5 makes of the rest (bot.intent).
SUMMARY_VERBS = {
    "en": "summarise summarize",
    "fr": "résume résumer résumez",
    "es": "resume resúmeme resúmelo resumir",
    "de": "fasse zusammenfassen",
    "it": "riassumi riassumimi",
    "pt": "resuma resumir",
    "ru": "перескажи резюмируй",
    "ar": "لخص لخّص",
    "zh": "总结 概括",
    "ja": "要約して まとめて",
    "ko": "요약해",
}

# Words that ask for a summary or point at the text, a closed class like the question words: in
# "give me the gist of X" or "X는 기사에서 어떤 맥락으로 나와?" the subject is X, and the corpus not
# writing "gist" or "맥락" ("context") says nothing of it; nor "anywhere" in "Is X mentioned
# anywhere in the text?" (the other languages' words for it are everyday words).
REQUEST_WORDS = {
    "en": "summarise summarize summary gist recap overview mention mentioned mentions cite cites "
    "cited context anywhere",
    "fr": "résume résumer résumé résumez synthèse mentionne mentionné contexte",
    "es": "resume resúmeme resúmelo resumen resumir menciona mencionado contexto",
    "de": "fasse zusammen zusammenfassung zusammenfassen erwähnt erwähnung kontext",
    "it": "riassumi riassumimi riassunto menziona menzionato contesto",
    "pt": "resuma resumo resumir menciona mencionado contexto",
    "ru": "перескажи резюмируй резюме упоминается упомянут контекст контексте",
    "ar": "لخص لخّص ملخص يذكر سياق",
    "zh": "总结 概括 摘要 提到",
    "ja": "要約 まとめ 言及 文脈",
    "ko": "요약 맥락 언급",
}

# What French and Italian elide before an apostrophe ("l'IA", "jusqu'en", "Dell'IA").
ELIDED = (
    "l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu dell nell all dall sull coll quell "
    "quest un nessun tutt gl"
)

# Words for the percent sign: the editions write "%" ("11,3 %", "11.3%"), so the corpus not
# writing "パーセント" or "Prozent" says nothing of what a question asks.
PERCENT_WORDS = (
    "percent percentage pourcent pourcentage porcentaje porciento prozent prozentsatz percento "
    "percentuale percentagem porcento процент процента процентов процентах بالمئة المئة بالمائة "
    "百分比 百分之 パーセント 퍼센트 퍼센티지"
)


# Words pointing at the text ("the article", "mentioned", "文中", "記事", "기사"), in the eleven
# languages.
_POINTS_AT_TEXT = re.compile(
    r"\b((?:the|this) (?:article|text|piece)|mentioned|l'article|(?:le|ce) texte|cet article|"
    r"mentionn\w*|(?:el|del|este) (?:art[ií]culo|texto)|mencion\w*|"
    r"(?:der|im|dem|laut|diese[mnrs]?) (?:artikel|text)|erw[aä]hnt|l'articolo|nell'articolo|"
    r"quest[o'] ?(?:articolo|testo)|menzion\w*|(?:o|este|neste) (?:artigo|texto)|no artigo|"
    r"в статье|стать[яеи]|упомина\w*|المقال|يذكر)\b|"
    r"文章|文中|原文|提到|記事|言及|기사|언급"
)
# Verbs asking what is said ("cosa dice sui dati?", "Что сказано про…", "怎么说", "anything
# about Huawei?", "アリババって出てくる？").
_SAYS = re.compile(
    r"\b(says?|said|dit|raconte|dicen?|sagt|gesagt|schreibt|detto|scrive|diz|dito|fala|"
    r"сказано|говорится|говорит|пишут|написано|يقول|يقال|anything (?:about|on)|"
    r"quelque chose sur|algo sobre|etwas (?:über|zu)|qualcosa su|что-(?:нибудь|то) (?:о|об|про))\b|"
    r"说了什么|說了什麼|怎么说|言って|書かれ|出てくる|出て来る|登場|뭐라고"
)

# Words asking for a reason, in the eleven languages.
_WHY = re.compile(
    r"\b(why|pourquoi|por qu[eé]|warum|perch[eé]|почему|لماذا)\b|为什么|為什麼|为啥|なぜ|どうして|"
    r"なんで|何で|왜"
)
# Words asking which one ("Which Apple device…?", "Quel dirigeant…?", "Qual foi o primeiro
# dispositivo…?", "Какое устройство…?", "哪些", "何という製品", "어느"), or its name ("Wie heißt
# das Modell…?", "叫什么"): one thing, named, even when the message points at the text ("…,
# segundo o texto?", "…, laut Artikel?").
_WHICH = re.compile(
    r"\b(?:which|quel(?:le)?s?|cu[aá]l(?:es)?|welche[mnrs]?|qual[ei]?|quais|"
    r"как(?:ой|ая|ое|ие|ого|ую|их|ом|им)|أي|أية|what(?:'s| is| are) the names?|"
    r"comment s'appellen?t|c[oó]mo se llaman?|wie hei(?:ß|ss)(?:t|en)|come si chiama(?:no)?|"
    r"como se chama(?:m)?|как называ\w*|как зовут|ما اسم)\b|哪|何という|どの|어느|叫什么|叫啥|"
    r"名前は|이름은|이름이",
    re.IGNORECASE,
)
# Words asking what something means ("'디지털 비중'은 어떤 비율을 뜻하나요?", "que veut dire le
# sigle AIGC ?"): a definition, no figure, even when the thing defined is a ratio.
_MEANING = re.compile(
    r"\bwhat does\b.{0,80}\bmean\b|\bwhat is meant\b|\bveut dire\b|\bsignifie\b|"
    r"\bsignifica\b|\bquiere decir\b|\bbedeutet\b|\bwas heißt\b|\bvuol dire\b|"
    r"\bsi intende\b|\bquer dizer\b|\bозначает\b|\bпонимается\b|يعني|معنى|المقصود|"
    r"什么意思|指的是什么|指什么|含义|意味|뜻하|뜻은|의미하|의미는"
)


def asks_why(text: str) -> bool:
    """Whether `text` asks for a reason ("pourquoi", "为什么", "왜")."""
    return _WHY.search(text.casefold()) is not None


def points_at_text(text: str) -> bool:
    """Whether the message points at the text ("the article", "mentioned", "文中", "기사")."""
    return _POINTS_AT_TEXT.search(text.casefold()) is not None


def asks_a_meaning(text: str) -> bool:
    """Whether the message asks what something means ("what does … mean", "뜻하나요")."""
    return _MEANING.search(text.casefold()) is not None


def asks_which(text: str) -> bool:
    """Whether the message asks which one ("Which Apple device…?", "Qual foi…?", "哪些")."""
    return _WHICH.search(text) is not None


def asks_what_is_said(text: str) -> bool:
    """Whether the message asks what is said ("what does it say…", "cosa dice…", "怎么说")."""
    return _SAYS.search(text.casefold()) is not None


def joins_syllables(word: str) -> bool:
    """Whether the apostrophe in `word` joins a name's syllables ("Xi'an", "Yan'an"): after a
    capitalised part that is no elided word (ELIDED: "Dell'IA"), before a lowercase one."""
    before, _, after = word.partition("'")
    return (
        len(before) > 1
        and before[0].isupper()
        and before.casefold() not in _elided()
        and after[:1].islower()
    )


@cache
def _elided() -> frozenset[str]:
    return frozenset(ELIDED.split())


def is_percent_word(word: str) -> bool:
    """Whether `word` names the percent sign, in any language (PERCENT_WORDS)."""
    return word.casefold() in _percent_words()


def is_request_word(word: str) -> bool:
    """Whether `word` asks for a summary or points at the text, in any language (see
    REQUEST_WORDS)."""
    return word.casefold() in _request_words()


def has_request_word(text: str) -> bool:
    """Whether `text` holds a word of REQUEST_WORDS: a whole word, or in Chinese, Japanese and
    Korean, where words run together ("总结一下", "요약해 줘"), a part of one."""
    return _holds(text, _request_words(), REQUEST_WORDS)


def has_summary_verb(text: str) -> bool:
    """Whether `text` asks for a summary with a verb of SUMMARY_VERBS, found as
    has_request_word finds its words. Chinese writes the noun alike: after "的" it is one
    ("谢谢你的总结")."""
    return _holds(_POSSESSED_SUMMARY.sub(" ", text), _summary_verbs(), SUMMARY_VERBS)


_POSSESSED_SUMMARY = re.compile("的(?:" + "|".join(SUMMARY_VERBS["zh"].split()) + ")")


def _holds(text: str, words: frozenset[str], by_lang: dict[str, str]) -> bool:
    folded = text.casefold()
    return any(word in words for word in re.findall(r"\w+", folded)) or any(
        word in folded for lang in CJK_LANGS for word in by_lang[lang].split()
    )


def is_thanks(word: str) -> bool:
    """Whether `word` is a word of THANKS."""
    return word.casefold() in _thanks()


def opens_with_thanks(text: str) -> bool:
    """Whether `text` opens by thanking ("Thanks for…", "Merci pour…", "谢谢你的总结"), or in
    Japanese and Korean, whose verb comes last, ends by it ("要約ありがとう", "요약 고마워요"); not
    "Sintesi, grazie.", where the thanks is a please."""
    folded = text.casefold().strip()
    words = re.findall(r"\w+", folded)
    if words and words[0] in _thanks():
        return True
    if folded.startswith(_THANKS_OPENING):
        return True
    last = words[-1] if words else ""  # "고마워요", "감사합니다", "要約ありがとう"
    return any(word in last for word in _THANKS_CLOSING)


# Unspaced scripts: thanks opening a Chinese or Japanese message, closing a Japanese or Korean one.
_THANKS_OPENING = tuple(f"{THANKS['zh']} {THANKS['ja']}".split())
_THANKS_CLOSING = tuple(f"{THANKS['ja']} {THANKS['ko']}".split())


@cache
def _thanks() -> frozenset[str]:
    return frozenset(w for words in THANKS.values() for w in words.split())


@cache
def _percent_words() -> frozenset[str]:
    return frozenset(PERCENT_WORDS.split())


@cache
def _request_words() -> frozenset[str]:
    return frozenset(w for words in REQUEST_WORDS.values() for w in words.split())


@cache
def _summary_verbs() -> frozenset[str]:
    return frozenset(w for words in SUMMARY_VERBS.values() for w in words.split())


# What Arabic writes onto a word: "and", "so", then "to" or "by" ("ولأي": "and to which").
_ARABIC_PROCLITICS = re.compile(r"^[وف]?[لب]?(?=..)")


def is_interrogative(word: str, lang: str) -> bool:
    """Whether `word` is a question word of `lang` (see INTERROGATIVES). Arabic writes "and",
    "so" and the prepositions "to", "by" onto the word: "ولأي" is "and to which"."""
    word = word.lower()
    if lang == "ar":
        word = _ARABIC_PROCLITICS.sub("", word)
    return word in _interrogatives(lang)


@cache
def _interrogatives(lang: str) -> frozenset[str]:
    return frozenset(INTERROGATIVES.get(lang, "").split())
