"""What an answer costs beside its one query embedding, and how search scales with corpus size.

    python bench/answer_latency.py              # the built index (run `bot index` first)
    python bench/answer_latency.py --scale 10000

For every question of eval/questions.jsonl, after a warm-up, it times the query embedding alone
(the baseline: the least any dense answer can cost) and then the whole `Engine.ask` on the same
question, in the same process and run. The overhead is (ask - embed) / embed. With --scale N it
also times retrieval over a synthetic index of N passages (the article's passages repeated with
random unit vectors: realistic sizes, meaningless content) to show how search grows.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import resource
import shlex
import sys
import time
from pathlib import Path

import numpy as np

from bot.config import Settings
from bot.engine import Engine
from bot.followup import Turn
from bot.lexical import LexicalIndex
from bot.retrieve import retrieve
from bot.sentence_words import SentenceWords


def percentiles(values: list[float]) -> str:
    a = np.array(values)
    return f"{np.median(a):.2f} | {np.percentile(a, 95):.2f} | {a.max():.2f}"


def answer_costs(engine: Engine, items: list[dict], rounds: int) -> tuple[list, list]:
    embed, ask = [], []
    for item in items[:10]:  # warm-up
        engine.ask(item["question"])
    for _ in range(rounds):
        for item in items:
            history = [Turn(t["role"], t["content"]) for t in item.get("history", [])]
            started = time.perf_counter()
            engine.embedder.embed_query(item["question"])
            embed.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            engine.ask(item["question"], history)
            ask.append((time.perf_counter() - started) * 1000)
    return embed, ask


def scaled_search(engine: Engine, n: int, items: list[dict]) -> list[float]:
    """Retrieval time over a synthetic index of n passages (vectors random, texts repeated)."""
    import faiss

    index = engine.index
    rng = np.random.default_rng(0)
    repeat = -(-n // len(index.passages))
    passages = tuple(
        dataclasses.replace(p, id=f"{p.id}-{r}", position=r * len(index.passages) + p.position)
        for r in range(repeat)
        for p in index.passages
    )[:n]
    n_sentences = sum(len(p.sentences) for p in passages)

    def flat(rows: int):
        vectors = rng.standard_normal((rows, index.manifest.dim)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        flat_index = faiss.IndexFlatIP(index.manifest.dim)
        flat_index.add(vectors)
        return flat_index

    lexical = LexicalIndex.build([p.text for p in passages], ["fr"] * len(passages))
    big = dataclasses.replace(
        index,
        passages=passages,
        passage_vectors=flat(len(passages)),
        sentence_vectors=flat(n_sentences),
        sentence_passage=np.repeat(np.arange(len(passages)), [len(p.sentences) for p in passages]),
        passage_first_sentence=np.cumsum([0] + [len(p.sentences) for p in passages[:-1]]),
        lexical=lexical,
        sentence_words=SentenceWords.build(
            tuple(words for _ in range(repeat) for words in index.sentence_words)[:n_sentences]
        ),
    )
    times = []
    for item in items:
        vector = engine.embedder.embed_query(item["question"])
        started = time.perf_counter()
        retrieve(big, vector, item["question"], item["lang"], 3)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scale", type=int, nargs="*", default=[])
    args = parser.parse_args()
    settings = Settings.from_env()
    started = time.perf_counter()
    engine = Engine.load(settings)
    load_ms = (time.perf_counter() - started) * 1000
    with Path("eval/questions.jsonl").open(encoding="utf-8") as lines:
        items = [json.loads(line) for line in lines if line.strip()]
    embed, ask = answer_costs(engine, items, args.rounds)
    overhead = (np.median(ask) - np.median(embed)) / np.median(embed)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    index_kb = sum(p.stat().st_size for p in settings.index.rglob("*") if p.is_file()) / 1024
    print(f"{platform.processor() or platform.machine()}, {len(items)} questions × {args.rounds}")
    print(
        f"engine load {load_ms:.0f} ms; peak RSS {rss_mb:.0f} MB; index {index_kb:.0f} KB on disk"
    )
    print(f"BOT_THREADS={settings.threads} ({engine.index.manifest.passages} passages)\n")
    print("| step | median ms | p95 ms | max ms |\n|---|---|---|---|")
    print(f"| query embedding alone (baseline) | {percentiles(embed)} |")
    print(f"| whole answer (`Engine.ask`) | {percentiles(ask)} |")
    for n in args.scale:
        times = scaled_search(engine, n, items)
        print(f"| retrieval only, synthetic {n} passages | {percentiles(times)} |")
    print(f"\nanswer overhead beyond one embedding (medians): {overhead:+.0%}")
    print(f"\ncommand: {shlex.join([Path(sys.executable).name, *sys.argv])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
