"""One batch of DOCX files through one LibreOffice process, and one retry for what is left."""

from __future__ import annotations

import queue
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from composer.fileio import write_bytes_atomic
from composer.i18n import _, ngettext
from composer.render.pdf.metadata import repair_metadata
from composer.render.pdf.output_check import pdf_problem
from composer.render.pdf.process_group import RunOutcome, run_group
from composer.render.pdf.profiles import ProfilePool, user_installation

PDFA_FILTER = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"}}'
)
ATTEMPTS = 2  # the first run, and one retry of whatever it left unfinished


def soffice_command(soffice: Path, profile: Path, outdir: Path, inputs: list[Path]) -> list[str]:
    return [
        str(soffice),
        user_installation(profile),
        "--headless",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--convert-to",
        PDFA_FILTER,
        "--outdir",
        str(outdir),
        *(str(path) for path in inputs),
    ]


def staged_name(index: int) -> str:
    """Jobs may share a file stem; inside the work folder each job is `000017.docx`."""
    return f"{index:06d}"


def complete_pdf(path: Path) -> bool:
    """A PDF that LibreOffice finished writing (a killed run may leave half a file)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as stream:
            stream.seek(max(0, size - 1024))
            return size > 0 and b"%%EOF" in stream.read()
    except OSError:
        return False


def usable_pdf(path: Path) -> tuple[bytes | None, str | None]:
    """(the bytes, None) for a finished, sound PDF/A-2b at `path`; (None, what is wrong) for a
    file that is not one (junk, no pages, no PDF/A, cut off); (None, None) when there is none."""
    try:
        data = path.read_bytes()
    except OSError:
        return None, None
    problem = pdf_problem(data, pdfa=True)
    if problem is None and b"%%EOF" not in data[-1024:]:
        problem = _("de PDF is niet afgemaakt")  # a killed run may leave half a file
    return (None, problem) if problem else (data, None)


@dataclass(frozen=True)
class BatchFailure:
    """Documents still without PDF after the retry, and how the last attempt ended;
    `problems` says, per document, what was wrong with a PDF it did write (junk, no pages,
    no PDF/A)."""

    indices: list[int]
    outcome: RunOutcome
    timeout: float
    problems: dict[int, str] = field(default_factory=dict)


@dataclass
class BatchRun:
    """Shared state of one convert_many call; `worker()` runs in each worker thread."""

    soffice: Path
    jobs: list[tuple[Path, Path]]
    work: Path
    profiles: ProfilePool
    timeout_for: Callable[[int], float]
    should_kill: Callable[[], bool]
    batches: queue.SimpleQueue[list[int]] = field(default_factory=queue.SimpleQueue)
    events: queue.SimpleQueue[tuple[str, object]] = field(default_factory=queue.SimpleQueue)
    stop: threading.Event = field(default_factory=threading.Event)

    def worker(self, number: int) -> None:
        profile = self.profiles.take(number)
        try:
            while not self.stop.is_set() and not self.should_kill():
                try:
                    batch = self.batches.get_nowait()
                except queue.Empty:
                    break
                profile = self._convert(batch, profile, number)
        except BaseException as exc:  # handed to the calling thread, which re-raises it
            self.events.put(("error", exc))
        finally:
            self.profiles.give_back(profile)
            self.events.put(("exit", number))

    def _stage(self, batch: list[int]) -> Path:
        folder = self.work / f"batch-{staged_name(batch[0])}"
        folder.mkdir()
        for index in batch:
            shutil.copyfile(self.jobs[index][0], folder / f"{staged_name(index)}.docx")
        return folder

    def _convert(self, batch: list[int], profile: Path, number: int) -> Path:
        folder = self._stage(batch)
        pending = list(batch)
        for attempt in range(1, ATTEMPTS + 1):
            outdir = folder / f"pdf-{attempt}"
            timeout = self.timeout_for(len(pending))
            inputs = [folder / f"{staged_name(index)}.docx" for index in pending]
            outcome = run_group(
                soffice_command(self.soffice, profile, outdir, inputs),
                timeout=timeout,
                log=folder / f"soffice-{attempt}.log",
                should_stop=self.should_kill,
            )
            if outcome.stopped:  # cancelled: what this batch made does not count
                return self.profiles.replace(profile, number)
            made: list[int] = []
            problems: dict[int, str] = {}
            for index in pending:
                data, problem = usable_pdf(outdir / f"{staged_name(index)}.pdf")
                if data is not None:
                    write_bytes_atomic(self.jobs[index][1], repair_metadata(data))
                    made.append(index)
                elif problem is not None:
                    problems[index] = problem
            if made:
                self.events.put(("done", made))
            pending = [index for index in pending if index not in made]
            if outcome.killed or outcome.returncode != 0:
                profile = self.profiles.replace(profile, number)
            if not pending:
                return profile
        self.events.put(("failed", BatchFailure(pending, outcome, timeout, problems)))
        return profile


def _timed_out(value: float) -> str:
    """The sentence for a run killed after `value` seconds (whole seconds from 1 up)."""
    text = f"{value:.0f}" if value >= 1 else f"{value:g}".replace(".", ",")
    count = int(text) if value >= 1 else 0  # below a second: the plural, as in "0,5 seconden"
    return ngettext(
        "LibreOffice was na {seconds} seconde nog niet klaar en is gestopt.",
        "LibreOffice was na {seconds} seconden nog niet klaar en is gestopt.",
        count,
    ).format(seconds=text)


def _listed(names: list[str], limit: int = 8) -> str:
    quoted = [f"‘{name}’" for name in names[:limit]]
    if len(names) > limit:
        quoted.append(_("nog {count} andere").format(count=len(names) - limit))
    if len(quoted) == 1:
        return quoted[0]
    return _("{names} en {last}").format(names=", ".join(quoted[:-1]), last=quoted[-1])


def _outcome_reason(failure: BatchFailure) -> str:
    outcome = failure.outcome
    if outcome.timed_out:
        return _timed_out(failure.timeout)
    if outcome.returncode:
        return _("LibreOffice is vastgelopen (afsluitcode {code}).").format(code=outcome.returncode)
    return _("LibreOffice stopte zonder PDF te maken; misschien kon het het bestand niet openen.")


def _reasons(failures: list[BatchFailure]) -> list[str]:
    """What went wrong, each once: a bad PDF that was written, or how LibreOffice ended."""
    reasons: list[str] = []
    for failure in failures:
        problems = [failure.problems[i] for i in failure.indices if i in failure.problems]
        found = [
            _("LibreOffice schreef een onbruikbare PDF: {problem}.").format(problem=problem)
            for problem in problems
        ]
        ended_badly = failure.outcome.killed or failure.outcome.returncode != 0
        if ended_badly or len(problems) < len(failure.indices):
            found.append(_outcome_reason(failure))
        reasons.extend(reason for reason in found if reason not in reasons)
    return reasons


def docx_kept_sentence(count: int) -> str:
    """For a caller that wrote the DOCX files for the user (a merge to DOCX and PDF); said
    nowhere else, as elsewhere the DOCX is only a step towards the PDF and is gone."""
    return ngettext(
        "Het DOCX-bestand zelf blijft bruikbaar.",
        "De DOCX-bestanden zelf blijven bruikbaar.",
        count,
    )


def failure_message(failures: list[BatchFailure], jobs: list[tuple[Path, Path]]) -> str:
    """For the screen: which files got no PDF, what LibreOffice did, what the user can do."""
    names = [jobs[index][0].name for failure in failures for index in failure.indices]
    if len(names) == 1:
        head = _("LibreOffice heeft geen PDF gemaakt van {name}.").format(name=_listed(names))
        check = _("Controleer of het bestand opent in Word of LibreOffice en probeer het opnieuw.")
    else:
        head = _("LibreOffice heeft van {count} bestanden geen PDF gemaakt: {names}.").format(
            count=len(names), names=_listed(names)
        )
        check = _(
            "Controleer of de bestanden openen in Word of LibreOffice en probeer het opnieuw."
        )
    what_happened = " ".join([*_reasons(failures), _("Ook een tweede poging mislukte.")])
    return "\n".join([head, what_happened, check])
