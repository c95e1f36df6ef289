"""Whether a question asks yes or no (bot.whether); one naming what the article never names is
refused by saying so (bot.abstain)."""

from __future__ import annotations

import pytest

from bot.whether import asks_whether


@pytest.mark.parametrize(
    ("question", "lang", "whether"),
    [
        ("Was Huawei among the first partners?", "en", True),
        ("Which companies were among the first partners?", "en", False),
        ("Gehört Tencent zu den Partnern?", "de", True),
        ("Huawei fait-il partie des partenaires ?", "fr", True),
        ("Combien de partenaires compte le programme ?", "fr", False),
        ("Входит ли Huawei в число партнёров?", "ru", True),
        ("هل شركة هواوي من بين الشركاء؟", "ar", True),
        ("ما هي الشركات الشريكة؟", "ar", False),
        ("华为入选首批伙伴了吗？", "zh", True),
        ("首批伙伴有哪些？", "zh", False),
        ("テンセントは第一陣に選ばれましたか？", "ja", True),
        ("第一陣には何社が選ばれましたか？", "ja", False),
        ("샤오미는 첫 명단에 들어 있나요?", "ko", True),
        ("첫 명단에는 몇 곳이 있나요?", "ko", False),
    ],
)
def test_a_question_asking_yes_or_no(question: str, lang: str, whether: bool) -> None:
    assert asks_whether(question, lang) is whether


def test_whether_a_company_the_article_never_names_took_part_is_refused(engine) -> None:  # noqa: ANN001
    # Once answered "may not answer exactly" with the partner list at P = 0.44.
    answer = engine.ask("华为是北京首批通用人工智能产业创新伙伴之一吗？")
    assert not answer.answered and answer.kind == "not_found"
    assert "华为" in answer.answer
