"""A full disk while writing a file: "De schijf is vol", the old file intact, no half file left."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from composer import cli
from composer.errors import ComposerError
from composer.fileio import write_bytes_atomic, write_work_file
from tests.conftest import SAMPLE_LETTER, run_composer


def _full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _message(path: Path) -> str:
    return f"De schijf is vol: ‘{path}’ kon niet worden geschreven. Maak ruimte vrij"


@pytest.mark.parametrize("where", ["fsync", "write"])
def test_writing_on_a_full_disk_says_the_disk_is_full(tmp_path, monkeypatch, where):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"de oude brief")
    if where == "fsync":
        monkeypatch.setattr(os, "fsync", _full)
    else:
        monkeypatch.setattr(os, "fdopen", lambda fd, *_a, **_k: _FullStream(fd))
    with pytest.raises(ComposerError) as caught:
        write_bytes_atomic(target, b"de nieuwe brief")
    assert caught.value.message.startswith(_message(target))
    assert "lezen" not in caught.value.message and "No space" not in caught.value.message
    assert target.read_bytes() == b"de oude brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]


class _FullStream:
    """The temp file's stream on a disk with no room left: every write fails."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        os.close(self.fd)
        return False

    def write(self, _data):
        _full()


def test_no_room_for_the_temporary_file_says_the_disk_is_full(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "mkstemp", _full)
    with pytest.raises(ComposerError) as caught:
        write_bytes_atomic(tmp_path / "brief.pdf", b"%PDF")
    assert caught.value.message.startswith(_message(tmp_path / "brief.pdf"))


def test_a_scratch_file_on_a_full_disk_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(Path, "write_bytes", _full)
    with pytest.raises(ComposerError) as caught:
        write_work_file(tmp_path / "brief.docx", b"PK")
    assert caught.value.message.startswith(_message(tmp_path / "brief.docx"))


def test_render_on_a_full_disk_exits_1_with_the_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(os, "fsync", _full)
    out = tmp_path / "brief.docx"
    assert cli.main(["render", str(SAMPLE_LETTER), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"composer: {_message(out)}")
    assert not out.exists()


@contextlib.contextmanager
def _tiny_disk(folder: Path):
    """A 64 kB tmpfs at `folder` (root only); skipped where it cannot be mounted."""
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a full disk needs a tmpfs, which only root can mount")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_really_full_disk_from_the_command_line(tmp_path):
    with _tiny_disk(tmp_path / "vol") as disk:
        (disk / "opvulling").write_bytes(b"\0" * 60_000)
        out = disk / "brief.docx"
        result = run_composer("render", str(SAMPLE_LETTER), "-o", str(out))
        leftovers = sorted(p.name for p in disk.iterdir())
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert _message(out) in result.stderr
    assert leftovers == ["opvulling"]
