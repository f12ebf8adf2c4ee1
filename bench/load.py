"""Mixed load on loopback: many learners stepping, loading pages and exploring at once.

    python bench/load.py [--clients 64] [--seconds 60] [--workers 2] [--think 0.5]

Starts uvicorn with N workers. Each client loops: most of its requests are step fragments
along its own 200-step schedule of the lesson's counter (what a Step click fetches), some are
whole pages (the gallery, a scenario, an embed), about one in fifty is an exploration
(race-counter, a fraction of a second; one in 2,000 the lesson's counter, which uses its
whole 5 s budget). Between requests a client thinks for `--think` seconds on average
(exponentially distributed; 0 hammers the server as fast as it answers, which measures its
saturation, not a class). The server runs with per-client rate limits raised, since every
client here shares one address. Prints requests per second, latency percentiles per kind, errors by
status, and the server's memory (all processes) at the start, at its peak and at the end.
Goal: 64 clients for 60 s, no errors, p99 of steps under 100 ms while explorations run, memory
flat.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.engine import Random, compile_program, run  # noqa: E402
from app.scenarios import get  # noqa: E402
from bench.web import FRAGMENT, Connection, free_port, percentile, server_cpu  # noqa: E402

PAGES = ["/", "/s/race-counter", "/s/deadlock-two-locks?schedule=a2bc",
         "/embed/s/condition-queue?controls=replay", "/s/barrier-phases"]


def rss(pid: int) -> int:
    """Resident memory of a process and its children, in bytes (Linux /proc)."""
    total, pids = 0, [pid]
    while pids:
        p = pids.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
            for task in Path(f"/proc/{p}/task").iterdir():
                pids.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


async def client(port: int, walk: list[str], seconds: float, think: float,
                 rng: random.Random, latencies: dict[str, list[float]], statuses: Counter
                 ) -> None:
    deadline = time.perf_counter() + seconds
    if think:  # learners arrive over a moment, not in the same millisecond
        await asyncio.sleep(rng.uniform(0, 2 * think))
    connection = await Connection.open("127.0.0.1", port)
    i = 0
    try:
        while time.perf_counter() < deadline:
            roll = rng.random()
            if roll < 0.80:
                kind, url, headers = "step", walk[i % len(walk)], FRAGMENT
                i += 1
            elif roll < 0.98:
                kind, url, headers = "page", rng.choice(PAGES), {}
            elif roll < 0.9995:
                kind, url, headers = "explore", "/explore/s/race-counter", {}
            else:
                kind, url, headers = "explore", "/explore/s/lesson-counter", {}
            start = time.perf_counter()
            status = await connection.get(url, headers)
            latencies[kind].append(time.perf_counter() - start)
            statuses[status] += 1
            if think:
                await asyncio.sleep(rng.expovariate(1 / think))
    finally:
        connection.close()


async def load(port: int, walks: list[list[str]], seconds: float, think: float, pid: int
               ) -> tuple[dict[str, list[float]], Counter, list[int]]:
    latencies: dict[str, list[float]] = defaultdict(list)
    statuses: Counter = Counter()
    memory: list[int] = []

    async def sample() -> None:
        while True:
            memory.append(rss(pid))
            await asyncio.sleep(1)

    sampler = asyncio.ensure_future(sample())
    await asyncio.gather(*(client(port, walk, seconds, think, random.Random(n), latencies,
                                  statuses) for n, walk in enumerate(walks)))
    sampler.cancel()
    memory.append(rss(pid))
    return latencies, statuses, memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--think", type=float, default=0.5,
                        help="mean seconds between one client's requests (0: none)")
    args = parser.parse_args()
    program = compile_program(get("lesson-counter").source)
    walks = [[f"/s/lesson-counter?schedule="
              f"{run(program, Random(n), max_steps=200, record=False).schedule}&at={k}"
              for k in range(1, 201)] for n in range(args.clients)]
    port = free_port()
    env = {**os.environ, "INTERLEAVE_EXPLORES_PER_MINUTE": "100000",
           "INTERLEAVE_RUNS_PER_MINUTE": "100000"}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port), "--workers",
         str(args.workers), "--log-level", "warning"], cwd=ROOT, env=env)
    try:
        time.sleep(3)
        cpu = server_cpu(server.pid)
        latencies, statuses, memory = asyncio.run(
            load(port, walks, args.seconds, args.think, server.pid))
        cpu = server_cpu(server.pid) - cpu
    finally:
        server.terminate()
        server.wait()
    total = sum(statuses.values())
    errors = {s: n for s, n in statuses.items() if s >= 400}
    print(f"{args.clients} clients thinking {args.think:g} s for {args.seconds:g} s, "
          f"{args.workers} workers: "
          f"{total / args.seconds:,.0f} requests/s, {total:,} requests, errors: "
          f"{errors or 'none'}; server CPU {cpu / args.seconds:.2f} cores")
    ms = lambda v: f"{1000 * v:.0f} ms"  # noqa: E731
    for kind, values in sorted(latencies.items()):
        print(f"  {kind:8} {len(values):7,} requests: median {ms(percentile(values, 50))}, "
              f"p95 {ms(percentile(values, 95))}, p99 {ms(percentile(values, 99))}, "
              f"max {ms(max(values))}")
    mb = lambda b: f"{b / 2**20:.0f} MB"  # noqa: E731
    quarters = [memory[min(len(memory) - 1, len(memory) * q // 4)] for q in (1, 2, 3)]
    print(f"  memory (all server processes): start {mb(memory[0])}, at each quarter "
          f"{', '.join(mb(m) for m in quarters)}, peak {mb(max(memory))}, "
          f"end {mb(memory[-1])}")


if __name__ == "__main__":
    main()
