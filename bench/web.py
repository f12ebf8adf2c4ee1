"""Web latency and throughput of step requests on the lesson's counter, 200-step schedules,
and of its whole 1.2-million-step run.

    python bench/web.py [--seconds 10] [--clients 32] [--runs 7]

Starts uvicorn on a free loopback port. Each client walks its own random 200-step schedule one
step at a time, the way a learner clicks (every request is a page one step past the last);
measured for the htmx fragment (what a Step click fetches) and the full page: latency of one
client alone (median, p95, p99), then requests per second with N clients for a fixed time.

Then the long run: "Run to end" on the lesson's counter under the CPython-like policy, cold
(each time a program no server child has seen: the same counter with another comment), the
page at step 900,000 of it, cold and warm (another step of a run a child has kept).
"""

from __future__ import annotations

import argparse
import asyncio
import os
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
from app.web.source import encode_source  # noqa: E402

FRAGMENT = {"HX-Request": "true", "HX-Request-Type": "partial"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_cpu(pid: int) -> float:
    """CPU seconds used so far by the server and its worker processes (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{p}/task").iterdir():
                pids.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


class Connection:
    """A bare HTTP/1.1 keep-alive connection: the load generator must cost far less CPU
    than the server it measures (httpx costs about as much per request as the server)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                 host: str) -> None:
        self.reader, self.writer, self.host = reader, writer, host

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer, f"{host}:{port}")

    async def get(self, target: str, headers: dict[str, str]) -> int:
        lines = [f"GET {target} HTTP/1.1", f"Host: {self.host}",
                 *(f"{k}: {v}" for k, v in headers.items()), "", ""]
        self.writer.write("\r\n".join(lines).encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = int(next(line.split(b":", 1)[1] for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:")))
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        self.writer.close()


async def load(port: int, walks: list[list[str]], headers: dict[str, str], seconds: float
               ) -> tuple[int, int, list[float]]:
    done = errors = 0
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def worker(walk: list[str]) -> None:
        nonlocal done, errors
        connection = await Connection.open("127.0.0.1", port)
        i = 0
        try:
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                status = await connection.get(walk[i % len(walk)], headers)
                latencies.append(time.perf_counter() - start)
                i += 1
                if status == 200:
                    done += 1
                else:
                    errors += 1
        finally:
            connection.close()

    await asyncio.gather(*(worker(walk) for walk in walks))
    return done, errors, latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=7)
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
        walks = [[f"/s/lesson-counter?schedule={s}&at={k}" for k in range(1, 201)]
                 for s in schedules]
        print(f"step requests on 200-step schedules of the lesson's counter, {args.workers} "
              f"uvicorn workers")
        ms = lambda v: f"{1000 * v:.1f} ms"  # noqa: E731
        for name, headers in (("fragment (a Step click)", FRAGMENT), ("full page", {})):
            with httpx.Client() as client:
                times = []
                for url in walks[-1]:
                    start = time.perf_counter()
                    client.get(base + url, headers=headers).raise_for_status()
                    times.append(time.perf_counter() - start)
            cpu, own = server_cpu(server.pid), time.process_time()
            ok, errors, latencies = asyncio.run(load(port, walks, headers, args.seconds))
            cpu, own = server_cpu(server.pid) - cpu, time.process_time() - own
            print(f"{name}: one client median {ms(statistics.median(times))}, "
                  f"p95 {ms(percentile(times, 95))}, p99 {ms(percentile(times, 99))}; "
                  f"{len(walks)} clients: {ok / args.seconds:,.0f} req/s, {errors} errors, "
                  f"median {ms(statistics.median(latencies))}, "
                  f"p95 {ms(percentile(latencies, 95))}, p99 {ms(percentile(latencies, 99))}; "
                  f"CPU per request: server {ms(cpu / max(ok, 1))}, "
                  f"this load generator {ms(own / max(ok, 1))}")
        long_runs(base, args.runs)
    finally:
        server.terminate()
        server.wait()


def long_runs(base: str, runs: int) -> None:
    """The lesson's counter run to its end, and pages far into it (median and p95)."""
    source = get("lesson-counter").source
    ms = lambda v: f"{1000 * v:.0f} ms"  # noqa: E731
    ends, cold, warm = [], [], []
    with httpx.Client(base_url=base, timeout=30) as client:
        for i in range(runs):
            code = encode_source(f"# run {i}\n{source}")
            start = time.perf_counter()
            page = client.get(f"/p?code={code}&policy=cpython&advance=end",
                              follow_redirects=True)
            ends.append(time.perf_counter() - start)
            assert page.status_code == 200 and "Finished after 1,200,011 steps" in page.text, (
                page.url)
            code = encode_source(f"# step {i}\n{source}")
            start = time.perf_counter()
            page = client.get(f"/p?code={code}&policy=cpython&schedule=~cpython&at=900000")
            cold.append(time.perf_counter() - start)
            assert page.status_code == 200, page.text[-300:]
            for k in range(5):
                start = time.perf_counter()
                page = client.get(f"/p?code={code}&policy=cpython&schedule=~cpython"
                                  f"&at={900_000 + 997 * (k + 1)}")
                warm.append(time.perf_counter() - start)
    for name, times in (("Run to end, 1,200,011 steps (cold)", ends),
                        ("page at step 900,000 (cold)", cold),
                        ("page near step 900,000 (warm)", warm)):
        print(f"{name}: median {ms(statistics.median(times))}, "
              f"p95 {ms(percentile(times, 95))} ({len(times)} requests)")


if __name__ == "__main__":
    main()
