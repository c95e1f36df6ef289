"""A title asked is answered by a title (bot.titles)."""

from __future__ import annotations

from bot.stated import Reading
from bot.titles import asks_a_title, title_unstated

QUOTATION = Reading(
    "这一政策被视为“对上海去年‘元宇宙’相关政策的进一步细化”。",
    "zh",
    'This policy is regarded as "a further refinement of Shanghai\'s "metaverse"-related '
    'policies from last year".',
)
TITLED = Reading(
    "O “Plano de Implementação” fornece metas e direções.",
    "pt",
    'The "Implementation Plan" provides goals and directions.',
)


def test_a_full_or_official_name_is_asked_in_the_eleven_languages() -> None:
    assert asks_a_title("上海去年出台的元宇宙相关政策全称是什么？")
    assert asks_a_title("상하이 정책의 정식 명칭이 뭐였죠?")
    assert asks_a_title("Qual é o nome completo do plano de Pequim?")
    assert asks_a_title("ما عنوان وثيقة شنغهاي؟")
    assert not asks_a_title("What does the plan say about computing power?")
    # A document's name asked in other words; not a company's in a programme.
    assert asks_a_title("Como se chamava a política de metaverso que Xangai lançou?")
    assert asks_a_title("ما اسم سياسة الميتافيرس التي أصدرتها شنغهاي في العام الماضي؟")
    assert not asks_a_title("ما اسم شركة الاستثمار المذكورة في برنامج الشراكة لبكين؟")
    assert not asks_a_title("Quel est le nombre de politiques de Shanghai ?")


def test_a_quotation_is_no_title() -> None:
    assert title_unstated("上海去年出台的元宇宙相关政策全称是什么？", QUOTATION)
    assert not title_unstated("Qual é o nome completo do plano?", TITLED)
    # No title asked: a quotation may answer.
    assert not title_unstated("上海去年的政策是怎么评价的？", QUOTATION)
    # No English edition: any quote may be a title.
    quoted = Reading("Le « Plan » …", "fr", "")
    assert not title_unstated("Quel est le nom complet du plan ?", quoted)


def test_the_full_name_of_a_policy_the_article_never_names_is_refused(engine) -> None:  # noqa: ANN001
    # Once answered with the quotation at P = 0.88.
    answer = engine.ask("上海去年出台的元宇宙政策的全称叫什么？")
    assert not answer.answered and answer.kind == "not_found", answer.answer
