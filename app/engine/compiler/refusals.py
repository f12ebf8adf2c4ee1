"""Why a module or a built-in a program names is refused, in words that point at what to
write instead: the hints of the compile errors for the things real threading programs reach
for that the simulation leaves out (input, files, processes, the network, asyncio)."""

from __future__ import annotations

_PROCESSES = ("Interleave simulates the threads of one process: use threading, or "
              "concurrent.futures.ThreadPoolExecutor in place of a process pool.")
_NETWORK = ("The network is outside the simulation: stand in for a request with "
            "time.sleep(...) and a made-up result.")
_OUTSIDE = "Other programs and the operating system are outside the simulation."
_FILES = ("Only open(), io.StringIO, csv and pathlib.Path are simulated, over the run's own "
          "in-memory directory (os.path, os.makedirs, os.listdir, os.remove on it): keep other "
          "data in the program (a list, a dict or a string).")
_THIRD_PARTY = ("Packages from outside the standard library are not available: compute with "
                "lists and the math module, or stand in for the library's call with a made-up "
                "result.")
_PATTERNS = ("Regular expressions are not supported: str's methods (split, strip, replace, "
             "startswith, find, isdigit …) do most of what a threading program uses them for.")

_MODULES = {
    "multiprocessing": _PROCESSES, "asyncio": "async code is not supported: Interleave "
    "simulates threads.", "subprocess": _OUTSIDE, "signal": _OUTSIDE, "shutil": _FILES,
    "sqlite3": _FILES, "tempfile": _FILES,
    "pickle": _FILES, "socket": _NETWORK, "requests": _NETWORK, "urllib": _NETWORK,
    "http": _NETWORK, "aiohttp": _NETWORK, "ssl": _NETWORK, "httpx": _NETWORK,
    "numpy": _THIRD_PARTY, "pandas": _THIRD_PARTY, "scipy": _THIRD_PARTY,
    "matplotlib": _THIRD_PARTY, "tqdm": _THIRD_PARTY, "bs4": _THIRD_PARTY, "PIL": _THIRD_PARTY,
    "re": _PATTERNS,
}
_BUILTINS = {
    "input": "A simulated program cannot read input: write the value into the program "
             "(name = 'Ada').",
    "exec": "Running code from a string is not supported: write the code out.",
    "eval": "Evaluating code from a string is not supported: write the expression out.",
}


def module_hint(name: str, supported: str) -> str:
    """The hint for `import name`: why, when we know, and what is supported."""
    reason = _MODULES.get(name.split(".")[0])
    return f"{reason} {supported}" if reason else supported


def builtin_hint(name: str, supported: str) -> str:
    """The hint for a refused built-in: why, when we know, and what is supported."""
    reason = _BUILTINS.get(name)
    return f"{reason} {supported}" if reason else supported
