"""Write a file so that an existing one is never truncated: temp file, check, rename.

Every output kg writes (graphs, the viewer, JSON Lines) goes through :func:`atomic_write`,
so a crash, a full disk or an output that fails its check leaves the old file as it was.
"""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from kg.errors import ExportError


def _file_mode(target: Path) -> int:
    """Keep the mode of the file being replaced; new files get the usual 0666 & ~umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: str | os.PathLike, data: bytes, *, check: Callable[[Path], None] | None = None) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder.

    ``check(tmp)`` may inspect the written file and raise :class:`ExportError` to refuse
    it. Raises :class:`ExportError` on any failure; ``path`` is then untouched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{target}: folder {folder} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"{target}: cannot write: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if check is not None:
            check(tmp)
        os.chmod(tmp, _file_mode(target))
        os.replace(tmp, target)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target
