"""What a question asks — a quantity, a share, a sum, a date, a person or an organisation,
about a place it names (whether a sentence states that: bot.stated; to whom the value is bound:
bot.binding).

"Who is the mayor of Shanghai?" finds a sentence about Shanghai that names nobody; "Combien
d'universités à Shanghai ?" finds "Pékin en compte 34, loin devant le Jiangsu, Shanghai": the
place is there, but the number is bound to another. Similarity cannot tell these from answers;
the kind of answer expected, and the clause it is bound in, can. Rules, in the eleven languages
of the editions; a question they do not recognise expects nothing (and is never refused here).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from bot.closed_words import INTERROGATIVES, asks_a_meaning, is_interrogative
from bot.numbers import SENTENCE_DAY, YEAR
from bot.people import (
    asks_an_author,
    asks_which_person,
    post_asked,
)
from bot.rankings import asks_a_rank, asks_ranking, asks_which_city
from bot.target import places
from bot.term import QUOTED_TITLE

Expected = Literal[
    "quantity", "share", "money", "date", "day", "month", "person", "head", "organisation"
]

_QUANTITY = re.compile(
    r"\b(how (?:many|much)|what (?:market )?(?:proportion|share|percentage)|combien|"
    r"quelle (?:part|proportion)|quel pourcentage|welche[rn]? prozentsatz|"
    r"(?:che|quale) (?:quota|percentuale)|какой процент|ما حجم|"
    r"cu[aá]nt[oa]s?|qu[eé] (?:proporci[oó]n|porcentaje|cuota)|wie (?:viele?|hoch|gro[ßs])|"
    r"welche[nmrs]? \w*anteil|quant[ieoa]s?|qual (?:a )?(?:propor[çc][aã]o|percentagem)|сколько|"
    r"(?:que|qual) (?:a )?(?:parcela|fatia)|"
    r"как(?:ая|ую|ова) дол[яюи]|kaç|hoeveel|[وف]?كم|[وف]?ما (?:نسبة|حصة|قيمة)|"
    r"(?:what|which) (?:is|was) the value|"
    r"quelle (?:est|était) la valeur|cu[aá]l (?:es|era) el valor|wie hoch (?:ist|war) der wert|"
    r"qual (?:è|era) il valore|qual (?:é|era) o valor|каково значение|qu[eé] valor|"
    r"quelle valeur|quale valore|welchen wert|какое значение)\b|多少|"
    r"几[个条家项位次年所名件款种座批]|百分之几|比例|占比|"
    r"何[個件社人つ%％]|何(?:項目|種類|か所|カ所|本|校|台|名)|何ポイント|何パーセント|幾つ|いくつ|いくら|どれくらい|どのくらい|割合|数値|"
    r"몇|얼마|비율|비중",
    re.IGNORECASE,
)
# A size asked is a figure ("What size…?", "Какого масштаба…?", "何億元"): read by `expected`.
_SIZE = re.compile(
    r"\b(?:what (?:size|scale|volume)|how (?:big|large)|quel(?:le)? (?:taille|[ée]chelle|ampleur|"
    r"volume)|qu[eé] (?:tama[ñn]o|volumen|escala|dimensi[oó]n)|welche[nrs]? (?:gr(?:ö|oe)(?:ß|ss)e|"
    r"umfang|\w*volumen)|(?:che|quale) (?:dimensione|volume|scala)|"
    r"(?:qual|que) (?:(?:é|era|foi) )?(?:a |o )?(?:dimens[ãa]o|tamanho|escala|volume)|"
    r"как(?:ой|ого|ов[ао]?) (?:масштаб\w*|объ[её]м\w*|размер\w*)|ما (?:هو )?(?:ال)?حجم)\b|"
    r"多大|何[億兆万]",
    re.IGNORECASE,
)
# A price, a budget or a sum asked is an amount ("E a quale prezzo?", "Quel budget…?", "Quel
# montant…?", "Какой объём финансирования…?"); a summary request may name them too, so the
# message classifier does not read these (`asks_quantity`).
_PRICE = re.compile(
    r"\b(price|prix|precio|preis|prezzo|pre[çc]o|wie teuer|цена|стоит|سعر\w*|budgets?|"
    r"presupuestos?|or[çc]amentos?|бюджет\w*|(?:ال)?ميزاني(?:ة|ات)|montants?|importes?|"
    r"importi|importo|montantes?|betrag|сумм[аеуы]|(?:ال)?مبلغ|объ[её]м финансирования|"
    r"volumen de (?:inversi[oó]n|financiaci[oó]n))\b|"
    r"价格|价钱|售价|定价|価格|値段|売価|가격|판매가|출시가|预算|予算|예산|金额|金額|금액",
    re.IGNORECASE,
)
# An amount of money asked ("How much money…?", "Quanto hanno investito…?", "多少资金"): a figure
# with a currency answers it, not the sentence saying that investment grows.
_MONEY = re.compile(
    r"\b(money|invest\w*|fund(?:s|ing)?|budget\w*|spen[dt]\w*|costs?|revenues?|argent|"
    r"financement|fonds|co[uû]ts?|dinero|invers\w*|invirti\w*|presupuesto|financiaci[oó]n|geld\w*|"
    r"investiert|finanzierung|kosten|umsatz|soldi|denaro|investit\w*|finanziament\w*|costi|"
    r"fatturato|dinheiro|investiu|investimento|or[çc]amento|financiamento|custos?|receita|денег|"
    r"деньги|инвестир\w*|инвестици\w*|бюджет\w*|финансировани\w*|выручк\w*|المال|أموال|"
    r"استثمر\w*|استثمارات|ميزانية|تمويل|إيرادات)\b|资金|钱|投资|预算|营收|資金|お金|投資|出資|予算|"
    r"費用|돈|투자|예산|자금|비용|매출",
    re.IGNORECASE,
)
# A GDP asked is a sum ("Quel est le PIB de Pékin ?", "上海のGDPはいくら？"), not its rank nor the
# cities a ranking by GDP covers.
_GDP = re.compile(
    r"(?<![A-Za-z])(?:GDP|PIB|BIP|ВВП)(?![A-Za-z])|\b(?:bruttoinlandsprodukt\w*|"
    r"produ(?:it|cto|to|tto) (?:intérieur|interno|interior) (?:brut|bruto|lordo)|"
    r"валов\w+ внутренн\w+ продукт\w*|الناتج المحلي)|"
    r"国内生产总值|地区生产总值|国内総生産|국내총생산",
    re.IGNORECASE,
)
# Things counted or a share asked: a number, whatever money words come with it ("How many
# investment partners…?", "何社", "By what percentage… the cost…?").
_COUNTED = re.compile(
    r"\b(how many|wie viele|cu[aá]nt[oa]s|quant[ie]|quant[oa]s|percent\w*|pourcentage|porcentaje|"
    r"prozent\w*|percentu\w*|процент\w*|عدد|نسبة)\b|[几幾][个個家位名条項项]|多少[个個家位名条項项]|"
    r"何[社人件個つ]|몇\s*(?:개|곳|명|건)|%|百分|比例|占比|割合|비율|비중",
    re.IGNORECASE,
)
# A share asked ("What percentage…?", "占比多少", "몇 %"): a percentage answers it, not a count.
# Chinese, Japanese and Korean name a share with the measure ("디지털 비중 순위"): with how much.
_SHARE = re.compile(
    r"\b(percent\w*|proportion|share|pourcentage|quelle part|porcentaje|proporci[oó]n|prozent\w*|"
    r"\w*anteil|percentual\w*|quota|percentagem|propor[çc][aã]o|parcela|fatia|процент\w*|дол[яию]|نسبة|"
    r"حصة)\b|%|百分|パーセント|퍼센트|퍼센티지",
    re.IGNORECASE,
)
_CJK_SHARE = re.compile(r"比例|占比|割合|シェア|비율|비중|점유율")
# A growth rate asked ("tasso di crescita", "增速", "성장률"): a percentage answers it.
_GROWTH = re.compile(
    r"\b(?:growth rates?|taux de croissance|tasas? de crecimiento|wachstumsrate\w*|"
    r"tass[oi] di crescita|taxas? de crescimento|темп\w* роста|معدل (?:ال)?نمو)\b|"
    r"增速|增长率|成長率|성장률",
    re.IGNORECASE,
)
_CJK_HOW_MUCH = re.compile(r"多少|几|幾|何|どれ|どのくらい|몇|얼마")
# A date asked; a day (_DAY, "quel jour", "哪一天") is asked before it and is a date too; not
# "when" before a gerund ("…counted for when comparing cities?").
_DATE = re.compile(
    r"\b(when(?! it comes\b)(?!\s+\w+ing\b)|what year|which year|quand(?! il s'agit)|"
    r"en quelle année|à quelle date|cu[aá]ndo(?! se trata)|en qu[eé] año|wann|in welchem jahr|"
    r"quando(?! si tratta| se trata)|in che anno|em que ano|когда|в каком году|[وف]?متى|في أي عام|"
    r"(?:what|which) date|quel(?:le)? (?:date|jour)|qu[eé] fecha|(?:welche[mn]?|an welchem) datum|"
    r"(?:che|quale|in che) data|(?:que|qual|em que) data|какая дата|أي تاريخ|ما تاريخ|"
    r"by what year|para qu[eé] año|к какому году|zu welchem jahr|entro (?:che|quale) anno|"
    r"at[ée] que ano|بحلول أي عام)\b|"
    r"什么时候|何时|哪一年|哪年|いつ|何年|언제|날짜|몇\s?년(?:까지|도|에)",
    re.IGNORECASE,
)
# A question's first word: `_subordinate` asks whether it is a question word.
_FIRST_WORD = re.compile(r"\W*(\w+)")
# A date to the day ("Quel jour exactement…", "An welchem Tag genau…", "哪一天", "며칠"; not "what
# date", often a month or year): a month ("fin mai") or a year does not give it.
_DAY = re.compile(
    r"\b(?:(?:what|which) day|exact date|quel jour|date (?:précise|exacte)|qu[eé] d[ií]a|"
    r"fecha exacta|(?:welche[mn]?|an welchem) tag|genaue[sn]? datum|(?:che|quale|in che) giorno|"
    r"data (?:esatta|precisa|exata)|(?:que|qual|em que) dia|какого (?:именно )?числа|в какой день|"
    r"точн\w* дат\w*|أي يوم)\b|哪天|哪一天|几月几日|几号|何日|며칠",
    re.IGNORECASE,
)
# A month asked ("En quel mois…?", "في أي شهر", "何月", "몇 월"): a year does not give it.
_MONTH = re.compile(
    r"\b(?:(?:in )?(?:what|which) month|(?:en |à )?quel mois|(?:en )?qu[eé] mes|"
    r"(?:in )?welche[mn]? monat|(?:in )?(?:che|quale) mese|(?:em )?(?:que|qual) m[eê]s|"
    r"(?:в )?как(?:ом|ой) месяц\w*|(?:في )?أي شهر)\b|哪个月|哪一个月|几月份?|何月|몇\s*월|어느 달",
    re.IGNORECASE,
)
# French "ce qui" ("Résume ce qui est dit des licornes", "qu'est-ce qui…") is "what", no one.
_PERSON = re.compile(
    r"(?:^|(?<!\bce)[¿\s])(?:who|qui|quién(?:es)?|wer|chi|quem|кто)\b|^[وف]?من\s|谁|誰|누구|누가",
    re.IGNORECASE,
)
# Which company, institution or maker ("Quale azienda realizzerà…?", "哪家机构", "どの企業"):
# a named organisation answers it, not a sentence on the plan it should serve.
_ORGANISATION = re.compile(
    r"\b(?:which (?:\w+ ){0,2}|what )(?:compan(?:y|ies)|firms?|organi[sz]ations?|"
    r"institut(?:e|ion)s?|enterprises?|agenc(?:y|ies)|manufacturers?|makers?)\b|"
    r"\bquel(?:le)?s? (?:\w+ )?(?:entreprises?|soci[ée]t[ée]s?|organisations?|"
    r"institut(?:ion)?s?|organismes?|fabricants?)\b|"
    r"\bqu[eé] (?:\w+ )?(?:empresas?|compa[ñn][ií]as?|instituci[oó]n(?:es)?|organismos?|"
    r"organizaci[oó]n(?:es)?|entidad(?:es)?|fabricantes?|companhias?|institui[çc](?:[ãa]o|[õo]es))\b|"
    r"\bwelche[nmrs]? (?:\w+ )?(?:firm(?:a|en)|unternehmen|institution(?:en)?|"
    r"organisation(?:en)?|beh[öo]rden?|institute?|hersteller|konzerne?)\b|"
    r"\bqual[ei]? (?:\w+ )?(?:aziend[ae]|societ[àa]|istituzion[ei]|ent[ei]|organizzazion[ei]|"
    r"produttori)\b|"
    r"\bqua(?:l|is) (?:\w+ )?(?:empresas?|companhias?|institui[çc](?:[ãa]o|[õo]es)|"
    r"organiza[çc](?:[ãa]o|[õo]es)|entidades?|fabricantes?)\b|"
    r"\bкак(?:ая|ие|ой|ую|им) (?:\w+ ){0,2}(?:компани\w*|организаци\w*|учреждени\w*|фирм\w*|"
    r"производител\w*)|(?:أي|ما|ما هي|ما أسماء) (?:\w+ )?(?:ال)?(?:شرك\w*|مؤسس\w*|منظم\w*|"
    r"مصنع\w*|جه(?:ة|ات))|[وف]?من (?:ال)?جه(?:ة|ات)|"
    r"哪家|哪些(?:公司|企业|机构|单位|厂商)|哪个(?:公司|企业|机构|单位)|什么(?:公司|企业|机构)|"
    r"どの(?:企業|会社|機関|メーカー)|どこの(?:企業|会社)|(?:企業|会社|機関|メーカー)は\s*どこ|"
    r"(?:어느|어떤|무슨)\s*(?:기업|회사|기관|업체)|(?:기업|회사|기관|업체)(?:은|는|이|가)\s*어디",
    re.IGNORECASE,
)


def asks_quantity(text: str) -> bool:
    """Whether `text` asks how many or how much ("combien", "多少", "몇")."""
    return _QUANTITY.search(text) is not None


@lru_cache(maxsize=1024)
def expected(question: str) -> Expected | None:
    """The kind of answer `question` asks for, when its words say so (not those of a title it
    quotes: "베이징 '몇 가지 조치' 핵심만 요약해줘" asks no count). Cached: the check, the
    candidates' preference and the refusal each read it of one question, up to 0.14 ms a time."""
    question = QUOTED_TITLE.sub(" ", question)
    if asks_a_meaning(question):
        return None
    if _DAY.search(question):
        return "day"
    if _MONTH.search(question):
        return "month"
    date = _DATE.search(question)
    if date and not _subordinate(question, date):
        return "date"
    figure = asks_quantity(question) or bool(_SIZE.search(question) or _GROWTH.search(question))
    counted = _COUNTED.search(question) is not None
    # "Quelle ville arrive deuxième … dans le top 50 du PIB ?", "비중 순위에서 상하이 다음 2위는
    # 어디?": which city holds a place in a ranking, whatever the ranking measures.
    holder = asks_ranking(question) and asks_which_city(question)
    if (
        _PRICE.search(question)
        or figure
        and _MONEY.search(question)
        and not counted
        or _GDP.search(question)
        and not counted
        and not asks_a_rank(question)
        and not holder
    ):
        return "money"
    # "베이징은 몇 위인가요?", "上海は何位？": a place in a ranking, not a figure.
    if figure and not asks_a_rank(question) and not holder:
        return "share" if _asks_share(question) else "quantity"
    if _ORGANISATION.search(question):
        return "organisation"
    # "Pékin ou Shanghai : qui a le plus … ?" asks which of the two, not a person; "E quem vem
    # logo atrás dela nesse ranking?", a place in a ranking; "Qui compte 813 000 entreprises ?",
    # whose figure it is.
    if (
        (_PERSON.search(question.strip()) or asks_which_person(question))
        and len(places(question)) < 2
        and not asks_ranking(question)
        # A figure, not a year nor a day ("… el 30 de mayo?").
        and not any(c.isdigit() for c in YEAR.sub(" ", SENTENCE_DAY.sub(" ", question)))
    ):
        if post_asked(question):
            return "head"
        # "Which researcher wrote…?" asks a person, whoever published it.
        authored = asks_an_author(question) and not asks_which_person(question)
        return "organisation" if authored else "person"
    return None


def _subordinate(question: str, date: re.Match[str]) -> bool:
    """Whether the date word `date` opens a clause after a comma, in a question another
    question word opens ("Какие пять технологий брались в расчёт, когда сравнивали заявки?"):
    no date asked."""
    if not question[: date.start()].rstrip().endswith((",", "，")):
        return False
    first = _FIRST_WORD.match(question)
    return bool(first) and any(is_interrogative(first.group(1), lang) for lang in INTERROGATIVES)


def _asks_share(question: str) -> bool:
    """Whether `question` asks a share, not a place in the share's ranking ("디지털 비중 순위",
    "비중 순위에서 베이징은 몇 위예요?")."""
    share = (
        _SHARE.search(question)
        or _GROWTH.search(question)
        or (_CJK_SHARE.search(question) and _CJK_HOW_MUCH.search(question))
    )
    return bool(share) and not asks_a_rank(question)
