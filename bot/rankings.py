"""Rankings: whether a question asks places in one ("the top five cities", "じゃあ2位は？"), and
whether a sentence lists places ("Les 5 premières villes sont Shanghai, Pékin, …")."""

from __future__ import annotations

import re

from bot.closed_words import asks_why
from bot.commonness import is_common
from bot.target import places
from bot.tokens import CJK

# A place in a ranking asked, in the eleven languages: "top", ordinals, "behind"; not the noun
# "ranking" alone ("Which batches were counted in the ranking?" asks no place in it).
_RANKING = re.compile(
    r"\b(?:top|ranks?|ranked|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th)|behind(?! the\b)|"
    r"class[ée]e?s?|classements?|rang|deuxi[eè]me|troisi[eè]me|quatri[eè]me|cinqui[eè]me|sixi[eè]me|"
    r"septi[eè]me|huiti[eè]me|neuvi[eè]me|dixi[eè]me|derri[eè]re|premi[eè]res places|"
    r"puestos?|segund[oa]s?(?!\s+(?:o|a|os|as|um|uma|ele|ela|eles|elas)\b)|"
    r"tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]|s[ée]ptim[oa]|octav[oa]|noven[oa]|d[ée]cim[oa]|"
    r"detr[aá]s|"
    r"pl(?:a|ä)tze?|zweite\w*|dritte\w*|vierte\w*|fünfte\w*|sechste\w*|siebte\w*|"
    r"neunte\w*|zehnte\w*|hinter|"
    r"post[oi]|terz[oa]|quart[oa]|settim[oa]|ottav[oa]|non[oa]|dietro|lugar(?:es)?|terceir[oa]|"
    r"s[ée]tim[oa]|oitav[oa]|atr[aá]s|"
    r"мест[оеа]\w*|втор\w*|треть\w*|четв[её]рт\w*|пят(?:ый|ое|ая|ом|ого|ым)|шест(?:ой|ое|ая|ом)|"
    r"седьм\w*|восьм(?:ой|ое|ая|ом)|девят(?:ый|ое|ая|ом)|десят(?:ый|ое|ая|ом)|позади|"
    r"المرتبة|المركز|الأولى|الخمس|الرابع\w*|الخامس\w*|السادس\w*|السابع\w*|الثامن\w*|"
    r"التاسع\w*|العاشر\w*)\b|"
    r"第[二三四五六七八九十\d]|前[三四五十\d]|排第|"
    r"\d位|上位|何位|\d위|상위|몇 위|"
    # The first place, in so many words: "ganz vorne", "en tête", "首位", "선두".
    r"\b(?:ganz vorn[e]?|an der spitze|en t[eê]te|a la cabeza|in testa|no topo|во главе)\b|"
    r"首位|선두",
    re.IGNORECASE,
)
# The place of a city asked: "what position", "which rank", "第几", "몇 위" (not "1位になって
# いる分野", a place given).
_PLACE_ASKED = re.compile(
    r"\b(?:ranks?|ranked|ranking|rang|classée?s?|puesto|platz|posto|lugar|мест[оеа]|"
    r"(?:what|which) (?:place|position)|quelle (?:place|position)|"
    r"qu[eé] (?:posici[oó]n|lugar)|welche[nmr]? (?:platz|rang|position)|che posizione|"
    r"quale posto|(?:que|qual) (?:a )?posi[çc][aã]o|какое место|какую позицию|ما ترتيب|"
    r"ما موقع|في أي مرتبة|المرتبة|المركز)|排名|排第几|第几|几名|何番目|何位|몇\s?위",
    re.IGNORECASE,
)
# A place asked beyond the fifth, by its ordinal ("sixth", "Platz sechs", "第六", "6위"): a list
# of the first five places does not hold it. The ranks of the first five are never refused so.
_ORDINAL_WORDS = (
    (
        6,
        r"sixth|sixi[eè]me|sext[oa]|sechste[nmrs]?|sest[oa]|шест(?:ой|ое|ая|ом|ого)|السادس[ةه]?"
        r"|platz\s+sechs|여섯\s?번째",
    ),
    (
        7,
        r"seventh|septi[eè]me|s[eé]ptim[oa]|s[eé]tim[oa]|siebte[nmrs]?|settim[oa]|седьм(?:ой|ое|ая"
        r"|ом|ого)|السابع[ةه]?|platz\s+sieben|일곱\s?번째",
    ),
    (
        8,
        r"eighth|huiti[eè]me|octav[oa]|oitav[oa]|achte[nmrs]?|ottav[oa]|восьм(?:ой|ое|ая|ом|ого)"
        r"|الثامن[ةه]?|platz\s+acht|여덟\s?번째",
    ),
    (
        9,
        r"ninth|neuvi[eè]me|noven[oa]|non[oa]|neunte[nmrs]?|девят(?:ый|ое|ая|ом|ого)|التاسع[ةه]?"
        r"|platz\s+neun|아홉\s?번째",
    ),
    (
        10,
        r"tenth|dixi[eè]me|d[eé]cim[oa]|zehnte[nmrs]?|десят(?:ый|ое|ая|ом|ого)|العاشر[ةه]?"
        r"|platz\s+zehn|열\s?번째",
    ),
)
_CJK_ORDINALS = "六七八九十"  # 第六, 六位: written inside words
_DIGITS = "一二三四五六七八九"
_ORDINAL_WORD = [
    (n, re.compile(rf"(?<!\w)(?:{w})(?!\w)|第{c}(?![{_DIGITS}])|(?<![第{_DIGITS}]){c}位", re.I))
    for (n, w), c in zip(_ORDINAL_WORDS, _CJK_ORDINALS, strict=True)
]
_ORDINAL_DIGITS = re.compile(
    r"(?:第|\bplatz\s|\bplace\s|\bno\.\s?|\bn[°º]\s?|المرتبة\s|المركز\s)(\d+)(?!\d)"
    r"|(?<!\d)(\d+)(?:th\b|e\b|[eè]me\b|[ºª°]|\.\s?platz|\s?位|\s?위|-?(?:е|й|м|ое|ом)\s+мест)",
    re.IGNORECASE,
)
# A list of the first five places: every ordinal to the fifth may be in it.
LIST_FIRST = 5
# The longest Chinese, Japanese or Korean place name listed (南京, 合肥市, 쑤저우).
CJK_PLACE_CHARS = 3
# Where a sentence ends, roughly: enough to find the rankings' lists of places.
_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?!\d)|[。！？\n]")
# Items of a list: the separators of an enumeration in every script, and how short an item is;
# Chinese "和" or "及" before the last item only ("上海、重庆、北京、天津和东莞。"), elsewhere it
# joins words ("规模和密度").
_LIST_ITEM = re.compile(
    r"\s*(?:[,、，،]|\bet\b|\band\b|\by\b|\bund\b|\be\b|\bи\b|\bو|[和及](?=\w{1,4}[。.]?$))\s*"
)
LIST_ITEM_WORDS, LIST_ITEM_CHARS = 2, 12
# An item counted in a list may be a little longer: "ville de Jinan".
LONG_ITEM_CHARS = 16
LIST_ITEMS = 3
# A few cities counted: "the five cities", "五个城市", "первую пятёрку"; not the article's
# sample ("the 50 major cities").
_CITIES_COUNTED = re.compile(
    r"\b(?:[2-9]|10|three|four|five|ten|trois|quatre|cinq|dix|tres|cuatro|cinco|diez|drei|vier|"
    r"fünf|zehn|tre|quattro|cinque|dieci|três|quatro|dez|три|четыре|пять|десять)\s+"
    r"(?:[^\W\d_]+\s+)?(?:cities|villes|ciudades|städte\w*|città|cidades|город\w*)\b|"
    r"пят[её]рк\w*|десятк\w*|[三四五十](?:个|大)?城市",
    re.IGNORECASE,
)

# The place next to a city's in a ranking, asked ("qual cidade ficou logo atrás de Xangai no
# ranking", "quale città viene subito dopo Shanghai nella classifica", "武漢の次に来る都市",
# "순위에서 상하이 바로 다음 도시"): "behind", "right after", "next" or "ahead of" ("que cidade
# ficou na frente de Pequim"), and a ranking named.
_NEXT_TO = re.compile(
    r"\b(?:behind|right after|just after|derri[eè]re|juste apr[eè]s|detr[aá]s|justo despu[eé]s|"
    r"hinter|direkt nach|dietro|subito dopo|atr[aá]s|logo (?:depois|ap[oó]s)|позади|"
    r"сразу после|مباشرة بعد|يلي|تلي|ahead of|in front of|devant|delante de|por delante de|"
    r"vor|davanti a|prima di|(?:na )?frente de|à frente de|впереди|перед|قبل|أمام)\b|"
    r"之后|后面|紧随|仅次于|之前|前面|の次|次いで|の前|바로 다음|다음|뒤|앞",
    re.IGNORECASE,
)
_RANKING_NAMED = re.compile(
    r"\b(?:rank\w*|classement|clasificaci[oó]n|classifica|rangliste|ranking|рейтинг\w*|"
    r"الترتيب|تصنيف)\b|排名|排行|ランキング|順位|순위",
    re.IGNORECASE,
)
# Which city asked: "which city", "qual cidade", "どの都市", "都市はどこ", "도시는 어디".
_WHICH_CITY = re.compile(
    r"\b(?:which|what|quel(?:le)?s?|qu[eé]|cu[aá]l(?:es)?|welche[mnrs]?|quale?|quali|que|quais?|"
    r"как(?:ой|ая|ие|их|ом)|أي)\s+(?:\w+\s+)?(?:cit(?:y|ies)|villes?|ciudad(?:es)?|st[äa]dte?|"
    r"città|cidades?|город\w*|مدينة)\b|哪(?:个|些|座)?城市|どの都市|都市は(?:どこ|何)|"
    r"어느 도시|도시(?:는|가) 어디|"
    # Which holds a place asked by its number: "2위는 어디", "2位はどこ", "第二名是哪".
    r"\d\s?위(?:는|가) 어디|\d\s?位は(?:どこ|何処)|第[二三四五六七八九十\d]名?是哪",
    re.IGNORECASE,
)

# Cities other than the one asked about: "比其他城市早吗？", "ahead of other cities?".
_OTHER_CITIES = re.compile(
    r"\bother cities|autres villes|otras ciudades|anderen? städte\w*|altre città|"
    r"outras cidades|други\w* город\w*|المدن الأخرى|其他城市|其它城市|别的城市|他の都市|다른 도시",
    re.IGNORECASE,
)


def asks_ranking(question: str) -> bool:
    """Whether `question` asks who holds places in a ranking ("top five cities", "2位は？",
    "who comes right after it in the ranking?", "which city comes right after Shanghai in the
    ranking?"); not the place of a city it names ("¿Qué puesto ocupa Shanghái?", which a heading
    such as "Pékin et Shanghai se classent deuxième et troisième" answers); nor a reason
    ("pourquoi le classement … s'arrête au 4e lot ?")."""
    if asks_why(question):
        return False
    return asks_next_to(question) or _ranks(question) and not places(question)


def asks_next_to(question: str) -> bool:
    """Whether `question` asks which city is next to one it names in a ranking ("qual cidade
    ficou logo atrás de Xangai no ranking…?")."""
    return _next_in_ranking(question) and asks_which_city(question)


def _next_in_ranking(question: str) -> bool:
    """Whether `question` asks the place next to another in a ranking it names."""
    ranking = _RANKING_NAMED.search(question) or _RANKING.search(question)
    return bool(ranking and _NEXT_TO.search(question))


def asks_which_city(question: str) -> bool:
    """Whether `question` asks which city ("qual cidade", "どの都市", "도시는 어디")."""
    return _WHICH_CITY.search(question) is not None


def asks_a_rank(question: str) -> bool:
    """Whether `question` asks a place in a ranking, of a city it names or not ("몇 위예요?",
    "Quelle place occupe Pékin… ?"); not "behind", "hinter" or "première classe"."""
    return _PLACE_ASKED.search(question) is not None


def not_the_two(question: str) -> bool:
    """Whether the cities `question` speaks of are not the two to compare: it names one of them
    at most, and asks places in a ranking ("¿Qué ciudad fue segunda…?", "Welche Städte liegen
    … hinter Peking?"), a few cities ("the five cities with the most…", "五个城市"), or speaks
    of the others ("上海的元宇宙政策比其他城市早吗？")."""
    others = (
        _RANKING.search(question) or _next_in_ranking(question) or _OTHER_CITIES.search(question)
    )
    return bool(others or _CITIES_COUNTED.search(question)) and len(places(question)) < 2


def _ranks(question: str) -> bool:
    """Whether `question` asks places in a ranking, or a few cities ("the five cities…")."""
    return bool(_RANKING.search(question) or _CITIES_COUNTED.search(question))


def listed(sentence: str) -> list[str]:
    """The short items between the commas of `sentence`, when it lists names ("Chongqing",
    "Pékin", "Tianjin" of "… sont Shanghai, Chongqing, Pékin, Tianjin et Dongguan."); [] when
    it lists none. The first and last pieces hold the rest of the sentence, and are left out."""
    if not enumerates(sentence):
        return []
    items = [" ".join(item.split()) for item in _LIST_ITEM.split(sentence)[1:-1]]
    return [i for i in items if 0 < len(i.split()) <= LIST_ITEM_WORDS and len(i) <= LIST_ITEM_CHARS]


def listed_places(text: str, lang: str) -> frozenset[str]:
    """The places other than the two cities that `text` (in `lang`) lists beside one of them,
    in its rankings ("chongqing", "天津", "난징"), lowercased."""
    return frozenset(
        item for sentence in _SENTENCE_END.split(text.casefold()) if places(sentence)
        for item in listed(sentence) if _a_place(item, lang)
    )  # fmt: skip


def _a_place(item: str, lang: str) -> bool:
    """Whether a list item may be a place: not one of the two cities, no figure ("en 2021"),
    no everyday word ("지난", Jinan, is "last"), and in Chinese, Japanese or Korean no more than
    three characters ("结果显示" opens a list)."""
    if places(item) or any(c.isdigit() for c in item) or is_common(item, lang):
        return False
    return not CJK.search(item) or len(item) <= CJK_PLACE_CHARS


def enumerates(sentence: str) -> bool:
    """Whether `sentence` lists names: three short items or more in a row, between commas
    ("Shenzhen, Pékin, Shanghai, Hangzhou, Nanjing", "上海、南京、北京")."""
    items = [item.split() for item in _LIST_ITEM.split(sentence)]
    run = 0
    for words in items[1:-1]:  # the first and last pieces hold the rest of the sentence
        short = 0 < len(words) <= LIST_ITEM_WORDS and len("".join(words)) <= LIST_ITEM_CHARS
        run = run + 1 if short else 0
        if run >= LIST_ITEMS:
            return True
    return False


def position_asked(question: str) -> int | None:
    """The place in a ranking `question` asks by its ordinal, beyond the fifth ("Which city is
    sixth?", "6위 도시는?"); None when it asks none of those."""
    beyond = [n for n in _positions(question) if n > LIST_FIRST]
    return max(beyond) if beyond else None


def reaches(text: str, position: int) -> bool:
    """Whether a sentence of `text` may say who holds `position` (beyond the fifth): it names
    that place ("sixth"), or lists as many places or more ("the top 10 cities are …"), not only
    the first few ("The top 5 cities are …", "Shanghai first, Beijing second")."""
    return any(
        position in _positions(sentence) or enumerates(sentence) and _items(sentence) >= position
        for sentence in _SENTENCE_END.split(text)
    )


def _items(sentence: str) -> int:
    """How many items the longest list of `sentence` holds: its longest run of short pieces
    between commas ("Shenzhen", "ville de Jinan"), and the piece before it, which ends with the
    first ("… the top 10 cities are Beijing"), when there is one."""
    longest = run = 0
    for piece in filter(None, (p.strip(" .。") for p in _LIST_ITEM.split(sentence))):
        if len(piece.split()) <= LIST_ITEM_WORDS + 1 and len(piece) <= LONG_ITEM_CHARS:
            run += 1
            longest = max(longest, run)
        else:
            run = 1  # the long piece ends with the list's first item
    return longest


def _positions(text: str) -> list[int]:
    """The places in a ranking `text` names by their ordinals, from the sixth."""
    positions = [n for n, word in _ORDINAL_WORD if word.search(text)]
    return positions + [int(a or b) for a, b in _ORDINAL_DIGITS.findall(text)]
