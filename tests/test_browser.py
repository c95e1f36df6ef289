"""The chat in a real browser: Playwright driving Debian's Chromium against a live server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUESTION = "Combien de grands modèles ont été publiés à Pékin ?"
UNANSWERABLE = "Who painted the Mona Lisa?"
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


@pytest.fixture
def page(browser, server: str, console: list[str]) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=server)
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: console.append(str(error)))
    yield page
    context.close()
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
    in_view = mark.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }"
    )
    assert in_view
    page.screenshot(path=shots / "screenshot-article.png")

    page.go_back()
    page.locator(".msg-bot").first.wait_for()
    assert page.locator(".msg").count() == 4  # the conversation survives the round trip


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
    page.keyboard.type(QUESTION)  # the question box has focus on an empty chat
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


def test_works_without_javascript(browser, server: str):
    context = browser.new_context(java_script_enabled=False, base_url=server)
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    page.goto("/")
    page.fill("#q", QUESTION)
    page.press("#q", "Enter")
    page.wait_for_url("**/?q=*")
    assert "38" in page.locator(".msg-bot.answered").inner_text()
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
