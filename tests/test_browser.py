"""The chat in a real browser: Playwright driving Debian's Chromium against a live server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
STRINGS = Path(__file__).resolve().parent.parent / "web" / "strings.json"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUESTION = "Combien de grands modèles ont été publiés à Pékin ?"
EN_QUESTION = "What are the two main directions of attack of Shanghai's metaverse plan?"
ZH_QUESTION = "上海元宇宙行动计划的两大主攻方向是什么？"
AR_QUESTION = "ما الاتجاهان الرئيسيان لخطة شنغهاي للميتافيرس؟"
UNANSWERABLE = "Who painted the Mona Lisa?"
SHANGHAI = "Shanghai clarifies the two main directions"  # the title of the article's part 2
TIMEOUT = 60_000  # ms; answering takes milliseconds, a busy CI machine much longer


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's Chromium: apt-get install chromium fonts-wqy-microhei")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def console() -> list[str]:
    """Console errors and uncaught exceptions of the page; must stay empty."""
    return []


def open_page(browser, server: str, console: list[str], **options):
    """A page in a new browser context (options: locale, viewport…) that logs its errors."""
    options = {"viewport": {"width": 1280, "height": 860}, **options}
    context = browser.new_context(base_url=server, **options)
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: console.append(str(error)))
    return page


@pytest.fixture
def page(browser, server: str, console: list[str]) -> Iterator:
    page = open_page(browser, server, console, locale="en-US")
    yield page
    page.context.close()
    assert console == []


@pytest.fixture
def shots(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """Where screenshots go: --screenshots DIR, or a temporary folder."""
    folder = request.config.getoption("--screenshots")
    return Path(folder) if folder else tmp_path


def ask(page, question: str) -> None:
    answers = page.locator(".msg-bot:not(.msg-loading)").count()
    page.fill("#q", question)
    page.press("#q", "Enter")
    page.locator(".msg-bot:not(.msg-loading)").nth(answers).wait_for()


def in_view(locator) -> bool:
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }"
    )


def one_row(page, selector: str) -> bool:
    """The shown children of `selector` sit on one line: their boxes all overlap vertically."""
    return page.locator(selector).evaluate(
        "e => { const boxes = [...e.children].map(c => c.getBoundingClientRect())"
        ".filter(r => r.height > 1);"
        " return Math.max(...boxes.map(r => r.top)) < Math.min(...boxes.map(r => r.bottom)) }"
    )


def focused(page) -> str:
    return page.evaluate("(e => e.id || e.className || e.tagName)(document.activeElement)")


def toggle_to_the_original(page, lang: str, label: str, translated: str, original: str) -> None:
    """The evidence shows the edition in `lang`; its toggle swaps in the French source and back."""
    item = page.locator("#evidence-list .evidence-item").first
    edition = item.locator(f":scope > .passage-text[lang={lang}]")
    assert translated in edition.locator("mark").inner_text()
    toggle = item.locator("details.original > summary")
    assert toggle.text_content() == label
    source = item.locator("details.original > .passage-text[lang=fr]")
    assert not source.is_visible()
    toggle.click()
    assert source.is_visible() and not edition.is_visible()
    assert original in source.locator("mark").inner_text()
    toggle.click()
    assert edition.is_visible() and not source.is_visible()


def test_ask_then_open_the_cited_passage(page, shots: Path):
    page.goto("/")
    assert page.locator(".example").count() >= 6
    ask(page, QUESTION)
    answer = page.locator(".msg-bot.answered")
    assert "38" in answer.inner_text()
    chip = answer.locator(".msg-text .chip").first
    assert chip.inner_text() == "1"
    assert page.locator("#evidence-list .evidence-item").count() >= 1
    assert page.locator("#evidence-list mark").count() >= 1
    ask(page, "How many core AI companies did Beijing have in October 2022?")
    page.evaluate("scrollTo(0, 0)")
    page.screenshot(path=shots / "screenshot-chat.png")

    chip.click()
    page.wait_for_url("**/article?**")
    mark = page.locator("mark#cited")
    mark.wait_for()
    assert "38" in mark.inner_text()
    assert page.locator(".passage.cited mark").count() == 1
    assert page.locator("h2.doc-heading").count() >= 3
    assert in_view(mark)
    page.screenshot(path=shots / "screenshot-article.png")

    page.go_back()
    page.locator(".msg-bot").first.wait_for()
    assert page.locator(".msg").count() == 4  # the conversation survives the round trip


def test_english_question_quotes_the_english_edition(page):
    page.goto("/")
    ask(page, EN_QUESTION)
    answer = page.locator(".msg-bot.answered .msg-text")
    assert answer.get_attribute("lang") == "en"
    assert "immersive technology and Web3 technology" in answer.inner_text()
    chip = answer.locator(".chip").first
    assert chip.inner_text() == "1"
    toggle_to_the_original(
        page, "en", "original (French)", "immersive technology and Web3 technology",
        "la technologie immersive et la technologie Web3",
    )  # fmt: skip

    chip.click()
    page.wait_for_url("**/article?**")
    assert "lang=en" in page.url
    mark = page.locator("mark#cited")
    mark.wait_for()
    assert "immersive technology and Web3 technology" in mark.inner_text()
    assert page.locator("article.document").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("Beijing builds")
    assert in_view(mark)
    # The language switch keeps the highlighted sentence.
    page.locator(".lang-switch a[lang=fr]").click()
    page.locator("article.document[lang=fr] mark#cited").wait_for()
    assert "la technologie immersive et la technologie Web3" in mark.inner_text()
    page.locator(".lang-switch a[lang=zh]").click()
    page.locator("article.document[lang=zh] mark#cited").wait_for()
    assert "沉浸式技术和Web3技术" in mark.inner_text()


def test_chinese_reader_gets_a_chinese_page_and_answer(browser, server, console, shots: Path):
    page = open_page(browser, server, console, locale="zh-CN")
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "zh"
    assert page.locator("#ask button").inner_text() == "提问"
    summary = page.locator("#summary")
    assert summary.locator("#summary-title").inner_text() == "北京建设“AI之都”，上海元宇宙“冲刺”"
    assert summary.locator(".points").get_attribute("lang") == "zh"
    assert summary.locator(".summary-lengths [aria-current]").inner_text() == "中等"
    ask(page, ZH_QUESTION)
    answer = page.locator(".msg-bot.answered .msg-text")
    assert "沉浸式技术和Web3技术" in answer.inner_text()
    toggle_to_the_original(
        page, "zh", "原文（法语）", "沉浸式技术和Web3技术",
        "la technologie immersive et la technologie Web3",
    )  # fmt: skip
    page.locator("#evidence-list details.original > summary").first.click()
    page.screenshot(path=shots / "screenshot-edition.png")

    answer.locator(".chip").first.click()
    page.locator("article.document[lang=zh] mark#cited").wait_for()
    assert page.locator("h1").inner_text() == "北京建设“AI之都”，上海元宇宙“冲刺”"
    assert page.locator(".back").inner_text() == "← 返回问答"
    page.context.close()
    assert console == []


def test_arabic_reader_gets_a_right_to_left_page_and_answer(browser, server, console):
    page = open_page(browser, server, console, locale="ar")
    page.goto("/")
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")  # nothing beside
    points = page.locator("#summary .points")
    assert (points.get_attribute("lang"), points.get_attribute("dir")) == ("ar", "rtl")
    ask(page, AR_QUESTION)
    answer = page.locator(".msg-bot.answered .msg-text")
    assert (answer.get_attribute("lang"), answer.get_attribute("dir")) == ("ar", "rtl")
    assert "التكنولوجيا الغامرة وتكنولوجيا Web3" in answer.inner_text()
    assert answer.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # Right to left: the paragraph's first words sit at its right edge.
    box, first = (
        answer.bounding_box(),
        answer.evaluate(
            "e => { const r = document.createRange(); r.setStart(e.firstChild, 0);"
            " r.setEnd(e.firstChild, 1); return r.getBoundingClientRect().right }"
        ),
    )
    assert first > box["x"] + box["width"] * 0.8
    # The French original behind the toggle reads left to right inside the right-to-left page.
    item = page.locator("#evidence-list .evidence-item").first
    assert item.locator(":scope > .passage-text").get_attribute("dir") == "rtl"
    source = item.locator("details.original > .passage-text[lang=fr]")
    assert source.get_attribute("dir") == "ltr"
    page.context.close()
    assert console == []


def test_the_api_docs_render_offline_under_the_policy(page):
    """Swagger UI from the package: its operations are listed, and the console (which reports
    every Content-Security-Policy violation) stays empty."""
    page.goto("/docs")
    page.locator(".swagger-ui .opblock-summary-path", has_text="/api/answer").first.wait_for()
    assert page.locator(".swagger-ui .info .title").inner_text().startswith("bot")


def test_interface_language_switch(page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".ui-switch summary").click()  # the menu of interface languages
    page.locator(".ui-switch a[lang=fr]").click()
    page.locator("html[lang=fr]").wait_for()
    assert page.locator("#ask button").inner_text() == "Demander"
    ask(page, UNANSWERABLE)
    assert "Pas dans l'article" in page.locator(".msg-bot.abstained").text_content()
    page.goto("/search")  # the choice is remembered
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Chercher des passages par thème"


def test_follow_up_sends_the_conversation(page):
    page.goto("/")
    ask(page, QUESTION)
    with page.expect_request("**/api/answer") as request:
        ask(page, "Et Shanghai ?")
    history = request.value.post_data_json["history"]
    assert [turn["role"] for turn in history] == ["user", "assistant"]
    assert history[0]["content"] == QUESTION
    assert page.locator(".msg-bot").count() == 2


def test_not_in_the_article_is_not_an_error(page):
    page.goto("/")
    ask(page, UNANSWERABLE)
    message = page.locator(".msg-bot.abstained")
    assert "Not in the article" in message.text_content()
    assert "Nearest passages — not an answer" in message.text_content()
    assert page.locator("#evidence-title").text_content() == "Nearest passages — not an answer"
    assert page.locator(".msg-error").count() == 0


def test_an_unsure_answer_says_so_and_is_marked(page):
    page.goto("/")
    ask(page, "How many start-ups does Shanghai have?")
    message = page.locator(".msg-bot.answered.unsure")
    assert message.inner_text().startswith("The article may not answer this exactly")
    assert message.locator("a.chip").count() >= 1  # still cited: the closest it comes
    style = message.evaluate("m => getComputedStyle(m).borderInlineStartStyle")
    assert style == "dashed"


def test_error_then_retry(page, console: list[str]):
    page.goto("/")
    page.route("**/api/answer", lambda route: route.abort())
    page.fill("#q", QUESTION)
    page.press("#q", "Enter")
    error = page.locator(".msg-error")
    error.wait_for()
    assert "Could not reach the server" in error.inner_text()
    console.clear()  # the aborted request is logged as a failed load, on purpose
    page.unroute("**/api/answer")
    page.locator(".retry").click()
    page.locator(".msg-bot.answered").wait_for()
    assert page.locator(".msg-error").count() == 0
    assert page.locator(".msg-user").count() == 1


def test_example_question_and_passage_search(page):
    page.goto("/")
    page.locator(".example[lang=zh]").focus()
    page.keyboard.press("Enter")
    page.locator(".msg-bot:not(.msg-loading)").wait_for()
    page.fill("#search-q", "brevets")
    page.press("#search-q", "Enter")
    page.locator("#search-results li").nth(4).wait_for()
    assert page.locator("#search-results li").count() == 5
    assert page.locator("#search-results mark").count() >= 1


def test_keyboard_reaches_a_citation(page):
    page.goto("/")
    # The question box has focus on an empty chat (autofocus: Chromium may apply it just after
    # the load event, so wait for it rather than lose the first keystrokes).
    page.wait_for_function("document.activeElement && document.activeElement.id === 'q'")
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    chip = page.locator(".msg-bot.answered .msg-text .chip").first
    chip.wait_for()
    chip.focus()
    page.keyboard.press("Enter")
    page.locator("mark#cited").wait_for()


def test_question_text_is_never_markup(page):
    page.goto("/")
    attack = "<img src=x onerror=alert(1)> <b>bold</b>?"
    ask(page, attack)
    assert page.locator(".msg-user").first.inner_text() == attack
    assert page.locator("#conversation img, #conversation b").count() == 0


def test_corpus_text_is_never_markup_and_spans_count_code_points(page):
    # A hostile corpus, served in place of the engine: markup in it must stay text, and a
    # span counted in code points must land right after an emoji (two UTF-16 units).
    sentence = "😀 <b>bold</b>."
    answer = {
        "question": "q", "lang": "en", "answered": True, "answer": f"{sentence} [1]",
        "citations": [{"n": 1, "passage_id": "p1", "section": "<i>S</i>",
                       "text": f"{sentence} <img src=x>", "score": 0.9,
                       "span": [0, len(sentence)]}],
        "timings_ms": {},
    }  # fmt: skip
    page.route("**/api/answer", lambda route: route.fulfill(json=answer))
    page.goto("/")
    ask(page, "q")
    assert page.locator("#evidence-list mark").inner_text() == sentence
    assert page.locator(".msg-bot .msg-text").text_content() == f"{sentence}1"
    assert page.locator("main b, main i, main img").count() == 0


def test_edition_text_is_never_markup(page):
    sentence = "😀 <b>bold</b>."
    source = "Le 😀 <i>gras</i>."
    citation = {
        "n": 1, "passage_id": "000_bab5460f06c5e48c-x", "section": "<i>S</i>",
        "text": f"{source} <img src=x>", "score": 0.9, "span": [0, len(source)],
        "edition": {"lang": "en", "passage_id": "000_bab5460f06c5e48c.en-x", "section": "<i>E</i>",
                    "text": f"{sentence} <img src=x>", "span": [0, len(sentence)]},
    }  # fmt: skip
    answer = {"question": "q", "lang": "en", "answered": True, "answer": f"{sentence} [1]",
              "citations": [citation], "answer_lang": "en", "timings_ms": {}}  # fmt: skip
    page.route("**/api/answer", lambda route: route.fulfill(json=answer))
    page.goto("/")
    ask(page, "q")
    assert page.locator(".msg-bot .msg-text").text_content() == f"{sentence}1"
    assert "lang=en" in page.locator(".msg-bot .chip").first.get_attribute("href")
    toggle_to_the_original(page, "en", "original (French)", sentence, source)
    assert page.locator("#evidence-list details.original mark").text_content() == source
    assert page.locator("main b, main i, main img").count() == 0


def test_works_without_javascript(browser, server: str):
    context = browser.new_context(java_script_enabled=False, base_url=server)
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    page.goto("/")
    assert page.locator("#summary .points li").count() == 12
    page.locator(".summary-lengths a[data-length=short]").click()
    page.wait_for_url("**/?scope=article&length=short")
    assert page.locator("#summary .points li").count() == 5
    page.locator(".summary-scopes a", has_text=SHANGHAI).click()
    page.wait_for_url(f"**/?scope={quote('000_bab5460f06c5e48c-part2')}&length=short")
    assert SHANGHAI in page.locator("#summary-title").inner_text()
    page.fill("#q", QUESTION)
    page.press("#q", "Enter")
    page.wait_for_url("**/?q=*")
    assert "38" in page.locator(".msg-bot.answered").inner_text()
    page.locator(".new-chat").click()
    page.wait_for_url("**/?new=1")
    assert page.locator("#summary .points li").count() == 12
    page.fill("#search-q", "métavers")
    page.press("#search-q", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator(".result").count() == 10
    context.close()


def test_readable_on_a_phone(browser, server: str, shots: Path, console: list[str]):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=server)
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.goto("/?q=" + quote("How many large models has Beijing released?"))
    assert page.locator(".msg-bot").count() == 1
    overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0
    page.screenshot(path=shots / "screenshot-phone.png")
    context.close()
    assert console == []


# --- summaries and topics -----------------------------------------------------------------------


def test_empty_chat_shows_the_summary_and_switches_without_reload(page, shots: Path):
    page.goto("/")
    summary = page.locator("#summary")
    title = summary.locator("#summary-title")
    points = summary.locator(".points li")
    assert title.inner_text().startswith("Beijing builds")
    assert points.count() == 12  # medium
    assert points.locator(".chip").count() == 12
    page.screenshot(path=shots / "screenshot-summary.png")
    page.evaluate("window.notReloaded = true")

    with page.expect_response("**/api/summary?*"):
        summary.locator(".summary-scopes a", has_text=SHANGHAI).click()
    page.locator(f"#summary-title:has-text('{SHANGHAI}')").wait_for()
    with page.expect_response("**/api/summary?*"):
        summary.locator(".summary-lengths a[data-length=short]").click()
    page.locator(".summary-lengths a[data-length=short][aria-current=true]").wait_for()
    # Three points, the sentence one of them ("He said…") leans on just before it (a quotation),
    # and who says that quotation ("Huang Zhaoying said…").
    assert points.count() == 5
    assert summary.locator(".summary-scopes [aria-current]").inner_text().startswith("02.")
    assert page.evaluate("window.notReloaded") is True
    assert page.url.endswith("/?scope=000_bab5460f06c5e48c-part2&length=short")
    # The other links now carry the new choices, as the server would have written them.
    medium = summary.locator(".summary-lengths a[data-length=medium]").get_attribute("href")
    assert medium == "/?scope=000_bab5460f06c5e48c-part2&length=medium"

    point = points.first.locator(".point-text").inner_text()
    points.first.locator(".chip").click()
    page.wait_for_url("**/article?**")
    mark = page.locator("mark#cited")
    mark.wait_for()
    assert mark.inner_text() == point
    assert page.locator("article.document").get_attribute("lang") == "en"
    assert in_view(mark)
    page.go_back()  # the summary the reader chose is still there
    page.locator(f"#summary-title:has-text('{SHANGHAI}')").wait_for()
    assert points.count() == 5


def test_summary_request_and_small_talk_in_the_chat(page):
    page.goto("/")
    ask(page, "Summarize the article")
    summary = page.locator(".msg-bot.summary")
    assert summary.get_attribute("data-kind") == "summary"
    assert summary.locator(".badge-summary").inner_text().lower() == "summary"
    points = summary.locator(".points li")
    assert points.count() == 12
    assert summary.locator(".points .chip").all_inner_texts() == [str(n) for n in range(1, 13)]
    assert summary.locator(".sources").count() == 0
    assert page.locator("#evidence-list .evidence-item").count() == 12
    assert page.locator("#empty-state").is_hidden()

    ask(page, "Hello! What can you do?")
    talk = page.locator(".msg-bot.smalltalk")
    assert "Summarize the article" in talk.inner_text()
    assert talk.locator(".chip, .sources, .badge").count() == 0
    assert page.locator("#evidence-list .evidence-item").count() == 0
    assert page.locator("#evidence-empty").is_visible()

    page.reload()  # rendered again from the stored conversation, by kind
    page.locator(".msg-bot.smalltalk").wait_for()
    assert page.locator(".msg-bot.summary .points li").count() == 12


@pytest.mark.parametrize("javascript", [True, False])
def test_a_comparison_is_a_two_column_block_on_a_desk_and_on_a_phone(
    browser, server: str, console: list[str], shots: Path, javascript: bool
):
    question = "Compare Beijing and Shanghai on digital technology density"
    for width, height in ((1280, 900), (390, 844)):
        context = browser.new_context(
            viewport={"width": width, "height": height}, base_url=server, locale="en-US",
            java_script_enabled=javascript,
        )  # fmt: skip
        context.set_default_timeout(TIMEOUT)
        page = context.new_page()
        page.on("pageerror", lambda error: console.append(str(error)))
        if javascript:
            page.goto("/")
            ask(page, question)
        else:
            page.goto("/?q=" + quote(question))
        reply = page.locator(".msg-bot.comparison")
        sides = reply.locator(".compare-side")
        assert sides.count() == 2
        assert [s.get_attribute("data-side") for s in sides.all()] == ["beijing", "shanghai"]
        assert sides.locator("h3").all_inner_texts() == ["Beijing", "Shanghai"]
        for side in sides.all():
            assert side.locator(".points li .chip").count() >= 1
        # Both boxes in one call: the reply may still be scrolling into view (smoothly).
        left, right = reply.evaluate(
            "el => [...el.querySelectorAll('.compare-side')].map(s => s.getBoundingClientRect())"
            ".map(r => ({x: r.x, y: r.y}))"
        )
        if width > 800:  # side by side
            assert left["y"] == right["y"] and left["x"] < right["x"]
        else:  # stacked, nothing wider than the phone
            assert left["y"] < right["y"]
            assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
            reply.screenshot(path=shots / f"comparison-phone-{javascript}.png")
        # The sentences that rank the two: a list under its label, as a column is; no label
        # line stands above the columns as if it were a lead.
        ranks = reply.locator(".verdict")
        assert ranks.locator("h3").inner_text() == "How the article ranks them"
        assert ranks.locator(".points li .chip").count() >= 1
        assert reply.locator(".lead").count() == 0
        context.close()
    assert console == []


def test_a_topic_click_lists_its_passages(page):
    page.goto("/")
    page.locator("#topics-panel a", has_text=SHANGHAI).click()
    page.wait_for_url("**/topics/000_bab5460f06c5e48c-part2")
    assert SHANGHAI in page.locator("h1").inner_text()
    passages = page.locator(".topic-passages li")
    assert passages.count() == 11
    assert passages.first.locator(".passage-text").get_attribute("lang") == "en"
    first = passages.first.locator(".passage-text").inner_text()
    passages.first.locator("a.open").click()
    page.wait_for_url("**/article?**")
    cited = page.locator(".passage.cited")
    cited.wait_for()
    assert cited.inner_text() == first
    page.go_back()
    page.locator("a", has_text="Summary of this part").click()
    page.locator(f"#summary-title:has-text('{SHANGHAI}')").wait_for()

    topic = page.locator("#topics-panel .topic-list.topics li").first  # a cluster of passages
    label = topic.locator("a").inner_text()
    count = int(topic.locator(".count").inner_text())
    topic.locator("a").click()
    page.wait_for_url("**/topics/000_bab5460f06c5e48c-topic-*")
    assert page.locator("h1").inner_text() == label
    assert 0 < passages.count() <= count  # passages the English edition merged are shown once


def test_summary_text_from_the_api_is_never_markup(page):
    hostile = "😀 <b>bold</b> <img src=x onerror=alert(1)>."
    citation = {"n": 1, "passage_id": "p1", "section": "<i>S</i>", "text": hostile,
                "score": 1.0, "span": [0, len(hostile)], "edition": None}  # fmt: skip
    summary = {"scope": "p", "title": "<i>T</i>", "lang": "en", "answer_lang": "en",
               "length": "short", "lead": "<u>lead</u>",
               "points": [{"text": f"{hostile} [1]", "citations": [citation]}],
               "timings_ms": {}}  # fmt: skip
    page.route("**/api/summary?*", lambda route: route.fulfill(json=summary))
    page.goto("/")
    page.locator(".summary-lengths a[data-length=short]").click()
    page.locator("#summary-title:has-text('<i>T</i>')").wait_for()
    assert page.locator("#summary .point-text").inner_text() == hostile
    assert page.locator("#summary .lead").inner_text() == "<u>lead</u>"
    assert page.locator("main b, main i, main u, main img").count() == 0


def test_summary_switch_failure_is_shown(page, console: list[str]):
    page.goto("/")
    page.route("**/api/summary?*", lambda route: route.abort())
    page.locator(".summary-lengths a[data-length=long]").click()
    error = page.locator("#summary .msg-error")
    error.wait_for()
    assert "Could not reach the server" in error.inner_text()
    console.clear()  # the aborted request is logged as a failed load, on purpose


# --- layout and keyboard ------------------------------------------------------------------------

# The reply starts on screen, a line of it at least above the question bar that sticks to the
# bottom of the window.
REPLY_IN_VIEW = """reply => {
  const box = reply.getBoundingClientRect();
  const bar = document.getElementById("ask").getBoundingClientRect();
  return box.top >= 0 && box.top + 24 <= bar.top && bar.bottom <= innerHeight + 1;
}"""


@pytest.mark.parametrize(
    ("width", "height", "motion"),
    [(1280, 900, "no-preference"), (390, 844, "reduce")],
    ids=["desktop", "phone-reduced-motion"],
)
def test_each_reply_starts_in_view(browser, server, console, width, height, motion):
    page = open_page(
        browser, server, console, locale="en-US", reduced_motion=motion,
        viewport={"width": width, "height": height},
    )  # fmt: skip
    page.goto("/")
    assert one_row(page, "#ask")  # the question, its language and the button
    for n, question in enumerate(["Summarize the article", QUESTION, EN_QUESTION]):
        ask(page, question)
        reply = page.locator(".msg-bot:not(.msg-loading)").nth(n).element_handle()
        page.wait_for_function(REPLY_IN_VIEW, arg=reply, timeout=5_000)
    page.context.close()
    assert console == []


def test_a_new_conversation_starts_from_the_summary(page):
    page.goto("/")
    assert page.locator(".new-chat").is_hidden()  # nothing to start again from
    ask(page, UNANSWERABLE)
    page.locator(".ui-switch summary").click()
    page.locator(".ui-switch a[lang=fr]").click()
    page.locator("html[lang=fr]").wait_for()
    # Another interface language keeps the conversation, and shows it in its words.
    assert page.locator(".msg").count() == 2
    assert "Pas dans l'article" in page.locator(".msg-bot").text_content()

    new = page.locator(".new-chat")
    assert new.text_content().strip() == "Nouvelle conversation"
    new.click()
    page.wait_for_load_state()
    assert page.url.endswith("/")  # a reload keeps the next conversation
    assert page.locator("#empty-state h1").inner_text() == "Interroger l'article"
    assert page.locator(".msg").count() == 0 and new.is_hidden()
    assert page.locator("#summary .summary-label").text_content() == "Résumé"
    assert page.locator("#summary .points").get_attribute("lang") == "fr"
    page.reload()
    page.locator("#summary").wait_for()
    assert page.locator(".msg").count() == 0

    # The logo and the Chat link start anew too; the chat at / itself keeps the conversation.
    for fresh in (".brand", ".main-nav a[aria-current=page]"):
        ask(page, UNANSWERABLE)
        page.goto("/")
        page.locator(".msg-bot").wait_for()
        page.locator(fresh).click()
        page.wait_for_load_state()
        assert page.locator("#empty-state").is_visible() and page.locator(".msg").count() == 0


def test_the_question_comes_first_after_the_skip_link(page):
    page.goto("/")
    page.focus(".skip")
    page.keyboard.press("Shift+Tab")  # out of the page: the skip link is its first stop
    page.keyboard.press("Tab")
    assert focused(page) == "skip"
    page.keyboard.press("Enter")
    stops = []
    for _ in range(4):
        page.keyboard.press("Tab")
        stops.append(focused(page))
    assert stops[:3] == ["q", "lang", "BUTTON"]  # the question, its language, the button
    assert page.evaluate("document.activeElement.closest('#summary') !== null")


# The interface-language menu, open, stays inside the window (at its left in a right-to-left page).
MENU_FITS = (
    "nav => { const r = nav.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth }"
)
FITS = """() => {
  const cut = [];
  for (const input of document.querySelectorAll("input[placeholder]")) {
    const typed = input.value;
    input.value = input.placeholder;  // a placeholder's own width cannot be measured
    if (input.scrollWidth > input.clientWidth) cut.push(input.id);
    input.value = typed;
  }
  for (const label of document.querySelectorAll(".top a, .top summary, button, .switch a")) {
    if (label.scrollWidth > label.clientWidth) cut.push(label.textContent);
  }
  return { wider: document.documentElement.scrollWidth > innerWidth, cut: cut };
}"""


def test_every_interface_language_fits(browser, server, console):
    """No page wider than a phone, no cut placeholder or label, one-row header and question
    bar where there is room, in every interface language."""
    page = open_page(browser, server, console)
    fits = {"wider": False, "cut": []}
    for lang in json.loads(STRINGS.read_text(encoding="utf-8")):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"/?ui={lang}")
        assert (lang, page.evaluate(FITS)) == (lang, fits)
        assert one_row(page, ".top"), lang
        for width in (320, 360, 390, 414):
            page.set_viewport_size({"width": width, "height": 844})
            assert (lang, width, page.evaluate(FITS)) == (lang, width, fits)
            assert width < 390 or one_row(page, "#ask"), (lang, width)
        page.locator(".ui-switch").evaluate("menu => { menu.open = true }")
        assert page.locator(".ui-switch nav").evaluate(MENU_FITS), lang
    page.context.close()
    assert console == []
