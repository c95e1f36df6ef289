"""The reply to small talk ("Merci !", "Bonjour", "What can you do?"), in the reader's language:
to thanks and farewells a short one; else what bot knows and can be asked. No quote, no citation."""

from __future__ import annotations

from bot.answer import Answer
from bot.index import Index
from bot.phrases import phrase
from bot.summary import titled_scopes


def reply(index: Index, message: str, lang: str, act: str) -> Answer:
    """The answer to `message`, small talk of kind `act` (bot.intent.ACTS), in `lang`."""
    scopes = titled_scopes(index, lang)
    documents = [s for s in scopes if s.id == s.doc_id]
    if act in ("thanks", "farewell"):
        text = phrase(act, lang).format(title=documents[0].title)
        return Answer(message, lang, True, text, (), lang, "smalltalk")
    # The parts with something to summarise (a reference list has not).
    parts = [
        s.title
        for s in scopes
        if s.doc_id == documents[0].doc_id
        and s.id != s.doc_id
        and index.summaries[s.id]["points"]["short"]
    ]
    text = phrase("smalltalk", lang).format(title=documents[0].title, parts="; ".join(parts))
    return Answer(message, lang, True, text, (), lang, "smalltalk")
