"""The reply to small talk ("Merci !", "Bonjour", "What can you do?"), in the reader's language:
what the small talk does (smalltalk_act), then to thanks and farewells a short reply; else what
bot knows and can be asked. No quote, no citation."""

from __future__ import annotations

import numpy as np

from bot.answer import Answer
from bot.index import Index
from bot.intent_examples import ACTS, IntentExamples
from bot.phrases import phrase
from bot.summary import titled_scopes

# Small talk takes the act most of its nearest labelled examples have (bench/intent_quality.py).
ACT_NEIGHBOURS = 5


def reply(index: Index, message: str, lang: str, act: str) -> Answer:
    """The answer to `message`, small talk of kind `act` (ACTS), in `lang`."""
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


def smalltalk_act(text: str, vector: np.ndarray, examples: IntentExamples) -> str:
    """What small talk does ("greeting", "thanks", "farewell" or "help"): the act of the same
    text among the examples, else the most common act of its nearest small-talk examples."""
    exact = examples.act_of(text)
    if exact:
        return exact
    labelled = [n for n, act in enumerate(examples.acts) if act]
    if not labelled:
        return ACTS[0]
    similarity = examples.vectors[labelled] @ np.asarray(vector, dtype=np.float32).reshape(-1)
    nearest = np.argsort(similarity)[::-1][:ACT_NEIGHBOURS]
    votes: dict[str, float] = {}
    for rank in nearest:
        act = examples.acts[labelled[rank]]
        votes[act] = votes.get(act, 0.0) + float(similarity[rank])
    return max(votes, key=votes.__getitem__)
