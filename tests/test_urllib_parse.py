"""stdlib/urllib_parse.py: CPython's URL functions on text, against CPython 3.13 (the
`cpython_worker` fixture); the network stays refused."""

from __future__ import annotations

import pytest

from app.engine import compile_program
from app.engine.errors import CompileError
from tests.support.running import as_cpython_worker

PROGRAM = """
import urllib.parse
from urllib.parse import (urlparse, urlsplit, urlunparse, urljoin, urlencode, quote,
                          quote_plus, unquote, parse_qs, parse_qsl, urldefrag)
u = urlparse("https://user:pw@Example.COM:8443/path/to;p?q=1&q=2&x=a+b#frag")
print(u.scheme, u.netloc, u.path, u.params, u.query, u.fragment)
print(u.hostname, u.port, u.username, u.password, u.geturl())
print(u._replace(fragment="").geturl(), u[1], len(u), tuple(urlsplit("http://a/b?c")))
print(urlunparse(("http", "h", "/p", "", "a=1", "")), urljoin("http://a/b/c", "../d"))
print(urlencode({"q": "threads & locks", "n": 3, "tags": ["a", "b"]}, doseq=True))
print(urlencode([("k", "v w")]), quote("a b/c"), quote("a b/c", safe=""), quote_plus("a b&c"))
print(unquote("a%20b"), parse_qs("a=1&a=2&b=x"), parse_qsl("a=1&b=2"))
print(urldefrag("http://a/b#c"), urllib.parse.unquote_plus("a+b"))
try:
    urlparse("http://h:99999").port
except ValueError as e:
    print("ValueError:", e)
"""


def test_urls_split_join_and_quote_as_in_cpython(cpython_worker):
    assert as_cpython_worker(PROGRAM) == cpython_worker(PROGRAM)


@pytest.mark.parametrize("source", ["import urllib.request", "from urllib import request",
                                    "import urllib\nurllib.request"])
def test_the_network_stays_refused(source):
    with pytest.raises(CompileError):
        compile_program(source)
