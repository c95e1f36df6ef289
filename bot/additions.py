"""A count of new ones is not how many there are: "北京目前已经有多少家人工智能独角兽企业？" (how
many unicorns Beijing has) is not answered by "新增5至10家独角兽企业" (5 to 10 new ones), unless
the question asks the new ones, or how many more ("new", "新增", "zusätzliche", "늘리")."""

from __future__ import annotations

import re

from bot.asked import expected
from bot.stated import Reading

# A count of new ones, in the sentence's English edition: "5 to 10 new unicorn companies".
_NEW_COUNT = re.compile(r"\b\d[\d,.]*(?:\s*(?:to|-|–)\s*\d[\d,.]*)?\s+(?:more|new|additional)\b")
# Words asking new ones or more, in the eleven languages: "How many new…?", "add", "生み出す".
_NEW_ASKED = re.compile(
    r"\b(?:new|more|additional|add\w*|creat\w*|born|emerg\w*|nouve(?:au|aux|lle|lles)|"
    r"suppl[ée]mentaires?|ajout\w*|cr[ée]\w*|na[iî]tre|naissance|nuev[oa]s?|adicional\w*|"
    r"m[aá]s|nacer|surgir|neue?[nrms]?|zus[äa]tzlich\w*|weitere?[nrms]?|entsteh\w*|gr[üu]nd\w*|"
    r"nuov[oiae]|aggiuntiv\w*|in pi[uù]|nascere|nasc\w*|nov[oa]s?|mais|criar|nascer|нов\w*|"
    r"дополнительн\w*|ещё|еще|появ\w*|созда\w*|جديد\w*|إضافي\w*|إنشاء|ولادة|ظهور\w*)(?!\w)|"
    r"新|增|培育|诞生|誕生|生み|増や|새로|신규|새 |추가|늘리|탄생",
    re.IGNORECASE,
)


def counts_new_ones(question: str, reading: Reading) -> bool:
    """Whether `question` asks how many there are and `reading` counts new ones only (in its
    English edition), the question asking neither new ones nor how many more ("…التي تسعى
    بكين إلى ظهورها؟": how many Beijing seeks to see emerge)."""
    return (
        expected(question) == "quantity"
        and _NEW_COUNT.search(reading.english) is not None
        and _NEW_ASKED.search(question) is None
    )
