"""How long a summary the reader asks for, read from the message."""

from __future__ import annotations

import pytest

from bot.lengths import asked_length


@pytest.mark.parametrize(
    ("message", "length", "most"),
    [
        ("Résume l'article en 3 points", "short", 3),
        ("Sum it up in three sentences", "short", 3),
        ("用三点总结一下这篇文章", "short", 3),
        ("세 가지로 요약해 줘", "short", 3),
        ("Подведи итог в двух предложениях", "short", 2),
        ("Resume el artículo en cinco frases", "medium", 5),
        ("Résume brièvement la partie sur Shanghai", "short", None),
        ("Fasse den Text ausführlich zusammen", "long", None),
        ("Summarize part 2", "medium", None),
        # A number that counts something else is no length.
        ("Résume ce que dit l'article sur les 16 tâches clés", "medium", None),
        ("Summarise the five new development ideas", "medium", None),
    ],
)
def test_the_length_a_message_asks_for(message: str, length: str, most: int | None) -> None:
    assert asked_length(message) == (length, most)


def test_the_chat_gives_as_many_points_as_asked(engine) -> None:  # noqa: ANN001
    answer = engine.ask("Résume l'article en 3 points")
    assert (answer.kind, len(answer.citations)) == ("summary", 3)
    assert len(engine.ask("Résume l'article").citations) > 3
