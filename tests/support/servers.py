"""Serving the app for tests: where the repository is, a free port, settings whose rate limits
one client never reaches, a folder served on another origin, and asyncio run beside a
browser's loop."""

from __future__ import annotations

import asyncio
import http.server
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.main import Settings

REPO = Path(__file__).resolve().parents[2]
SERVER_START_SECONDS = 30.0
#: A configured server (its public address is the test client's) whose rate limits one
#: client never reaches (test_rates checks them).
UNLIMITED = Settings(steps_per_minute=1_000_000, runs_per_minute=100_000,
                     explores_per_minute=100_000, public_url="http://testserver")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_async(coroutine: Any) -> Any:
    """asyncio.run in a thread of its own: the browser tests keep a loop in the main one."""
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(asyncio.run(coroutine)))
    worker.start()
    worker.join(30)
    return result[0]


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`folder`'s files on http://localhost:PORT: a course page on another origin than the
    app's (127.0.0.1), for embeds. Yields the address of the folder's root."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://localhost:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
