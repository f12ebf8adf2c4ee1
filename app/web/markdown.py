"""Scenario text in Markdown, inline only: `code`, **bold** and *emphasis*.

Teachers write scenario files, and a page must never carry their HTML: the text is escaped
first, then the few marks become tags. Nothing else of Markdown is read (no links, no
images, no raw HTML), so whatever a file holds shows as text.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# In order: code first (its inside is left as it is), then bold, then emphasis. The marks
# must hug their text (`* 2 *` is arithmetic, not emphasis).
_CODE = re.compile(r"`([^`\n]+)`")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_KEPT = re.compile(r"\0(\d+)\0")
_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")


def inline(text: str) -> Markup:
    """`text` as safe HTML with its inline Markdown marks rendered."""
    codes: list[str] = []

    def keep(match: re.Match[str]) -> str:  # a code span's inside is never read for marks
        codes.append(match.group(1))
        return f"\0{len(codes) - 1}\0"

    html = _CODE.sub(keep, str(escape(text.replace("\0", ""))))
    html = _EM.sub(r"<em>\1</em>", _BOLD.sub(r"<strong>\1</strong>", html))
    return Markup(_KEPT.sub(lambda m: f"<code>{codes[int(m.group(1))]}</code>", html))


def plain(text: str) -> str:
    """`text` without its marks, for where no tags may go (a page's <title>)."""
    return re.sub(r"<[^>]*>", "", str(inline(text))).replace("&lt;", "<").replace(
        "&gt;", ">").replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")
