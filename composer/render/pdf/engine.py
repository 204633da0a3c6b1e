"""Converts many DOCX files to PDF/A-2b through a few warm LibreOffice processes in parallel."""

from __future__ import annotations

import math
import os
import queue
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from composer.errors import ComposerError
from composer.i18n import _
from composer.render.pdf.batch import BatchFailure, BatchRun, failure_message
from composer.render.pdf.cancel import CancelToken, ConversionCancelled
from composer.render.pdf.fonts import font_warnings
from composer.render.pdf.locate import engine_version, find_soffice, version_lookup
from composer.render.pdf.profiles import ProfilePool, lo_root, remove, sweep_stale


@dataclass(frozen=True)
class PdfResult:
    docx: Path
    pdf: Path
    engine: str  # e.g. "LibreOffice 7.4.7.2"
    # For the screen: font warnings (the PDF may differ), and once, that `soffice --version` hung
    warnings: tuple[str, ...] = ()


class PdfConversionError(ComposerError):
    """LibreOffice made no PDF of `failed` (after a retry); `finished` holds those that it made."""

    def __init__(
        self, message: str, failed: list[Path], finished: list[PdfResult], details: str = ""
    ) -> None:
        super().__init__(message)
        self.failed = failed
        self.finished = finished
        self.details = details  # LibreOffice's own output, for a log: not for the user


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def plan_batches(total: int, workers: int, restart_every: int) -> list[list[int]]:
    """Job indices in batches of at most `restart_every`, spread so that every worker gets work
    (a new soffice costs about a second; one more document in a running one a tenth)."""
    size = max(1, min(restart_every, math.ceil(total / workers)))
    return [list(range(start, min(start + size, total))) for start in range(0, total, size)]


def _check_jobs(jobs: list[tuple[Path, Path]]) -> None:
    """Fail before LibreOffice starts, not after minutes of converting."""
    for docx, pdf in jobs:
        if not docx.is_file():
            raise ComposerError(_("Het DOCX-bestand ‘{path}’ bestaat niet.").format(path=docx))
        folder = pdf.parent if str(pdf.parent) else Path(".")
        if not folder.is_dir():
            raise ComposerError(
                _("De map ‘{folder}’ voor de PDF bestaat niet. Kies een bestaande map.").format(
                    folder=folder
                )
            )


class PdfEngine:
    """LibreOffice headless as a PDF/A converter: batches of at most `restart_every` documents
    per soffice process, up to `workers` processes at once, each with its own profile."""

    def __init__(
        self,
        soffice: Path | str | None = None,
        *,
        workers: int | None = None,
        restart_every: int = 25,
        timeout_base: float = 60.0,
        timeout_per_doc: float = 10.0,
    ) -> None:
        if (workers is not None and workers < 1) or restart_every < 1:
            raise ValueError("workers and restart_every must be at least 1")
        self.soffice = Path(soffice) if soffice else find_soffice()
        self.workers = workers or default_workers()
        self.restart_every = restart_every
        self.timeout_base = timeout_base
        self.timeout_per_doc = timeout_per_doc
        root = lo_root()
        sweep_stale(root)
        self._root = root
        self._profiles = ProfilePool(root)

    @property
    def version(self) -> str:
        return engine_version(self.soffice)

    def timeout_for(self, documents: int) -> float:
        """Seconds a batch of `documents` may take before it is killed."""
        return self.timeout_base + self.timeout_per_doc * documents

    def font_warnings(self, docx: Path | bytes) -> list[str]:
        try:
            return font_warnings(docx)
        except ComposerError:  # unreadable: LibreOffice will say so when it converts
            return []

    def convert(self, docx: Path, pdf: Path) -> PdfResult:
        """One DOCX to one PDF, written atomically."""
        return self.convert_many([(docx, pdf)])[0]

    def convert_many(
        self,
        jobs: Sequence[tuple[Path, Path]],
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> list[PdfResult]:
        """Convert (docx, pdf) pairs; results in job order. Each PDF is put in place as soon as
        its batch is done, then `progress(done, total)` is called in the calling thread."""
        pairs = [(Path(docx), Path(pdf)) for docx, pdf in jobs]
        _check_jobs(pairs)
        if not pairs:
            return []
        total = len(pairs)
        cancel = cancel or CancelToken()
        if cancel.cancelled:
            raise ConversionCancelled(0, total)
        engine, hung = version_lookup(self.soffice)  # `hung`: said once, not on every run
        sources = dict.fromkeys(docx for docx, _ in pairs)
        warnings = {docx: tuple(self.font_warnings(docx)) for docx in sources}
        if hung:
            warnings = {docx: (*found, hung) for docx, found in warnings.items()}
        results: list[PdfResult | None] = [None] * total

        def delivered(indices: list[int]) -> None:
            for index in indices:
                docx, pdf = pairs[index]
                results[index] = PdfResult(docx, pdf, engine, warnings[docx])
            if progress:
                progress(sum(result is not None for result in results), total)

        halt = threading.Event()
        run = BatchRun(
            soffice=self.soffice,
            jobs=pairs,
            work=Path(tempfile.mkdtemp(prefix=f"work-{os.getpid()}-", dir=self._root)),
            profiles=self._profiles,
            timeout_for=self.timeout_for,
            should_kill=lambda: cancel.cancelled or halt.is_set(),
        )
        try:
            failures = self._run(run, halt, delivered)
        finally:
            remove(run.work)
        finished = [result for result in results if result is not None]
        if failures:
            failed = [pairs[index][0] for failure in failures for index in failure.indices]
            details = "\n\n".join(failure.outcome.output for failure in failures)
            raise PdfConversionError(failure_message(failures, pairs), failed, finished, details)
        if len(finished) < total:
            raise ConversionCancelled(len(finished), total, finished)
        return finished

    def _run(
        self, run: BatchRun, halt: threading.Event, delivered: Callable[[list[int]], None]
    ) -> list[BatchFailure]:
        """Worker threads take batches; this thread hands out their results as they arrive."""
        batches = plan_batches(len(run.jobs), self.workers, self.restart_every)
        for batch in batches:
            run.batches.put(batch)
        threads = [
            threading.Thread(target=run.worker, args=(number,), name=f"pdf-{number}", daemon=True)
            for number in range(1, min(self.workers, len(batches)) + 1)
        ]
        failures: list[BatchFailure] = []
        error: BaseException | None = None
        try:
            for thread in threads:
                thread.start()
            running = len(threads)
            while running:
                try:
                    kind, payload = run.events.get(timeout=0.5)
                except queue.Empty:
                    continue
                if kind == "done":
                    delivered(payload)
                elif kind == "failed":
                    failures.append(payload)
                    run.stop.set()  # no new batches; running ones may still finish
                elif kind == "error":
                    error = error or payload
                    halt.set()
                elif kind == "exit":
                    running -= 1
        finally:
            halt.set()  # after an exception here, workers still running kill their soffice
            for thread in threads:
                thread.join()
        if error is not None:
            raise error
        return failures

    def close(self) -> None:
        """Remove this engine's LibreOffice profiles (they are kept warm between calls)."""
        self._profiles.close()

    def __enter__(self) -> PdfEngine:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
