"""`bot serve --workers N`: memory per worker process and throughput, for 1 and 2 workers.

    python bench/workers.py                       # 1 and 2 workers, 4 clients, 20 s, twice
    python bench/workers.py --workers 1 2 3 --clients 8 --seconds 30

Each round starts the server with N workers, waits for its first answer, then runs the clients
(one keep-alive connection each, the eval questions' mix of answers and searches of
bench/load.py) back to back for a fixed time, and reads each process's memory from /proc: RSS
(resident, counting shared pages in full) and PSS (shared pages divided among the processes
mapping them: what a worker really adds). Worker counts are interleaved round by round.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from load import free_port, read_questions, requests_mix, send


def start(workers: int, port: int, log: Path, first: dict) -> subprocess.Popen:
    command = [sys.executable, "-m", "bot", "serve", "--port", str(port), "--workers", str(workers)]
    with log.open("wb") as errors:
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
    started = time.perf_counter()
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        answered = 0
        while answered < 4 * workers:  # every worker answers once, more or less
            if server.poll() is not None or time.perf_counter() - started > 120:
                server.kill()
                raise SystemExit(f"`bot serve` failed:\n{log.read_text(errors='replace')}")
            try:
                with httpx.Client(base_url=client.base_url, timeout=60) as fresh:
                    answered += fresh.post("/api/answer", json=first).status_code == 200
            except httpx.TransportError:
                time.sleep(0.05)
    return server


def processes(pid: int) -> list[int]:
    """`pid` and its descendants."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [pid, *(p for child in children for p in processes(int(child)))]


def _role(pid: int) -> str:
    command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    if "resource_tracker" in command:
        return "tracker"
    if "spawn_main" in command or "--workers 1" in command:
        return "worker"
    return "supervisor"


def memory(pid: int) -> tuple[float, float]:
    """RSS and PSS of process `pid`, in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        key, value = line.split(":", 1)
        values[key] = int(value.split()[0]) / 1024
    return values["Rss"], values["Pss"]


def load(base: str, clients: int, seconds: float, mix: list) -> tuple[int, list[float]]:
    """Requests answered in `seconds` by `clients` threads, and their latencies in ms."""
    done, latencies, lock = [0], [], threading.Lock()
    stop = time.perf_counter() + seconds

    def client(n: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            k = n
            while time.perf_counter() < stop:
                started = time.perf_counter()
                send(http, mix[k % len(mix)]).raise_for_status()
                with lock:
                    done[0] += 1
                    latencies.append((time.perf_counter() - started) * 1000)
                k += clients

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0], latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    items = read_questions()
    mix = requests_mix(items)
    first = {"question": items[0]["question"]}
    log = Path(tempfile.mkstemp(prefix="bot-serve-", suffix=".log")[1])
    rows: dict[int, list[tuple]] = {}
    for _ in range(args.rounds):
        for workers in args.workers:
            port = free_port()
            server = start(workers, port, log, first)
            try:
                done, latencies = load(f"http://127.0.0.1:{port}", args.clients, args.seconds, mix)
                pids = processes(server.pid)
                per_process = [memory(pid) for pid in pids]
                roles = [_role(pid) for pid in pids]
            finally:
                server.terminate()
                server.wait(timeout=30)
            # The workers run the app; with several, a supervisor and multiprocessing's
            # resource tracker run beside them.
            worker_memory = [m for m, r in zip(per_process, roles, strict=True) if r == "worker"]
            supervisor = next(
                (m for m, r in zip(per_process, roles, strict=True) if r == "supervisor"), (0, 0)
            )
            rows.setdefault(workers, []).append((
                done / args.seconds, statistics.median(latencies),
                statistics.mean(rss for rss, _ in worker_memory),
                statistics.mean(pss for _, pss in worker_memory),
                sum(pss for _, pss in per_process), supervisor[1],
            ))  # fmt: skip
    print(f"python {shlex.join(sys.argv)}  ({os.cpu_count()} cores; medians of {args.rounds} "
          f"rounds, {args.clients} clients, {args.seconds:.0f} s each)\n")  # fmt: skip
    print("| workers | requests/s | p50 ms | RSS per worker MB | PSS per worker MB | "
          "PSS of all processes MB | supervisor PSS MB |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for workers, runs in rows.items():
        columns = zip(*runs, strict=True)
        rate, p50, rss, pss, total, supervisor = (statistics.median(c) for c in columns)
        print(f"| {workers} | {rate:.1f} | {p50:.0f} | {rss:.0f} | {pss:.0f} | {total:.0f} "
              f"| {supervisor:.0f} |")  # fmt: skip


if __name__ == "__main__":
    main()
