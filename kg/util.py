"""Small shared helpers: atomic file writes that follow the umask, IRI-safe identifiers, spreadsheet-safe
CSV cells, terminal-safe text, and the check that an output never lands on an input."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

# -- files ------------------------------------------------------------------------------------------------

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask (read from /proc where it can be, else set and restored under a lock)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _final_mode(path: Path) -> int:
    """The mode a file written at ``path`` gets: a replaced file keeps its mode, a new one 0666 & ~umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path``; when the body succeeds it replaces ``path`` in one step (readers see
    the old file or the whole new one, never a part) with the mode an ordinary ``open(path, "w")`` would give:
    0666 & ~umask for a new file, the old mode for a replaced one. On failure the temporary file is removed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, _final_mode(path))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one, never a part."""
    path = Path(path)
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    return path


def atomic_write_text(path: str | Path, text: str) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"))


class OutputOverInput(ValueError):
    """An output file of a command would replace one of its inputs."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.abspath(a) == os.path.abspath(b) or a.resolve() == b.resolve()


def check_outputs(inputs: Iterable[str | Path], outputs: Iterable[str | Path]) -> None:
    """Raise :class:`OutputOverInput` if an output path is one of the input files (the same file, through
    any path or link). Inputs that are folders are left to the readers (they skip kg's own outputs)."""
    files = [Path(p) for p in inputs if str(p) != "-" and not Path(p).is_dir()]
    for out in outputs:
        out = Path(out)
        for src in files:
            if _same_file(out, src):
                raise OutputOverInput(f"{out} is also an input of this command; refusing to overwrite it (choose another output)")


# -- IRIs -------------------------------------------------------------------------------------------------

# what RFC 3987 allows in an IRI path segment besides the ASCII unreserved and sub-delims: ':' '@' '/' and ucschar
_ASCII_KEEP = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/")
_ASCII_SAFE = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@/]*")
_UCSCHAR = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF)) + tuple(
    (0x10000 * n, 0x10000 * n + 0xFFFD) for n in range(1, 15)
)


def _iri_char_ok(ch: str) -> bool:
    if ch in _ASCII_KEEP:
        return True
    cp = ord(ch)
    return cp >= 0xA0 and any(lo <= cp <= hi for lo, hi in _UCSCHAR)


def iri_escape(ident: str) -> str:
    """``ident`` made safe for the end of an IRI: every character RFC 3987 does not allow there (space,
    ``"<>{}|\\^`` and backquote, ``%``, ``#``, ``?``, control characters, lone surrogates ...) becomes
    ``%XX`` (its UTF-8 bytes). ``%`` itself is escaped, so :func:`iri_unescape` gives ``ident`` back
    exactly; ids made only of letters, digits and ``_-.:/`` are unchanged.

    >>> iri_escape("doc 1{x}"), iri_unescape(iri_escape("doc 1{x}"))
    ('doc%201%7Bx%7D', 'doc 1{x}')
    >>> iri_escape("ev_12ab"), iri_escape("100%")
    ('ev_12ab', '100%25')
    """
    ident = str(ident)
    if _ASCII_SAFE.fullmatch(ident):  # the common case, at C speed
        return ident
    out = []
    for ch in ident:
        if _iri_char_ok(ch):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
    return "".join(out)


def iri_unescape(text: str) -> str:
    """The inverse of :func:`iri_escape`."""
    if "%" not in text:
        return text
    from urllib.parse import unquote_to_bytes

    return unquote_to_bytes(text).decode("utf-8", "surrogatepass")


# -- spreadsheet-safe cells ---------------------------------------------------------------------------------

# OWASP "CSV injection": a cell starting with one of these is read as a formula by spreadsheets
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _needs_guard(value: str) -> bool:
    if value[:1] in FORMULA_STARTS:
        return not _NUMBER.fullmatch(value)
    return value[:1] == "'" and _needs_guard(value[1:])


def csv_safe(value):
    """A text cell that spreadsheets show as text, never run as a formula: a cell starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a line break (OWASP's list) gets a leading ``'``. Numbers (``-5.0``) and
    other values are unchanged; :func:`csv_unsafe` undoes it exactly.

    >>> csv_safe("=HYPERLINK(1)"), csv_safe("-5.0"), csv_safe("Jakarta"), csv_unsafe(csv_safe("=1+2"))
    ("'=HYPERLINK(1)", '-5.0', 'Jakarta', '=1+2')
    """
    if isinstance(value, str) and value and _needs_guard(value):
        return "'" + value
    return value


def csv_unsafe(value):
    """The inverse of :func:`csv_safe` (``kg.read_events`` uses it)."""
    if isinstance(value, str) and value[:1] == "'" and _needs_guard(value[1:]):
        return value[1:]
    return value


# -- terminal-safe text -------------------------------------------------------------------------------------

# C0 controls but newline and tab, DEL, C1 controls: ESC starts terminal escape sequences, BEL rings, OSC
# sets titles and links, CR rewrites the line, 0x9B is an 8-bit CSI
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape_control(m: re.Match) -> str:
    cp = ord(m.group())
    return f"\\x{cp:02x}"


def printable(text, *, keep_newlines: bool = True) -> str:
    """``text`` safe to print on a terminal: control characters (ESC, BEL, CR, C1 ...) are shown as
    ``\\x1b`` and the like instead of being sent to the terminal; newlines and tabs are kept (or also
    escaped with ``keep_newlines=False``).

    >>> printable("ok\\x1b]0;owned\\x07 \\x9b31m")
    'ok\\\\x1b]0;owned\\\\x07 \\\\x9b31m'
    """
    text = str(text)
    out = _CONTROL.sub(_escape_control, text)
    if not keep_newlines:
        out = out.replace("\n", "\\n").replace("\t", "\\t")
    return out


def json_printable(text: str) -> str:
    """JSON text with DEL and C1 controls written as ``\\u00XX`` (JSON already escapes C0): the same
    data, safe on a terminal."""
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)


def echo(message="", *, err: bool = False, nl: bool = True) -> None:
    """``click.echo`` of ``message`` with control characters escaped: every human-readable line kg prints
    goes through here."""
    import click

    click.echo(printable(message), err=err, nl=nl)


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
