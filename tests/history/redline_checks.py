"""Test helpers for redlines: accept or reject all changes as Word does, and random edits."""

from __future__ import annotations

import copy
import datetime as dt
import io
import random
import re
import string
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from composer.render.font_metrics import metrics_for

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
DOCUMENT = "word/document.xml"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# --- reading and resolving tracked changes --------------------------------------------------------


def document_xml(docx: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return etree.fromstring(archive.read(DOCUMENT))


def parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def accept_all(docx: bytes) -> bytes:
    """What Word's “Accept all changes” leaves: insertions kept, deletions gone."""
    return _resolved(docx, keep="ins", drop="del")


def reject_all(docx: bytes) -> bytes:
    """What Word's “Reject all changes” leaves: deletions back as text, insertions gone."""
    return _resolved(docx, keep="del", drop="ins")


def _resolved(docx: bytes, keep: str, drop: str) -> bytes:
    contents = parts(docx)
    root = etree.fromstring(contents[DOCUMENT])
    _resolve(root, keep, drop)
    contents[DOCUMENT] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _remove(element: etree._Element) -> None:
    element.getparent().remove(element)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    index = parent.index(element)
    parent[index : index + 1] = list(element)


def _resolve(root: etree._Element, keep: str, drop: str) -> None:
    for row in root.xpath(f"//w:tr[w:trPr/w:{drop}]", namespaces=NS):
        _remove(row)
    for table in root.xpath("//w:tbl[not(w:tr)]", namespaces=NS):
        _remove(table)
    for mark in root.xpath(f"//w:trPr/w:{keep}", namespaces=NS):
        _remove(mark)
    for change in root.xpath(f"//w:{drop}[not(parent::w:rPr)]", namespaces=NS):
        _remove(change)
    for change in root.xpath(f"//w:{keep}[not(parent::w:rPr)]", namespaces=NS):
        _unwrap(change)
    if keep == "del":
        for old, tag in (("delText", "t"), ("delInstrText", "instrText")):
            for element in root.iter(w(old)):
                element.tag = w(tag)
    for change in root.xpath("//w:pPr/w:pPrChange", namespaces=NS):
        ppr = change.getparent()
        if keep == "del":  # rejecting: the formatting recorded in the change comes back
            for child in list(ppr):
                if etree.QName(child).localname not in ("rPr", "sectPr", "pPrChange"):
                    ppr.remove(child)
            before = change.find(w("pPr"))
            for index, child in enumerate(list(before)):
                ppr.insert(index, child)
        ppr.remove(change)
    for change in root.xpath("//w:r/w:rPr/w:rPrChange", namespaces=NS):
        rpr = change.getparent()
        if keep == "del":  # rejecting: the run formatting recorded in the change comes back
            rpr[:] = list(change.find(w("rPr")))
        else:
            rpr.remove(change)
        if not len(rpr):
            _remove(rpr)
    for paragraph in root.xpath(f"//w:p[w:pPr/w:rPr/w:{drop}]", namespaces=NS):
        _remove_paragraph_mark(paragraph)
    for mark in root.xpath(f"//w:pPr/w:rPr/w:{keep}", namespaces=NS):
        _remove(mark)


def _remove_paragraph_mark(paragraph: etree._Element) -> None:
    """Word's model: without its mark, what is left of a paragraph joins the next paragraph.
    The last paragraph of a body or table cell keeps its mark (Word cannot remove it)."""
    following = [
        e for e in paragraph.itersiblings() if etree.QName(e).localname in ("p", "tbl", "sdt")
    ]
    ppr = paragraph.find(w("pPr"))
    if not following:
        mark = ppr.find(w("rPr"))[0]
        mark.getparent().remove(mark)
        return
    content = [child for child in paragraph if child is not ppr]
    if content:
        after = following[0]
        assert etree.QName(after).localname == "p", "a paragraph cannot join a table"
        start = 1 if after.find(w("pPr")) is not None else 0
        after[start:start] = content
    _remove(paragraph)


# --- what a reader sees ---------------------------------------------------------------------------


def _shape(element: etree._Element | None) -> tuple:
    """An element as a comparable value: tag, attributes and children, namespaces aside."""
    if element is None:
        return ()
    children = tuple(_shape(child) for child in element if isinstance(child.tag, str))
    return (element.tag, tuple(sorted(element.attrib.items())), children)


def paragraph_formats(docx: bytes, *, list_ids: bool = True) -> list[tuple]:
    """Per paragraph its formatting (w:pPr without the mark's run properties); `list_ids=False`
    leaves out which w:num a list item points to (compare `list_labels` for that)."""
    result = []
    for paragraph in document_xml(docx).iter(w("p")):
        ppr = paragraph.find(w("pPr"))
        base = [] if ppr is None else [c for c in ppr if c.tag not in (w("rPr"), w("sectPr"))]
        if not list_ids:
            base = [copy.deepcopy(child) for child in base]
            for num_id in [e for child in base for e in child.iter(w("numId"))]:
                num_id.set(w("val"), "?")
        result.append(tuple(_shape(child) for child in base))
    return result


def list_labels(docx: bytes) -> list[str]:
    """Per paragraph the number or bullet Word puts before it ("" for none), level 0 only:
    every w:num with a w:startOverride starts its list definition again at that number."""
    numbering = etree.fromstring(parts(docx)["word/numbering.xml"])
    levels = {}
    for abstract in numbering.iterfind("w:abstractNum", NS):
        level = abstract.find("w:lvl[@w:ilvl='0']", NS)
        start = level.find("w:start", NS)
        levels[abstract.get(w("abstractNumId"))] = (
            level.find("w:numFmt", NS).get(w("val")),
            level.find("w:lvlText", NS).get(w("val")),
            int(start.get(w("val"))) if start is not None else 1,
        )
    nums = {}
    for num in numbering.iterfind("w:num", NS):
        override = num.find("w:lvlOverride[@w:ilvl='0']/w:startOverride", NS)
        restart = None if override is None else int(override.get(w("val")))
        nums[num.get(w("numId"))] = (num.find("w:abstractNumId", NS).get(w("val")), restart)
    counters: dict[str, int] = {}
    started: set[str] = set()
    labels = []
    for paragraph in document_xml(docx).iter(w("p")):
        num_id = paragraph.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
        if num_id is None or num_id.get(w("val")) not in nums:
            labels.append("")
            continue
        abstract, restart = nums[num_id.get(w("val"))]
        fmt, text, start = levels[abstract]
        if restart is not None and num_id.get(w("val")) not in started:
            started.add(num_id.get(w("val")))
            counters[abstract] = restart - 1
        counters[abstract] = counters.get(abstract, start - 1) + 1
        labels.append(text if fmt == "bullet" else text.replace("%1", str(counters[abstract])))
    return labels


def formatted_text(docx: bytes) -> list[list[tuple[tuple, str]]]:
    """Per paragraph its text in stretches of one run formatting: [(rPr, text), …]."""
    result = []
    for paragraph in document_xml(docx).iter(w("p")):
        stretches: list[tuple[tuple, str]] = []
        for run in paragraph.iter(w("r")):
            rpr = _shape(run.find(w("rPr")))
            for part in run:
                name = etree.QName(part).localname
                text = {"t": part.text or "", "br": "\n", "tab": "\t", "cr": "\n"}.get(name, "")
                if not text:
                    continue
                if stretches and stretches[-1][0] == rpr:
                    stretches[-1] = (rpr, stretches[-1][1] + text)
                else:
                    stretches.append((rpr, text))
        result.append(stretches)
    return result


def revision_marks(docx: bytes) -> list[etree._Element]:
    query = "//w:ins | //w:del | //w:pPrChange | //w:rPrChange"
    return document_xml(docx).xpath(query, namespaces=NS)


# --- random edits of a letter ---------------------------------------------------------------------

_WORDS = (
    "de het een en van in op te dat wij u brief cao keten overleg werkgevers werknemers "
    "klantcontact medewerkers akkoord afspraak toekomst resultaat handreiking belang tijd "
    "verantwoordelijkheid opdrachtgevers contactcenters partijen Doorn Utrecht snel goed "
    "duurzaam zeker graag samen"
)
WORDS = _WORDS.split()
HOSTILE = [
    "&", "<", ">", '"', "'", "“", "”", "’", "{{ x }}", "{% if x %}", "&amp;", "<w:t>",
    "👍🏽", "👨‍👩‍👧", "🇳🇱", "مرحبا بالعالم", "שלום", "café", "e\u0301", "ß", "—", "\n", "\t",
]  # fmt: skip
CITIES = ["Utrecht", "’s-Hertogenbosch", "Den Haag", "Zwolle", "Nuenen c.a.", "Ĳsselstein"]


def phrase(rng: random.Random, low: int = 1, high: int = 6) -> str:
    """A few words, now and then something a template or XML could choke on."""
    tokens = [
        rng.choice(HOSTILE) if rng.random() < 0.15 else rng.choice(WORDS)
        for _ in range(rng.randint(low, high))
    ]
    text = " ".join(tokens)
    return text + rng.choice(["", "", ".", ",", "!", "?"])


def line(rng: random.Random) -> str:
    """A phrase on one line (address fields: a line break would add an address line)."""
    return " ".join(phrase(rng, 1, 3).split()) or "Naam"


# The letter template's font (templates/brief.json): address lines are measured in it.
_ADDRESS_FONT = metrics_for("Calibri")
_ADDRESS_SIZE_PT = 10.5
# Room for one random field: "T.a.v. de heer N. van " (33 mm) + surname + ", " + role stays
# within the window's 85 mm with 22 mm for each of the two.
ADDRESS_FIELD_MM = 22.0


def address_line(rng: random.Random, shape: Callable[[str], str] = str) -> str:
    """A random line for an address field (shaped: `str.title` for a surname) that fits the
    envelope window, also with the name and the role on one line; a wider one is refused."""
    while True:
        text = shape(line(rng))
        if _ADDRESS_FONT.width_mm(text, _ADDRESS_SIZE_PT) <= ADDRESS_FIELD_MM:
            return text


def postcode(rng: random.Random) -> str:
    while True:
        letters = "".join(rng.choices(string.ascii_uppercase, k=2))
        if letters not in ("SA", "SD", "SS"):
            return f"{rng.randint(1000, 9999)} {letters}"


def _text_blocks(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [block for block in data["body"] if "text" in block]


def _edit_words(rng: random.Random, data: dict[str, Any], how: str) -> None:
    blocks = _text_blocks(data)
    if not blocks:
        data["body"].append({"type": "paragraph", "text": phrase(rng)})
        return
    block = rng.choice(blocks)
    words = block["text"].split(" ")
    at = rng.randrange(len(words))
    size = rng.randint(1, 3)
    if how == "insert":
        words[at:at] = [phrase(rng, 1, 3)]
    elif how == "delete" and len(words) > size:
        del words[at : at + size]
    else:
        words[at : at + size] = [phrase(rng, 1, 2)]
    block["text"] = " ".join(words) or phrase(rng)


def _add_block(rng: random.Random, data: dict[str, Any], block: dict[str, Any]) -> None:
    data["body"].insert(rng.randint(0, len(data["body"])), block)


def _remove_block(rng: random.Random, data: dict[str, Any], kind: str | None = None) -> None:
    indexes = [i for i, b in enumerate(data["body"]) if kind is None or b["type"] == kind]
    if indexes and len(data["body"]) > 1:
        del data["body"][rng.choice(indexes)]


def _move_block(rng: random.Random, data: dict[str, Any]) -> None:
    body = data["body"]
    body.insert(rng.randint(0, len(body) - 1), body.pop(rng.randrange(len(body))))


def _quote(rng: random.Random) -> dict[str, Any]:
    speaker = rng.choice(["", "Roel Masselink", line(rng)])
    return {"type": "quote", "text": phrase(rng, 3, 12), "speaker": speaker, "role": line(rng)}


def _promise(rng: random.Random) -> dict[str, Any]:
    return {"type": "promise", "number": rng.choice([4, 5])}  # those with a catalogue text


def _other_addressee(data: dict[str, Any]) -> None:
    """A second addressee (the window then says “see the distribution list”), or back to one."""
    addressees = data["addressees"]
    if len(addressees) > 1:
        addressees.pop()
    else:
        addressees.append(copy.deepcopy(PARTNER))


def _addressee(data: dict[str, Any]) -> dict[str, Any]:
    return data["addressees"][0]


def _list_edit(rng: random.Random, items: list[str]) -> None:
    if items and rng.random() < 0.5:
        del items[rng.randrange(len(items))]
    else:
        items.insert(rng.randint(0, len(items)), line(rng))


def _paragraphs(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [block for block in data["body"] if block["type"] == "paragraph"]


def _plain(item: dict[str, Any]) -> str:
    return "".join(run["text"] for run in item["runs"]) if "runs" in item else item["text"]


def _mark_words(rng: random.Random, item: dict[str, Any]) -> None:
    """Some words of a paragraph or list item made bold, italic and/or underlined (or not)."""
    text = _plain(item)
    bounds = [0, *(m.end() for m in re.finditer(r"\s+", text)), len(text)]
    start, end = sorted(rng.sample(bounds, 2)) if len(bounds) > 2 else (0, len(text))
    marks = {mark: True for mark in ("bold", "italic", "underline") if rng.random() < 0.5}
    pieces = [{"text": text[:start]}, {"text": text[start:end], **marks}, {"text": text[end:]}]
    item.pop("text", None)
    item["runs"] = [piece for piece in pieces if piece["text"]] or [{"text": text}]


def _mark_paragraph(rng: random.Random, data: dict[str, Any]) -> None:
    blocks = _paragraphs(data) + [
        i for b in data["body"] if b["type"] == "list" for i in b["items"]
    ]
    if blocks:
        _mark_words(rng, rng.choice(blocks))


def _unmark(rng: random.Random, data: dict[str, Any]) -> None:
    marked = [block for block in _paragraphs(data) if "runs" in block]
    if marked:
        block = rng.choice(marked)
        block["text"] = _plain(block)
        del block["runs"]


def _list(rng: random.Random) -> dict[str, Any]:
    items = [{"text": phrase(rng, 2, 8)} for _ in range(rng.randint(1, 3))]
    return {"type": "list", "style": rng.choice(["bullet", "number"]), "items": items}


def _lists(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [block for block in data["body"] if block["type"] == "list"]


def _edit_list(rng: random.Random, data: dict[str, Any], how: str) -> None:
    lists = _lists(data)
    if not lists:
        _add_block(rng, data, _list(rng))
        return
    block = rng.choice(lists)
    items = block["items"]
    if how == "style":
        block["style"] = "number" if block["style"] == "bullet" else "bullet"
    elif how == "delete" and len(items) > 1:
        del items[rng.randrange(len(items))]
    elif how == "change":
        item = rng.choice(items)
        item.pop("runs", None)
        item["text"] = phrase(rng, 2, 8)
    else:
        items.insert(rng.randint(0, len(items)), {"text": phrase(rng, 2, 8)})


def _retype(rng: random.Random, data: dict[str, Any]) -> None:
    """A paragraph becomes a heading (its text on one line), or a heading a paragraph."""
    blocks = [b for b in data["body"] if b["type"] in ("paragraph", "heading")]
    if not blocks:
        return
    block = rng.choice(blocks)
    text = " ".join(_plain(block).split()) or "Kop"
    block.clear()
    kind = "heading" if rng.random() < 0.5 else "paragraph"
    block.update(type=kind, text=text)


PARTNER = {
    "organisation": "FNV Callcenters",
    "department": "",
    "role": "",
    "address": {"street": "Hertogswetering", "house_number": "159", "postbox": "",
                "postcode": "3543 AS", "city": "Utrecht", "country": "NL"},
}  # fmt: skip

Edit = Callable[[random.Random, dict[str, Any]], None]
EDITS: dict[str, Edit] = {
    "woorden ingevoegd": lambda r, d: _edit_words(r, d, "insert"),
    "woorden verwijderd": lambda r, d: _edit_words(r, d, "delete"),
    "woorden vervangen": lambda r, d: _edit_words(r, d, "replace"),
    "alinea toegevoegd": lambda r, d: _add_block(r, d, {"type": "paragraph", "text": phrase(r)}),
    "alinea verwijderd": lambda r, d: _remove_block(r, d, "paragraph"),
    "blok verwijderd": lambda r, d: _remove_block(r, d),
    "blok verplaatst": _move_block,
    "citaat toegevoegd": lambda r, d: _add_block(r, d, _quote(r)),
    "citaat verwijderd": lambda r, d: _remove_block(r, d, "quote"),
    "belofte toegevoegd": lambda r, d: _add_block(r, d, _promise(r)),
    "belofte verwijderd": lambda r, d: _remove_block(r, d, "promise"),
    "betreft gewijzigd": lambda r, d: d.update(subject=phrase(r, 2, 8)),
    "organisatie gewijzigd": lambda r, d: _addressee(d).update(organisation=address_line(r)),
    "achternaam gewijzigd": lambda r, d: _addressee(d)["person"].update(
        surname=address_line(r, str.title)
    ),
    "functie gewijzigd": lambda r, d: _addressee(d).update(role=address_line(r)),
    "postcode gewijzigd": lambda r, d: _addressee(d)["address"].update(postcode=postcode(r)),
    "plaats gewijzigd": lambda r, d: _addressee(d)["address"].update(city=r.choice(CITIES)),
    "straat gewijzigd": lambda r, d: _addressee(d)["address"].update(street=address_line(r)),
    "geadresseerde erbij of eraf": lambda r, d: _other_addressee(d),
    "datum gewijzigd": lambda r, d: d.update(
        date=(dt.date(2020, 1, 1) + dt.timedelta(days=r.randrange(4000))).isoformat()
    ),
    "ons kenmerk gewijzigd": lambda r, d: d.update(
        our_reference=r.choice(["", f"KSF/{r.randint(2020, 2030)}/{r.randint(1, 9999):04d}"])
    ),
    "uw kenmerk gewijzigd": lambda r, d: d.update(your_reference=r.choice(["", line(r)])),
    "aanhef gewijzigd": lambda r, d: d.update(salutation=r.choice(["", "Beste Norbert,"])),
    "slotformule gewijzigd": lambda r, d: d.update(closing=phrase(r, 1, 3)),
    "bijlagen gewijzigd": lambda r, d: _list_edit(r, d["attachments"]),
    "kopie aan gewijzigd": lambda r, d: _list_edit(r, d["copies"]),
    "ondertekenaar gewijzigd": lambda r, d: d["signatories"][0].update(
        role=r.choice(["", line(r)])
    ),
    "woorden gemarkeerd": _mark_paragraph,
    "opmaak verwijderd": _unmark,
    "lijst toegevoegd": lambda r, d: _add_block(r, d, _list(r)),
    "lijst verwijderd": lambda r, d: _remove_block(r, d, "list"),
    "lijstpunt toegevoegd": lambda r, d: _edit_list(r, d, "insert"),
    "lijstpunt verwijderd": lambda r, d: _edit_list(r, d, "delete"),
    "lijstpunt gewijzigd": lambda r, d: _edit_list(r, d, "change"),
    "lijstsoort gewijzigd": lambda r, d: _edit_list(r, d, "style"),
    "kop toegevoegd": lambda r, d: _add_block(r, d, {"type": "heading", "text": line(r)}),
    "alinea of kop": _retype,
}


ADDRESSEE_EDITS = frozenset(
    name
    for name in EDITS
    if name.split()[0] in ("organisatie", "achternaam", "functie", "postcode", "plaats", "straat")
    or name.startswith("geadresseerde")
)
# A press release has no addressees: only the edits of everything else.
PRESS_EDITS = [name for name in EDITS if name not in ADDRESSEE_EDITS]


def random_edits(
    rng: random.Random, data: dict[str, Any], count: int, names: list[str] | None = None
) -> list[str]:
    """Applies `count` random edits to a letter dict in place; returns their names."""
    chosen = rng.choices(names or list(EDITS), k=count)
    for name in chosen:
        EDITS[name](rng, data)
    return chosen


def random_versions(
    seed: int, base: dict[str, Any], names: list[str] | None = None
) -> tuple[dict, dict, list[str]]:
    """Two versions of a letter: the base with a few edits, and that with a few more."""
    rng = random.Random(seed)
    old = copy.deepcopy(base)
    random_edits(rng, old, rng.randint(0, 3), names)
    new = copy.deepcopy(old)
    return old, new, random_edits(rng, new, rng.randint(1, 4), names)


# --- LibreOffice: accept or reject all changes there --------------------------------------------

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub Resolve(source As String, target As String, command As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = &quot;Hidden&quot;
  hidden(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, hidden())
  If Len(command) &gt; 0 Then
    Dim none() As New com.sun.star.beans.PropertyValue
    helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
    helper.executeDispatch(doc.CurrentController.Frame, command, &quot;&quot;, 0, none())
  End If
  Dim filter(0) As New com.sun.star.beans.PropertyValue
  filter(0).Name = &quot;FilterName&quot;
  filter(0).Value = &quot;MS Word 2007 XML&quot;
  doc.storeToURL(ConvertToURL(target), filter())
  doc.close(True)
End Sub
</script:module>
"""
_COMMANDS = {
    "accept": ".uno:AcceptAllTrackedChanges",
    "reject": ".uno:RejectAllTrackedChanges",
    "keep": "",
}


def run_soffice(soffice: str, profile: Path, *args: str) -> None:
    """LibreOffice headless with a private profile (never the user's own)."""
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    subprocess.run([*command, *args], check=True, capture_output=True, timeout=300)


def resolve_in_libreoffice(soffice: str, profile: Path, jobs: list[tuple[Path, Path, str]]) -> None:
    """Per job (source, target, "accept" | "reject" | "keep"): LibreOffice opens the source,
    accepts or rejects all tracked changes (or nothing) and saves the target as DOCX."""
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    if not module.exists():
        run_soffice(soffice, profile, "--terminate_after_init")
    module.write_text(_MACRO, encoding="utf-8")
    calls = [
        f'macro:///Standard.Module1.Resolve("{source}","{target}","{_COMMANDS[kind]}")'
        for source, target, kind in jobs
    ]
    run_soffice(soffice, profile, *calls)
    missing = [str(target) for _, target, _ in jobs if not target.is_file()]
    assert not missing, f"LibreOffice schreef niet: {missing}"
