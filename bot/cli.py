"""Command line: the pipeline's verbs — index, ask, search, summary, topics, serve, eval."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.errors import BotError
from bot.indexing import index_verb

if TYPE_CHECKING:
    from bot.abstain import Decision

EXAMPLES = {
    "index": "bot index            # build index/ from corpus/\n"
    "bot index --if-stale # only when missing or out of date",
    "ask": 'bot ask "How many software companies did Shanghai have in 2021?"\n'
    'bot ask --json "上海有多少家软件企业？"',
    "search": 'bot search "metaverse policies" -k 5\n'
    'bot search "computing power" --within 000_bab5460f06c5e48c-part1',
    "summary": "bot summary                     # the article, medium length, in English\n"
    "bot summary --lang zh --scope 000_bab5460f06c5e48c-part2 --length short\n"
    "bot summary --about 'computing power' --lang fr   # what the article says on a subject",
    "topics": "bot topics --lang fr   # the parts (summary scopes) and topics, with their ids",
    "serve": "bot serve --port 8000",
    "eval": "bot eval            # scores on the test split\n"
    "bot eval --calibrate  # refit the abstention model on the dev split",
}


def _k(text: str) -> int:
    """A passage count from 1 to 20 (argparse exits 2 with the message otherwise)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 20:
        raise argparse.ArgumentTypeError(f"-k must be between 1 and 20, not {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bot",
        description="Cited answers from the documents in corpus/, in the reader's language.",
        epilog="Settings come from BOT_* environment variables; see README.md.",
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    def verb(name: str, help_text: str) -> argparse.ArgumentParser:
        return verbs.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog="example:\n  " + EXAMPLES[name].replace("\n", "\n  "),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    index = verb("index", "Build the index from the corpus (atomically).")
    index.add_argument("--if-stale", action="store_true", help="skip when the index is fresh")
    ask = verb("ask", "Answer a question with numbered citations.")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer object as JSON")
    ask.add_argument("--lang", help="answer in this language (default: the question's)")
    ask.add_argument("-k", type=_k, default=None, help="passages that may answer (1-20)")
    ask.add_argument("--explain", action="store_true", help="show why bot answered or abstained")
    search = verb("search", "List the passages closest to a topic.")
    search.add_argument("query")
    search.add_argument("-k", type=_k, default=5, help="how many passages (1-20)")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--within", help="only passages of this part or topic (ids: bot topics)")
    search.add_argument("--lang", help="show passages in this edition (default: the query's)")
    summary = verb("summary", "Summarise the article or one part, each point cited.")
    summary.add_argument("--lang", default="en", help="language of the points (default en)")
    summary.add_argument("--scope", default="article", help="article, or a part id (bot topics)")
    summary.add_argument("--about", help="a subject: the points the article holds on it")
    summary.add_argument("--length", choices=("short", "medium", "long"), default="medium")
    summary.add_argument("--json", action="store_true", help="print the summary as JSON")
    topics = verb("topics", "List the parts and topics of the corpus, with their ids.")
    topics.add_argument("--lang", default="en", help="language of titles (default en)")
    topics.add_argument("--json", action="store_true", help="print JSON")
    serve = verb("serve", "Serve the web chat and the JSON API.")
    serve.add_argument("--host", default=None, help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help="port (default 8000)")
    serve.add_argument(
        "--workers", type=int, default=None, help="server processes (default 1: BOT_WORKERS)"
    )
    evaluate = verb("eval", "Score retrieval, answers and abstention on eval/questions.jsonl.")
    evaluate.add_argument("--split", choices=("dev", "test", "all"), default="test")
    evaluate.add_argument("--calibrate", action="store_true", help="refit abstention on dev")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one verb; exit 1 on a runtime failure, 2 on misuse."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.verb == "summary" and args.about is not None:
        _check_about(parser, args)
    try:
        if args.verb == "serve":
            settings = Settings.from_env(host=args.host, port=args.port, workers=args.workers)
        else:
            settings = Settings.from_env()
        return COMMANDS[args.verb](settings, args)
    except BotError as error:
        print(f"bot: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `bot ask ... | head`: the reader left, nothing went wrong
        sys.stderr.close()
        return 0


def _ask(settings: Settings, args: argparse.Namespace) -> int:
    from bot.engine import Engine

    answer = Engine.load(settings).ask(args.question, lang=args.lang, k=args.k)
    if args.json:
        from bot.answer import answer_object

        print(json.dumps(answer_object(answer, args.explain), ensure_ascii=False, indent=2))
        return 0
    print(answer.answer)
    if answer.citations:
        print("\nSources:" if answer.answered else "\nNearest passages (not an answer):")
    for c in answer.citations:
        start, end = c.span
        section = c.edition.section if c.edition else c.section
        print(f"[{c.n}] {section} ({c.passage_id}, score {c.score:.3f})")
        if c.edition:
            print(f"    {c.edition.text[slice(*c.edition.span)]}")
            print(f"    original: {c.text[start:end]}")
        else:
            print(f"    {c.text[start:end]}")
    if args.explain and answer.decision:
        print(f"\n{explanation(answer.decision, answer.answered)}")
    return 0


def explanation(decision: Decision, answered: bool) -> str:
    """Why bot answered or abstained, as lines for a terminal."""
    verdict = "answers" if answered else "abstains"
    if answered and decision.unsure:
        verdict += ", saying it may not answer (below even odds)"
    model = "" if decision.calibrated else " (uncalibrated rule: run `bot eval --calibrate`)"
    terms = decision.terms
    lines = [
        f"Why: P(answerable) = {decision.probability:.3f}, threshold {decision.threshold:.3f}: "
        f"bot {verdict}{model}.",
        "  key terms found in the corpus: " + (", ".join(terms.found) or "-"),
        "  key terms missing from it: " + (", ".join(terms.missing) or "-"),
        "  signals: " + ", ".join(f"{k} {v:.3f}" for k, v in decision.signals.items()),
    ]
    return "\n".join(lines)


def _search(settings: Settings, args: argparse.Namespace) -> int:
    from bot.engine import Engine

    engine = Engine.load(settings)
    # Shown as the page shows them: in the edition written in the query's language.
    lang = args.lang or engine.query_lang(args.query)
    hits = engine.search(args.query, k=args.k, lang=lang, within=engine.within(args.within))
    editions = [engine.edition(hit, lang) for hit in hits]
    if args.json:
        rows = [
            {"passage_id": h.passage.id, "section": h.passage.section, "score": round(h.score, 4),
             "text": h.passage.text, "highlights": [list(s) for s in h.highlights],
             "edition": asdict(e) if e else None}
            for h, e in zip(hits, editions, strict=True)
        ]  # fmt: skip
        output = {"query": args.query, "lang": lang, "results": rows}
        print(json.dumps(output, ensure_ascii=False, indent=2))
        return 0
    for rank, (hit, edition) in enumerate(zip(hits, editions, strict=True), 1):
        section = edition.section if edition else hit.passage.section
        print(f"{rank}. [{hit.score:.3f}] {section} ({hit.passage.id})")
        if edition:
            print(f"   {edition.text[slice(*edition.span)][:300]}")
            print(f"   original: {hit.passage.text[:300]}")
        else:
            print(f"   {hit.passage.text[:300]}")
    return 0


def _summary(settings: Settings, args: argparse.Namespace) -> int:
    from bot.engine import Engine
    from bot.index import load
    from bot.summary import summarize_scope

    if args.about is not None:  # a subject: retrieval, so the engine (and its model) loads
        engine = Engine.load(settings)
        found = engine.focused_summary(args.about, args.lang, args.length, scope=args.scope)
    else:
        found = summarize_scope(load(settings), args.scope, args.lang, args.length)
    if found is None:
        raise BotError(f"No part {args.scope!r} to summarise; list the ids with `bot topics`.")
    if args.json:
        print(json.dumps(asdict(found), ensure_ascii=False, indent=2))
        return 0
    print(found.title)
    if found.lead:
        print(found.lead)
    for n, point in enumerate(found.points, 1):
        citation = point.citations[0]
        print(f"{n}. {point.text.removesuffix(' [1]')}")
        print(f"   ({citation.passage_id})")
    return 0


def _check_about(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Misuse of `bot summary --about` (exit 2): an empty or overlong subject."""
    from bot.schema import MAX_ABOUT

    args.about = args.about.strip()
    if not args.about or len(args.about) > MAX_ABOUT:
        parser.error(f"--about must be a subject of 1 to {MAX_ABOUT} characters, e.g. --about Web3")


def _topics(settings: Settings, args: argparse.Namespace) -> int:
    from bot.index import load
    from bot.summary import titled_scopes
    from bot.topics import in_language

    index = load(settings)
    scopes = titled_scopes(index, args.lang)
    topics = in_language(index.topics, args.lang, {d.id: d.lang for d in index.documents})
    if args.json:
        print(json.dumps({"parts": [asdict(s) for s in scopes], "topics": topics},
                         ensure_ascii=False, indent=2))  # fmt: skip
        return 0
    for scope in scopes:
        indent = "  " if scope.id != scope.doc_id else ""
        print(f"{indent}{scope.id}: {scope.title} ({len(scope.passage_ids)} passages)")
    if topics:
        print("\nTopics:")
    for topic in topics:
        print(f"  {topic['id']}: {topic['label']} ({len(topic['passage_ids'])} passages)")
    return 0


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    from bot.index import staleness
    from bot.server import serve

    # Say what to do before uvicorn starts, instead of a traceback from the app's lifespan.
    problem = staleness(settings)
    if problem:
        raise BotError(problem)
    serve(settings)
    return 0


def _eval(settings: Settings, args: argparse.Namespace) -> int:
    from bot.evaluate import run

    return run(settings, split=args.split, calibrate=args.calibrate, as_json=args.json)


COMMANDS = {
    "index": index_verb, "ask": _ask, "search": _search, "summary": _summary, "topics": _topics,
    "serve": _serve, "eval": _eval,
}  # fmt: skip
