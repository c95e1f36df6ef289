"""Server-rendered pages: they work without JavaScript, escape everything, and use the engine."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from markupsafe import escape

from bot.web import blocks, chips, cite_url, marks

HTML = {"accept": "text/html"}
QUESTION = "Combien de grands modèles ont été publiés à Pékin ?"
SOURCE = "000_bab5460f06c5e48c"  # the French article; its .en and .zh editions are aligned to it
ZH_QUESTION = "上海元宇宙行动计划的两大主攻方向是什么？"


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
    # A document that is neither the passage's nor another edition of it.
    other = next(d for d in engine.index.documents if SOURCE not in (d.id, d.edition_of))
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


# --- editions ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cited(engine) -> dict:
    """A citation of the French source quoted from its Chinese edition."""
    from dataclasses import asdict

    answer = asdict(engine.ask(ZH_QUESTION))
    assert answer["answered"] and answer["answer_lang"] == "zh"
    citation = answer["citations"][0]
    assert citation["edition"] is not None and citation["edition"]["lang"] == "zh"
    return citation


def sentence(passage: dict) -> str:
    return passage["text"][slice(*passage["span"])]


def cited_mark(text: str) -> str:
    found = re.search(r'<mark id="cited" tabindex="-1">(.*?)</mark>', text, re.S)
    assert found is not None, "no highlighted sentence"
    return html.unescape(found[1])


def test_citation_links_to_the_edition_it_quotes(client, cited):
    url = cite_url(cited)
    query = parse_qs(urlsplit(url).query)
    assert query["lang"] == ["zh"] and query["passage"] == [cited["edition"]["passage_id"]]
    text = client.get(url, headers=HTML).text
    assert cited_mark(text) == sentence(cited["edition"])
    assert '<article class="document" lang="zh">' in text
    assert "<title>北京建设“AI之都”，上海元宇宙“冲刺” · bot</title>" in text  # the edition's title


@pytest.mark.parametrize("lang", ["en", "zh", "fr"])
def test_article_in_any_edition_carries_the_highlight_over(client, engine, cited, lang):
    # The source passage and span, as a citation gives them, shown in another edition.
    start, end = cited["span"]
    params = {"doc": SOURCE, "lang": lang, "passage": cited["passage_id"], "span": f"{start}-{end}"}
    response = client.get("/article", params=params, headers=HTML)
    assert response.status_code == 200
    document = engine.edition_document(SOURCE, lang)
    assert f'<article class="document" lang="{lang}">' in response.text
    assert f"<h1>{escape(document.title)}</h1>" in response.text
    mark = cited_mark(response.text)
    if lang == "fr":
        assert mark == sentence(cited)
    elif lang == "zh":
        assert mark == sentence(cited["edition"])
    else:
        assert "Web3" in mark and "immersive" in mark
    for passage in engine.index.passages:
        if passage.doc_id == document.id:
            assert str(escape(passage.text)) in response.text  # every passage, escaped


def test_article_language_switch_keeps_the_passage(client, cited):
    start, end = cited["edition"]["span"]
    params = {"lang": "zh", "passage": cited["edition"]["passage_id"], "span": f"{start}-{end}"}
    text = client.get("/article", params=params, headers=HTML).text
    switch = re.search(r'<nav class="lang-switch".*?</nav>', text, re.S)
    assert switch is not None
    links = dict(re.findall(r'<a href="([^"]+)" lang="(\w+)"', switch[0]))
    assert sorted(links.values()) == ["en", "fr", "zh"]
    for href, lang in links.items():
        query = parse_qs(urlsplit(html.unescape(href)).query)
        assert query["lang"] == [lang] and query["doc"] == [SOURCE]
        assert query["passage"] == [params["passage"]]
        assert query["span"] == [params["span"]]
    assert 'aria-current="page">中文</a>' in switch[0]


def test_unknown_edition_is_a_404_naming_the_languages(client):
    page = client.get("/article", params={"doc": SOURCE, "lang": "de"}, headers=HTML)
    assert page.status_code == 404
    assert "fr, en, zh" in html.unescape(page.text) and "&#39;de&#39;" in page.text
    as_json = client.get("/article", params={"doc": SOURCE, "lang": "de"})
    assert as_json.status_code == 404
    assert as_json.json() == {"status": 404, "error": as_json.json()["error"]}
    assert "fr, en, zh" in as_json.json()["error"]
    hostile = client.get("/article", params={"doc": SOURCE, "lang": "<b>x</b>"}, headers=HTML)
    assert hostile.status_code == 404 and "<b>x</b>" not in hostile.text


def test_english_question_cites_the_english_edition_on_the_page(client):
    question = "What are the two main directions of attack of Shanghai's metaverse plan?"
    text = client.get("/", params={"q": question}, headers=HTML).text
    answer = page_answer(text)
    assert answer["answer_lang"] == "en"
    edition = answer["citations"][0]["edition"]
    assert edition["lang"] == "en"
    assert f'href="{escape(cite_url(answer["citations"][0]))}"' in text  # chips open the edition
    assert f'<p class="passage-text" lang="en"><mark>{escape(sentence(edition))}</mark>' in text
    assert "<summary>original (French)</summary>" in text


def test_edition_text_is_escaped_in_the_evidence(app):
    strings = app.state.strings["en"]
    hostile = "<img src=x onerror=alert(1)> <b>bold</b>."
    citation = {
        "n": 1, "passage_id": "doc-1", "section": "<i>S</i>", "text": "Source <script>x</script>.",
        "score": 0.5, "span": [0, 6],
        "edition": {"lang": "en", "passage_id": "doc.en-1", "section": "<i>E</i>",
                    "text": hostile, "span": [0, len(hostile)]},
    }  # fmt: skip
    template = app.state.templates.env.get_template("_evidence.html")
    text = template.render(c=citation, t=strings, doc_langs={"doc": "fr", "doc.en": "en"})
    assert "<img" not in text and "<b>" not in text and "<script>" not in text and "<i>" not in text
    assert f"<mark>{escape(hostile)}</mark>" in text
    assert "<summary>original (French)</summary>" in text


def test_chips_find_the_edition_sentence():
    edition = {"lang": "en", "passage_id": "d.en-1", "section": "", "text": "x A.", "span": (2, 4)}
    one = {"n": 1, "text": "Le A.", "span": (0, 5), "edition": edition}
    answer = {"answer": "A. [1]", "citations": [one]}
    assert chips(answer) == [("A.", None), ("", one)]


# --- the interface language -------------------------------------------------------------------


@pytest.fixture
def fresh(client) -> Iterator:
    """The session client without the interface-language cookie, before and after."""
    client.cookies.clear()
    yield client
    client.cookies.clear()


@pytest.mark.parametrize(
    ("header", "lang", "button"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh", "提问"),
        ("fr-CH, fr;q=0.9, en;q=0.8", "fr", "Demander"),
        ("de;q=0.5, es", "es", "Preguntar"),
        ("ja, ko;q=0.7", "en", "Ask"),
        ("", "en", "Ask"),
    ],
)
def test_interface_language_from_accept_language(fresh, header, lang, button):
    response = fresh.get("/", headers={**HTML, "accept-language": header})
    text = response.text
    assert f'<html lang="{lang}">' in text
    assert f'<button type="submit">{button}</button>' in text
    strings = json.loads(re.search(r'id="ui-strings">(.*?)</script>', text, re.S)[1])
    assert strings["ask"] == button  # the strings the script uses
    assert "Accept-Language" in response.headers["vary"]


def test_interface_language_switch_is_remembered(fresh):
    english = {**HTML, "accept-language": "en"}
    text = fresh.get("/search", headers=english).text
    assert re.search(r'<a href="/search\?ui=fr" lang="fr" hreflang="fr">Français</a>', text)
    switched = fresh.get("/search?ui=fr", headers=english)
    assert '<html lang="fr">' in switched.text and "Chercher des passages" in switched.text
    assert "ui=fr" in switched.headers["set-cookie"]
    later = fresh.get("/article", headers=english).text  # no ?ui=: the cookie decides
    assert '<html lang="fr">' in later and "← Retour à la discussion" in later
    assert '<article class="document" lang="fr">' in later  # and the article opens in French
    assert '<html lang="zh">' in fresh.get("/?ui=zh", headers=english).text
    assert '<html lang="zh">' in fresh.get("/?ui=xx", headers=english).text  # unknown: ignored
    error = fresh.get("/article?doc=nope", headers=english)
    assert error.status_code == 404 and "错误 404" in error.text  # error pages too


def test_switch_links_keep_the_page(fresh, cited):
    text = fresh.get("/", params={"q": ZH_QUESTION}, headers=HTML).text
    link = re.search(r'<a href="([^"]+)" lang="de" hreflang="de">Deutsch</a>', text)
    assert link is not None
    assert parse_qs(urlsplit(html.unescape(link[1])).query) == {"q": [ZH_QUESTION], "ui": ["de"]}


def test_bare_article_opens_in_the_interface_language(fresh, engine):
    for lang in ("en", "zh", "fr"):
        text = fresh.get("/article", headers={**HTML, "accept-language": lang}).text
        title = engine.edition_document(SOURCE, lang).title
        assert f"<h1>{escape(title)}</h1>" in text
    text = fresh.get("/article", headers={**HTML, "accept-language": "es"}).text  # no edition
    assert f"<h1>{escape(engine.document(SOURCE).title)}</h1>" in text
