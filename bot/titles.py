"""A title asked is answered by a title: "上海去年出台的元宇宙相关政策全称是什么？" (the full name
of last year's policy) is not answered by "这一政策被视为“对上海去年‘元宇宙’相关政策的进一步
细化”", a quotation naming no document."""

from __future__ import annotations

import re

from bot.asked import expected
from bot.stated import Reading
from bot.term import QUOTED_TITLE

# A document's full or official name asked, or its title, in the eleven languages.
_TITLE_ASKED = re.compile(
    r"\b(?:full (?:name|title)|official (?:name|title)|complete (?:name|title)|"
    r"(?:nom|titre) (?:complet|officiel)|t[ií]tulo (?:completo|oficial)|"
    r"nombre (?:completo|oficial)|vollständige[nr]? (?:name|titel)|offizielle[nr]? (?:name|titel)|"
    r"(?:nome|titolo) (?:completo|ufficiale)|nome (?:completo|oficial)|"
    r"полное название|официальное название|الاسم الكامل|الاسم الرسمي|ما عنوان|العنوان الكامل)|"
    r"全称|全稱|正式名称|正式名|정식 명칭|정식 이름|공식 명칭",
    re.IGNORECASE,
)
# Or a document's name, asked in other words: a name word ("what was it called", "comment
# s'appelait", "ما اسم", "叫什么") and a document word ("policy", "plan", "report", "政策").
_NAME_ASKED = re.compile(
    r"\b(?:names?|called|le nom|quel nom|s'appel\w*|intitul\w*|el nombre|qu[eé] nombre|"
    r"se llama\w*|titulad\w*|heißt|hieß|welchen namen|il nome|che nome|si chiama\w*|"
    r"intitolat\w*|o nome|que nome|se chama\w*|chamav\w*|назван\w*|называ\w*|ما اسم|ما هو اسم)"
    r"(?!\w)|名称|名字|叫什么|叫啥|名前|何という|이름|명칭",
    re.IGNORECASE,
)
_DOCUMENT = re.compile(
    r"\b(?:polic(?:y|ies)|plans?|documents?|reports?|programm?es?|program|strateg(?:y|ies)|"
    r"politiques?|rapports?|pol[ií]ticas?|informes?|programas?|politik|dokument\w*|bericht\w*|"
    r"richtlinie\w*|piano|piani|documento|rapporto|programma|plano|relat[óo]rio|политик\w*|"
    r"план\w*|документ\w*|доклад\w*|программ\w*|سياس\w*|خط[ةت]\w*|وثيق\w*|تقرير\w*|برنامج\w*)"
    r"(?!\w)|政策|方案|计划|計画|文件|文書|报告|報告|정책|계획|방안|문서|보고서",
    re.IGNORECASE,
)
# A title in the English edition: quoted, opening with a capital ("The "Implementation Plan"
# provides…"; not "regarded as "a further refinement of…"").
_ENGLISH_TITLE = re.compile(r"[\"“«„]\s*[A-Z]")
_CHINESE_TITLE = re.compile(r"《[^》]+》")


def asks_a_title(question: str) -> bool:
    """Whether `question` asks a document's full or official name, its title, or its name
    ("Como se chamava a política … que Xangai publicou no ano passado?")."""
    if _TITLE_ASKED.search(question):
        return True
    # "ما اسم شركة الاستثمار … في برنامج الشراكة؟" asks a company's name: a body named answers.
    named = _NAME_ASKED.search(question) and _DOCUMENT.search(question)
    return bool(named) and expected(question) not in ("organisation", "person", "head")


def title_unstated(question: str, reading: Reading) -> bool:
    """Whether `question` asks a title and `reading` quotes none: in its English edition, no
    quote opens with a capital, nor does its text hold a title in 《》; with no English edition,
    it quotes nothing."""
    if not asks_a_title(question):
        return False
    if not reading.english:
        return QUOTED_TITLE.search(reading.text) is None
    return not (_ENGLISH_TITLE.search(reading.english) or _CHINESE_TITLE.search(reading.text))
