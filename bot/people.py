"""Who a sentence names, read in its English edition (other scripts do not capitalise names):
someone ("Huang Zhaoying", "Zero One Think Tank"), a person who may hold a post (no organisation's
word, no city), an organisation; and whether it names someone the question does not ("Who
interviewed Huang Zhaoying?" is not answered by his own interview). And who a question asks
for: the post asked ("Wer leitet…?"), an author ("Who publishes…?", a person or an organisation),
which person of a kind ("Which reporter…?"). bot.asked and bot.fit ask it."""

from __future__ import annotations

import re

from bot.commonness import zipf
from bot.target import places
from bot.term import QUOTED_TITLE

# The languages whose sentences capitalise names: read as they are, without an English edition
# (an organisation's name only in Latin letters).
CAPITALISING = ("en", "fr", "es", "de", "it", "pt", "ru")
LATIN_CAPITALISING = ("en", "fr", "es", "de", "it", "pt")

# Who did something, in Latin or Cyrillic script: two capitalised words or more in a row, one of
# them rare in English ("Huang Zhaoying", "Kong Rongdu", "Zero One Think Tank"; not "Research
# Report"), outside quotes: a quoted run is a title ("Tackling Key Technology Action Plan").
_CAPITALISED_RUN = re.compile(r"\b[A-ZА-Я][a-zа-я]+(?: [A-ZА-Я][a-zа-я]+)+\b")
RARE_NAME_ZIPF = 4.0
# An organisation named in a sentence's English edition, outside quotes: a run of capitalised
# words ("Alibaba Cloud Computing", "Beijing Big Data Center", "Institute of Scientific and
# Technical Information"), one word written with a capital inside or a dot ("Baidu.com",
# "ByteDance"), an acronym ("HTC"), or a capitalised word rare in English ("Huawei").
_ORGANISATION_NAME = re.compile(
    r"\b(?!(?:On|In|At|By|As|The|Since|From|Until)\b)"  # a sentence's first word, not a name's
    r"[A-Z][\w.&-]*(?:(?: (?:of|and|for|de|du|des|la|le))* [A-Z][\w.&-]*)+|"
    r"\b[A-Z][a-z]+[A-Z.]\w+|\b[A-Z]{3,}\b"
)
_CAPITALISED_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")
# Who someone named is: "who" and a copula ("Who is Kong Rongdu?", "Huang Zhaoying – who is
# he?", "Kong Rongdu: ¿quién es…?"), or the name or a pronoun before "是谁", "は誰", "는 누구"
# (not "记者是谁": the journalist is asked). The name is written " NAME " in its place.
_IDENTITY = re.compile(
    r"\b(?:who|qui|qui[eé]n(?:es)?|wer|chi|quem|кто)\s+(?:is|was|are|est|était|es|era|son|ist|"
    r"war|è|é|такой|такая|это)\b|\bc['’]est qui\b|\bqui c['’]est\b|\bwho['’]s\b|"
    r"^[وف]?من\s+(?:هو|هي)\b|"
    r"(?:NAME|他|她|彼|彼女|그|그녀)\s*(?:氏)?"
    r"(?:是谁|是什么人|是何人|とは誰|は誰|とは|는 누구|은 누구|이 누구|가 누구)",
    re.IGNORECASE,
)
# An organisation's word in a run of capitalised words: "Beijing Super Cloud Computing Center",
# "IDG Capital Investment Consulting" name no one.
_ORGANISATION_WORD = re.compile(
    r"\b(?:Co|Ltd|Inc|Corp\w*|Compan\w*|Cent(?:er|re)|Academy|Institute|University|Fund|"
    r"Capital|Group|Bank|Tank|Cloud|Computing|Technolog\w*|Management|Consulting|Investment|"
    r"Partners?|Program\w*|Plan|Report|Index|Brain|Office|Bureau|Commission|Ministry|"
    r"Government|Association|Alliance|Lab\w*|Network|Foundation|Securities|News|Paper|Service)\b"
)

# A group named as a sentence's subject, within its first words: who did something, when no one
# is named.
_GROUP = re.compile(
    r"\b(?:circles|academia|enterprises|companies|firms|manufacturers|institutions|universities|"
    r"researchers|scholars|experts|governments|investors|people|players|vendors)\b",
    re.IGNORECASE,
)
GROUP_WORDS = 5

# Who wrote, published or issued something ("Who publishes the … Report?", "Кто подготовил
# сводку…?", "谁发布了…"): an organisation answers as well as a person ("Zero One Think Tank").
_AUTHORED = re.compile(
    r"\b(?:publish|issue|release|prepare|compile|wr[io]te|written|draft|author|"
    r"publi(?:é|e[snr]?|ent|a|ait|èrent|cation)\b|public(?:ó|ou|ad[oa]s?|an?|ar|aron|ación|"
    r"ação)\b|pubblic(?:at[oaie]|ò|are|ano|azione)\b|édit|émi[st]|rédig|prépar|élabor|compil|"
    r"redact|escrib|escrit|escrev|veröffentlich|herausgegeben|herausgeber|erstellt|verfasst|"
    r"erarbeitet|emess|emett|redatt|redig|scritt|scriss|"
    r"опубликова|публику|выпуст|выпуска|подготови|составил|издал|изда[её]т|написал)\w*|"
    r"(?:نشر|أصدر|يصدر|تصدر|أعد|صاغ)|发布|出台|编制|发表|撰写|编写|印发|出版|"
    r"発表|発行|公表|作成|まとめ|策定|執筆|발표|발간|작성|펴낸|내놓|출간",
    re.IGNORECASE,
)

# Who holds a post ("Qui dirige IDG Capital ?", "Wer ist der Chef von Alibaba Cloud?",
# "上海市长是谁？"): a person answers, not the organisation's name.
_HEAD = re.compile(
    r"\b(?:leads?|heads?|runs|president|chair(?:man|woman)?|ceo|chief|director|mayor|secretary|"
    r"founder|officials?|dirige|t[eê]te|pr[ée]sident[ea]?|directeur|directrice|maire|pdg|fondateur|"
    r"director[a]?|alcalde|jef[ae]|fundador[a]?|leitet|chef(?:in)?|präsident(?:in)?|leiter(?:in)?|"
    r"bürgermeister(?:in)?|vorsitzende[r]?|gründer(?:in)?|direttore|sindaco|capo|fondatore|"
    r"diretor[a]?|prefeito|chefe|руковод\w*|глав\w*|президент\w*|директор\w*|мэр\w*|"
    r"основател\w*|чиновник\w*|возглавля\w*|guida|presied\w*|preside|consejero delegado|"
    r"amministratore delegato|يرأس|(?:ال)?رئيس|مدير|عمدة|مؤسس|(?:ال)?مسؤول)\b|"
    r"负责人|领导|院长|市长|董事长|总裁|创始人|书记|主任|社長|会長|院長|市長|創業者|대표|회장|원장|"
    r"시장|사장|창업자",
    re.IGNORECASE,
)

# Which person of a kind ("Which reporter interviewed…?", "ما اسم الصحفي…؟", "哪位分析师"): a
# person answers, as for "who".
_WHICH_PERSON = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+)?(?:reporters?|journalists?|analysts?|experts?|authors?|"
    r"spokes(?:man|woman|person)|researchers?|officials?)\b|"
    r"\bquel(?:le)?s?\s+(?:\w+\s+)?(?:journalistes?|reporters?|analystes?|experts?|porte-parole|"
    r"auteurs?|fonctionnaires?|responsables?)\b|"
    # Not "¿Por qué el analista…?" (why).
    r"(?<!por )\b(?:qu[eé]|cu[aá]l(?:es)?)\s+(?:\w+\s+)?(?:periodistas?|reporter[oa]s?|"
    r"analistas?|expert[oa]s?|portavoz|autor(?:es)?|funcionari[oa]s?)\b|"
    r"\bwelche[rnms]?\s+(?:\w+\s+)?(?:journalist\w*|reporter\w*|analyst\w*|expert\w*|"
    r"sprecher\w*|autor\w*|beamte\w*)\b|"
    r"\bqual[ei]?\s+(?:\w+\s+)?(?:giornalist[ai]|reporter|analist[ai]|espert[oi]|portavoce|"
    r"autor[ei]|funzionari[oa]?)\b|"
    r"\bqua(?:l|is)\s+(?:\w+\s+)?(?:jornalistas?|rep[óo]rteres?|analistas?|especialistas?|"
    r"porta-voz|autor(?:es)?|funcion[áa]ri[oa]s?)\b|"
    r"\bкак(?:ой|ая|ие|ого|ому)\s+(?:\w+\s+)?(?:журналист\w*|корреспондент\w*|аналитик\w*|"
    r"эксперт\w*|автор\w*|чиновник\w*)|"
    r"(?:أي|ما اسم)\s+(?:ال)?(?:صحفي\w*|محلل\w*|خبير\w*|مراسل\w*|مسؤول\w*)|哪位|"
    r"哪个(?:记者|分析师|专家|官员)|どの(?:記者|アナリスト|専門家|当局者|担当者|幹部)|"
    r"(?:어느|어떤)\s*(?:기자|애널리스트|분석가|전문가|공무원|관계자|책임자)|"
    # "執筆した研究者は誰", "研究员是谁", "연구자는 누구": a person of that kind, not a body.
    r"(?:研究者|研究員|研究员|记者|記者|分析师|アナリスト|专家|専門家)(?:は|是)\s*(?:誰|谁|だれ)|"
    r"(?:연구자|연구원|기자|분석가|애널리스트|전문가)(?:는|은|가|이)\s*누구",
    re.IGNORECASE,
)


def asks_which_person(question: str) -> bool:
    """Whether `question` asks which person of a kind ("Which reporter…?", "哪位分析师…")."""
    return _WHICH_PERSON.search(question) is not None


def asks_an_author(question: str) -> bool:
    """Whether `question`, asking who, asks who wrote, published or issued something."""
    return _AUTHORED.search(question) is not None


def names_someone(text: str) -> bool:
    """Whether `text` names someone: a person, or an organisation by a name rare in English."""
    return bool(_names(text))


def opens_with_a_group(english: str) -> bool:
    """Whether a sentence's English edition opens with a group of people or bodies as its
    subject ("Academic and industrial circles generally use…", "Leading AI companies…"): who
    does something, when the article names no one ("Кто … измеряет техническую силу…?")."""
    return bool(_GROUP.search(" ".join(english.split()[:GROUP_WORDS])))


def names_a_head(text: str) -> bool:
    """Whether `text` names a person who may hold a post: no organisation's word in the name
    ("IDG Capital Investment Consulting"), no city ("Beijing Baidu")."""
    return any(not _ORGANISATION_WORD.search(name) and not places(name) for name in _names(text))


def names_an_organisation(text: str) -> bool:
    """Whether `text` names an organisation, outside quotes."""
    unquoted = QUOTED_TITLE.sub(" ", text)
    return bool(_ORGANISATION_NAME.search(unquoted)) or any(
        zipf(word.group(), "en") < RARE_NAME_ZIPF and not places(word.group())
        for word in _CAPITALISED_WORD.finditer(unquoted)
    )


def _names(text: str) -> list[str]:
    """The runs of capitalised words `text` writes outside quotes with a word rare in English:
    who someone is ("Huang Zhaoying", "Zero One Think Tank")."""
    unquoted = QUOTED_TITLE.sub(" ", text)
    return [
        run.group() for run in _CAPITALISED_RUN.finditer(unquoted)
        if min(zipf(word, "en") for word in run.group().split()) < RARE_NAME_ZIPF
    ]  # fmt: skip


def names_someone_else(question: str, sentence: str, lang: str, english: str = "") -> bool:
    """Whether `sentence` (in `lang`; `english`, its English edition) names someone `question`
    does not: "Who interviewed Huang Zhaoying?" is not answered by the sentence naming Huang
    Zhaoying alone. True when the question asks who the one it names is ("Who is Kong Rongdu?",
    "Kong Rongdu是谁？"), or when names cannot be read (a script without capitals, no English)."""
    if lang not in CAPITALISING and not english:
        return True
    folded = question.casefold()
    names = _names(english or sentence)
    named = [n for n in names if n.casefold() in folded]
    if any(_IDENTITY.search(folded.replace(n.casefold(), " NAME ")) for n in named):
        return True
    return len(named) < len(names)


def post_asked(question: str) -> str | None:
    """The post `question` asks who holds ("maire", "CEO", "leitet", "市长"), when it asks one."""
    found = _HEAD.search(QUOTED_TITLE.sub(" ", question))
    return found.group() if found else None
