"""The preview's PDF maker: one warm headless LibreOffice, or a fresh one per page when it fails.

A cold `soffice --convert-to` costs about 1.4 s, nearly all of it starting LibreOffice. So the
preview keeps one headless soffice running with a private profile and a hidden Writer frame (the
frame keeps it from quitting after a conversion). A second `soffice --convert-to` with the same
profile does not start an office: it finds the first one through LibreOffice's own single-instance
pipe, hands over its command line, waits until the PDF is written and exits (about 0.1 s).
No UNO bindings (python3-uno) or extra packages are needed. When the warm soffice cannot start
or stops answering, each refresh uses `PdfEngine` instead (one process per conversion).

This module has no Qt: `render()` runs in a worker thread, `close()` in the GUI thread.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from composer.core.models import Letter
from composer.errors import ComposerError
from composer.i18n import _
from composer.render.pdf.cancel import CancelToken
from composer.render.pdf.locate import find_soffice
from composer.render.pdf.process_group import kill_group, run_group, start_group

if TYPE_CHECKING:
    from composer.settings import Settings
from composer.render.pdf.profiles import lo_root, private_folder, remove, user_installation

# <cache>/libreoffice/preview-<pid>-…: profile and work files
FOLDER_KIND = "preview"  # not screen text
READY_TIMEOUT = 60.0  # seconds a first start of LibreOffice may take (cold disk, first profile)
PIPE_TIMEOUT = 10.0  # the pipe appears ~0.3 s after start; if not (a sandboxed /tmp?): give up
CONVERT_TIMEOUT = 30.0  # a two-page letter takes 0.1 s; a hung office is given up
MAX_WARM_STARTS = 3  # after that many failed or lost warm offices: PdfEngine only
_OFFICE_ARGS = ("--headless", "--norestore", "--nologo", "--nodefault")  # not screen text


@dataclass(frozen=True)
class PreviewPdf:
    data: bytes
    warnings: tuple[str, ...] = ()
    warm: bool = False  # made by the warm LibreOffice (False: a fresh process through PdfEngine)


class WarmUnavailable(Exception):
    """The warm LibreOffice did not start or did not convert; the caller falls back."""


def ipc_pipe(profile: Path) -> Path | None:
    """The socket of LibreOffice's single-instance pipe for `profile`; None where unknown.

    LibreOffice names it after the MD5 of the UTF-16 user-installation URL, in /tmp
    (osl's pipe folder on Linux and macOS). Windows uses named pipes: not checked there."""
    if sys.platform == "win32":
        return None
    url = user_installation(profile).partition("=")[2]
    digest = hashlib.md5(url.encode("utf-16-le"), usedforsecurity=False).digest()
    digest = "".join(f"{byte:x}" for byte in digest)  # sic: no zero padding, as LibreOffice does
    folder = "/tmp" if os.access("/tmp", os.W_OK) else "/var/tmp"
    return Path(folder) / f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_{digest}"


def seed_profile(soffice: Path, scratch: Path, should_stop: Callable[[], bool]) -> Path | None:
    """A LibreOffice profile that has had its first start, kept in the cache per soffice.

    On a new profile soffice restarts itself once; a client that connects in between makes a
    second office. A copy of this seed starts without that restart."""
    try:
        stat = Path(soffice).resolve().stat()
    except OSError:
        return None
    key = hashlib.sha256(f"{soffice}|{stat.st_mtime_ns}|{stat.st_size}".encode()).hexdigest()
    seed = lo_root() / f"{FOLDER_KIND}-seed-{key[:16]}"
    if (seed / "user").is_dir():
        return seed
    fresh = Path(tempfile.mkdtemp(prefix="seed-", dir=scratch))
    outcome = run_group(
        [str(soffice), user_installation(fresh), *_OFFICE_ARGS, "--terminate_after_init"],
        timeout=READY_TIMEOUT,
        log=scratch / f"{fresh.name}.log",
        should_stop=should_stop,
    )
    if outcome.returncode != 0 or not (fresh / "user").is_dir():
        remove(fresh)
        return None
    try:
        fresh.rename(seed)  # atomic: another Composer may be seeding at the same moment
    except OSError:
        remove(fresh)
    return seed if (seed / "user").is_dir() else None


class WarmOffice:
    """One headless soffice that stays running; conversions are handed to it one at a time."""

    def __init__(self, soffice: Path, folder: Path) -> None:
        self.soffice = soffice
        self.profile = folder / "profile"
        self.pipe = ipc_pipe(self.profile)
        self.work = folder / "work"
        self.work.mkdir(parents=True, exist_ok=True)
        self.process: subprocess.Popen[bytes] | None = None
        self.stopped = threading.Event()
        self.started = time.monotonic()
        self._count = 0

    def start(self, seed: Path | None = None) -> None:
        if self.pipe is None:
            raise WarmUnavailable("no known single-instance pipe on this platform")
        if seed is None:
            raise WarmUnavailable("no first-started profile to copy")
        shutil.copytree(seed, self.profile)
        with contextlib.suppress(OSError):
            self.pipe.unlink()  # a socket left by a killed office would look like a ready one
        args = [str(self.soffice), user_installation(self.profile), *_OFFICE_ARGS]
        self.started = time.monotonic()
        # A group of its own (killpg reaches soffice.bin and its helpers) that dies with
        # Composer, even when Composer is killed: this office outlives the thread starting it.
        self.process = start_group(
            [*args, "private:factory/swriter"],  # a hidden frame: the office stays up
            self.work / "office.log",
        )

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    @property
    def listening(self) -> bool:
        return self.pipe is not None and self.pipe.exists()

    def wait_ready(self, timeout: float = PIPE_TIMEOUT) -> None:
        """Until the office listens on its pipe (at most `timeout` s after its start); a client
        started before that would become a second office."""
        deadline = self.started + timeout
        while not self.listening:
            if self.stopped.is_set() or not self.alive or time.monotonic() > deadline:
                raise WarmUnavailable("LibreOffice did not open its pipe")
            time.sleep(0.02)

    def convert(self, docx: bytes) -> bytes:
        from composer.render.pdf.batch import PDFA_FILTER, complete_pdf

        timeout = CONVERT_TIMEOUT if self._count else READY_TIMEOUT  # the first waits for start-up
        self._count += 1
        stem = f"voorbeeld-{self._count:05d}"
        source, target = self.work / f"{stem}.docx", self.work / f"{stem}.pdf"
        source.write_bytes(docx)
        try:
            outcome = run_group(
                [
                    str(self.soffice),
                    user_installation(self.profile),
                    *_OFFICE_ARGS,
                    "--convert-to",
                    PDFA_FILTER,
                    "--outdir",
                    str(self.work),
                    str(source),
                ],
                timeout=timeout,
                log=self.work / f"{stem}.log",
                should_stop=self.stopped.is_set,
            )
            if outcome.killed or not self.alive or not complete_pdf(target):
                raise WarmUnavailable(outcome.output or "no PDF")
            return target.read_bytes()
        finally:
            for path in (source, target, self.work / f"{stem}.log"):
                with contextlib.suppress(OSError):
                    path.unlink()

    def stop(self) -> None:
        self.stopped.set()
        if self.process is not None:
            kill_group(self.process)
        if self.pipe is not None:
            with contextlib.suppress(OSError):
                self.pipe.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_orphans(root: Path) -> None:
    """Stop the warm soffice of a Composer that crashed, and remove its folder (Linux)."""
    if not sys.platform.startswith("linux"):
        return
    for folder in root.glob(f"{FOLDER_KIND}-*-*"):
        owner = folder.name.split("-")[1]
        if not owner.isdigit() or int(owner) == os.getpid() or _alive(int(owner)):
            continue
        needles = (str(folder).encode(), folder.resolve().as_uri().encode())
        for proc in Path("/proc").iterdir():
            with contextlib.suppress(OSError, ValueError):
                cmdline = (proc / "cmdline").read_bytes() if proc.name.isdigit() else b""
                if any(needle in cmdline for needle in needles):
                    os.kill(int(proc.name), signal.SIGKILL)
        for profile in folder.glob("office-*/profile"):
            with contextlib.suppress(OSError, TypeError):
                ipc_pipe(profile).unlink()  # type: ignore[union-attr]
        remove(folder)


def _shutdown(state: dict[str, object], guard: threading.Lock) -> None:
    """Also run at interpreter exit (weakref.finalize): never leave a soffice behind."""
    with guard:  # from here on no new office starts
        state["closed"] = True
        office = state.pop("office", None)
        cold = state.pop("cold", None)
        folder = state.pop("folder", None)
    cancel = state.get("cancel")
    if isinstance(cancel, CancelToken):
        cancel.cancel()
    if isinstance(office, WarmOffice):
        office.stop()
    if cold is not None:
        cold.close()  # a PdfEngine
    if isinstance(folder, Path):
        remove(folder)


class PreviewEngine:
    """Letter → DOCX (as the export makes it) → PDF/A bytes, through the warm office if it can.

    Raises LibreOfficeMissing on creation when there is no soffice."""

    def __init__(self, soffice: Path | str | None = None, *, warm: bool = True) -> None:
        self.soffice = Path(soffice) if soffice else find_soffice()
        self.use_warm = warm
        self.conversions = 0  # PDFs made, warm or cold
        self.warm_starts = 0  # offices started (a crashed one is replaced, MAX_WARM_STARTS times)
        self.warm_given_up = False  # the warm path cannot work here: PdfEngine from now on
        self._lock = threading.Lock()  # one conversion at a time
        self._guard = threading.Lock()  # starting an office against closing the engine
        self._state: dict[str, object] = {"closed": False, "cancel": CancelToken()}
        self._finalizer = weakref.finalize(self, _shutdown, self._state, self._guard)

    @property
    def closed(self) -> bool:
        return bool(self._state["closed"])

    @property
    def office(self) -> WarmOffice | None:
        office = self._state.get("office")
        return office if isinstance(office, WarmOffice) else None

    @property
    def folder(self) -> Path | None:
        folder = self._state.get("folder")
        return folder if isinstance(folder, Path) else None

    def render(self, letter: Letter, settings: Settings | None = None) -> PreviewPdf:
        """The PDF of `letter` exactly as `export_letter` would write it with `settings` (the
        Workspace's at this refresh; None: the defaults). Worker thread."""
        from composer.render.docx import DocxRenderer  # docxtpl: imported off the GUI thread
        from composer.render.pdf.copies import joined_copies
        from composer.settings import Settings

        copies = DocxRenderer(settings if settings is not None else Settings()).render_copies(
            letter
        )
        converted = [self.convert(copy.data) for copy in copies]
        data = joined_copies([pdf for pdf, _warm in converted], letter.subject)
        warnings = dict.fromkeys(warning for copy in copies for warning in copy.warnings)
        return PreviewPdf(data, tuple(warnings), all(warm for _pdf, warm in converted))

    def convert(self, docx: bytes) -> tuple[bytes, bool]:
        with self._lock:
            if self.closed:
                raise ComposerError(_("Het voorbeeld is gesloten."))
            office = self._warm_office()
            if office is not None:
                try:
                    office.wait_ready()
                    data = office.convert(docx)
                except WarmUnavailable:
                    if office.alive and not office.listening:  # no pipe where we look for it
                        self.warm_given_up = True  # a new office would not do better
                    self._drop_office()
                else:
                    self.conversions += 1
                    return data, True
            if self.closed:  # closed while a warm office was being prepared
                raise ComposerError(_("Het voorbeeld is gesloten."))
            data = self._cold(docx)
            self.conversions += 1
            return data, False

    def _warm_office(self) -> WarmOffice | None:
        office = self.office
        if office is not None and office.alive:
            return office
        if office is not None:
            self._drop_office()
        if not self.use_warm or self.warm_given_up or self.warm_starts >= MAX_WARM_STARTS:
            return None
        with self._guard:
            if self.closed:
                return None
            if self.folder is None:
                sweep_orphans(lo_root())
                self._state["folder"] = private_folder(FOLDER_KIND, lo_root())
            folder = self.folder
        assert folder is not None
        self.warm_starts += 1
        try:
            seed = seed_profile(self.soffice, folder, lambda: self.closed)
        except OSError:
            if self.closed:  # closed meanwhile: its folder went with it
                return None
            raise
        with self._guard:
            if self.closed:
                return None
            office = WarmOffice(self.soffice, Path(tempfile.mkdtemp(prefix="office-", dir=folder)))
            self._state["office"] = office
            try:
                office.start(seed)
            except (OSError, WarmUnavailable):
                self.warm_given_up = True  # it will not start next time either
                office = None
        if office is None:
            self._drop_office()
        return office

    def _drop_office(self) -> None:
        with self._guard:
            office = self._state.pop("office", None)
        if isinstance(office, WarmOffice):
            office.stop()
            remove(office.profile.parent)

    def _cold(self, docx: bytes) -> bytes:
        with self._guard:
            from composer.render.pdf.engine import PdfEngine

            cold = self._state.get("cold")
            if not isinstance(cold, PdfEngine) and not self.closed:
                cold = self._state["cold"] = PdfEngine(self.soffice, workers=1)
        if not isinstance(cold, PdfEngine):
            raise ComposerError(_("Het voorbeeld is gesloten."))
        cancel = self._state["cancel"]
        assert isinstance(cancel, CancelToken)
        with tempfile.TemporaryDirectory(prefix=f"work-{os.getpid()}-", dir=lo_root()) as work:
            source, target = Path(work) / "voorbeeld.docx", Path(work) / "voorbeeld.pdf"
            source.write_bytes(docx)
            cold.convert_many([(source, target)], cancel=cancel)
            return target.read_bytes()

    def close(self) -> None:
        """Stop the warm soffice and any conversion in progress; remove the private folders."""
        self._finalizer()
