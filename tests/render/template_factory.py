"""Small hand-made templates for lint and sandbox tests."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document

REPO = Path(__file__).resolve().parents[2]


def docx_with(path: Path, paragraphs: list[list[str]]) -> Path:
    """A .docx whose paragraphs consist of the given runs (one list item = one run)."""
    document = Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text in runs:
            paragraph.add_run(text)
    document.save(str(path))
    return path


def install_user_template(data_dir: Path, name: str, source: Path, kind: str = "brief") -> None:
    """Put a template in the user's template folder, as an office would."""
    folder = data_dir / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, folder / f"{name}.docx")
    manifest = {"name": name, "title": name.capitalize(), "kind": kind}
    (folder / f"{name}.json").write_text(json.dumps(manifest), encoding="utf-8")


# --- hostile packages: the same template with a member added, changed or taken out ----------

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def docx_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_parts(path: Path, parts: dict[str, bytes | None]) -> Path:
    """Write a zip with these members in this order; a None member is left out."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if data is not None:
                archive.writestr(name, data)
    return path


def with_parts(path: Path, changes: dict[str, bytes | None]) -> Path:
    """The template at `path` with members replaced, added (at the end) or removed (None)."""
    parts: dict[str, bytes | None] = dict(docx_parts(path))
    parts.update(changes)
    return write_parts(path, parts)


def rels_name(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def with_relationship(
    path: Path,
    part: str,
    kind: str,
    target: str,
    *,
    external: bool = True,
    rel_id: str = "rIdHostile",
) -> Path:
    """Add a relationship of `kind` (the last word of its Type, e.g. "image") to `part`."""
    parts = docx_parts(path)
    name = rels_name(part)
    xml = parts.get(name, f'<Relationships xmlns="{RELS}"></Relationships>'.encode()).decode()
    mode = ' TargetMode="External"' if external else ""
    relationship = f'<Relationship Id="{rel_id}" Type="{R}/{kind}" Target="{target}"{mode}/>'
    xml = xml.replace("</Relationships>", relationship + "</Relationships>")
    return with_parts(path, {name: xml.encode()})


def with_body_xml(path: Path, xml: str, part: str = "word/document.xml") -> Path:
    """Insert raw WordprocessingML at the start of the body (or header/footer) of `part`."""
    text = docx_parts(path)[part].decode()
    for opening in ("<w:body>", "<w:hdr", "<w:ftr"):
        at = text.find(opening)
        if at >= 0:
            at = text.index(">", at) + 1
            return with_parts(path, {part: (text[:at] + xml + text[at:]).encode()})
    raise ValueError(f"no body in {part}")


def linked_picture_xml(rel_id: str = "rIdHostile") -> str:
    """A paragraph with a picture that is linked (r:link), not embedded, as Word writes it."""
    return (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing"><wp:extent cx="952500" cy="952500"/>'
        '<wp:docPr id="1" name="Afbeelding 1"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:nvPicPr><pic:cNvPr id="0" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip xmlns:r="{R}" r:link="{rel_id}"/>'
        "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def field_xml(*code: str) -> str:
    """A paragraph with a complex field whose code is typed in the given pieces (runs)."""
    pieces = "".join(
        f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>' for piece in code
    )
    return (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + pieces
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>resultaat</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def docx_with_many(path: Path, paragraphs: list[list[str]]) -> Path:
    """Like docx_with, but the body is written as XML directly: fast for 40,000 paragraphs."""
    docx_with(path, [])
    body = "".join(
        "<w:p>"
        + "".join(f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' for text in runs)
        + "</w:p>"
        for runs in paragraphs
    )
    return with_body_xml(path, body)
