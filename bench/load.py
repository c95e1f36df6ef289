"""Throughput and latency of the real server under concurrent clients, against the engine alone.

    python bench/load.py                                 # 1, 4 and 16 clients, 15 s each, twice
    python bench/load.py --clients 1 16 --seconds 20 --rounds 3 --label "no lock"

Builds the index with `bot index` when it is missing or stale, starts `bot serve` on a free
127.0.0.1 port and times it to its first answer (cold start). Then, on the idle server, it asks
every question of eval/questions.jsonl once in this process (`Engine.ask`) and once over HTTP,
one after the other, to show what HTTP adds to an answer. Then, for each number of clients,
that many threads (one keep-alive connection each) send requests back to back for a fixed time:
3 in 4 are /api/answer (the eval questions, 11 languages, follow-ups with their history), 1 in 4
/api/search (the same questions as topics). Prints Markdown tables and the exact command.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shlex
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import numpy as np
from embed_threads import busy_seconds, wait_until_idle

from bot.config import Settings
from bot.engine import Engine
from bot.followup import Turn
from bot.index import staleness

QUESTIONS = Path("eval/questions.jsonl")
SEARCH_EVERY = 4  # one request in SEARCH_EVERY is a search, the others answers


@dataclass
class Level:
    """What one run of `clients` concurrent clients measured."""

    clients: int
    seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"answer": [], "search": []})
    errors: list[str] = field(default_factory=list)
    server_cpu: float = 0.0  # % of the machine
    bench_cpu: float = 0.0
    other_cpu: float = 0.0
    rss_mb: float = 0.0

    @property
    def all(self) -> list[float]:
        return self.latencies["answer"] + self.latencies["search"]


def read_questions() -> list[dict]:
    with QUESTIONS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def requests_mix(items: list[dict], seed: int = 0) -> list[tuple[str, str, dict]]:
    """(kind, path, body or params) for every question, shuffled: answers and searches."""
    mix = []
    for n, item in enumerate(items):
        if n % SEARCH_EVERY == SEARCH_EVERY - 1:
            mix.append(("search", "/api/search", {"q": item["question"]}))
        else:
            body = {"question": item["question"], "history": item.get("history", [])}
            mix.append(("answer", "/api/answer", body))
    random.Random(seed).shuffle(mix)
    return mix


def send(client: httpx.Client, request: tuple[str, str, dict]) -> httpx.Response:
    kind, path, payload = request
    if kind == "search":
        return client.get(path, params=payload)
    return client.post(path, json=payload)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, log: Path, first: dict) -> tuple[subprocess.Popen, float]:
    """`bot serve` in a subprocess, and the seconds from its start to its first answer."""
    command = [sys.executable, "-m", "bot", "serve", "--port", str(port)]
    started = time.perf_counter()
    # Access logs go where a real deployment sends them, just not to this terminal.
    with log.open("wb") as errors:
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        while True:
            if server.poll() is not None:
                raise SystemExit(f"`bot serve` exited:\n{log.read_text(errors='replace')}")
            try:
                if client.post("/api/answer", json=first).status_code == 200:
                    return server, time.perf_counter() - started
            except httpx.TransportError:
                time.sleep(0.02)
            if time.perf_counter() - started > 120:
                server.kill()
                raise SystemExit("`bot serve` gave no answer within 120 s.")


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by process `pid`, all its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def memory_mb(pid: int, key: str) -> float:
    """VmRSS (now) or VmHWM (peak) of process `pid`, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_level(base: str, clients: int, seconds: float, mix: list, pid: int) -> Level:
    """`clients` threads sending requests back to back for `seconds`."""
    level = Level(clients)
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client(n: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            send(http, mix[n])  # opens the connection
            start.wait()
            i = n * len(mix) // clients
            while time.perf_counter() < deadline:
                request = mix[i % len(mix)]
                i += 1
                began = time.perf_counter()
                try:
                    response = send(http, request)
                    error = None if response.status_code == 200 else response.text[:200]
                except httpx.HTTPError as exc:
                    error = repr(exc)
                took = (time.perf_counter() - began) * 1000
                with lock:
                    if error:
                        level.errors.append(f"{request[0]}: {error}")
                    else:
                        level.latencies[request[0]].append(took)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    deadline = float("inf")
    start.wait()
    busy0, wall0 = busy_seconds()
    server0, own0 = process_cpu(pid), own_cpu()
    began = time.perf_counter()
    deadline = began + seconds
    for thread in threads:
        thread.join()
    level.seconds = time.perf_counter() - began
    busy1, wall1 = busy_seconds()
    machine = (wall1 - wall0) * (os.cpu_count() or 1) / 100
    level.server_cpu = (process_cpu(pid) - server0) / machine
    level.bench_cpu = (own_cpu() - own0) / machine
    level.other_cpu = max(0.0, (busy1 - busy0) / machine - level.server_cpu - level.bench_cpu)
    level.rss_mb = memory_mb(pid, "VmRSS")
    return level


def compare_in_process(base: str, engine: Engine, items: list[dict]) -> dict[str, list[float]]:
    """Each question answered by the engine in this process, then over HTTP by the idle server."""
    times: dict[str, list[float]] = {"engine": [], "http": [], "server": []}
    with httpx.Client(base_url=base, timeout=60) as http:
        for n, item in enumerate([*items[:10], *items]):  # the first 10 warm both up
            history = [Turn(t["role"], t["content"]) for t in item.get("history", [])]
            began = time.perf_counter()
            engine.ask(item["question"], history)
            middle = time.perf_counter()
            body = {"question": item["question"], "history": item.get("history", [])}
            response = http.post("/api/answer", json=body)
            ended = time.perf_counter()
            response.raise_for_status()
            if n >= 10:
                times["engine"].append((middle - began) * 1000)
                times["http"].append((ended - middle) * 1000)
                times["server"].append(sum(response.json()["timings_ms"].values()))
    return times


def ms(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def level_table(levels: list[tuple[int, Level]]) -> str:
    lines = [
        "| round | clients | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | p99/p50 "
        "| answer p50 ms | search p50 ms | errors | server CPU % | bench CPU % | other CPU % |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, lv in levels:
        a = lv.all
        lines.append(
            f"| {n} | {lv.clients} | {len(a)} | {len(a) / lv.seconds:.1f} | {ms(a, 50):.1f} "
            f"| {ms(a, 95):.1f} | {ms(a, 99):.1f} | {max(a, default=float('nan')):.1f} "
            f"| {ms(a, 99) / ms(a, 50):.1f} | {ms(lv.latencies['answer'], 50):.1f} "
            f"| {ms(lv.latencies['search'], 50):.1f} | {len(lv.errors)} | {lv.server_cpu:.0f} "
            f"| {lv.bench_cpu:.0f} | {lv.other_cpu:.0f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--seconds", type=float, default=15.0, help="per level")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--idle-wait",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="before each level, wait up to this long for a quiet machine",
    )
    parser.add_argument("--label", default="", help="a name for this run, printed first")
    args = parser.parse_args()
    settings = Settings.from_env()
    if staleness(settings):
        print(f"Building the index in {settings.index}/ (`bot index`)…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "bot", "index"], check=True)
    items = read_questions()
    mix = requests_mix(items)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = Path(tempfile.mkstemp(prefix="bot-serve-", suffix=".log")[1])
    wait_until_idle(args.idle_wait)
    server, cold = start_server(port, log, {"question": items[0]["question"]})
    try:
        engine = Engine.load(settings)
        wait_until_idle(args.idle_wait)
        alone = compare_in_process(base, engine, items)
        levels = []
        for n in range(1, args.rounds + 1):
            for clients in args.clients:
                wait_until_idle(args.idle_wait)
                level = run_level(base, clients, args.seconds, mix, server.pid)
                levels.append((n, level))
                print(
                    f"round {n}, {clients} clients: {len(level.all) / level.seconds:.1f} req/s",
                    file=sys.stderr,
                )
        peak = memory_mb(server.pid, "VmHWM")
    finally:
        server.terminate()
        server.wait(timeout=30)
    if args.label:
        print(f"## {args.label}\n")
    print(
        f"{os.cpu_count()} CPUs; BOT_THREADS={settings.threads}; {len(items)} questions; "
        f"{args.seconds:g} s per level; 1 request in {SEARCH_EVERY} is a search\n"
    )
    print(level_table(levels))
    print("\n| clients | req/s, each round | speed-up over 1 client (same round) |")
    print("|---:|---|---|")
    single = {n: len(lv.all) / lv.seconds for n, lv in levels if lv.clients == 1}
    for clients in args.clients:
        rates = [(n, len(lv.all) / lv.seconds) for n, lv in levels if lv.clients == clients]
        gains = [f"{rate / single[n]:.2f}×" for n, rate in rates if n in single]
        print(f"| {clients} | {', '.join(f'{r:.1f}' for _, r in rates)} | {', '.join(gains)} |")
    gap = [h - e for h, e in zip(alone["http"], alone["engine"], strict=True)]
    print(f"\nOne client, idle server, the {len(items)} questions once each (median / p95 ms):\n")
    print("| step | median ms | p95 ms |\n|---|---:|---:|")
    print(
        f"| `Engine.ask` in this process | {ms(alone['engine'], 50):.2f} "
        f"| {ms(alone['engine'], 95):.2f} |"
    )
    print(
        f"| the server's own `timings_ms` (embed + search + answer) "
        f"| {ms(alone['server'], 50):.2f} | {ms(alone['server'], 95):.2f} |"
    )
    print(
        f"| POST /api/answer, seen by the client | {ms(alone['http'], 50):.2f} "
        f"| {ms(alone['http'], 95):.2f} |"
    )
    print(f"| HTTP minus `Engine.ask`, same question | {ms(gap, 50):.2f} | {ms(gap, 95):.2f} |")
    print(f"\ncold start (`bot serve` to its first answer): {cold:.2f} s")
    rss = ", ".join(f"{lv.rss_mb:.0f}" for _, lv in levels)
    print(f"server RSS after each level: {rss} MB; peak {peak:.0f} MB")
    errors = [e for _, lv in levels for e in lv.errors]
    if errors:
        print(f"\n{len(errors)} errors, the first: {errors[0]}")
    print(f"\ncommand: {shlex.join([Path(sys.executable).name, *sys.argv])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
