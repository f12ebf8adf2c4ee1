"""The project installs as a real package: the wheel carries the templates and static files,
and `interleave serve` from a fresh virtual environment serves pages and assets (issue 16).

Nothing is downloaded: the build runs without isolation (the test extra installs its
backend), and the venv sees this interpreter's packages (`--system-site-packages`) and gets
the wheel itself with `--no-deps`.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
import venv
import zipfile
from pathlib import Path

import pytest

from tests.support.servers import REPO, free_port


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(out), str(REPO)], check=True, capture_output=True, timeout=300)
    (built,) = out.glob("interleave-*.whl")
    return built


def test_the_wheel_ships_templates_static_files_and_scenarios(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("app/templates/simulator.html", "app/templates/base.html",
                    "app/static/app.css", "app/static/sim.js", "app/static/favicon.svg",
                    "app/scenarios/race_counter.py", "app/main.py"):
        assert shipped in names, shipped
    assert not any(name.startswith(("tests/", "templates/", "static/")) for name in names)


def test_interleave_serve_from_an_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    port = free_port()
    # Run from an empty directory, so that nothing can come from this checkout.
    log = tmp_path / "server.log"
    with log.open("wb") as sink:
        server = subprocess.Popen([str(env_dir / "bin" / "interleave"), "serve", "--host",
                                   "127.0.0.1", "--port", str(port), "--workers", "1"],
                                  cwd=tmp_path, stdout=sink, stderr=sink)
    try:
        base = f"http://127.0.0.1:{port}"
        page = _get(f"{base}/s/race-counter", server, log)
        assert "Step MainThread" in page and "/static/app." in page
        where = subprocess.run([str(python), "-c", "import app; print(app.__file__)"],
                               cwd=tmp_path, capture_output=True, text=True, check=True)
        assert str(env_dir) in where.stdout  # the wheel's copy, not this checkout
        css = _get(f"{base}/static/app.css", server, log)
        assert css == (REPO / "static" / "app.css").read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get(url: str, server: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode()
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the server did not answer: {log.read_text()}") from None
            time.sleep(0.3)
