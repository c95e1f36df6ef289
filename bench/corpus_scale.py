"""What a build and a question cost as the corpus grows: 10, 100 (and 1000) generated documents.

    python bench/corpus_scale.py                      # 10 and 100 documents
    python bench/corpus_scale.py --sizes 10 100 1000  # and 1000 (hours of embedding here)
    python bench/corpus_scale.py --sizes 1 1000 --keep /work/scale --resume   # over several runs

The corpus is generated, seeded, with no download, from the project's own texts (corpus/*.txt|md
and tests/data/*.txt|md): each document has one language, 8-25 paragraphs and a few headings;
each paragraph is 2-5 sentences, and each sentence is spliced from the first half of one
sentence and the second half of another of that language, so documents differ and the vector
store (keyed by exact text) finds little to reuse; 5 % of sentences are kept whole, as real
corpora quote each other. No editions: alignment, which only runs for editions, is not measured.

Per size, in a temporary folder: a cold build (an empty vector store except for the 1,564
background and intent texts every build embeds whatever the corpus: those are embedded once
beforehand and reported on their own), a warm rebuild, a rebuild after one paragraph is added to
one document, the index size, the build's stages timed one by one on the same inputs (the same
calls as bot/build.py, imported), and in a fresh process per size (so sizes do not share memory):
the engine's resident memory after load and after the questions, answer and search latency over
50 questions of eval/questions.jsonl, and exact FAISS search against HNSW (M=32) on the same
passage and sentence vectors. Prints Markdown tables and the command.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from embed_threads import busy_seconds, own_seconds

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpus", ROOT / "tests" / "data"]
SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|(?<=[。！？])")
NO_SPACES = {"zh", "ja"}


def _lang(path: Path) -> str:
    meta = path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")
    return json.loads(meta.read_text(encoding="utf-8")).get("lang", "") if meta.exists() else ""


def pools() -> dict[str, tuple[list[str], list[str]]]:
    """Per language: (sentences, headings) of the project's own texts."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for folder in SOURCES:
        for path in sorted(folder.iterdir()):
            if path.suffix not in (".txt", ".md") or not (lang := _lang(path)):
                continue
            sentences, headings = found.setdefault(lang, ([], []))
            for block in path.read_text(encoding="utf-8").split("\n\n"):
                block = block.strip()
                if block.startswith("#"):
                    headings.append(block.lstrip("# ").splitlines()[0])
                elif len(block) >= (40 if lang in NO_SPACES else 80):
                    sentences += [s for s in SENTENCE_END.split(block) if len(s) > 20]
                elif 3 < len(block) < 60 and "\n" not in block:
                    headings.append(block)
    return {lang: pool for lang, pool in found.items() if len(pool[0]) >= 20}


def _half(sentence: str, lang: str, first: bool) -> str:
    """The first or second half of `sentence`, cut at a word (at a character in zh and ja)."""
    if lang in NO_SPACES:
        middle = len(sentence) // 2
        return sentence[:middle] if first else sentence[middle:]
    words = sentence.split(" ")
    middle = max(1, len(words) // 2)
    return " ".join(words[:middle] if first else words[middle:])


def sentence(rng: random.Random, lang: str, pool: list[str]) -> str:
    if rng.random() < 0.05:  # a quotation: the same sentence as elsewhere
        return rng.choice(pool)
    a, b = rng.choice(pool), rng.choice(pool)
    joiner = "" if lang in NO_SPACES else " "
    return _half(a, lang, True) + joiner + _half(b, lang, False)


def document(rng: random.Random, lang: str, pool: tuple[list[str], list[str]]) -> str:
    sentences, headings = pool
    paragraphs = rng.randint(8, 25)
    heading_at = set(rng.sample(range(1, paragraphs), k=min(paragraphs - 1, rng.randint(2, 4))))
    joiner = "" if lang in NO_SPACES else " "
    blocks = []
    for n in range(paragraphs):
        if n in heading_at and headings:
            blocks.append("# " + rng.choice(headings))
        k = rng.randint(2, 5)
        blocks.append(joiner.join(sentence(rng, lang, sentences) for _ in range(k)))
    return "\n\n".join(blocks) + "\n"


def generate(folder: Path, size: int, seed: int) -> dict[str, int]:
    """Write `size` documents (and their meta) in `folder`; return documents per language."""
    rng = random.Random(seed)
    found = pools()
    langs = sorted(found)
    folder.mkdir(parents=True)
    per_lang: dict[str, int] = {}
    for i in range(size):
        lang = langs[i % len(langs)] if i < len(langs) else rng.choice(langs)
        per_lang[lang] = per_lang.get(lang, 0) + 1
        name = f"doc{i:05d}"
        (folder / f"{name}.md").write_text(document(rng, lang, found[lang]), encoding="utf-8")
        meta = {"title": f"Document {i} ({lang})", "lang": lang, "source": "bench/corpus_scale.py"}
        (folder / f"{name}.meta.json").write_text(json.dumps(meta, ensure_ascii=False))
    return per_lang


def fixed_texts() -> list[tuple[str, str]]:
    """The texts every build embeds whatever the corpus: background sentences and intents."""
    from bot.index import BACKGROUND
    from bot.intent_examples import read_examples

    background = BACKGROUND.read_text(encoding="utf-8").splitlines()
    return [("passage", t) for t in background] + [("query", r["text"]) for r in read_examples()]


def seed_store(path: Path) -> tuple[int, float]:
    """A vector store holding only the fixed texts; (texts, seconds to embed them)."""
    from bot.config import Settings
    from bot.embed import make_embedder
    from bot.vectors import Vectors, build_workers, cached

    settings = Settings()
    texts = fixed_texts()
    start = time.perf_counter()
    with Vectors(path) as store:
        cached(make_embedder(settings), store, texts, None, build_workers(settings))
    return len(texts), time.perf_counter() - start


def timed_build(settings) -> dict:
    """Seconds, texts embedded and the share of the machine (%) other processes used."""
    from bot.build import build

    embedded = [0]
    busy0, t0 = busy_seconds()
    own0 = own_seconds()
    start = time.perf_counter()
    build(settings, lambda done, total: embedded.__setitem__(0, total))
    seconds = time.perf_counter() - start
    busy1, t1 = busy_seconds()
    other = (busy1 - busy0) - (own_seconds() - own0)
    share = max(0.0, 100 * other / ((t1 - t0) * (os.cpu_count() or 1)))
    return {"seconds": seconds, "embedded": embedded[0], "other": share}


def stages(settings) -> dict[str, float]:
    """Seconds of each stage of bot/build.py after embedding, called the same way on the same
    inputs (vectors from the now warm store)."""
    import faiss

    from bot.build import passage_for_embedding
    from bot.coverage import Vocabulary
    from bot.editions import Editions, align_editions
    from bot.embed import make_embedder
    from bot.index import sentence_texts, sentence_words
    from bot.ingest import load_passages
    from bot.lexical import LexicalIndex
    from bot.summarize import choose_all
    from bot.topics import find_topics
    from bot.vectors import Vectors, cached

    out: dict[str, float] = {}

    def clock(name: str, work):
        start = time.perf_counter()
        result = work()
        out[name] = time.perf_counter() - start
        return result

    documents, passages = clock(
        "read and split (load_passages)", lambda: load_passages(settings.corpus)
    )
    sentences = sentence_texts(passages)
    texts = [passage_for_embedding(p) for p in passages] + [s for _, _, s in sentences]
    embedder = make_embedder(settings)
    with Vectors(settings.vectors) as store:
        vectors = clock(
            "vector store look-up (all cached)",
            lambda: cached(embedder, store, [("passage", t) for t in texts]),
        )
    passage_matrix, sentence_matrix = vectors[: len(passages)], vectors[len(passages) :]
    doc_lang = {d.id: d.lang for d in documents}
    clock(
        "BM25 (LexicalIndex.build)",
        lambda: LexicalIndex.build(
            [p.text for p in passages], [doc_lang[p.doc_id] for p in passages]
        ),
    )
    links = clock(
        "align editions (none here)", lambda: align_editions(documents, passages, sentence_matrix)
    )

    def flat():
        for matrix in (passage_matrix, sentence_matrix):
            index = faiss.IndexFlatIP(embedder.dim)
            index.add(matrix)
            faiss.serialize_index(index)

    clock("FAISS flat index + serialize", flat)
    clock("summaries (choose_all)", lambda: choose_all(documents, passages, sentence_matrix))
    editions = clock("Editions.build", lambda: Editions.build(documents, passages, links))
    clock("sentence_words", lambda: sentence_words(passages, editions))
    clock(
        "Vocabulary.build",
        lambda: Vocabulary.build([p.text for p in passages], editions.passage_lang.tolist()),
    )
    clock(
        "topics (find_topics)",
        lambda: find_topics(
            passages, passage_matrix, editions.source_rows, editions.passage_pairs,
            editions.passage_lang,
        ),
    )  # fmt: skip
    out["_passages"], out["_sentences"] = len(passages), len(sentences)
    return out


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.resolve().rglob("*") if p.is_file())


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


def tied_recall(matrix, queries, fifth, found) -> float:  # noqa: ANN001
    """Share of the top 5 `found` (rows of `matrix`, per query) scoring at least the exact 5th
    score `fifth`: ties count, as the generated corpus repeats sentences (equal vectors, several
    ids), so matching ids alone would count a tie as a miss."""
    import numpy as np

    scores = np.einsum("qkd,qd->qk", matrix[found], queries)
    return float(np.mean(scores >= fifth[:, None] - 1e-6))


def probe(root: Path, questions: int) -> dict:
    """In this (fresh) process: load the engine, ask, search, compare exact search with HNSW."""
    import resource

    import faiss
    import numpy as np

    from bot.config import Settings
    from bot.engine import Engine

    settings = Settings(corpus=root / "corpus", index=root / "index", cache=root / "cache")
    before = rss_mb()
    engine = Engine.load(settings)
    out: dict = {"rss_start": before, "rss_load": rss_mb()}
    rows = [json.loads(line) for line in (ROOT / "eval" / "questions.jsonl").open(encoding="utf-8")]
    asked = [rows[i * len(rows) // questions]["question"] for i in range(questions)]
    engine.ask(asked[0])  # the first question loads word lists: start-up, not steady state
    out["rss_first"] = rss_mb()
    answer, search = [], []
    for q in asked:
        start = time.perf_counter()
        engine.ask(q)
        answer.append(1000 * (time.perf_counter() - start))
        start = time.perf_counter()
        engine.search(q, 10)
        search.append(1000 * (time.perf_counter() - start))
    out["rss_after"] = rss_mb()
    out["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["answer"], out["search"] = percentiles(answer), percentiles(search)
    queries = np.vstack([engine.embedder.embed_query(q) for q in asked]).astype(np.float32)
    from bot.retrieve import POOL
    from bot.vector_files import searchable

    out["hnsw"] = {}
    faiss.omp_set_num_threads(1)
    for name, index in (
        ("passages", engine.index.passage_vectors),
        ("sentences", engine.index.sentence_vectors),
    ):
        matrix = index.reconstruct_n(0, index.ntotal)
        exact = faiss.IndexFlatIP(matrix.shape[1])
        exact.add(matrix)
        start = time.perf_counter()
        for q in queries:
            _, truth = exact.search(q[None], 5)
        exact_ms = 1000 * (time.perf_counter() - start) / len(queries)
        truth_scores, truth = exact.search(queries, 5)
        recall_at_5 = partial(tied_recall, matrix, queries, truth_scores[:, 4])

        start = time.perf_counter()
        hnsw = faiss.IndexHNSWFlat(matrix.shape[1], 32, faiss.METRIC_INNER_PRODUCT)
        hnsw.add(matrix)
        built = time.perf_counter() - start
        rows_out = {"n": int(index.ntotal), "exact_ms": exact_ms, "build_s": built}
        for ef in (64, 128):
            hnsw.hnsw.efSearch = ef
            start = time.perf_counter()
            for q in queries:
                hnsw.search(q[None], 5)
            ms = 1000 * (time.perf_counter() - start) / len(queries)
            _, found = hnsw.search(queries, 5)
            rows_out[f"ef{ef}"] = (recall_at_5(found), ms)
        # As bot would search it past BOT_EXACT_BELOW: bot.vector_files.searchable's graph, asked
        # for bot.retrieve's whole pool (efSearch = POOL), its top 5 against exact search's.
        start = time.perf_counter()
        graph = searchable(matrix, approximate=True)
        rows_out["bot_build_s"] = time.perf_counter() - start
        params = faiss.SearchParametersHNSW(efSearch=POOL)
        start = time.perf_counter()
        for q in queries:
            graph.search(q[None], POOL, params=params)
        ms = 1000 * (time.perf_counter() - start) / len(queries)
        _, found = graph.search(queries, 5, params=params)
        rows_out["bot"] = (recall_at_5(found), ms)
        rows_out["bot_by_id"] = float(
            np.mean([len(set(a) & set(b)) / 5 for a, b in zip(truth, found, strict=True)])
        )
        out["hnsw"][name] = rows_out
    return out


def stored_rows(store: Path) -> int:
    """Vectors already in a store."""
    import sqlite3

    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT count(*) FROM vectors").fetchone()[0]


def run_size(size: int, workdir: Path, seed_copy: Path, args: argparse.Namespace) -> dict:
    import shutil

    from bot.config import Settings

    root = workdir / f"n{size}"
    store = root / "cache" / "vectors.sqlite"
    # --resume: the vectors an earlier run of this size embedded are kept (the corpus is
    # generated again, the same from the same seed), so the cold build only embeds the rest.
    resumed = stored_rows(store) if args.resume and store.exists() else 0
    if resumed:
        shutil.rmtree(root / "corpus")
    per_lang = generate(root / "corpus", size, args.seed)
    if not resumed:
        (root / "cache").mkdir()
        shutil.copy(seed_copy, store)
    settings = Settings(corpus=root / "corpus", index=root / "index", cache=root / "cache")
    result: dict = {"size": size, "langs": per_lang, "resumed": resumed}
    print(f"{size} documents: cold build ...", file=sys.stderr, flush=True)
    result["cold"] = timed_build(settings)
    print(f"  cold {result['cold']}", file=sys.stderr, flush=True)
    result["warm"] = timed_build(settings)
    changed = root / "corpus" / "doc00000.md"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(
        text.replace("\n\n", "\n\nUn paragraphe ajouté à ce document pour le mesurer.\n\n", 1),
        encoding="utf-8",
    )
    result["changed"] = timed_build(settings)
    result["index_bytes"] = folder_bytes(root / "index")
    result["store_bytes"] = (root / "cache" / "vectors.sqlite").stat().st_size
    result["stages"] = stages(settings)
    command = [sys.executable, os.path.abspath(__file__), f"--probe={root}"]
    command.append(f"--questions={args.questions}")
    out = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    if out.returncode != 0:
        sys.exit(f"The probe for {size} documents failed:\n{out.stderr}")
    result["probe"] = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"  done {size}", file=sys.stderr, flush=True)
    return result


def tables(results: list[dict], fixed: tuple[int, float]) -> str:
    sizes = [r["size"] for r in results]
    head = "| | " + " | ".join(f"{n} documents" for n in sizes) + " |"
    rule = "|---|" + "---:|" * len(sizes)

    def row(label: str, cell) -> str:
        return f"| {label} | " + " | ".join(cell(r) for r in results) + " |"

    def rate(b: dict) -> str:
        return f"{b['embedded'] / b['seconds']:.1f}" if b["embedded"] else "–"

    lines = ["### Build", "", head, rule]
    lines += [
        row(
            "passages / sentences",
            lambda r: f"{r['stages']['_passages']} / {r['stages']['_sentences']}",
        ),
        row(
            "cold: seconds",
            lambda r: (
                f"{r['cold']['seconds']:.1f}"
                + (f" (resumed: {r['resumed']} texts stored before)" if r.get("resumed") else "")
            ),
        ),
        row("cold: texts embedded", lambda r: str(r["cold"]["embedded"])),
        row("cold: texts/s", lambda r: rate(r["cold"])),
        row("cold: other processes' share of the CPU", lambda r: f"{r['cold']['other']:.0f} %"),
        row("warm rebuild: seconds", lambda r: f"{r['warm']['seconds']:.1f}"),
        row("one document changed: seconds", lambda r: f"{r['changed']['seconds']:.1f}"),
        row("one document changed: texts embedded", lambda r: str(r["changed"]["embedded"])),
        row(
            "one document changed / cold",
            lambda r: f"{100 * r['changed']['seconds'] / r['cold']['seconds']:.0f} %",
        ),
        row("index on disk", lambda r: f"{r['index_bytes'] / 1e6:.1f} MB"),
        row("vector store on disk", lambda r: f"{r['store_bytes'] / 1e6:.1f} MB"),
    ]
    lines += [
        "",
        f"Cold = an empty vector store except the {fixed[0]} background and intent texts every "
        f"build embeds whatever the corpus (embedded beforehand in {fixed[1]:.1f} s, "
        f"{fixed[0] / fixed[1]:.1f} texts/s).",
        "",
        "### Build stages after embedding (seconds, each timed alone on the same inputs)",
        "",
        head,
        rule,
    ]
    for name in results[0]["stages"]:
        if not name.startswith("_"):
            lines.append(row(name, lambda r, name=name: f"{r['stages'][name]:.3f}"))
    lines += ["", "### Engine (a fresh process per size)", "", head, rule]
    lines += [
        row("RSS after load", lambda r: f"{r['probe']['rss_load']:.0f} MB"),
        row("RSS after the first answer", lambda r: f"{r['probe']['rss_first']:.0f} MB"),
        row("RSS after the questions", lambda r: f"{r['probe']['rss_after']:.0f} MB"),
        row("answer p50 / p99", lambda r: "{:.0f} / {:.0f} ms".format(*r["probe"]["answer"])),
        row(
            "search (k=10) p50 / p99", lambda r: "{:.0f} / {:.0f} ms".format(*r["probe"]["search"])
        ),
    ]
    lines += [
        "",
        "### Exact search (IndexFlatIP) against HNSW (M=32), top 5, one query at a time",
        "",
        "bot's HNSW: `bot.vector_files.searchable` past BOT_EXACT_BELOW, searched with"
        " efSearch = 256 (bot.retrieve's pool), timed asking for the whole pool as bot does.",
        "",
        "| vectors | n | exact ms | HNSW build s | ef=64 recall@5 | ef=64 ms "
        "| ef=128 recall@5 | ef=128 ms | bot's HNSW recall@5 | its ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        for name, h in r["probe"]["hnsw"].items():
            ours = h.get("bot")
            lines.append(
                f"| {r['size']} documents, {name} | {h['n']} | {h['exact_ms']:.3f} | "
                f"{h['build_s']:.2f} | {h['ef64'][0]:.3f} | {h['ef64'][1]:.3f} | "
                f"{h['ef128'][0]:.3f} | {h['ef128'][1]:.3f} | "
                + (f"{ours[0]:.3f} | {ours[1]:.3f} |" if ours else "— | — |")
            )
    return "\n".join(lines)


def summaries_cost(sizes: list[int], seed: int) -> None:
    """`choose_all` on generated corpora with random unit vectors in place of embeddings: the
    cost's shape only (what it chooses is meaningless), so 1,000 documents run in a minute."""
    import numpy as np

    from bot.ingest import load_passages
    from bot.summarize import choose_all

    print("| documents | passages | sentences | choose_all s | ms per document |")
    print("|---:|---:|---:|---:|---:|")
    for size in sizes:
        with tempfile.TemporaryDirectory() as temp:
            generate(Path(temp) / "corpus", size, seed)
            documents, passages = load_passages(Path(temp) / "corpus")
        sentences = sum(len(p.sentences) for p in passages)
        vectors = np.random.default_rng(seed).standard_normal((sentences, 384)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        started = time.perf_counter()
        choose_all(documents, passages, vectors)
        seconds = time.perf_counter() - started
        print(f"| {size:,} | {len(passages):,} | {sentences:,} | {seconds:.2f} "
              f"| {1000 * seconds / size:.0f} |")  # fmt: skip
    print("\n    " + shlex.join(["python", "bench/corpus_scale.py", *sys.argv[1:]]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--probe", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument(
        "--resume", action="store_true",
        help="with --keep: reuse the vectors an earlier (stopped) run of a size embedded there",
    )  # fmt: skip
    parser.add_argument(
        "--summaries-only", action="store_true",
        help="time only the build's summaries (choose_all) with random vectors: no embedding",
    )  # fmt: skip
    args = parser.parse_args()
    if args.resume and not args.keep:
        parser.error("--resume needs --keep DIR (the folder an earlier run worked in)")
    if args.summaries_only:
        summaries_cost(args.sizes, args.seed)
        return
    if args.probe:
        print(json.dumps(probe(args.probe, args.questions)))
        return
    with tempfile.TemporaryDirectory() as temp:
        workdir = args.keep or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        seed_copy = workdir / "fixed.sqlite"
        fixed = seed_store(seed_copy)
        print(f"fixed texts: {fixed}", file=sys.stderr, flush=True)
        results = [run_size(size, workdir, seed_copy, args) for size in args.sizes]
    print(tables(results, fixed))
    print(
        f"\n{len(os.sched_getaffinity(0))} cores, load average {os.getloadavg()[0]:.1f} at the end."
    )
    print("\n    " + shlex.join(["python", "bench/corpus_scale.py", *sys.argv[1:]]))
    print(json.dumps(results), file=sys.stderr)


if __name__ == "__main__":
    main()
