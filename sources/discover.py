"""Find the input files behind a list of sources (files, folders, globs).

Nothing is dropped silently: a path that cannot be read becomes an :class:`InputFile`
with an ``error``, which the pipeline turns into a rejected ``documents`` row.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Callable
from typing import NamedTuple

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
_GLOB_CHARS = frozenset("*?[")


class InputFile(NamedTuple):
    path: str  # absolute
    size: int
    mtime_ns: int
    format: str  # "text", "html" or "jsonl"
    error: str | None = None


def input_format(path: str) -> str:
    """How a file is read: one document per file (text or a saved web page), or one per
    JSON line.

    >>> input_format("feed/2021-12-10.jsonl"), input_format("seeds/a.txt")
    ('jsonl', 'text')
    >>> input_format("saved/Story.HTM"), input_format("saved/story.html.gz")
    ('html', 'html')
    """
    lowered = path.lower()
    if lowered.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return "html" if lowered.endswith(HTML_SUFFIXES) else "text"


def _describe(path: str) -> InputFile:
    absolute = os.path.abspath(path)
    try:
        info = os.stat(absolute)
    except FileNotFoundError:
        reason = "broken symbolic link" if os.path.islink(absolute) else "no such file or folder"
        return InputFile(absolute, 0, 0, input_format(absolute), reason)
    except OSError as error:
        return InputFile(absolute, 0, 0, input_format(absolute), f"cannot read: {error.strerror}")
    if not stat.S_ISREG(info.st_mode):
        return InputFile(absolute, 0, 0, input_format(absolute), "not a regular file")
    if not os.access(absolute, os.R_OK):
        return InputFile(
            absolute,
            info.st_size,
            info.st_mtime_ns,
            input_format(absolute),
            "cannot read: permission denied",
        )
    return InputFile(absolute, info.st_size, info.st_mtime_ns, input_format(absolute))


def _walk(folder: str) -> list[str]:
    """Every non-hidden file under a folder, unreadable sub-folders reported as paths."""
    found: list[str] = []

    def on_error(error: OSError) -> None:
        found.append(error.filename)  # described later as unreadable

    for root, dirs, files in os.walk(folder, onerror=on_error, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, name) for name in sorted(files) if not name.startswith("."))
    return found


def discover(sources: list[str]) -> list[InputFile]:
    """All input files, sorted and de-duplicated by absolute path."""
    paths: list[str] = []
    for source in sources:
        if _GLOB_CHARS & set(source):
            matches = sorted(glob.glob(source, recursive=True))
            paths.extend(
                m for match in matches for m in (_walk(match) if os.path.isdir(match) else [match])
            )
        elif os.path.isdir(source):
            paths.extend(_walk(source))
        else:
            paths.append(source)
    unique = sorted({os.path.abspath(p) for p in paths})
    return [_describe(p) for p in unique]


def missing_sources(sources: list[str]) -> tuple[list[str], list[str]]:
    """(paths that do not exist, globs that match nothing). A named path that is not there
    is a mistake; a glob that matches nothing today is normal (a feed folder still empty).

    >>> missing_sources(["no/such/file.txt", "no/such/*.jsonl"])
    (['no/such/file.txt'], ['no/such/*.jsonl'])
    """
    paths, globs = [], []
    for source in sources:
        if _GLOB_CHARS & set(source):
            if not glob.glob(source, recursive=True):
                globs.append(source)
        elif not os.path.lexists(source):
            paths.append(source)
    return paths, globs


def _segment_regex(segment: str) -> str:
    """One path segment of a glob as a regex: ``*`` and ``?`` stay inside the segment."""
    out, index = [], 0
    while index < len(segment):
        char = segment[index]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in segment[index + 2 :]:
            end = segment.index("]", index + 2)
            body = segment[index + 1 : end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob as Python's ``glob(recursive=True)`` reads it, as a regex: ``*`` never
    crosses a ``/`` (DuckDB's glob lets it), ``**`` spans folders.

    >>> rule = glob_regex("/feeds/*.jsonl")
    >>> bool(rule.fullmatch("/feeds/a.jsonl")), bool(rule.fullmatch("/feeds/sub/deep.jsonl"))
    (True, False)
    >>> bool(glob_regex("/feeds/**/*.jsonl").fullmatch("/feeds/sub/deep.jsonl"))
    True
    """
    parts = pattern.split("/")
    regex = []
    for number, part in enumerate(parts):
        last = number == len(parts) - 1
        if part == "**":
            regex.append(".*" if last else "(?:[^/]*/)*")
            continue
        regex.append(_segment_regex(part) + ("" if last else "/"))
    return re.compile("".join(regex))


def scope_of(sources: list[str]) -> Callable[[str], bool]:
    """Whether discovering ``sources`` would look at a path (absolute): the file itself, a
    file under a folder, or a file a glob matches (or under a folder it matches). One rule
    for discovery and ``--prune``: what a run would not find is not called deleted.

    >>> in_feeds = scope_of(["/data/feeds/*.jsonl"])
    >>> in_feeds("/data/feeds/sub/deep.jsonl"), in_feeds("/data/feeds/a.jsonl")
    (False, True)
    >>> scope_of(["/data/scrapes"])("/data/scrapes/ap/1.txt")
    True
    """
    folders = [os.path.abspath(s).rstrip("/") for s in sources if not _GLOB_CHARS & set(s)]
    rules = [glob_regex(os.path.abspath(s)) for s in sources if _GLOB_CHARS & set(s)]

    def covers(path: str) -> bool:
        if any(path == folder or path.startswith(folder + "/") for folder in folders):
            return True
        # A glob also covers what lies under a folder it matches (discovery walks it).
        parents = [path.rsplit("/", depth)[0] for depth in range(1, path.count("/"))]
        return any(rule.fullmatch(p) for rule in rules for p in (path, *parents))

    return covers
