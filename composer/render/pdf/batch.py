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


@dataclass(frozen=True)
class BatchFailure:
    """Documents still without PDF after the retry, and how the last attempt ended."""

    indices: list[int]
    outcome: RunOutcome
    timeout: float


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
            made = [i for i in pending if complete_pdf(outdir / f"{staged_name(i)}.pdf")]
            for index in made:
                write_bytes_atomic(
                    self.jobs[index][1], (outdir / f"{staged_name(index)}.pdf").read_bytes()
                )
            if made:
                self.events.put(("done", made))
            pending = [index for index in pending if index not in made]
            if outcome.killed or outcome.returncode != 0:
                profile = self.profiles.replace(profile, number)
            if not pending:
                return profile
        self.events.put(("failed", BatchFailure(pending, outcome, timeout)))
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


def failure_message(failures: list[BatchFailure], jobs: list[tuple[Path, Path]]) -> str:
    """For the screen: which files got no PDF, what LibreOffice did, what the user can do."""
    names = [jobs[index][0].name for failure in failures for index in failure.indices]
    if len(names) == 1:
        head = _("LibreOffice heeft geen PDF gemaakt van {name}.").format(name=_listed(names))
    else:
        head = _("LibreOffice heeft van {count} bestanden geen PDF gemaakt: {names}.").format(
            count=len(names), names=_listed(names)
        )
    reasons = []
    for failure in failures:
        outcome = failure.outcome
        if outcome.timed_out:
            reason = _timed_out(failure.timeout)
        elif outcome.returncode:
            reason = _("LibreOffice is vastgelopen (afsluitcode {code}).").format(
                code=outcome.returncode
            )
        else:
            reason = _(
                "LibreOffice stopte zonder PDF te maken; misschien kon het het bestand niet openen."
            )
        if reason not in reasons:
            reasons.append(reason)
    if len(names) == 1:
        check = _("Controleer of het bestand opent in Word of LibreOffice en probeer het opnieuw.")
    else:
        check = _(
            "Controleer of de bestanden openen in Word of LibreOffice en probeer het opnieuw."
        )
    what_happened = " ".join([*reasons, _("Ook een tweede poging mislukte.")])
    what_to_do = " ".join([check, _("De DOCX-bestanden zelf blijven bruikbaar.")])
    return "\n".join([head, what_happened, what_to_do])
