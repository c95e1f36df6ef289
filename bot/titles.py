"""A title asked is answered by a title: "上海去年出台的元宇宙相关政策全称是什么？" (the full name
of last year's policy) is not answered by "这一政策被视为“对上海去年‘元宇宙’相关政策的进一步
细化”", a quotation naming no document."""

from __future__ import annotations

import re

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
# A title in the English edition: quoted, opening with a capital ("The "Implementation Plan"
# provides…"; not "regarded as "a further refinement of…"").
_ENGLISH_TITLE = re.compile(r"[\"“«„]\s*[A-Z]")
_CHINESE_TITLE = re.compile(r"《[^》]+》")


def asks_a_title(question: str) -> bool:
    """Whether `question` asks a document's full or official name, or its title."""
    return _TITLE_ASKED.search(question) is not None


def title_unstated(question: str, reading: Reading) -> bool:
    """Whether `question` asks a title and `reading` quotes none: in its English edition, no
    quote opens with a capital, nor does its text hold a title in 《》; with no English edition,
    it quotes nothing."""
    if not asks_a_title(question):
        return False
    if not reading.english:
        return QUOTED_TITLE.search(reading.text) is None
    return not (_ENGLISH_TITLE.search(reading.english) or _CHINESE_TITLE.search(reading.text))
