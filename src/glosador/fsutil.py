"""Writing files safely: atomically (temp file + rename), and never when nothing changes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None) -> bool:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    Returns ``False`` (and leaves the file, its mtime included, untouched) when the
    file already holds exactly ``data``. Keeps the permission bits of an existing
    file. Raises ``OSError`` when the folder or file is not writable (a file without
    any write bit counts as read-only even for root); the original file is then
    unchanged and no temporary file is left behind.
    """
    target = Path(path)
    try:
        if target.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    except IsADirectoryError:
        raise
    if target.exists() and (
        not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222
    ):  # a read-only file stays read-only, even for root
        raise PermissionError(13, "Permission denied (read-only file)", str(target))
    if mode is None:
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return True
