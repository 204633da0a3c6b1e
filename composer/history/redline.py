"""A redline: the new version of a letter as DOCX, with Word tracked changes against the old one."""

# python-docx cannot write revisions (python-openxml/python-docx#340), so the two rendered
# documents are compared and the result is written with lxml: only word/document.xml (the body),
# word/settings.xml and (for a list only the old version has) word/numbering.xml change; styles,
# headers, footers and the section of `new` stay as they are.

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from composer.core.models import Letter
from composer.history.redline_body import redline_blocks
from composer.history.redline_marks import Revisions, highest_id, local, w
from composer.history.redline_numbering import NUMBERING, align_numbering
from composer.render.docx import DocxRenderer
from composer.render.usertext import strip_invalid
from composer.settings import Settings

__all__ = ["Redline", "compare_docx", "redline_docx", "redline_summary"]

_DOCUMENT = "word/document.xml"
_SETTINGS = "word/settings.xml"
# Children of w:settings that come before w:trackRevisions (CT_Settings is a sequence).
_SETTINGS_BEFORE_TRACKING = (
    "writeProtection view zoom removePersonalInformation removeDateAndTime "
    "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
    "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
    "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader "
    "bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors "
    "activeWritingStyle proofState formsDesign attachedTemplate linkStyles "
    "stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView"
)
_BEFORE_TRACKING = frozenset(_SETTINGS_BEFORE_TRACKING.split())


@dataclass(frozen=True)
class Redline:
    """The redline DOCX and the number of changes in it, as a reviewer counts them: a stretch of
    inserted words, or an inserted paragraph, is one insertion (likewise for deletions)."""

    data: bytes
    insertions: int
    deletions: int
    formatted: int = 0  # stretches of kept words whose bold, italic or underline changed


def redline_docx(
    old: Letter,
    new: Letter,
    *,
    author: str,
    date: dt.datetime,
    settings: Settings | None = None,
) -> bytes:
    """`new` rendered in its template, with every difference from `old` as a tracked change by
    `author` at `date`: accepting all changes in Word gives `new`, rejecting them gives `old`.

    Tracked are the texts of the body, the address window and the reference line, paragraph
    formatting (a list item, a heading) and the run formatting of kept words (a word made bold:
    `w:rPrChange`); not tracked are headers and footers (they show `new`).
    """
    return _compare_letters(old, new, author=author, date=date, settings=settings).data


def redline_summary(
    old: Letter, new: Letter, *, settings: Settings | None = None
) -> tuple[int, int]:
    """(insertions, deletions) that `redline_docx` would show for these two versions."""
    epoch = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    redline = _compare_letters(old, new, author="", date=epoch, settings=settings)
    return redline.insertions, redline.deletions


def _compare_letters(
    old: Letter, new: Letter, *, author: str, date: dt.datetime, settings: Settings | None
) -> Redline:
    renderer = DocxRenderer(settings if settings is not None else Settings())
    old_docx, new_docx = renderer.render(old).data, renderer.render(new).data
    return compare_docx(old_docx, new_docx, author=author, date=date)


def compare_docx(old: bytes, new: bytes, *, author: str, date: dt.datetime) -> Redline:
    """`new` with tracked changes against `old`: two DOCX files, normally two renderings of one
    template (other parts than the body and settings are taken from `new`).

    A naive `date` is taken as UTC.
    """
    old_parts, new_parts = _read(old), _read(new)
    old_tree = etree.fromstring(old_parts[_DOCUMENT])
    new_tree = etree.fromstring(new_parts[_DOCUMENT])
    author = " ".join(strip_invalid(author).split())
    revisions = Revisions(author, date, first_id=highest_id(old_tree, new_tree) + 1)
    replaced: dict[str, bytes] = {}
    if NUMBERING in old_parts and NUMBERING in new_parts:
        numbering = align_numbering(old_tree, new_tree, old_parts[NUMBERING], new_parts[NUMBERING])
        if numbering is not None:
            replaced[NUMBERING] = numbering
    old_body, new_body = old_tree.find(w("body")), new_tree.find(w("body"))
    if old_body is None or new_body is None:
        raise ValueError("Een van de documenten heeft geen w:body.")
    content = redline_blocks(_content(old_body), _content(new_body), revisions)
    sections = [child for child in new_body if local(child) == "sectPr"]
    new_body[:] = [*content, *sections]
    replaced[_DOCUMENT] = _xml(new_tree)
    if _SETTINGS in new_parts:
        replaced[_SETTINGS] = _track_revisions(new_parts[_SETTINGS])
    data = _write(new, replaced)
    return Redline(data, revisions.insertions, revisions.deletions, revisions.formatted)


def _content(body: etree._Element) -> list[etree._Element]:
    return [child for child in body if local(child) != "sectPr"]


def _track_revisions(settings: bytes) -> bytes:
    """settings.xml with `w:trackRevisions`, so Word keeps tracking what the reviewer changes."""
    root = etree.fromstring(settings)
    if root.find(w("trackRevisions")) is not None:
        return settings
    earlier = [index for index, child in enumerate(root) if local(child) in _BEFORE_TRACKING]
    root.insert(earlier[-1] + 1 if earlier else 0, etree.Element(w("trackRevisions")))
    return _xml(root)


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _read(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _write(source: bytes, replaced: dict[str, bytes]) -> bytes:
    """A copy of the `source` package, in its order, with some parts replaced."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as original,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive,
    ):
        for info in original.infolist():
            archive.writestr(info, replaced.get(info.filename, original.read(info)))
    return buffer.getvalue()
