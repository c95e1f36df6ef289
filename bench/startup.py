"""How long a one-shot `bot ask` and a fresh `bot serve` take to give their first answer, and
what memory they hold then.

    python bench/startup.py                              # this checkout and its index
    python bench/startup.py --baseline ../old-checkout   # and another one, same run

Each `bot ask` is a new process (the wall time a user waits, its CPU time and its peak memory);
the server is started, asked one question over HTTP, and its resident memory read from /proc.
With --baseline, the same is measured for another checkout of bot (with its own built index),
interleaved with this one so both see the same load on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = {
    "en": "What is the share of digital patents in Shanghai?",
    "es": "¿Cuántos modelos grandes tiene Pekín?",
    "de": "Wie viele Mitglieder hat das KI-Partnerschaftsprogramm?",
    "ru": "Сколько крупных моделей в Пекине?",
    "ja": "上海のデジタル特許の割合は？",
    "zh": "上海数字专利占比是多少？",
}


def one_ask(checkout: Path, question: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of one `bot ask` in `checkout`."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", question],
        cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"bot ask failed in {checkout}: {child.stderr.read().decode()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def first_answer(checkout: Path) -> tuple[float, float]:
    """Seconds from `bot serve` to its first answer, and the server's resident MB after it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--port", str(port)],
        cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    body = json.dumps({"question": QUESTIONS["en"]}).encode()
    try:
        while True:
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/api/answer", body,
                    {"Content-Type": "application/json"},
                )  # fmt: skip
                with urllib.request.urlopen(request, timeout=30) as reply:
                    json.load(reply)
                break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit(f"bot serve exited in {checkout}") from None
                time.sleep(0.02)
        seconds = time.perf_counter() - started
        status = Path(f"/proc/{server.pid}/status").read_text()
        rss = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
        return seconds, rss / 1024
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, help="another checkout of bot, index built")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    checkouts = {"this": ROOT} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
    asks: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    serves: dict[str, list[tuple[float, float]]] = {}
    for _ in range(args.rounds):
        for name, checkout in checkouts.items():  # interleaved: both see the same load
            for lang, question in QUESTIONS.items():
                asks.setdefault((name, lang), []).append(one_ask(checkout, question))
            serves.setdefault(name, []).append(first_answer(checkout))

    machine = f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
    print(f"python {shlex.join(sys.argv)}  ({machine}; medians of {args.rounds})\n")
    print("| checkout | question | `bot ask` wall s | CPU s | peak RSS MB |")
    print("|---|---|---|---|---|")
    for (name, lang), runs in asks.items():
        wall, cpu, rss = (statistics.median(column) for column in zip(*runs, strict=True))
        print(f"| {name} | {lang} | {wall:.2f} | {cpu:.2f} | {rss:.0f} |")
    print("\n| checkout | `bot serve` → first answer s | server RSS after it MB |")
    print("|---|---|---|")
    for name, runs in serves.items():
        seconds, rss = (statistics.median(column) for column in zip(*runs, strict=True))
        print(f"| {name} | {seconds:.2f} | {rss:.0f} |")


if __name__ == "__main__":
    main()
