"""Attributes the question asks of a thing that a translation always names: where it is based,
when it was founded, how many people live there, what it earns, whether it is listed, a
person's age, a government body, a size, a batch after the first, unicorn companies,
research papers.

"Where is Zero One Think Tank headquartered?" finds the sentence citing its report, and "When
was HTC founded?" its vice-president's interview: the thing is there, the attribute is not.
Matching any attribute word against the sentence fails on paraphrase ("target" against "will
reach"); these few do not paraphrase away: an edition that states a headquarters says
"headquartered", "siège" or "总部". A sentence states an attribute when its words, or its
English edition's, name it; a question that asks none is never refused here.

A goal asked ("what size is Beijing aiming for?") is read too, but only to put a sentence
stating one first (bot.candidates): goals are stated in too many ways to refuse on.
"""

from __future__ import annotations

import re

# The article or a clitic before an Arabic noun ("السكان", "للمبيعات", "والمقر").
_AL = r"(?:[وفبك]?ال|لل)?"
# Each attribute: the words that name it, in the eleven languages of the editions (a question's
# and a sentence's alike); an Arabic noun with its article or a clitic too (_AL).
ATTRIBUTES = {
    "headquarters": re.compile(
        r"\b(?:headquarter\w*|head office|si[eè]ge|sede|sitz|hauptsitz|штаб-квартир\w*|"
        rf"{_AL}مقر\w*)\b|"
        r"\b(?:where|o[uù]|d[oó]nde|wo|dove|onde|где|أين)\b.{0,40}\b(?:based|bas[ée]e?|basad[oa]|"
        r"ansässig|basat[oa]|sediad[oa]|базир\w*)\b|总部|本部|本社|본사|본부",
        re.IGNORECASE,
    ),
    "founding": re.compile(
        r"\b(?:found(?:ed|ing)|establish(?:ed|ment)|fond[ée]e?s?|fondation|créée?s?|"
        r"fund[oó]|fundou|fundad[oa]s?|fundaci[oó]n|gegründet|gründung|fond[oò]|fondat[oaie]|"
        rf"fondazione|fundação|основан[аоы]?|основал\w*|تأسس\w*|{_AL}تأسيس|أسس\w*)\b|"
        r"成立|创立|創立|创建|設立|創業|설립|창립|창업",
        re.IGNORECASE,
    ),
    "population": re.compile(
        r"\b(?:population|inhabitants|residents|habitants|habitantes|poblaci[oó]n|einwohner\w*|"
        rf"bevölkerung|abitanti|popolazione|popula[çc][aã]o|населени\w*|жител\w*|{_AL}سكان|نسمة)\b|"
        r"人口|居民|住民|인구|주민",
        re.IGNORECASE,
    ),
    "revenue": re.compile(
        r"\b(?:revenues?|turnover|sales|profits?|chiffre d'affaires|ventes|b[ée]n[ée]fices?|"
        r"ingresos|ventas|facturaci[oó]n|umsatz\w*|gewinn\w*|fatturato|ricavi|receitas?|"
        rf"faturamento|lucros?|выручк\w*|прибыл\w*|{_AL}إيراد\w*|{_AL}أرباح|{_AL}مبيعات)\b|"
        r"营收|营业收入|销售额|利润|"
        r"売上|利益|매출|수익|영업이익",
        re.IGNORECASE,
    ),
    "listing": re.compile(
        r"\b(?:listed (?:on|compan\w*)|stock exchange|ipo|go(?:ne|es|ing)? public|cot[ée]e?s?|"
        r"bourse|cotizan?|bolsa|börse\w*|börsennotiert\w*|quotat[aei]|borsa|listad[oa]s?|бирж\w*|البورصة|"
        r"مدرج\w*)\b|上市|上場|상장",
        re.IGNORECASE,
    ),
    "age": re.compile(
        r"\b(?:born|how old|âge|[âa]g[ée]e? de|n[ée]e? en|edad|nacid[oa]|alt ist|geboren|"
        r"età|nat[oa] nel|idade|nascid[oa]|возраст\w*|родил\w*|عمر\w*|ولد)\b|年龄|出生|年齢|"
        r"生まれ|나이|태어",
        re.IGNORECASE,
    ),
    # Which district: a question asking one is answered by a sentence naming one (_DISTRICT).
    "district": re.compile(
        r"\b(?:which|what|quel(?:le)?s?|qu[eé]|cu[aá]l(?:es)?|qual|quais|welche[mnrs]?|quale|"
        r"quali|как(?:ой|ом|ие|их))\s+(?:[\w'’]+\s+){0,3}?(?:districts?|arrondissements?|"
        r"distritos?|barrios?|bairros?|(?:stadt)?bezirk\w*|distrett[oi]|район\w*)\b|"
        r"(?:أي|ما)\s+(?:ال)?(?:منطق[ةت]|مناطق|حي|أحياء)\s+(?:\S+\s+){0,2}?(?:من|في)\s+"
        r"(?:بكين|شنغهاي)|哪(?:个|些|一个)?(?:城)?区|どの区|どこの区|"
        r"何区|(?<![地社])区(?:は|が)どこ|(?<![地社])区是哪|어느 구|어떤 구|구 가운데|구 중에|"
        r"(?<!지)구(?:는|가) 어디",
        re.IGNORECASE,
    ),
    # Which government body: a plan's name or its city is none.
    "department": re.compile(
        r"\b(?:departments?|bureaus?|ministry|ministries|commissions?|committees?|d[ée]partement|"
        r"minist[èe]re|comit[ée]|departamentos?|ministerio|comisi[oó]n|secretar[ií]a|oficina|"
        r"beh[öo]rde\w*|ministerium\w*|abteilung\w*|kommission\w*|ausschuss\w*|dipartimento|"
        r"ufficio|ministero|commissione|comitato|assessorato|minist[ée]rio|comiss[ãa]o|[óo]rg[ãa]o|"
        rf"ведомств\w*|департамент\w*|комитет\w*|министерств\w*|{_AL}إدارة|{_AL}لجنة|{_AL}وزارة|"
        rf"{_AL}هيئة)\b|部门|委员会|部局|省庁|部署|当局|부서|위원회|부처|당국",
        re.IGNORECASE,
    ),
    # Unicorn companies: a sentence about other companies says nothing of them.
    "unicorns": re.compile(
        r"\b(?:unicorns?|licornes?|unicornios?|unicorn[oi]|unic[oó]rnios?|einh[oö]rn\w*|"
        r"\w*-?единорог\w*|\w*يونيكورن\w*|أحادية القرن)\b|独角兽|ユニコーン|유니콘",
        re.IGNORECASE,
    ),
    # Research papers (not "this article", nor "les articles négatifs"): a count of
    # enterprises or talents is none of theirs.
    "papers": re.compile(
        r"\b(?:(?:research |scientific |academic )?papers|"
        r"articles (?:scientifiques?|de recherche|(?:publiés )?sur l['’](?:ia|intelligence))|"
        r"art[ií]culos (?:cient[ií]ficos|de investigaci[oó]n|"
        r"(?:publicados )?sobre (?:la )?(?:ia|inteligencia))|"
        r"fachartikel\w*|fachaufs[äa]tz\w*|(?:wissenschaftliche\w* )?publikation\w*|"
        r"articoli (?:scientifici|di ricerca|(?:pubblicati )?sull['’](?:ia|intelligenza))|"
        r"artigos (?:cient[ií]ficos|de pesquisa|"
        r"(?:publicados )?sobre (?:a )?(?:ia|intelig[eê]ncia))|"
        r"(?:научн\w+ )?стат(?:ей|ьи|ьям) (?:по|об?) (?:ии|искусственн\w+)|научн\w+ стат\w+|"
        rf"{_AL}أوراق البحثية|أوراق بحثية|{_AL}أبحاث المنشورة)\b|论文|論文|논문",
        re.IGNORECASE,
    ),
    # A size ("the scale of the core industry", "规模"): a count of its enterprises is none.
    "scale": re.compile(
        r"\b(?:scale|size|volume|[ée]chelle|taille|ampleur|escala|tama[ñn]o|volumen|gr(?:ö|oe)(?:ß|ss)e|"
        r"umfang|\w+volumen|dimensione|scala|dimens[ãa]o|tamanho|масштаб\w*|объ[её]м\w*|"
        r"размер\w*|(?:ال)?حجم)\b|规模|規模|규모",
        re.IGNORECASE,
    ),
    # A later batch or group than the first ("the second batch of partners", "第二批", "2차"):
    # the article names only the first.
    "later_batch": re.compile(
        r"\b(?:second|third|next|2nd|3rd|deuxi[eè]me|seconde?|troisi[eè]me|prochaine?|"
        r"segund[oa]|tercer[oa]?|terceir[oa]|pr[oó]xim[oa]|second[oa]|terz[oa]|prossim[oa]|"
        r"zweite[nrms]?|dritte[nrms]?|n[äa]chste[nrms]?|втор\w+|трет\w+|следующ\w+)\s+"
        r"(?:batch\w*|group\w*|rounds?|cohorts?|waves?|lots?|groupes?|vagues?|lotes?|grupos?|"
        r"tandas?|levas?|rodadas?|grupp[oi]|lott[oi]|gruppe\w*|partnergruppe\w*|charge\w*|"
        r"runde\w*|tranche\w*|групп\w*|парти\w*|набор\w*|очеред\w*|волн\w*)|"
        r"(?:الدفعة|المجموعة) (?:الثانية|الثالثة)|第[二三]批|下一批|第[2２二][弾陣次]|2次|"
        r"[2２]차|두 번째",
        re.IGNORECASE,
    ),
}
# A district named ("Haidian District", "le district de Chaoyang", "海淀区"; not "each district",
# "各区", nor a zone: "先导区", "试验区", "社区", "地区"): what answers a district asked.
_DISTRICT = re.compile(
    r"\b[A-Z][\w-]+ (?:District|New Area)\b|\b(?:district|arrondissement|distrito|bezirk|"
    r"distretto|район) (?:de |of |di |do )?[A-Z]\w+|"
    r"[\u4e00-\u9fff]{2}(?<![各每全该本地社园验导范贸])区(?![域块])"
)

# A programme or plan is founded when it is launched ("When was the partnership programme
# established?": "On May 19, the … Programme … was launched"); the sentence may say so.
_LAUNCHED = re.compile(r"\b(?:launch\w*|set up|inaugurat\w*)\b", re.IGNORECASE)
# "Per inhabitant" asks a density, not a population ("par habitant", "人口あたり", "1인당").
_PER_HEAD = re.compile(
    r"\b(?:per (?:capita|head|inhabitant|person)|par (?:habitant|t[eê]te)|por (?:habitante|"
    r"persona|cabe[çc]a)|pro (?:kopf|einwohner)|pro capite|per abitante|на (?:душу|жителя)|"
    r"للفرد|لكل (?:فرد|ساكن))\b|人均|人口あたり|一人当たり|1人当たり|인구당|1인당|인당",
    re.IGNORECASE,
)

# "Large-scale" models name no size asked ("大规模模型", "modèles à grande échelle").
_LARGE_SCALE = re.compile(
    r"\b(?:large[- ]scale|(?:à|a) grande? [ée]chelle|a gran escala|su larga scala|"
    r"de grande escala|gro(?:ß|ss)skalig\w*|крупномасштабн\w*|multi-?scale|многомасштабн\w*)\b|"
    r"大规模|大規模|대규모",
    re.IGNORECASE,
)


def attributes_asked(question: str) -> tuple[str, ...]:
    """The attributes `question` names."""
    question = _LARGE_SCALE.sub(" ", _PER_HEAD.sub(" ", question))
    return tuple(name for name, words in ATTRIBUTES.items() if words.search(question))


def names_attribute(name: str, text: str) -> bool:
    """Whether `text` names attribute `name` (a founding: by its word, or by a launch; a
    district: by its name)."""
    if name == "district":
        return _DISTRICT.search(text) is not None
    if name == "scale":
        text = _LARGE_SCALE.sub(" ", text)
    return bool(ATTRIBUTES[name].search(text) or name == "founding" and _LAUNCHED.search(text))


def unnamed(question: str, sentence: str, english: str = "") -> str | None:
    """The first attribute `question` asks that `sentence` (or its English edition `english`)
    does not name; None when it names every one, or `question` asks none."""
    names = (name for name in attributes_asked(question) if not names_attribute(name, sentence))
    return next((name for name in names if not names_attribute(name, english)), None)


# A goal asked ("what size is Beijing aiming for…?", "规模目标", "목표", an ambition, "à
# l'horizon 2025"): preferred, never required (bot.candidates): the article states goals in too
# many ways ("promote", "focus on") to refuse a question whose best sentence names none; but a
# sentence that does ("will reach … by 2025") answers before a closer one giving today's figure.
_TARGET = re.compile(
    r"\b(?:targets?|goals?|aim(?:s|ing|ed)?|objectives?|objectifs?|vise[nr]?t?|objetivos?|"
    r"(?-i:metas?)|ziel\w*|obiettiv[oi]|traguardo|цел[ьиейяю]\w*|هدف|أهداف|\w*تستهدف|"
    r"المستهدف\w*|ambitio\w*|ambici\w*|ambiç\w*|ambizio\w*|aspir\w*|амбици\w*|طموح\w*|"
    r"horizon\w*|horizont\w*|orizzont\w*)\b|"
    r"目标|目標|목표|抱负|雄心|野心|目指|포부|야망",
    re.IGNORECASE,
)
# What is to happen by a year ("d'ici 2025", "by 2025", "到2025年", "2025년까지"): the year.
BY_YEAR = re.compile(
    r"\b(?:by|d'ici(?: à| la fin de)?|bis(?: zum jahr| ende)?|para(?: el| o)?(?: año| ano)?|"
    r"hasta|entro(?: il)?|até|к|до|بحلول(?: عام)?) (20\d\d)\b|到(20\d\d)年|(20\d\d)年までに|"
    r"(20\d\d)년까지",
    re.IGNORECASE,
)
# What is to happen by a year, or will: a target stated without the word ("atteindra 300
# milliards d'ici 2025", "will reach").
_FUTURE = re.compile(rf"\bwill\b|{BY_YEAR.pattern}", re.IGNORECASE)


def asks_a_target(question: str) -> bool:
    """Whether `question` asks a goal."""
    return _TARGET.search(question) is not None


def states_a_target(sentence: str, english: str = "") -> bool:
    """Whether `sentence` (or its English edition) states a goal: by its word, or by what is to
    happen by a year."""
    return any(p.search(text) for p in (_TARGET, _FUTURE) for text in (sentence, english))
