"""Who a sentence names (bot.people): someone, a person who may hold a post, an organisation, and
whether it names someone the question does not."""

from __future__ import annotations

from bot.people import names_a_head, names_an_organisation, names_someone, names_someone_else
from bot.reading import common_lowered

SAID = "At the end of May, Huang Zhaoying, global vice president of HTC, said to The Paper…"
PARTNERS = (
    "Partners include Alibaba Cloud Computing Co., Ltd., the Beijing Super Cloud Computing "
    "Center and Beijing Baidu.com Technology Co., Ltd."
)


def test_someone_a_head_and_an_organisation() -> None:
    assert names_someone(SAID) and names_a_head(SAID)
    # Capitalised titles and quoted titles are no one: "Research Report", the plan's name.
    assert not names_someone('According to the "Research Report on the Map" of the plan.')
    # A run with an organisation's word, or a city, holds no post.
    assert names_someone(PARTNERS) and not names_a_head(PARTNERS)
    assert names_an_organisation(PARTNERS)
    assert not names_an_organisation("By 2025, Shanghai will build a content generation system.")
    # A quoted title of any length names no organisation; the one after it does.
    paper = 'By the "Beijing Artificial Intelligence Industry Development White Paper 2022"'
    assert not names_an_organisation(paper + ", Beijing had 1,048 core AI enterprises.")
    assert names_an_organisation(paper + ", released by Zero One Think Tank, …")


def test_someone_asked_is_not_the_one_the_question_names() -> None:
    fr = "Fin mai, Huang Zhaoying, vice-président de HTC, a déclaré à The Paper…"
    assert not names_someone_else("Who interviewed Huang Zhaoying?", fr, "fr", SAID)
    assert not names_someone_else("采访Huang Zhaoying的记者是谁？", fr, "fr", SAID)  # respelt
    # Who the one it names is: the sentence on him answers.
    assert names_someone_else("Who is Huang Zhaoying?", fr, "fr", SAID)
    assert names_someone_else("Huang Zhaoying是谁？", fr, "fr", SAID)
    assert names_someone_else("c'est qui exactement Huang Zhaoying ?", fr, "fr", SAID)
    assert names_someone_else("who's Huang Zhaoying?", fr, "fr", SAID)
    # Subject requests ask it too: once refused as naming no one else (subject bench 3 → 6).
    assert names_someone_else("Huang Zhaoying from HTC - who is he and what's his take?", fr, "fr")
    assert names_someone_else("Quem é Huang Zhaoying e o que ele disse?", fr, "fr", SAID)
    assert names_someone_else("Who said the metaverse is cooling?", fr, "fr", SAID)
    # A script without capitals and no English edition: cannot tell.
    assert names_someone_else("采访黄昭颖的记者是谁？", "5月底，黄昭颖表示……", "zh")


def test_a_word_the_corpus_also_writes_in_lowercase_is_no_name(engine) -> None:  # noqa: ANN001
    lowercase = engine.index.lowercase_english
    # Nested quotes leave the capitalised word outside both: the article's own spelling.
    title = 'The "Shanghai "Metaverse" Key Technology Research Action Plan" was released.'
    assert names_an_organisation(title)
    assert not names_an_organisation(common_lowered(title, lowercase))
    # Common words stay as written: "Institute of … Information" is still a name.
    named = "the Institute of Scientific and Technical Information of China"
    assert common_lowered(named, lowercase) == named
