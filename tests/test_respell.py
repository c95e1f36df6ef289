"""Names written in the reader's script, read as the corpus writes them (bot.respell), with the
real index's editions."""

from __future__ import annotations

import pytest

from bot.respell import romanized, sound


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("アップル", "apple"),
        ("Эппл", "apple"),
        ("آبل", "apple"),
        ("アリババ", "alibaba"),
        ("Байду", "baidu"),
        ("ファン・ジャオイン", "huang zhaoying"),
        ("コン・ロンドゥ", "kong rongdu"),
    ],
)
def test_a_name_sounds_alike_in_every_script(written: str, name: str) -> None:
    assert sound(romanized(written)) == sound(name)


def test_different_names_sound_different() -> None:
    assert sound(romanized("テンセント")) != sound("huang zhaoying")
    assert sound("apple") != sound("paper")  # one opens on a vowel


@pytest.mark.parametrize(
    ("question", "respelled"),
    [
        ("アップルは今年何を発売しましたか？", "Appleは今年何を発売しましたか？"),
        ("アップル・ビジョン・プロの価格は？", "Apple Vision Proの価格は？"),
        ("Что выпустила Эппл в этом году?", "Что выпустила Apple в этом году?"),
        ("Какую роль играет Алибаба?", "Какую роль играет Alibaba?"),
        ("黄昭颖是谁？", "Huang Zhaoying是谁？"),  # the characters' pinyin, letter for letter
        ("孔蓉杜说了什么？", "Kong Rongdu说了什么？"),
        ("IDGキャピタルはどんなパートナー？", "IDG Capitalはどんなパートナー？"),
        # Another Cyrillic spelling of a name the Russian edition writes ("Шэньчжэнь").
        ("Сколько патентов у Шеньчженя?", "Сколько патентов у Шэньчжэнь?"),
        ("Шеньчжень или Пекин?", "Шэньчжэнь или Пекин?"),
        # Not: everyday words that sound like a short name ("Кратко", "ファン" a fan), a word
        # the reader's edition writes (バイドゥ is written in no edition, メタバース is), a name
        # the corpus does not hold, a city (the corpus's aliases know them in every script).
        ("Кратко: что сказал аналитик?", "Кратко: что сказал аналитик?"),
        ("ファンはどこ？", "ファンはどこ？"),
        ("メタバースとは？", "メタバースとは？"),
        ("テンセントは選ばれましたか？", "テンセントは選ばれましたか？"),
        ("Какой план принял Сиань?", "Какой план принял Сиань?"),
        ("上海有多少人工智能人才？", "上海有多少人工智能人才？"),
    ],
)
def test_the_engine_reads_names_as_the_corpus_writes_them(
    engine,  # noqa: ANN001
    question: str,
    respelled: str,
) -> None:
    assert engine.respelled(question) == respelled


def test_a_name_in_katakana_is_answered_and_the_reader_keeps_their_spelling(engine) -> None:  # noqa: ANN001
    # The Japanese edition writes "Apple": "アップル" was refused as never mentioned.
    answer = engine.ask("アップルは今年何を発売しましたか？")
    assert answer.answered and answer.answer_lang == "ja"
    assert "Apple Vision Pro" in answer.answer
    assert answer.question == "アップルは今年何を発売しましたか？"
