"""One PDF/A-2b of several letters (a merge, or the copies of a letter to several addressees).

The letters' own PDFs (PDF/A-2b, tagged, by LibreOffice) are put one after the other with pikepdf:
pages are copied, not re-rendered. Each letter keeps its structure tree: the new structure tree
root holds the top elements (the `Document` element) of every letter in order; the parent tree
keys, the pages' `/StructParents` and the annotations' `/StructParent` are renumbered so that they
stay unique; the role maps are merged. The document gets one output intent (the first letter's
sRGB), `/Lang`, `/MarkInfo`, a title shown by the viewer, XMP metadata saying PDF/A-2b and,
when asked, a bookmark per letter.

With `duplex`, a letter with an odd number of pages is followed by a blank page of the same size,
so that every letter starts on a front side. A blank page has no content, so it needs no tags.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from composer.fileio import write_bytes_atomic

if TYPE_CHECKING:
    import pikepdf

TITLE_SUFFIX = " – alle brieven"
CREATOR = "Composer"


@dataclass(frozen=True)
class CombinedPdf:
    """What was written: the page count, and the (0-based) numbers of the blank pages."""

    pages: int
    blank_pages: tuple[int, ...] = ()


def combined_title(subject: str) -> str:
    """The combined PDF's title: the letter's subject and "– alle brieven"."""
    from composer.render.usertext import strip_invalid

    subject = " ".join(strip_invalid(subject).split())
    return f"{subject}{TITLE_SUFFIX}" if subject else TITLE_SUFFIX.removeprefix(" – ").capitalize()


def _number_tree(node: pikepdf.Dictionary) -> Iterator[tuple[int, pikepdf.Object]]:
    """The (key, value) pairs of a number tree (ISO 32000-1, 7.9.7), leaves and kids alike."""
    nums = node.get("/Nums")
    if nums is not None:
        for position in range(0, len(nums) - 1, 2):
            yield int(nums[position]), nums[position + 1]
    for kid in node.get("/Kids", []):
        yield from _number_tree(kid)


class _Combiner:
    def __init__(self) -> None:
        import pikepdf

        self.pikepdf = pikepdf
        self.out = pikepdf.new()
        self.top: list[pikepdf.Object] = []  # every letter's top structure elements
        self.nums: list[object] = []  # the new parent tree: key, value, key, value …
        self.next_key = 0
        self.role_map: dict[str, pikepdf.Object] = {}
        self.class_map: dict[str, pikepdf.Object] = {}
        self.blank: list[int] = []
        self.starts: list[int] = []  # the first page of every letter
        self.version = "1.4"

    def add(self, source: pikepdf.Pdf, *, duplex: bool) -> None:
        out = self.out
        start = len(out.pages)
        self.starts.append(start)
        out.pages.extend(source.pages)
        if source.pdf_version > self.version:
            self.version = source.pdf_version
        tree = source.Root.get("/StructTreeRoot")
        if tree is not None:
            self._add_structure(out.copy_foreign(tree), out.pages[start:])
        if duplex and (len(out.pages) - start) % 2 == 1:
            self._add_blank(out.pages[-1])

    def _add_blank(self, like: pikepdf.Page) -> None:
        """A page of the size of `like` with an empty content stream (nothing to tag)."""
        pikepdf = self.pikepdf
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=pikepdf.Array(like.mediabox),
            Resources=pikepdf.Dictionary(),
            # a space: nothing is drawn; zero bytes would become no valid Flate data
            Contents=self.out.make_stream(b" "),
        )
        self.out.pages.append(pikepdf.Page(page))
        self.blank.append(len(self.out.pages) - 1)

    def _add_structure(self, tree: pikepdf.Dictionary, pages: list[pikepdf.Page]) -> None:
        """Take over one letter's (already copied) structure tree with renumbered keys."""
        pairs = list(_number_tree(tree.get("/ParentTree", self.pikepdf.Dictionary())))
        offset = self.next_key
        for key, value in sorted(pairs, key=lambda pair: pair[0]):
            self.nums.extend([offset + key, value])
        if pairs:
            self.next_key = offset + max(key for key, _ in pairs) + 1
        for holder in self._struct_parent_holders(pages):
            for name in ("/StructParents", "/StructParent"):
                if name in holder:
                    holder[name] = int(holder[name]) + offset
        kids = tree.get("/K")
        if kids is not None:
            kids = kids if isinstance(kids, self.pikepdf.Array) else [kids]
            self.top.extend(kids)
        for name, merged in (("/RoleMap", self.role_map), ("/ClassMap", self.class_map)):
            for key, value in tree.get(name, {}).items():
                merged.setdefault(str(key), value)

    def _struct_parent_holders(self, pages: list[pikepdf.Page]) -> Iterator[pikepdf.Dictionary]:
        """The pages, their annotations and their form XObjects: each once."""
        seen: set[tuple[int, int]] = set()

        def once(obj: pikepdf.Object) -> bool:
            if not obj.is_indirect:
                return True
            if obj.objgen in seen:
                return False
            seen.add(obj.objgen)
            return True

        for page in pages:
            yield page.obj
            for annotation in page.obj.get("/Annots", []):
                if once(annotation):
                    yield annotation
            xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
            for xobject in xobjects.values():
                if once(xobject) and "/StructParents" in xobject:
                    yield xobject

    def bookmark(self, labels: Sequence[str]) -> None:
        """One bookmark per letter, to its first page."""
        with self.out.open_outline() as outline:
            for label, start in zip(labels, self.starts, strict=False):
                outline.root.append(self.pikepdf.OutlineItem(label, start))

    def finish(self, first: pikepdf.Pdf, title: str) -> bytes:
        pikepdf = self.pikepdf
        out = self.out
        root = out.Root
        tree = out.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.StructTreeRoot,
                K=pikepdf.Array(self.top),
                ParentTree=out.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(self.nums))),
                ParentTreeNextKey=self.next_key,
            )
        )
        if self.role_map:
            tree.RoleMap = pikepdf.Dictionary(self.role_map)
        if self.class_map:
            tree.ClassMap = pikepdf.Dictionary(self.class_map)
        for element in self.top:
            if isinstance(element, pikepdf.Dictionary):
                element.P = tree
        root.StructTreeRoot = tree
        root.MarkInfo = pikepdf.Dictionary(Marked=True)
        root.Lang = pikepdf.String(str(first.Root.get("/Lang", "nl-NL")))
        root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        intents = first.Root.get("/OutputIntents")
        if intents is not None:
            root.OutputIntents = pikepdf.Array([out.copy_foreign(intents[0])])
        self._metadata(first, title)
        buffer = io.BytesIO()
        out.save(buffer, min_version=self.version, fix_metadata_version=False)
        return buffer.getvalue()

    def _metadata(self, first: pikepdf.Pdf, title: str) -> None:
        info = first.docinfo
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        with self.out.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
            meta["dc:title"] = title
            if "/Author" in info:
                meta["dc:creator"] = [str(info.Author)]
            meta["dc:language"] = [str(first.Root.get("/Lang", "nl-NL"))]
            meta["xmp:CreatorTool"] = CREATOR
            meta["pdf:Producer"] = str(info.get("/Producer", "LibreOffice"))
            meta["xmp:CreateDate"] = now.isoformat()
            meta["xmp:ModifyDate"] = now.isoformat()


def combine_pdf_data(
    pdfs: Sequence[bytes],
    *,
    title: str,
    duplex: bool = False,
    bookmarks: Sequence[str] = (),
) -> tuple[bytes, CombinedPdf]:
    """The PDF/A-2b holding the PDFs `pdfs` (bytes) in order, and what it holds (see the
    module); `bookmarks`: a label per PDF (e.g. "1. Van Liemt WFC") for the viewer."""
    import pikepdf

    combiner = _Combiner()
    sources = [pikepdf.open(io.BytesIO(pdf)) for pdf in pdfs]
    try:
        for source in sources:
            combiner.add(source, duplex=duplex)
        if bookmarks:
            combiner.bookmark(bookmarks)
        data = combiner.finish(sources[0], title)
        pages = len(combiner.out.pages)
    finally:
        combiner.out.close()
        for source in sources:
            source.close()
    return data, CombinedPdf(pages=pages, blank_pages=tuple(combiner.blank))


def combine_letters(
    pdfs: Sequence[Path],
    target: Path,
    *,
    title: str,
    duplex: bool = False,
    bookmarks: Sequence[str] = (),
) -> CombinedPdf:
    """Write the PDF/A-2b `target` holding the letters `pdfs` in order (see the module).

    The files are read into memory: pages are copied lazily, so every source stays open until
    the save, and a merge of thousands of letters must not hold thousands of open files."""
    data, combined = combine_pdf_data(
        [Path(pdf).read_bytes() for pdf in pdfs], title=title, duplex=duplex, bookmarks=bookmarks
    )
    write_bytes_atomic(target, data)
    return combined
