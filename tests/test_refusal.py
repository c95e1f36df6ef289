"""What a refusal says: what is missing, from what the question asks, in the reader's language."""

from __future__ import annotations

from bot.abstain import Decision, Terms
from bot.fit import Fit
from bot.refusal import refusal


def test_the_refusal_names_the_kind_of_answer_missing_in_the_readers_language() -> None:
    def said(how: Fit, lang: str, terms: Terms | None = None) -> str:
        return refusal(Decision(0.0, 0.5, {}, terms or Terms(), True, how), lang)

    assert said(Fit("quantity", places=("shanghai",)), "zh") == "文章没有给出上海的这个数字。"
    assert (
        said(Fit("quantity", places=("beijing",)), "pt")
        == "O artigo não dá este número para Pequim."
    )
    assert said(Fit("quantity"), "ko") == "기사에는 이 수치가 나와 있지 않습니다."
    assert said(Fit("date"), "de") == "Der Artikel nennt dieses Datum nicht."
    assert said(Fit("person"), "ar") == "المقال لا يذكر من هو."
    assert said(Fit("organisation"), "ja") == "記事にはどの組織なのか書かれていません。"
    assert said(Fit(), "fr") == "L'article ne le dit pas."
    # A year the sentence found does not give; a place in a ranking not bound to the city asked
    # (a value not bound to it, when no kind of answer is read, says nothing more).
    assert said(Fit("quantity", year="2022"), "it") == "L'articolo non lo riporta per il 2022."
    assert said(Fit(bound=False, places=("shanghai",), rank=True), "es") == (
        "El artículo no da el puesto de Shanghái en esta clasificación."
    )
    assert said(Fit(bound=False, places=("shanghai",)), "es") == "El artículo no lo dice."
    # A name the article never writes is said first.
    assert said(Fit("person"), "en", Terms(missing=("Tokyo",), missing_names=1)) == (
        "The article does not mention “Tokyo”."
    )
    # A word it never writes says less than what the sentence found does not give ("Какие
    # именно компании…?": no company named); it is said when the sentence gives what is asked.
    verb = Terms(missing=("разрабатывать",), missing_words=1)
    assert said(Fit("organisation", stated=False), "ru", verb) == (
        "В статье не сказано, какая это организация."
    )
    assert said(Fit(), "ru", verb) == "В статье не упоминается «разрабатывать»."
