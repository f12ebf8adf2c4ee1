"""Reading the app's pages in tests: a program's `code` parameter, a page's links and step
controls, and the texts its parts show."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from app.web.source import encode_source


def enc(source: str) -> str:
    """A program's `code` parameter, as the editor's redirect makes it."""
    return encode_source(source)


class _Links(HTMLParser):
    """Every URL a page refers to: href, src, hx-get and data-href attributes."""

    ATTRS = ("href", "src", "hx-get", "data-href")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in self.ATTRS and value is not None:
                self.urls.append(value)


def links(page: str) -> list[str]:
    """The URLs in a page, in order, with character references decoded."""
    parser = _Links()
    parser.feed(page)
    parser.close()
    return parser.urls


def control(page: str, key: str) -> str | None:
    """The href of the step control bound to keyboard `key` (data-key), or None if disabled."""
    for tag in re.findall(r"<a [^>]*>", page):
        if f'data-key="{key}"' in tag:
            return html.unescape(re.search(r'href="([^"]*)"', tag).group(1))
    return None


def step_link(page: str, thread: str) -> str | None:
    """The href of the "Step <thread>" button, or None when that thread cannot move."""
    match = re.search(r'<a class="button step" href="([^"]*)"[^>]*>Step ' + re.escape(thread)
                      + r'(?: <kbd aria-hidden="true">\d</kbd>)?</a>', page)
    return html.unescape(match.group(1)) if match else None


def sim_state(page: str) -> tuple[int, int]:
    """(at, total) from the `#sim` element's data attributes."""
    match = re.search(r'<div id="sim" class="sim" data-at="(\d+)" data-total="(\d+)"', page)
    assert match, "no #sim element on the page"
    return int(match.group(1)), int(match.group(2))


def live_text(page: str) -> str:
    match = re.search(r'<p class="live"[^>]*>(.*?)</p>', page, re.S)
    assert match, "no .live element on the page"
    return html.unescape(match.group(1))


def alert_text(page: str) -> str:
    """The text of the page's role=alert element (error page or editor message)."""
    match = re.search(r'role="alert">(.*?)</(?:p|div)>', page, re.S)
    assert match, "no role=alert element on the page"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split())


def here_lines(page: str) -> list[str]:
    """The source lines highlighted as each thread's next line, in thread order."""
    return [html.unescape(code) for code in
            re.findall(r'<li class="here" aria-current="step"><code>(.*?)</code></li>', page)]


def output_text(page: str) -> str | None:
    """What the output pane shows as printed, its lines joined (None: no line printed)."""
    match = re.search(r'<ol class="output">(.*?)</ol>', page, re.S)
    lines = re.findall(r"<samp>(.*?)</samp>", match.group(1), re.S) if match else []
    return html.unescape("\n".join(lines)) if lines else None


def output_lines(page: str) -> list[tuple[str, str, str]]:
    """The output pane's lines as (stream, who printed it, text)."""
    match = re.search(r'<ol class="output">(.*?)</ol>', page, re.S)
    found = re.findall(r'<li class="(stdout|stderr)[^"]*"><span class="who">([^<]*)<.*?'
                       r'<samp>(.*?)</samp></li>', match.group(1) if match else "", re.S)
    return [(stream, html.unescape(who), html.unescape(text)) for stream, who, text in found]
