"""Server-rendered pages: they work without JavaScript, escape everything, and use the engine."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from markupsafe import escape

from bot.pages import blocks
from bot.web import EXAMPLES, chips, cite_url, marks, numbered, summary_points

EDITIONS = ("ar", "de", "en", "es", "it", "ja", "ko", "pt", "ru", "zh")  # the article's
HTML = {"accept": "text/html"}
QUESTION = "Combien de grands modèles ont été publiés à Pékin ?"
SOURCE = "000_bab5460f06c5e48c"  # the French article; its .en and .zh editions are aligned to it
ZH_QUESTION = "上海元宇宙行动计划的两大主攻方向是什么？"
SHANGHAI = f"{SOURCE}-part2"  # "02. … Shanghai clarifies the two main directions of the metaverse"
REFERENCES = f"{SOURCE}-part4"  # the reference list: passages, but nothing to summarise


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
        assert f'lang="{lang}" dir="ltr"' in text
    assert 'href="/?q=' in text  # examples are plain links without JavaScript
    assert 'action="/search"' in text
    assert "Summaries come" not in text and 'id="summary"' in text


@pytest.mark.parametrize(("lang", "question"), EXAMPLES)
def test_each_example_is_answered_in_its_language_without_a_warning(
    engine, lang: str, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.answered and not answer.unsure and answer.answer_lang == lang


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
    # The page carries no explanation; the API gives one only when asked (null here).
    assert {**page, "timings_ms": None, "explain": None} == {**api, "timings_ms": None}


def test_abstention_is_labelled_not_an_answer(client):
    text = client.get("/", params={"q": "Who painted the Mona Lisa?"}).text
    assert "Not in the article" in text
    assert "Nearest passages — not an answer" in text


def test_an_unsure_answer_is_marked_on_the_page(client):
    text = client.get(
        "/", params={"q": "Quels projets Web3 concrets Shanghai va-t-elle financer ?"}, headers=HTML
    ).text
    assert re.search(r'<article class="msg msg-bot answered unsure"', text)
    assert "L&#39;article ne répond peut-être pas exactement à cette question" in text
    sure = client.get("/", params={"q": "上海的数字专利占比是多少？"}, headers=HTML).text
    assert '<article class="msg msg-bot answered"' in sure


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


def test_a_previous_question_is_bounded_like_a_question(client):
    """A plain link from any site could carry a huge `prev`: refused, not searched."""
    params = {"q": "And Shanghai?", "prev": "北京" * 1500}
    response = client.get("/", params=params, headers=HTML)
    assert response.status_code == 422
    assert "prev: must be at most 2000 characters, not 3000." in html.unescape(response.text)


def test_a_follow_up_to_a_summary_without_javascript_is_a_summary(client):
    # The form sends only the previous question: what it asked is read from it.
    params = {"q": "Et Shanghai ?", "prev": "Résume la partie sur Pékin"}
    text = client.get("/", params=params, headers=HTML).text
    summary = text.split('data-kind="summary"', 1)[1].split("</article>", 1)[0]
    assert "Web3" in summary  # Shanghai's part: its plan's two directions, immersive and Web3


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
    assert re.search(r'<h2 class="doc-heading" id="p-[^"]+">', text)  # a citable heading
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
    shown = blocks(document, passages)
    kinds = [b["kind"] for b in shown]
    assert kinds.count("passage") == sum(not p.heading for p in passages)
    # A heading passage is shown as a heading (the title is the <h1>), with its id to link to.
    cited_headings = [b["passage"] for b in shown if b["kind"] == "heading" and b.get("passage")]
    titled = [p for p in passages if p.heading and p.text.strip() != document.title.strip()]
    assert cited_headings == titled and titled


def test_a_cited_heading_is_marked_in_the_article(client, engine):
    heading = next(p for p in engine.index.passages if p.heading and "deuxième" in p.text)
    page = client.get("/article", params={"passage": heading.id, "span": "0-5"}).text
    assert re.search(r'<h\d class="doc-heading cited" id="cited" tabindex="-1">', page)


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
    assert '<article class="document" lang="zh" dir="ltr">' in text
    assert "<title>北京建设“AI之都”，上海元宇宙“冲刺” · bot</title>" in text  # the edition's title


@pytest.mark.parametrize("lang", ["en", "zh", "fr"])
def test_article_in_any_edition_carries_the_highlight_over(client, engine, cited, lang):
    # The source passage and span, as a citation gives them, shown in another edition.
    start, end = cited["span"]
    params = {"doc": SOURCE, "lang": lang, "passage": cited["passage_id"], "span": f"{start}-{end}"}
    response = client.get("/article", params=params, headers=HTML)
    assert response.status_code == 200
    document = engine.edition_document(SOURCE, lang)
    assert f'<article class="document" lang="{lang}" dir="ltr">' in response.text
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
    assert sorted(links.values()) == sorted(["fr", *EDITIONS])
    for href, lang in links.items():
        query = parse_qs(urlsplit(html.unescape(href)).query)
        assert query["lang"] == [lang] and query["doc"] == [SOURCE]
        assert query["passage"] == [params["passage"]]
        assert query["span"] == [params["span"]]
    assert 'aria-current="page">中文</a>' in switch[0]


def test_unknown_edition_is_a_404_naming_the_languages(client):
    page = client.get("/article", params={"doc": SOURCE, "lang": "nl"}, headers=HTML)
    assert page.status_code == 404
    assert "fr, ar, de, en" in html.unescape(page.text) and "&#39;nl&#39;" in page.text
    as_json = client.get("/article", params={"doc": SOURCE, "lang": "nl"})
    assert as_json.status_code == 404
    assert as_json.json() == {"status": 404, "error": as_json.json()["error"]}
    assert "fr, ar, de, en, es, it, ja, ko, pt, ru, zh" in as_json.json()["error"]
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
    assert (
        f'<p class="passage-text" lang="en" dir="ltr"><mark>{escape(sentence(edition))}</mark>'
        in text
    )
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
        ("ja, ko;q=0.7", "ja", "質問"),
        ("nl, sv;q=0.7", "en", "Ask"),
        ("", "en", "Ask"),
    ],
)
def test_interface_language_from_accept_language(fresh, header, lang, button):
    response = fresh.get("/", headers={**HTML, "accept-language": header})
    text = response.text
    assert f'<html lang="{lang}" dir="ltr">' in text
    assert f'<button type="submit">{button}</button>' in text
    strings = json.loads(re.search(r'id="ui-strings">(.*?)</script>', text, re.S)[1])
    assert strings["ask"] == button  # the strings the script uses
    assert "Accept-Language" in response.headers["vary"]


def test_interface_language_switch_is_remembered(fresh):
    english = {**HTML, "accept-language": "en"}
    text = fresh.get("/search", headers=english).text
    assert re.search(
        r'<a href="/search\?ui=fr" lang="fr" dir="ltr" hreflang="fr">Français</a>', text
    )
    switched = fresh.get("/search?ui=fr", headers=english)
    assert (
        '<html lang="fr" dir="ltr">' in switched.text and "Chercher des passages" in switched.text
    )
    assert "ui=fr" in switched.headers["set-cookie"]
    later = fresh.get("/article", headers=english).text  # no ?ui=: the cookie decides
    assert '<html lang="fr" dir="ltr">' in later and "← Retour à la discussion" in later
    assert (
        '<article class="document" lang="fr" dir="ltr">' in later
    )  # and the article opens in French
    assert '<html lang="zh" dir="ltr">' in fresh.get("/?ui=zh", headers=english).text
    assert (
        '<html lang="zh" dir="ltr">' in fresh.get("/?ui=xx", headers=english).text
    )  # unknown: ignored
    error = fresh.get("/article?doc=nope", headers=english)
    assert error.status_code == 404 and "错误 404" in error.text  # error pages too


def test_switch_links_keep_the_page(fresh, cited):
    text = fresh.get("/", params={"q": ZH_QUESTION}, headers=HTML).text
    link = re.search(r'<a href="([^"]+)" lang="de" dir="ltr" hreflang="de">Deutsch</a>', text)
    assert link is not None
    assert parse_qs(urlsplit(html.unescape(link[1])).query) == {"q": [ZH_QUESTION], "ui": ["de"]}


def test_bare_article_opens_in_the_interface_language(fresh, engine):
    for lang in ("en", "zh", "fr"):
        text = fresh.get("/article", headers={**HTML, "accept-language": lang}).text
        title = engine.edition_document(SOURCE, lang).title
        assert f"<h1>{escape(title)}</h1>" in text
    # The Russian test document has no Spanish edition: a Spanish reader gets it as it is.
    text = fresh.get("/article?doc=baikal_ru", headers={**HTML, "accept-language": "es"}).text
    assert f"<h1>{escape(engine.document('baikal_ru').title)}</h1>" in text


# --- the summary on the empty chat ------------------------------------------------------------


def card(text: str) -> str:
    found = re.search(r'<section class="summary-card".*?</section>', text, re.S)
    assert found is not None, "no summary on the page"
    return found[0]


def points_on(text: str) -> list[tuple[str, str]]:
    """(point text, chip href) of each point of the first summary list in `text`."""
    items = re.findall(
        r'<li><span class="point-text">(.*?)</span> <a class="chip" href="([^"]+)"', text, re.S
    )
    return [(html.unescape(point), html.unescape(href)) for point, href in items]


def current(nav: str, text: str) -> list[str]:
    found = re.search(rf'<nav class="switch {nav}".*?</nav>', text, re.S)
    assert found is not None
    return re.findall(r'data-\w+="([^"]+)"[^>]*aria-current="true"', found[0])


@pytest.mark.parametrize(
    ("how", "lang"),
    [({"accept-language": "en-GB,en;q=0.9"}, "en"), ({"accept-language": "zh-CN"}, "zh"),
     ({"accept-language": "fr"}, "fr"), ({"ui": "zh"}, "zh"), ({"ui": "fr"}, "fr")],
)  # fmt: skip
def test_empty_chat_shows_the_summary_in_the_readers_language(fresh, how, lang):
    headers = {**HTML, "accept-language": how.get("accept-language", "en")}
    params = {"ui": how["ui"]} if "ui" in how else {}
    text = fresh.get("/", params=params, headers=headers).text
    api = fresh.get("/api/summary", params={"lang": lang}).json()
    assert api["answer_lang"] == lang and not api["lead"]  # an edition (or the source) in lang
    shown = card(text)
    assert f'<h2 id="summary-title" lang="{lang}" dir="ltr">{escape(api["title"])}</h2>' in shown
    assert f'<ul class="points" lang="{lang}" dir="ltr">' in shown
    expected = [(p["text"].removesuffix(" [1]"), p["citations"][0]) for p in api["points"]]
    assert points_on(shown) == [(point, cite_url(c)) for point, c in expected]
    assert len(expected) == 12  # medium, the default
    chips_shown = re.findall(r'class="chip"[^>]*>(\d+)</a>', shown)
    assert chips_shown == [str(n) for n in range(1, 13)]  # numbered as a summary in the chat


def test_a_language_without_an_edition_gets_the_source_under_the_lead(fresh, engine):
    # The Russian test document has no Spanish edition.
    text = fresh.get("/", params={"scope": "baikal_ru"}, headers={**HTML, "accept-language": "es"})
    shown = card(text.text)
    assert '<p class="lead">Según el artículo (cita en su idioma original):</p>' in shown
    assert '<ul class="points" lang="ru" dir="ltr">' in shown
    source = engine.document("baikal_ru").title
    assert f'<h2 id="summary-title" lang="ru" dir="ltr">{escape(source)}</h2>' in shown
    for _, href in points_on(shown):
        assert "lang=" not in href  # chips open the Russian source itself


def test_summary_scope_and_length_switch_on_the_server(fresh):
    headers = {**HTML, "accept-language": "en"}
    text = fresh.get("/", params={"scope": SHANGHAI, "length": "short"}, headers=headers).text
    api = fresh.get("/api/summary", params={"scope": SHANGHAI, "length": "short"}).json()
    shown = card(text)
    assert "Shanghai clarifies the two main directions" in api["title"]
    assert f">{escape(api['title'])}</h2>" in shown
    assert [point for point, _ in points_on(shown)] == [
        p["text"].removesuffix(" [1]") for p in api["points"]
    ]
    assert current("summary-scopes", shown) == [SHANGHAI]
    assert current("summary-lengths", shown) == ["short"]
    links = re.findall(r'<a href="([^"]+)" data-(scope|length)="([^"]+)"', shown)
    scopes = [value for _, kind, value in links if kind == "scope"]
    # The article and its parts with points; the reference list has none and is left out.
    assert scopes == ["article", f"{SOURCE}-part1", SHANGHAI, f"{SOURCE}-part3"]
    for href, kind, value in links:  # each link keeps the other choice
        query = parse_qs(urlsplit(html.unescape(href)).query)
        if kind == "scope":
            assert query == {"scope": [value], "length": ["short"]}
        else:
            assert query == {"scope": [SHANGHAI], "length": [value]}
    long = card(fresh.get("/", params={"scope": SHANGHAI, "length": "long"}, headers=headers).text)
    assert len(points_on(long)) > len(points_on(shown))
    article = card(fresh.get("/", params={"scope": "article"}, headers=headers).text)
    assert current("summary-scopes", article) == ["article"]


def test_summary_switch_errors(client):
    unknown = client.get("/", params={"scope": "nope"}, headers=HTML)
    assert unknown.status_code == 404 and "/api/topics" in unknown.text
    bad = client.get("/", params={"length": "huge"}, headers=HTML)
    assert bad.status_code == 422 and "short, medium or long" in bad.text
    hostile = client.get("/", params={"scope": "<b>x</b>"}, headers=HTML)
    assert hostile.status_code == 404 and "<b>x</b>" not in hostile.text


def test_a_scope_with_nothing_to_summarise_says_so(client):
    text = client.get("/", params={"scope": REFERENCES}, headers=HTML).text
    shown = card(text)
    assert "Nothing to summarise in this part." in shown and "<li>" not in shown
    assert current("summary-scopes", shown) == [REFERENCES]  # asked by id: shown as chosen


def test_no_summary_once_a_question_is_asked(client):
    text = client.get("/", params={"q": QUESTION}, headers=HTML).text
    assert 'class="summary-card"' not in text


# --- parts and topics -------------------------------------------------------------------------


def topics_panel(text: str) -> str:
    found = re.search(r'<section class="panel" id="topics-panel".*?</section>', text, re.S)
    assert found is not None
    return found[0]


def test_side_panel_lists_the_parts(fresh):
    text = fresh.get("/", headers={**HTML, "accept-language": "zh"}).text
    panel = topics_panel(text)
    parts = fresh.get("/api/topics", params={"lang": "zh"}).json()["parts"]
    for part in parts:
        if part["doc_id"] == SOURCE:  # every part, the reference list too: it has passages
            assert (
                f'<a href="/topics/{part["id"]}" lang="zh" dir="ltr">{escape(part["title"])}</a>'
                in panel
            )
    assert "02、进一步细化，上海明确元宇宙两大主攻方向" in panel
    # A document whose only part is the whole of it is listed once, with its topics.
    assert 'href="/topics/tianyige_zh"' in panel and 'href="/topics/tianyige_zh-part' not in panel
    topics = fresh.get("/api/topics", params={"lang": "zh"}).json()["topics"]
    assert topics  # clusters labelled in the reader's language where an edition allows
    for topic in topics:
        attrs = f'lang="{topic["lang"]}" dir="ltr"'
        link = f'<a href="/topics/{topic["id"]}" {attrs}>{escape(topic["label"])}</a>'
        assert link in panel


def test_topic_page_lists_its_passages_in_the_readers_language(fresh, engine):
    part = next(
        p for p in fresh.get("/api/topics", params={"lang": "zh"}).json()["parts"]
        if p["id"] == SHANGHAI
    )  # fmt: skip
    response = fresh.get(f"/topics/{SHANGHAI}", headers={**HTML, "accept-language": "zh"})
    assert response.status_code == 200
    text = response.text
    assert f"<h1>{escape(part['title'])}</h1>" in text
    links = re.findall(r'<a class="open" href="([^"]+)"', text)
    shown = [parse_qs(urlsplit(html.unescape(href)).query)["passage"][0] for href in links]
    paragraphs = [i for i in part["passage_ids"] if not engine.passage(i).heading]
    assert len(shown) == len(paragraphs)  # headings are the page's titles, not list items
    edition = engine.edition_document(SOURCE, "zh")
    for passage_id in shown:  # the Chinese edition's passages, escaped
        passage = engine.passage(passage_id)
        assert passage.doc_id == edition.id
        assert f'<p class="passage-text" lang="zh" dir="ltr">{escape(passage.text)}</p>' in text
    assert f'href="/?scope={SHANGHAI}"' in text  # its summary
    assert f'<input type="hidden" name="topic" value="{SHANGHAI}">' in text  # search within it
    references = fresh.get(f"/topics/{REFERENCES}", headers=HTML).text
    assert "/?scope=" not in references  # nothing to summarise there


def test_topic_page_lists_the_topics_passages(fresh):
    topics = fresh.get("/api/topics", params={"lang": "en"}).json()["topics"]
    topic = next(t for t in topics if t["doc_id"] == SOURCE)
    text = fresh.get(f"/topics/{topic['id']}", headers={**HTML, "accept-language": "en"}).text
    assert f'<h1 lang="en" dir="ltr">{escape(topic["label"])}</h1>' in text
    assert 0 < text.count('<li class="result">') <= len(topic["passage_ids"])
    assert "/?scope=" not in text  # a topic is not a summary scope
    assert f'<input type="hidden" name="topic" value="{topic["id"]}">' in text


def test_topics_page_and_errors(client):
    text = client.get("/topics", headers=HTML).text
    assert f'href="/topics/{SHANGHAI}"' in text
    missing = client.get("/topics/nope", headers=HTML)
    assert missing.status_code == 404 and "/api/topics" in missing.text
    as_json = client.get("/topics/nope")
    assert as_json.json() == {"status": 404, "error": as_json.json()["error"]}


def test_search_within_a_part(client, engine):
    within = engine.within(SHANGHAI)
    text = client.get("/search", params={"q": "metaverse", "topic": SHANGHAI}, headers=HTML).text
    assert 'class="status within"' in text
    sources = re.findall(r'href="/article\?passage=([^"&]+)#cited">Open the original', text)
    opened = re.findall(r'<a class="open" href="/article\?passage=([^"&]+)[^"]*">Open in', text)
    assert opened and all(pid in within for pid in sources)
    assert (
        client.get("/search", params={"q": "x", "topic": "nope"}, headers=HTML).status_code == 404
    )


@pytest.fixture
def hostile_topic(monkeypatch):
    """/api/topics with one topic whose label and terms hold markup (and no `lang`)."""
    import bot.pages

    real = bot.pages.topics

    def topics(request, lang):
        data = real(request, lang)
        passage_ids = next(p["passage_ids"] for p in data["parts"] if p["id"] == SHANGHAI)
        loaded = request.app.state.live.get()
        passage_ids = [i for i in passage_ids if not loaded.passage(i).heading]  # paragraphs
        topic = {"id": f"{SOURCE}-topicX", "doc_id": SOURCE, "label": "<b>métavers</b>、Web3",
                 "terms": ["métavers", "<i>Web3</i>"], "passage_ids": passage_ids[:4]}  # fmt: skip
        return {**data, "topics": [topic]}

    monkeypatch.setattr(bot.pages, "topics", topics)
    return f"{SOURCE}-topicX"


def test_topic_labels_are_escaped(client, hostile_topic):
    panel = topics_panel(client.get("/", headers=HTML).text)
    assert f'<a href="/topics/{hostile_topic}">&lt;b&gt;métavers&lt;/b&gt;、Web3</a>' in panel
    assert "<b>" not in panel
    page = client.get(f"/topics/{hostile_topic}", headers=HTML)
    assert page.status_code == 200
    assert page.text.count('<li class="result">') == 4
    assert "/?scope=" not in page.text  # a topic is not a summary scope
    assert "<b>" not in page.text and "<i>" not in page.text


# --- what a message asks decides how the reply looks -------------------------------------------


def message(text: str) -> str:
    found = re.search(r'<article class="msg msg-bot.*?</article>', text, re.S)
    assert found is not None
    return found[0]


@pytest.mark.parametrize(
    ("question", "lang", "words"),
    [("Summarize the article", "en", "Beijing"), ("总结一下北京的措施", "zh", "北京")],
)
def test_summary_request_renders_as_points_with_chips(client, question, lang, words):
    text = client.get("/", params={"q": question}, headers=HTML).text
    answer = page_answer(text)
    assert answer["kind"] == "summary"
    shown = message(text)
    assert 'data-kind="summary"' in shown and 'class="msg msg-bot summary"' in shown
    assert f'<ul class="points" lang="{lang}" dir="ltr">' in shown
    points = points_on(shown)
    assert len(points) == len(answer["citations"]) >= 5
    assert [href for _, href in points] == [cite_url(c) for c in answer["citations"]]
    assert all(words in point for point, _ in points[:2])
    assert 'class="sources"' not in shown  # the chips are the sources
    assert text.count('class="evidence-item"') == len(answer["citations"])


def test_small_talk_renders_as_a_plain_reply(client):
    text = client.get("/", params={"q": "Hello! What can you do?"}, headers=HTML).text
    answer = page_answer(text)
    assert answer["kind"] == "smalltalk" and answer["citations"] == []
    shown = message(text)
    assert 'data-kind="smalltalk"' in shown
    assert f">{escape(answer['answer'])}</p>" in shown
    assert "chip" not in shown and "sources" not in shown and "badge" not in shown
    assert re.search(r'<p class="muted" id="evidence-empty">', text)  # nothing to show there


def test_summary_points_cut_each_line_at_its_marker():
    one = {"n": 1, "text": "A [1] b.", "span": (0, 8)}
    two = {"n": 2, "text": "C.", "span": (0, 2)}
    answer = {"answer": "Lead:\nA [1] b. [1]\nC. [2]\nD [9]", "citations": [one, two]}
    assert summary_points(answer) == ("Lead: D [9]", [("A [1] b.", one), ("C.", two)])


def test_numbered_renumbers_the_points_of_a_summary():
    c = {"n": 1, "passage_id": "p", "text": "x", "span": (0, 1)}
    summary = {"points": [{"text": "[1] A. [1]", "citations": [c]}, {"text": "B", "citations": []},
                          {"text": "C. [1]", "citations": [c]}]}  # fmt: skip
    assert numbered(summary) == [("[1] A.", {**c, "n": 1}), ("C.", {**c, "n": 2})]


def test_summary_text_is_escaped(app):
    strings = app.state.strings["en"]
    hostile = "<img src=x onerror=alert(1)> <b>bold</b>."
    citation = {"n": 1, "passage_id": "doc-1", "section": "<i>S</i>", "text": hostile,
                "score": 1.0, "span": [0, len(hostile)], "edition": None}  # fmt: skip
    answer = {"question": "<script>q</script>", "lang": "en", "answered": True,
              "answer": f"<u>lead</u>\n{hostile} [1]", "citations": [citation],
              "answer_lang": "en", "kind": "summary"}  # fmt: skip
    template = app.state.templates.env.get_template("_message.html")
    text = template.render(m={"role": "assistant", "answer": answer}, t=strings)
    assert "<img" not in text and "<b>" not in text and "<i>" not in text and "<u>" not in text
    assert f'<span class="point-text">{escape(hostile)}</span>' in text
    assert '<p class="lead">&lt;u&gt;lead&lt;/u&gt;</p>' in text
    talk = template.render(m={"role": "assistant", "answer": {**answer, "kind": "smalltalk"}},
                           t=strings)  # fmt: skip
    assert "<img" not in talk and "<u>" not in talk


def test_pages_work_without_topics_in_the_index(client, monkeypatch):
    import bot.pages

    real = bot.pages.topics
    monkeypatch.setattr(
        bot.pages, "topics", lambda request, lang: {**real(request, lang), "topics": None}
    )
    text = client.get("/", headers=HTML).text
    assert f'href="/topics/{SHANGHAI}"' in topics_panel(text)
    assert 'class="topic-kind"' not in text
    monkeypatch.setattr(
        bot.pages,
        "topics",
        lambda request, lang: {k: v for k, v in real(request, lang).items() if k != "topics"},
    )
    assert client.get(f"/topics/{SHANGHAI}", headers=HTML).status_code == 200
    assert client.get("/topics", headers=HTML).status_code == 200
