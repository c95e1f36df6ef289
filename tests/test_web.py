"""Server-rendered pages: they work without JavaScript, escape everything, and use the engine."""

from __future__ import annotations

import html
import json
import re

from markupsafe import escape

from bot.web import blocks, chips, marks

HTML = {"accept": "text/html"}
QUESTION = "Combien de grands modèles ont été publiés à Pékin ?"


def page_answer(text: str) -> dict:
    data = re.search(r'id="conversation-data">(.*?)</script>', text, re.S)
    assert data is not None
    return json.loads(data[1])[-1]["answer"]


def test_empty_chat_offers_examples_in_several_languages(client):
    response = client.get("/", headers=HTML)
    assert response.status_code == 200
    text = response.text
    assert '<form id="ask" class="ask" action="/" method="get">' in text
    for lang in ("fr", "en", "zh", "es", "de", "ja"):
        assert f'lang="{lang}"' in text
    assert 'href="/?q=' in text  # examples are plain links without JavaScript
    assert 'action="/search"' in text
    assert "Summaries" in text


def test_question_in_the_url_is_answered_on_the_server(client):
    response = client.get("/", params={"q": QUESTION}, headers=HTML)
    assert response.status_code == 200
    text = response.text
    assert re.search(r'class="chip" href="/article\?passage=[^"]+&amp;span=\d+-\d+#cited"', text)
    assert "Open in the article" in text  # the evidence panel
    assert 'name="q" type="text"' in text
    assert f'value="{escape(QUESTION)}" autofocus' in text  # pre-filled
    assert f'name="prev" value="{escape(QUESTION)}"' in text  # follow-ups without JavaScript


def test_page_and_api_give_the_same_answer(client):
    api = client.post("/api/answer", json={"question": QUESTION}).json()
    page = page_answer(client.get("/", params={"q": QUESTION}, headers=HTML).text)
    assert {**page, "timings_ms": None} == {**api, "timings_ms": None}


def test_abstention_is_labelled_not_an_answer(client):
    text = client.get("/", params={"q": "Who painted the Mona Lisa?"}).text
    assert "Not in the article" in text
    assert "Nearest passages — not an answer" in text


def test_question_is_escaped(client):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    text = client.get("/", params={"q": attack}, headers=HTML).text
    assert "<script>alert" not in text
    assert "<img src=x" not in text
    assert "&lt;script&gt;alert" in text
    # The JSON island for the script is escaped too.
    assert "\\u003cscript\\u003e" in text


def test_too_long_question_is_an_error_on_the_page(client):
    response = client.get("/", params={"q": "a" * 2001}, headers=HTML)
    assert response.status_code == 422
    assert "at most 2000 characters" in response.text


def test_search_page(client):
    response = client.get("/search", params={"q": "brevets numériques"}, headers=HTML)
    assert response.status_code == 200
    assert response.text.count('class="result"') == 10
    assert "<mark>" in response.text
    assert client.get("/search", headers=HTML).status_code == 200


def test_article_marks_the_cited_passage_and_sentence(client, engine):
    passage = next(p for p in engine.index.passages if len(p.sentences) > 1)
    start, end = passage.sentences[1]
    response = client.get(
        "/article", params={"passage": passage.id, "span": f"{start}-{end}"}, headers=HTML
    )
    assert response.status_code == 200
    text = response.text
    assert f'<mark id="cited" tabindex="-1">{escape(passage.text[start:end])}</mark>' in text
    assert text.count('class="passage cited"') == 1
    assert text.count('id="cited"') == 1


def test_article_renders_the_whole_document_with_headings(client, engine):
    document = engine.index.documents[0]
    text = client.get("/article", params={"doc": document.id}, headers=HTML).text
    for passage in engine.index.passages:
        if passage.doc_id == document.id:
            assert str(escape(passage.text)) in text  # every passage, escaped
    assert '<h2 class="doc-heading">' in text
    assert html.unescape(text).count(document.title) >= 1
    assert client.get("/article", headers=HTML).status_code == 200  # first document


def test_article_without_span_marks_the_passage(client, engine):
    passage = engine.index.passages[3]
    text = client.get("/article", params={"passage": passage.id}, headers=HTML).text
    assert 'class="passage cited" id="cited"' in text


def test_article_errors(client, engine):
    passage = engine.index.passages[0]
    assert client.get("/article?doc=nope", headers=HTML).status_code == 404
    bad_span = client.get(f"/article?passage={passage.id}&span=9-2", headers=HTML)
    assert bad_span.status_code == 400
    assert "span" in bad_span.text
    other = next(d for d in engine.index.documents if d.id != passage.doc_id)
    assert client.get(f"/article?doc={other.id}&passage={passage.id}").status_code == 404


def test_static_files(client):
    assert client.get("/static/app.css").status_code == 200
    script = client.get("/static/app.js").text
    assert "innerHTML" not in script


def test_chips_cut_the_answer_at_its_markers():
    one = {"n": 1, "text": "A.", "span": (0, 2)}
    two = {"n": 2, "text": "x B.", "span": (2, 4)}
    answer = {"answer": "A. [1] B. [2] C [9]", "citations": [two, one]}
    assert chips(answer) == [("A.", None), ("", one), (" B.", None), ("", two), (" C [9]", None)]


def test_chips_skip_markers_inside_the_quoted_text():
    # A reference list quoted as is: its own "[1]" is not the citation marker.
    one = {"n": 1, "text": '[1] "Rapport", Zero One', "span": (0, 23)}
    answer = {"answer": '[1] "Rapport", Zero One [1]', "citations": [one]}
    assert chips(answer) == [('[1] "Rapport", Zero One', None), ("", one)]


def test_marks_cut_text_at_spans():
    assert marks("abcdef", [(1, 3), (2, 4)]) == [("a", False), ("bc", True), ("d", True),
                                                  ("ef", False)]  # fmt: skip
    assert marks("abc", []) == [("abc", False)]


def test_blocks_keep_headings_between_passages(engine):
    document = engine.index.documents[0]
    passages = [p for p in engine.index.passages if p.doc_id == document.id]
    kinds = [b["kind"] for b in blocks(document, passages)]
    assert kinds.count("passage") == len(passages)
    assert "heading" in kinds
