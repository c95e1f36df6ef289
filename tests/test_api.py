"""The JSON API on the real session index: every endpoint, and that it calls the engine as is."""

from __future__ import annotations

import re
import socket
from dataclasses import asdict
from urllib.parse import urlsplit

import httpx
import pytest

from bot.followup import Turn
from bot.schema import NOT_BLANK

ARTICLE = "000_bab5460f06c5e48c"
ANSWERABLE = "Combien de grands modèles ont été publiés à Pékin ?"
UNANSWERABLE = "Who painted the Mona Lisa?"
# The article counts Shanghai's software companies, not its start-ups: the nearest figure is
# answered, below even odds, with a warning first.
NEAR_MISS = "How many start-ups does Shanghai have?"
SURE = "How many core AI companies did Beijing have in October 2022?"  # P(answerable) 0.78


def without_timings(answer: dict) -> dict:
    return {k: v for k, v in answer.items() if k != "timings_ms"}


def engine_answer(engine, question, history=(), lang=None, k=None) -> dict:
    answer = asdict(engine.ask(question, history, lang, k))
    del answer["decision"]
    answer["explain"] = None  # given only when asked
    # JSON turns tuples into lists; compare like with like.
    answer["citations"] = [
        {**c, "span": list(c["span"]),
         "edition": c["edition"] and {**c["edition"], "span": list(c["edition"]["span"])}}
        for c in answer["citations"]
    ]  # fmt: skip
    answer["sides"] = [{**s, "citations": list(s["citations"])} for s in answer["sides"]]
    return without_timings(answer)


def test_healthz(client, engine):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "passages": len(engine.index.passages),
        "embedder": engine.index.manifest.embedder,
        "index_built": engine.index.manifest.built_at,
    }


def test_answer_is_cited(client):
    response = client.post("/api/answer", json={"question": ANSWERABLE})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "question",
        "lang",
        "answered",
        "answer",
        "citations",
        "answer_lang",
        "kind",
        "timings_ms",
        "sides",
        "explain",
        "unsure",
    }
    assert body["question"] == ANSWERABLE
    assert body["lang"] == "fr"
    assert body["answered"] is True
    assert "38" in body["answer"]
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", body["answer"])}
    assert markers == {c["n"] for c in body["citations"]}
    for citation in body["citations"]:
        assert set(citation) == {"n", "passage_id", "section", "text", "score", "span", "edition"}
        start, end = citation["span"]
        assert 0 <= start < end <= len(citation["text"])
        assert citation["text"][start:end] in body["answer"]
    assert set(body["timings_ms"]) >= {"embed", "search", "answer"}


def test_answer_is_the_engine_answer(client, engine):
    body = client.post("/api/answer", json={"question": ANSWERABLE, "k": 3}).json()
    assert without_timings(body) == engine_answer(engine, ANSWERABLE, k=3)


def test_unanswerable_question_abstains_with_nearest_passages(client):
    body = client.post("/api/answer", json={"question": UNANSWERABLE, "k": 4}).json()
    assert body["answered"] is False
    assert body["answer"] == "The article does not mention “Mona Lisa”."
    assert len(body["citations"]) == 4  # the nearest passages, labelled as such by the page
    assert body["explain"] is None  # only when asked


def test_explain_shows_the_signals_and_the_missing_terms(client):
    body = client.post("/api/answer", json={"question": UNANSWERABLE, "explain": True}).json()
    explain = body["explain"]
    assert explain["terms"]["missing"] == ["Mona Lisa"] and explain["terms"]["checked_names"] == 1
    assert explain["probability"] < explain["threshold"] and explain["calibrated"] is True
    assert explain["signals"]["names_found"] == 0.0
    body = client.post("/api/answer", json={"question": ANSWERABLE, "explain": True}).json()
    assert body["answered"] and body["explain"]["probability"] >= body["explain"]["threshold"]
    assert body["explain"]["terms"]["missing"] == []


def test_a_near_miss_is_answered_unsure_and_says_so_first(client):
    body = client.post("/api/answer", json={"question": NEAR_MISS, "explain": True}).json()
    assert body["answered"] and body["unsure"] and body["kind"] == "answer"
    assert body["explain"]["threshold"] <= body["explain"]["probability"] < 0.5
    assert body["answer"].startswith("The article may not answer this exactly; the closest")
    assert body["citations"] and "[1]" in body["answer"]
    sure = client.post("/api/answer", json={"question": SURE}).json()
    assert sure["answered"] and not sure["unsure"]
    assert not sure["answer"].startswith("The article may not")
    assert not client.post("/api/answer", json={"question": UNANSWERABLE}).json()["unsure"]


def test_forced_language(client):
    body = client.post("/api/answer", json={"question": ANSWERABLE, "lang": "en"}).json()
    assert body["lang"] == "en"


def test_history_reaches_the_engine(client, engine):
    history = [
        {"role": "user", "content": "Combien d'entreprises centrales d'IA compte Pékin ?"},
        {"role": "assistant", "content": "Pékin comptait 1 048 entreprises [1]"},
    ]
    body = client.post("/api/answer", json={"question": "Et Shanghai ?", "history": history})
    assert body.status_code == 200
    turns = [Turn(**m) for m in history]
    assert without_timings(body.json()) == engine_answer(engine, "Et Shanghai ?", turns)


def test_a_long_history_turn_is_read_up_to_a_questions_length(client, engine):
    """Only the last user turn is searched with a follow-up, and only as much of it as a question
    may hold: the same answer as with those 2,000 characters alone."""
    long_turn = "北京" * 10_000
    history = [{"role": "user", "content": long_turn}]
    body = client.post("/api/answer", json={"question": "And Shanghai?", "history": history})
    assert body.status_code == 200
    clipped = [Turn("user", long_turn[:2000])]
    assert without_timings(body.json()) == engine_answer(engine, "And Shanghai?", clipped)


def test_search(client, engine):
    response = client.get("/api/search", params={"q": "métavers Shanghai", "k": 4})
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "métavers Shanghai"
    assert len(body["results"]) == 4
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)
    for result in body["results"]:
        assert {"passage_id", "section", "text", "score", "highlights"} <= set(result)
        assert result["text"] == engine.passage(result["passage_id"]).text
        assert result["highlights"]
        for start, end in result["highlights"]:
            assert 0 <= start < end <= len(result["text"])


def test_search_defaults_to_ten_and_takes_a_language(client):
    assert len(client.get("/api/search", params={"q": "brevets"}).json()["results"]) == 10
    response = client.get("/api/search", params={"q": "patents", "lang": "en", "k": 2})
    assert response.status_code == 200


def test_passage_with_neighbours(client, engine):
    middle = engine.index.passages[1]
    body = client.get(f"/api/passages/{middle.id}").json()
    assert body["passage_id"] == middle.id
    assert body["text"] == middle.text
    assert body["section_path"] == list(middle.section_path)
    assert body["before"]["passage_id"] == engine.index.passages[0].id
    assert body["after"]["passage_id"] == engine.index.passages[2].id
    first = client.get(f"/api/passages/{engine.index.passages[0].id}").json()
    assert first["before"] is None


def test_unknown_passage_is_404(client):
    response = client.get("/api/passages/no-such-passage")
    assert response.status_code == 404
    assert "no-such-passage" in response.json()["error"]


@pytest.mark.parametrize("lang", ["en", "zh", "ar", "ko"])
def test_summary_is_cited_in_the_readers_language(client, lang):
    body = client.get(f"/api/summary?lang={lang}").json()
    assert (body["scope"], body["lang"], body["answer_lang"], body["length"]) == (
        ARTICLE,
        lang,
        lang,
        "medium",
    )
    assert 5 <= len(body["points"]) <= 12 and body["lead"] == ""
    for point in body["points"]:
        (citation,) = point["citations"]
        assert set(citation) == {"n", "passage_id", "section", "text", "score", "span", "edition"}
        assert citation["edition"]["lang"] == lang
        start, end = citation["edition"]["span"]
        assert point["text"] == citation["edition"]["text"][start:end] + " [1]"
    assert set(body["timings_ms"]) == {"summary"}


def test_summary_of_a_part_and_lengths(client):
    parts = client.get("/api/topics?lang=en").json()["parts"]
    shanghai = next(p for p in parts if p["title"].startswith("02."))
    short = client.get(f"/api/summary?scope={shanghai['id']}&length=short&lang=fr").json()
    long = client.get(f"/api/summary?scope={shanghai['id']}&length=long&lang=fr").json()
    assert short["title"].startswith("02, raffinement") and len(short["points"]) < len(
        long["points"]
    )
    ids = set(shanghai["passage_ids"])
    assert all(p["citations"][0]["passage_id"] in ids for p in long["points"])


def test_summary_without_an_edition_is_labelled(client):
    body = client.get("/api/summary?scope=baikal_ru&lang=de&length=short").json()
    assert body["answer_lang"] == "ru" and body["lead"].startswith("Laut dem Artikel")


def test_summary_about_a_subject_cites_what_the_article_says_on_it(client):
    body = client.get("/api/summary", params={"about": "Web3", "lang": "fr"}).json()
    assert (body["scope"], body["about"], body["answered"], body["lead"]) == (
        "about", "Web3", True, "",
    )  # fmt: skip
    sources = [p["citations"][0]["text"][slice(*p["citations"][0]["span"])] for p in body["points"]]
    assert any("Web3" in s for s in sources)
    assert set(body["timings_ms"]) == {"summary"}
    whole = client.get("/api/summary", params={"lang": "fr"}).json()
    assert whole["about"] is None and whole["answered"] is True


def test_summary_about_a_subject_within_one_part(client):
    # "What does the Shanghai part say about Web3?": only that part's passages are cited.
    part = f"{ARTICLE}-part2"
    parts = client.get("/api/topics").json()["parts"]
    inside = next(set(p["passage_ids"]) for p in parts if p["id"] == part)
    body = client.get("/api/summary", params={"about": "Web3", "scope": part}).json()
    cited = {c["passage_id"] for p in body["points"] for c in p["citations"]}
    assert body["answered"] and cited and cited <= inside
    missing = client.get("/api/summary", params={"about": "Web3", "scope": "no-such-part"})
    assert missing.status_code == 404


def test_summary_about_nothing_in_the_article_says_so(client):
    body = client.get("/api/summary", params={"about": "recette de la ratatouille"}).json()
    assert (body["answered"], body["points"]) == (False, [])
    assert "ratatouille" in body["lead"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"about": ""}, "about: must not be empty."),
        ({"about": "   "}, "about: must not be blank."),
        ({"about": "x" * 301}, "about: must be at most 300 characters, not 301."),
    ],
)
def test_summary_about_is_validated(client, params, message):
    response = client.get("/api/summary", params=params)
    assert response.status_code == 422
    assert response.json() == {"error": message, "status": 422}


def test_a_comparison_has_both_sides_each_cited(client):
    body = client.post(
        "/api/answer", json={"question": "Compare Beijing and Shanghai on digital patents."}
    ).json()
    assert body["kind"] == "comparison" and body["answered"]
    sides = {side["side"]: side["citations"] for side in body["sides"]}
    assert sides["beijing"] and sides["shanghai"]
    numbers = sorted(n for cited in sides.values() for n in cited)
    assert numbers == [c["n"] for c in body["citations"]]


def test_topics_list_documents_and_parts_in_the_readers_language(client):
    body = client.get("/api/topics?lang=zh").json()
    assert body["lang"] == "zh"
    titles = {p["id"]: p["title"] for p in body["parts"]}
    assert titles[ARTICLE].startswith("北京建设") and titles[f"{ARTICLE}-part1"].startswith("01、")
    assert "baikal_ru" in titles  # every source document is a scope; editions are not
    assert not any("." in p["doc_id"] for p in body["parts"])
    article_topics = [t for t in body["topics"] if t["doc_id"] == ARTICLE]
    assert len(article_topics) >= 3 and all(t["lang"] == "zh" for t in article_topics)
    assert all(not any(c.isdigit() for c in t["label"]) for t in article_topics)
    # A document without a Chinese edition keeps its own language's labels.
    assert {t["lang"] for t in body["topics"] if t["doc_id"] == "baikal_ru"} <= {"ru"}


def test_search_can_be_narrowed_to_a_topic(client):
    topic = client.get("/api/topics?lang=en").json()["topics"][0]
    body = client.get(f"/api/search?q=Shanghai&k=3&topic={topic['id']}").json()
    assert {r["passage_id"] for r in body["results"]} <= set(topic["passage_ids"])


def test_openapi_documents_the_contract(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/healthz", "/api/answer", "/api/search", "/api/passages/{passage_id}",
                 "/api/summary", "/api/topics"):  # fmt: skip
        assert path in paths
    assert "/" not in paths  # pages are not part of the API


def test_real_server_answers(server):
    response = httpx.post(f"{server}/api/answer", json={"question": ANSWERABLE}, timeout=60)
    assert response.status_code == 200
    assert response.json()["answered"] is True


def raw_request(server: str, head: bytes, body_chunks: list[bytes]) -> bytes:
    host, port = urlsplit(server).hostname, urlsplit(server).port
    with socket.create_connection((host, port), timeout=30) as sock:
        sock.sendall(head)
        try:
            for chunk in body_chunks:
                sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server refused early and closed: that is the point
        data = b""
        try:
            while chunk := sock.recv(65536):
                data += chunk
        except ConnectionResetError:
            pass  # closed with bytes we sent still unread; what arrived before counts
    return data


def test_real_server_refuses_a_large_chunked_body(server):
    head = (
        b"POST /api/answer HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    piece = b'{"question": "' + b"a" * 16_000
    # 80 KB and no final chunk: the server must answer without waiting for the end.
    chunks = [b"%x\r\n%s\r\n" % (len(piece), piece)] * 5
    reply = raw_request(server, head, chunks)
    assert reply.startswith(b"HTTP/1.1 413")
    assert b'"status":413' in reply


def test_real_server_refuses_a_large_declared_body_without_reading_it(server):
    head = (
        b"POST /api/answer HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
        b"Content-Length: 10000000\r\n\r\n"
    )
    reply = raw_request(server, head, [])
    assert reply.startswith(b"HTTP/1.1 413")


def test_search_can_be_narrowed_to_a_part(client):
    part = f"{ARTICLE}-part2"
    parts = {p["id"]: p for p in client.get("/api/topics").json()["parts"]}
    ids = set(parts[part]["passage_ids"])
    body = client.get(f"/api/search?q=computing%20power&k=5&topic={part}").json()
    assert len(body["results"]) == 5
    assert {r["passage_id"] for r in body["results"]} <= ids
    missing = client.get("/api/search?q=x&topic=nowhere")
    assert missing.status_code == 404 and "/api/topics" in missing.json()["error"]


def test_k_with_an_integral_value_is_an_integer(client, engine):
    # JSON Schema, and so the OpenAPI document and its clients, count 3.0 as an integer.
    response = client.post("/api/answer", json={"question": ANSWERABLE, "k": 3.0})
    assert response.status_code == 200
    assert without_timings(response.json()) == engine_answer(engine, ANSWERABLE, k=3)


@pytest.mark.parametrize("k", [1.5, "3", True, 1e300])
def test_k_that_is_not_an_integer_in_range_is_refused(client, k):
    response = client.post("/api/answer", json={"question": ANSWERABLE, "k": k})
    assert response.status_code == 422 and response.json()["error"].startswith("k: ")


def test_openapi_says_that_blank_text_is_refused(client):
    document = client.get("/openapi.json").json()
    question = document["components"]["schemas"]["Question"]["properties"]["question"]
    (q,) = [p for p in document["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "q"]
    assert question["pattern"] == q["schema"]["pattern"] == NOT_BLANK
    assert client.get("/api/search", params={"q": "\xa0\u3000"}).status_code == 422


def test_every_operation_declares_its_errors_in_the_one_shape(client):
    paths = client.get("/openapi.json").json()["paths"]
    with_404 = {"GET /api/search", "GET /api/passages/{passage_id}", "GET /api/summary"}
    for path, operations in paths.items():
        for method, operation in operations.items():
            name = f"{method.upper()} {path}"
            errors = {int(s): r for s, r in operation["responses"].items() if s.startswith("4")}
            assert {400, 408, 413} <= set(errors), name  # the body limit, before any route
            assert (404 in errors) == (name in with_404), name
            for status, response in errors.items():
                shape = response["content"]["application/json"]["schema"]
                assert shape == {"$ref": "#/components/schemas/ErrorOut"}, (name, status)
