"""Web latency and throughput of step requests on the lesson's counter, 200-step schedules.

    python bench/web.py [--seconds 10] [--clients 32]

Starts uvicorn on a free loopback port. Each client walks its own random 200-step schedule one
step at a time, the way a learner clicks (every request is a page one step past the last);
measured for the htmx fragment (what a Step click fetches) and the full page: latency of one
client alone (median, p95, p99), then requests per second with N clients for a fixed time.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.engine import Random, compile_program, run  # noqa: E402
from app.scenarios import get  # noqa: E402

FRAGMENT = {"HX-Request": "true", "HX-Request-Type": "partial"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def load(urls: list[list[str]], headers: dict[str, str], seconds: float
               ) -> tuple[int, int, list[float]]:
    done = errors = 0
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=len(urls), max_keepalive_connections=len(urls))
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        async def worker(walk: list[str]) -> None:
            nonlocal done, errors
            i = 0
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                response = await client.get(walk[i % len(walk)], headers=headers)
                latencies.append(time.perf_counter() - start)
                i += 1
                if response.status_code == 200:
                    done += 1
                else:
                    errors += 1
        await asyncio.gather(*(worker(walk) for walk in urls))
    return done, errors, latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    program = compile_program(get("lesson-counter").source)
    schedules = [run(program, Random(seed), max_steps=200, record=False).schedule
                 for seed in range(args.clients)]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port), "--workers",
         str(args.workers), "--log-level", "warning"], cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        walks = [[f"{base}/s/lesson-counter?schedule={s}&at={k}" for k in range(1, 201)]
                 for s in schedules]
        print(f"step requests on 200-step schedules of the lesson's counter, {args.workers} "
              f"uvicorn workers")
        ms = lambda v: f"{1000 * v:.1f} ms"  # noqa: E731
        for name, headers in (("fragment (a Step click)", FRAGMENT), ("full page", {})):
            with httpx.Client() as client:
                times = []
                for url in walks[-1]:
                    start = time.perf_counter()
                    client.get(url, headers=headers).raise_for_status()
                    times.append(time.perf_counter() - start)
            ok, errors, latencies = asyncio.run(load(walks, headers, args.seconds))
            print(f"{name}: one client median {ms(statistics.median(times))}, "
                  f"p95 {ms(percentile(times, 95))}, p99 {ms(percentile(times, 99))}; "
                  f"{len(walks)} clients: {ok / args.seconds:,.0f} req/s, {errors} errors, "
                  f"median {ms(statistics.median(latencies))}, "
                  f"p95 {ms(percentile(latencies, 95))}, p99 {ms(percentile(latencies, 99))}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
