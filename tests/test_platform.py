"""stdlib/platform.py: the simulated machine's answers, as CPython 3.13.0 on 64-bit Linux
gives them (the `cpython_worker` fixture), and in agreement with `sys.version_info`."""

from __future__ import annotations

from tests.support.running import as_cpython_worker


def test_platform_answers_as_cpython_313(cpython_worker):
    source = (
        "import platform, sys\n"
        "print(platform.python_version()[:4], platform.python_version_tuple()[:2],\n"
        "      platform.python_implementation(), platform.system(), platform.machine(),\n"
        "      platform.architecture())\n"
        "print(platform.python_version() == '%d.%d.%d' % sys.version_info[:3])\n")
    assert as_cpython_worker(source) == cpython_worker(source)
