"""A program's source in a URL: zlib-compressed, base64url, no padding.

Links to a learner's own program carry the whole program, so the page is a pure function of
its URL (a permalink needs no database). The leading `z` leaves room for other encodings.
"""

from __future__ import annotations

import base64
import binascii
import zlib

#: The longest `code` parameter: what a browser's address bar takes comfortably.
MAX_ENCODED = 40_000


class SourceError(ValueError):
    """The `code` parameter is not a program this encoding produced."""


def encode_source(source: str) -> str:
    packed = zlib.compress(source.encode("utf-8"), 9)
    return "z" + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def decode_source(text: str, max_bytes: int) -> str:
    """The program in `text`, refused past `max_bytes` inflated (a zip bomb stops there)."""
    if len(text) > MAX_ENCODED:
        raise SourceError(f"the encoded program is over {MAX_ENCODED:,} characters")
    if not text.startswith("z"):
        raise SourceError("the code parameter must start with 'z'")
    body = text[1:]
    damaged = SourceError("the code parameter is damaged (not a whole program link)")
    try:
        packed = base64.b64decode(body + "=" * (-len(body) % 4), altchars=b"-_",
                                  validate=True)
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, max_bytes + 1)
    except (binascii.Error, ValueError, zlib.error):
        raise damaged from None
    if len(raw) > max_bytes or inflater.unconsumed_tail:
        raise SourceError(f"the program is over the limit of {max_bytes:,} bytes")
    if not inflater.eof or inflater.unused_data:
        raise damaged
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SourceError("the program is not UTF-8 text") from None
