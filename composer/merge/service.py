"""Mail merge as a service: one DOCX and/or PDF per addressee, progress, cancel, nothing half done.

Used by `composer merge` and by the desktop program; it prints nothing.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from composer.core.catalogues import load_profile
from composer.core.models import Letter
from composer.core.readiness import Action, require_complete
from composer.errors import ComposerError, Remedy, RemedyAction
from composer.fileio import make_folder, write_bytes_atomic, write_text_atomic, write_work_file
from composer.i18n import _, ngettext
from composer.merge import scratch as scratch_folders
from composer.merge.filenames import bookmark_name, check_file_names, merge_file_stems
from composer.merge.rows import MergeRow
from composer.render.address_fit import address_fit_problems
from composer.render.docx import DocxRenderer, RenderedDocx, effective_layout
from composer.render.pdf.cancel import CancelToken
from composer.render.registry import find_template
from composer.render.sender import sender_context
from composer.settings import Settings

COMBINED_NAME = "alle-brieven.pdf"
REPORT_NAME = "overgeslagen.txt"
FORMATS = ("docx", "pdf")

Progress = Callable[[str, int, int], None]  # (stage "docx" | "pdf", done, total)


class MergeRefused(ComposerError):
    """Nothing was written: invalid rows, or files that would be overwritten."""


@dataclass
class MergeOptions:
    formats: tuple[str, ...] = ("docx",)
    combined: bool = False
    force: bool = False
    skip_invalid: bool = False
    duplex: bool = False  # blank pages in the combined PDF so every letter starts on a front


@dataclass
class MergeReport:
    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    report_file: Path | None = None
    combined: Path | None = None
    blank_pages: int = 0  # inserted in the combined PDF for duplex printing
    cancelled: bool = False
    warnings: list[str] = field(default_factory=list)
    total: int = 0
    engine: str = ""  # which program made the PDFs


def mark_unfit_rows(letter: Letter, rows: list[MergeRow], settings: Settings) -> None:
    """A row whose address would not fit the envelope's window counts as invalid, like a row
    with an incomplete address: found before anything is written, not halfway through.

    `run_merge` calls it; the merge dialog may call it first to show the problems in its table
    (a row already marked is left alone, so a second call adds nothing)."""
    info = find_template(letter.template)
    layout = effective_layout(info, settings)
    return_line = sender_context(load_profile())["return_line"]
    for row in rows:
        if not row.valid or row.addressee is None:
            continue
        single = replace(letter, addressees=[row.addressee])
        for _path, problem in address_fit_problems(single, info, layout, return_line):
            row.problems.append(_("{row}: {problem}").format(row=row.label, problem=problem))


def _refuse_invalid(rows: list[MergeRow], options: MergeOptions) -> list[str]:
    messages = [message for row in rows if not row.valid for message in row.problems]
    if messages and not options.skip_invalid:
        count = sum(1 for row in rows if not row.valid)
        head = ngettext(
            "{count} geadresseerde is ongeldig; er is niets geschreven.",
            "{count} geadresseerden zijn ongeldig; er is niets geschreven.",
            count,
        ).format(count=count)
        raise MergeRefused(
            "\n".join([head, *(f"- {m}" for m in messages)]),
            remedy=Remedy(RemedyAction.SKIP_INVALID),
        )
    return messages


def _planned_files(
    out_dir: Path, stems: list[str], options: MergeOptions, skipped: bool
) -> list[Path]:
    files = [out_dir / f"{stem}.{kind}" for stem in stems for kind in options.formats]
    if options.combined:
        files.append(out_dir / COMBINED_NAME)
    if skipped:
        files.append(out_dir / REPORT_NAME)
    return files


def _refuse_overwrite(planned: list[Path], out_dir: Path, options: MergeOptions) -> None:
    existing = [path for path in planned if path.exists()]
    if existing and not options.force:
        shown = ", ".join(path.name for path in existing[:3])
        if len(existing) > 3:
            message = _(
                "{count} bestand(en) bestaan al in ‘{folder}’ ({names} en nog {more}); er is "
                "niets geschreven."
            )
        else:
            message = _(
                "{count} bestand(en) bestaan al in ‘{folder}’ ({names}); er is niets geschreven."
            )
        raise MergeRefused(
            message.format(
                count=len(existing), folder=out_dir, names=shown, more=len(existing) - 3
            ),
            remedy=Remedy(RemedyAction.OVERWRITE),
        )


def run_merge(
    letter: Letter,
    rows: list[MergeRow],
    out_dir: Path,
    options: MergeOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    settings: Settings | None = None,
) -> MergeReport:
    """`settings`: the Workspace's (layout, group salutation, LibreOffice); None: the defaults."""
    options = options or MergeOptions()
    settings = settings if settings is not None else Settings()
    unknown = set(options.formats) - set(FORMATS)
    if unknown or not options.formats:
        raise ComposerError(
            _("Onbekend formaat ‘{format}’. Kies docx, pdf of beide.").format(
                format=", ".join(sorted(unknown))
            )
        )
    if options.duplex and not options.combined:
        raise ComposerError(
            _(
                "Lege pagina’s voor dubbelzijdig afdrukken kunnen alleen in de PDF met alle "
                "brieven. Kies ook ‘Ook één PDF met alle brieven’, of zet dubbelzijdig uit."
            )
        )
    require_complete(letter, Action.MERGE)  # an unfinished letter: before anything is written
    if not rows:
        raise MergeRefused(_("Er zijn geen geadresseerden om samen te voegen."))
    mark_unfit_rows(letter, rows, settings)
    skipped = _refuse_invalid(rows, options)
    valid = [row for row in rows if row.valid]
    stems = merge_file_stems([row.addressee for row in valid])
    out_dir = Path(out_dir)
    planned = _planned_files(out_dir, stems, options, bool(skipped))
    check_file_names(planned)  # every name valid, unique and short enough, before any is written
    _refuse_overwrite(planned, out_dir, options)
    letters = [replace(letter, addressees=[row.addressee]) for row in valid]
    run = _MergeRun(letters, stems, out_dir, options, progress, cancel, settings)
    run.report.skipped = skipped
    if "pdf" in options.formats or options.combined:
        from composer.render.pdf import find_soffice

        find_soffice(settings.libreoffice_path)  # no LibreOffice: say so before any file is written
    run.check_letter()  # letter-level problems (a placeholder promise …) before writing anything
    run.prepare_folder()
    if skipped:
        run.report.report_file = out_dir / REPORT_NAME
        lines = "".join(f"- {message}\n" for message in skipped)
        heading = _("Overgeslagen geadresseerden:")
        write_text_atomic(run.report.report_file, f"{heading}\n{lines}")
    run.run()
    return run.report


class _MergeRun:
    """The writing half of a merge; everything that could refuse it has been checked."""

    def __init__(
        self,
        letters: list[Letter],
        stems: list[str],
        out_dir: Path,
        options: MergeOptions,
        progress: Progress | None,
        cancel: CancelToken | None,
        settings: Settings,
    ) -> None:
        self.letters, self.stems, self.out_dir = letters, stems, out_dir
        self.options, self.progress, self.cancel = options, progress, cancel
        self.renderer = DocxRenderer(settings)
        self.soffice = settings.libreoffice_path  # "": look for it
        self.report = MergeReport(total=len(letters))
        self._first: RenderedDocx | None = None
        self._warnings: set[str] = set()

    def check_letter(self) -> None:
        if self.letters:
            self._first = self.renderer.render(self.letters[0])

    def prepare_folder(self) -> None:
        make_folder(self.out_dir)

    def run(self) -> None:
        needs_pdf = "pdf" in self.options.formats or self.options.combined
        scratch_folders.sweep_stale()  # what a killed merge left behind
        scratch = scratch_folders.scratch_folder() if needs_pdf else None
        try:
            docx_files = self._write_docx(scratch)
            if needs_pdf and not self.report.cancelled:
                self._write_pdfs(docx_files, scratch)
        finally:
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)

    def _cancelled(self) -> bool:
        if self.cancel is not None and self.cancel.cancelled:
            self.report.cancelled = True
        return self.report.cancelled

    def _render(self, index: int) -> RenderedDocx:
        if index == 0 and self._first is not None:
            return self._first
        return self.renderer.render(self.letters[index])

    def _write_docx(self, scratch: Path | None) -> list[Path]:
        files: list[Path] = []
        for index, stem in enumerate(self.stems):
            if self._cancelled():
                break
            rendered = self._render(index)
            for warning in rendered.warnings:
                if warning not in self._warnings:
                    self._warnings.add(warning)
                    self.report.warnings.append(warning)
            if "docx" in self.options.formats:
                target = self.out_dir / f"{stem}.docx"
                write_bytes_atomic(target, rendered.data)
                self.report.written.append(target)
            else:
                assert scratch is not None
                target = scratch / f"{stem}.docx"
                write_work_file(target, rendered.data)
            files.append(target)
            if self.progress:
                self.progress("docx", index + 1, len(self.stems))
        return files

    def _write_pdfs(self, docx_files: list[Path], scratch: Path | None) -> None:
        from composer.render.pdf import (
            ConversionCancelled,
            PdfConversionError,
            PdfEngine,
            find_soffice,
        )
        from composer.render.pdf.batch import docx_kept_sentence

        to_keep = "pdf" in self.options.formats
        folder = self.out_dir if to_keep else scratch
        assert folder is not None
        jobs = [
            (docx, folder / f"{stem}.pdf")
            for docx, stem in zip(docx_files, self.stems, strict=False)
        ]
        before = {pdf: _identity(pdf) for _, pdf in jobs}  # with --force: the old PDFs
        progress = self.progress
        try:
            with PdfEngine(find_soffice(self.soffice)) as engine:
                results = engine.convert_many(
                    jobs,
                    progress=(lambda done, total: progress("pdf", done, total))
                    if progress
                    else None,
                    cancel=self.cancel,
                )
            self.report.engine = results[0].engine if results else ""
            # Font warnings (the same for every letter of one template) and, once, a LibreOffice
            # that did not answer: each said once.
            for warning in dict.fromkeys(w for result in results for w in result.warnings):
                if warning not in self._warnings:
                    self._warnings.add(warning)
                    self.report.warnings.append(warning)
        except PdfConversionError as exc:
            if "docx" not in self.options.formats:
                raise  # the DOCX files were only a step towards the PDFs, and are gone
            kept = f"{exc.message} {docx_kept_sentence(len(exc.failed))}"
            raise PdfConversionError(kept, exc.failed, exc.finished, exc.details) from None
        except ConversionCancelled:
            self.report.cancelled = True
            if to_keep:  # only the PDFs made now, not an old one that is still there
                self.report.written.extend(
                    pdf for _, pdf in jobs if _identity(pdf) not in (None, before[pdf])
                )
            return
        if to_keep:
            self.report.written.extend(pdf for _, pdf in jobs)
        if self.options.combined:
            from composer.render.pdf.combined import combine_letters, combined_title

            self.report.combined = self.out_dir / COMBINED_NAME
            made = combine_letters(
                [pdf for _, pdf in jobs],
                self.report.combined,
                title=combined_title(self.letters[0].subject if self.letters else ""),
                duplex=self.options.duplex,
                bookmarks=[
                    f"{number}. {bookmark_name(letter.addressees[0])}"
                    for number, letter in enumerate(self.letters, start=1)
                ],
            )
            self.report.blank_pages = len(made.blank_pages)
            self.report.written.append(self.report.combined)


def _identity(path: Path) -> tuple[int, int, int] | None:
    """What tells a file apart from the one that was there before: an atomic write replaces it
    with a new file (a new inode, a new change time); None when there is none."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_ino, status.st_ctime_ns, status.st_size


def blank_pages_sentence(count: int) -> str:
    """What the summary says about the blank pages a duplex combined PDF holds."""
    return ngettext(
        "Daarin is {count} lege pagina ingevoegd voor dubbelzijdig afdrukken.",
        "Daarin zijn {count} lege pagina’s ingevoegd voor dubbelzijdig afdrukken.",
        count,
    ).format(count=count)
