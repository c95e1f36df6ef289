"""Every HTTP error is JSON of one shape, {"error": sentence, "status": code}, and never a 500."""

from __future__ import annotations

import pytest

LONG = "a" * 2001
AS_JSON = {"content-type": "application/json"}
DEEP = b"[" * 5000 + b"]" * 5000  # nesting Python's json parser refuses
ROLE = [{"role": "bot", "content": "y"}]
BIG = b'{"question": "' + b"a" * 70_000 + b'"}'

# (method, path, keyword arguments for the client, expected status, word the message must hold)
CASES = [
    ("POST", "/api/answer", {"json": {"question": ""}}, 422, "question"),
    ("POST", "/api/answer", {"json": {"question": "   "}}, 422, "blank"),
    ("POST", "/api/answer", {"json": {"question": LONG}}, 422, "2000"),
    ("POST", "/api/answer", {"json": {"question": 42}}, 422, "string"),
    ("POST", "/api/answer", {"json": {"question": "x", "k": "5"}}, 422, "k"),
    ("POST", "/api/answer", {"json": {"question": "x", "k": 0}}, 422, "k"),
    ("POST", "/api/answer", {"json": {"question": "x", "k": 21}}, 422, "k"),
    ("POST", "/api/answer", {"json": {"question": "x", "lang": "xx"}}, 422, "lang"),
    ("POST", "/api/answer", {"json": {"question": "x", "history": "hi"}}, 422, "history"),
    ("POST", "/api/answer", {"json": {"question": "x", "history": ROLE}}, 422, "role"),
    ("POST", "/api/answer", {"json": {"question": "x", "colour": "red"}}, 422, "colour"),
    ("POST", "/api/answer", {"json": ["question"]}, 422, "JSON object"),
    ("POST", "/api/answer", {"content": b"{not json", "headers": AS_JSON}, 400, "JSON"),
    ("POST", "/api/answer", {"content": b'{"question": "\xff"}', "headers": AS_JSON}, 400, "UTF-8"),
    (
        "POST",
        "/api/answer",
        {"content": b"[" * 5000 + b"]" * 5000, "headers": AS_JSON},
        400,
        "JSON",
    ),
    ("POST", "/api/answer", {"content": b'{"question": "x"}'}, 422, "Content-Type"),
    ("POST", "/api/answer", {}, 422, "missing"),
    ("POST", "/api/answer", {"content": BIG, "headers": AS_JSON}, 413, "KiB"),
    # An iterator is sent chunked, without Content-Length.
    ("POST", "/api/answer", {"content": iter([BIG[:40_000], BIG[40_000:]])}, 413, "KiB"),
    ("GET", "/api/search", {}, 422, "q"),
    ("GET", "/api/search?q=%20%20", {}, 422, "blank"),
    ("GET", f"/api/search?q={LONG}", {}, 422, "2000"),
    ("GET", "/api/search?q=x&k=0", {}, 422, "k"),
    ("GET", "/api/search?q=x&k=100", {}, 422, "k"),
    ("GET", "/api/search?q=x&k=many", {}, 422, "integer"),
    ("GET", "/api/search?q=x&lang=klingon", {}, 422, "lang"),
    ("GET", "/api/passages/nope", {}, 404, "nope"),
    ("GET", "/api/summary?lang=klingon", {}, 422, "lang"),
    ("GET", "/api/summary?length=huge", {}, 422, "length"),
    ("GET", "/api/summary?scope=tokyo", {}, 404, "/api/topics"),
    ("GET", "/api/topics?lang=xx", {}, 422, "lang"),
    ("GET", "/api/nothing-here", {}, 404, "/api/nothing-here"),
    ("DELETE", "/api/answer", {}, 405, "DELETE"),
    ("GET", "/api/answer", {}, 405, "GET"),
]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "word"),
    CASES,
    ids=[f"{m} {p[:40]} {s} {w}" for m, p, _, s, w in CASES],
)
def test_error_shape(client, method, path, kwargs, status, word):
    response = client.request(method, path, **kwargs)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error", "status"}
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"].endswith((".", "...", "?"))
    assert word.lower() in body["error"].lower()


def test_api_errors_are_json_even_for_browsers(client):
    response = client.get("/api/passages/nope", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_pages_show_errors_as_html(client):
    response = client.get("/article?passage=nope", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "nope" in response.text
