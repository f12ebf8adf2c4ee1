"""Web latency and throughput: the simulator page at a 200-step schedule of the lesson's counter.

    python bench/web.py [--seconds 10] [--clients 32]

Starts uvicorn on a free loopback port, measures single-request latency (median, p95, p99 over
sequential requests), then requests per second with N concurrent clients for a fixed time.
Both the full page and the htmx fragment (what a Step click fetches) are measured.
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

from app.engine import RoundRobin, compile_program, run  # noqa: E402
from app.scenarios import get  # noqa: E402

FRAGMENT = {"HX-Request": "true", "HX-Request-Type": "partial"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def load(url: str, headers: dict[str, str], clients: int, seconds: float
               ) -> tuple[int, int, list[float]]:
    done = errors = 0
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        async def worker() -> None:
            nonlocal done, errors
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                response = await client.get(url, headers=headers)
                latencies.append(time.perf_counter() - start)
                if response.status_code == 200:
                    done += 1
                else:
                    errors += 1
        await asyncio.gather(*(worker() for _ in range(clients)))
    return done, errors, latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    program = compile_program(get("lesson-counter").source)
    schedule = run(program, RoundRobin(7), max_steps=200, record=False).schedule
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
        url = f"{base}/s/lesson-counter?schedule={schedule}&at=200"
        print(f"200-step schedule of the lesson's counter, {args.workers} uvicorn workers")
        for name, headers in (("fragment (a Step click)", FRAGMENT), ("full page", {})):
            with httpx.Client() as client:
                client.get(url, headers=headers).raise_for_status()
                times = []
                for _ in range(200):
                    start = time.perf_counter()
                    client.get(url, headers=headers).raise_for_status()
                    times.append(time.perf_counter() - start)
            ok, errors, latencies = asyncio.run(load(url, headers, args.clients, args.seconds))
            ms = lambda v: f"{1000 * v:.1f} ms"  # noqa: E731
            print(f"{name}: sequential median {ms(statistics.median(times))}, "
                  f"p95 {ms(percentile(times, 95))}, p99 {ms(percentile(times, 99))}; "
                  f"{args.clients} clients: {ok / args.seconds:,.0f} req/s, {errors} errors, "
                  f"p95 {ms(percentile(latencies, 95))}, p99 {ms(percentile(latencies, 99))}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
