"""What `bot index` does and shows: the build, with a progress bar while it embeds, then how well
each edition aligns to its source (and a warning for one that aligns badly)."""

from __future__ import annotations

import argparse
import sys
import time

from bot.config import Settings


def index_verb(settings: Settings, args: argparse.Namespace) -> int:
    """`bot index [--if-stale]`: build with a progress bar (texts per second), then report."""
    from bot.build import build
    from bot.index import staleness

    if args.if_stale and staleness(settings) is None:
        print(f"Index in {settings.index}/ is up to date.")
        return 0
    from tqdm import tqdm

    from bot.vectors import build_workers

    desc = f"Embedding on {build_workers(settings)} threads"
    first = last = 0.0
    embedded = 0
    with tqdm(desc=desc, unit="text", file=sys.stderr, disable=None) as bar:

        def progress(done: int, total: int) -> None:
            nonlocal first, last, embedded
            last = time.monotonic()
            first, embedded = first or last, done
            bar.total = total
            bar.update(done - bar.n)  # tqdm shows texts/s as it goes

        manifest = build(settings, progress)
    rate = f" at {(embedded - 1) / (last - first):.1f} texts/s" if last > first else ""
    print(
        f"Embedded {embedded} new texts{rate}; all others came from {settings.vectors}.",
        file=sys.stderr,
    )
    print(
        f"Indexed {manifest.documents} documents and {manifest.editions} editions, "
        f"{manifest.passages} passages, {manifest.sentences} sentences into {settings.index}/ "
        f"with {manifest.embedder}."
    )
    _print_alignment(settings)
    return 0


def _print_alignment(settings: Settings) -> None:
    """Each edition's alignment quality, and a warning for any that aligns badly."""
    from bot.editions import warnings
    from bot.index import read_alignment

    reports = read_alignment(settings.index)
    for doc_id, rep in reports.items():
        kinds = ", ".join(f"{kind} {count}" for kind, count in rep["kinds"].items())
        print(
            f"  {doc_id} ({rep['lang']} edition of {rep['source']}): {rep['one_to_one']:.0%} of "
            f"{rep['links']} links one to one ({kinds}), mean cosine {rep['mean_score']:.3f}, "
            f"{len(rep['number_mismatches'])} number mismatches"
        )
        weakest = rep["lowest"][0] if rep["lowest"] else None
        if weakest:
            print(f"    weakest link ({weakest['score']:.3f}): {weakest['source'][:70]!r}"
                  f" ↔ {weakest['edition'][:70]!r}")  # fmt: skip
    for warning in warnings(reports):
        print(f"warning: {warning}", file=sys.stderr)
