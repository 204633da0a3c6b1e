"""A real Composer PDF/A (the sample letter through LibreOffice), signed as PAdES and checked:
intact, by whom, PDF/A-2b kept, the text still there, and every way the check can fail."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pikepdf
import pytest

from composer.core.letterfile import load_letter
from composer.render.pdf import PdfEngine
from composer.sending.signing import SigningKey, load_signing_key, sign_pdf, verify_pdf
from tests.conftest import SAMPLE_LETTER, soffice_path
from tests.pdf.pdf_helpers import normalised, sample_docx
from tests.sending.pki import SIGNER_NAME, ksf_pki, other_pki

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def letter_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes | None:
    """The sample letter as Composer makes it: DOCX, then PDF/A-2b by LibreOffice (once)."""
    if soffice_path() is None:
        return None  # the `soffice` fixture of each test then fails or skips
    root = tmp_path_factory.mktemp("signing")
    with pytest.MonkeyPatch.context() as patch:  # the autouse private_dirs is not active yet
        for name in ("DATA", "CONFIG", "CACHE"):
            (root / name).mkdir()
            patch.setenv(f"COMPOSER_{name}_DIR", str(root / name))
        docx = sample_docx(root / "in" / "brief.docx")
        with PdfEngine(soffice_path()) as engine:
            engine.convert_many([(docx, root / "brief.pdf")])
    return (root / "brief.pdf").read_bytes()


@pytest.fixture(scope="module")
def key() -> SigningKey:
    pki = ksf_pki()
    return load_signing_key(pki.p12, pki.password)


@pytest.fixture(scope="module")
def signed(letter_pdf: bytes | None, key: SigningKey) -> bytes | None:
    if letter_pdf is None:
        return None
    return sign_pdf(letter_pdf, key, reason="Brief KSF/2022/0147", location="Doorn")


@pytest.fixture(scope="module")
def signed_visibly(letter_pdf: bytes | None, key: SigningKey) -> bytes | None:
    if letter_pdf is None:
        return None
    return sign_pdf(letter_pdf, key, visible=True)


def _write(tmp_path: Path, data: bytes, name: str = "brief.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _text(tmp_path: Path, data: bytes) -> str:
    path = _write(tmp_path, data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _fonts_embedded(tmp_path: Path, data: bytes) -> list[str]:
    path = _write(tmp_path, data, "fonts.pdf")
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, "pdffonts vond geen lettertypen"
    return [line.split()[-5] for line in listing]


def _structure_tags(node: pikepdf.Object) -> list[str]:
    """The structure elements' types (/S) in document order: the tagged structure."""
    tags: list[str] = []
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    if isinstance(node, pikepdf.Dictionary) and "/S" in node:
        tags.append(str(node.S))
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            tags.extend(_structure_tags(kid))
    elif isinstance(kids, pikepdf.Dictionary):
        tags.extend(_structure_tags(kids))
    return tags


@dataclass(frozen=True)
class Widget:
    """A signature field as the PDF holds it (field and widget in one dictionary)."""

    name: str
    flags: int
    rect: tuple[float, ...]
    has_appearance: bool
    page: int  # index of the page it is on


def _signature_widgets(data: bytes) -> list[Widget]:
    with pikepdf.open(BytesIO(data)) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
        return [
            Widget(
                name=str(field.T),
                flags=int(field.F),
                rect=tuple(float(n) for n in field.Rect),
                has_appearance="/AP" in field and "/N" in field.AP,
                page=pages[field.P.objgen],
            )
            for field in pdf.Root.AcroForm.Fields
            if field.get("/FT") == "/Sig"
        ]


def test_the_signed_letter_is_intact_and_names_the_signer(soffice, signed, letter_pdf):
    now = dt.datetime.now(dt.UTC)
    check = verify_pdf(signed)
    assert check.signed and check.intact and check.whole_file
    assert check.signer == SIGNER_NAME
    assert check.trusted is None  # no roots given
    assert check.signed_at is not None
    assert now - dt.timedelta(hours=1) <= check.signed_at <= now  # when the fixture signed
    assert check.summary.startswith("Ondertekend door Roel Masselink op ")
    assert check.summary.endswith("; de handtekening is intact.")
    assert check.ok


def test_signing_keeps_the_original_bytes_and_covers_the_whole_file(soffice, signed, letter_pdf):
    assert signed.startswith(letter_pdf)  # an incremental update
    with pikepdf.open(BytesIO(signed)) as pdf:
        signature = pdf.Root.AcroForm.Fields[0].V
        start, first, second_start, second = (int(n) for n in signature.ByteRange)
        assert signature.SubFilter == "/ETSI.CAdES.detached"  # PAdES
        assert signature.Reason == "Brief KSF/2022/0147"
        assert signature.Location == "Doorn"
    assert start == 0
    assert second_start + second == len(signed)  # up to the last byte
    # the gap is exactly the hex string of /Contents
    assert signed[first : first + 1] == b"<" and signed[second_start - 1 : second_start] == b">"


def test_the_signed_letter_stays_pdfa_2b(soffice, signed, letter_pdf):
    with pikepdf.open(BytesIO(letter_pdf)) as original, pikepdf.open(BytesIO(signed)) as pdf:
        assert pdf.Root.Metadata.read_bytes() == original.Root.Metadata.read_bytes()
        assert dict(pdf.docinfo) == dict(original.docinfo)  # Info and XMP still agree
        xmp = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("2", "B")
        assert len(pdf.Root.OutputIntents) == len(original.Root.OutputIntents) == 1
        assert pdf.Root.MarkInfo.Marked is True
        tags = _structure_tags(pdf.Root.StructTreeRoot)
        assert len(tags) > 20 and tags[0] == "/Document"  # the letter, tagged
        assert tags == _structure_tags(original.Root.StructTreeRoot)
        assert "/NeedAppearances" not in pdf.Root.AcroForm
    (widget,) = _signature_widgets(signed)
    assert widget.flags & 4  # Print, as PDF/A requires
    assert not widget.flags & (1 | 2 | 32)  # not Invisible, Hidden or NoView
    assert widget.rect == (0, 0, 0, 0)  # invisible: PDF/A needs no appearance then


def test_the_signed_letter_still_reads_as_the_letter(soffice, signed, tmp_path):
    letter = load_letter(SAMPLE_LETTER)
    text = normalised(_text(tmp_path, signed))
    assert letter.subject in text
    assert normalised(letter.signatories[0].name) in text
    assert set(_fonts_embedded(tmp_path, signed)) == {"yes"}


def test_a_byte_changed_after_signing_breaks_the_signature(soffice, signed):
    at = signed.index(b"/Producer")  # in the signed information dictionary
    changed = bytearray(signed)
    changed[at + len(b"/Producer(") + 1] ^= 0x01  # "LibreOffice" → "LhbreOffice"
    check = verify_pdf(bytes(changed))
    assert check.signed and not check.intact and not check.ok
    assert check.summary == (
        "De handtekening klopt niet: het bestand is na het ondertekenen gewijzigd."
    )


def test_something_added_after_signing_is_reported(soffice, signed):
    from pyhanko.pdf_utils.generic import NameObject, TextStringObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page[NameObject("/PieceInfo")] = TextStringObject("toegevoegd na ondertekenen")
    writer.update_container(page)
    output = BytesIO()
    writer.write(output)
    check = verify_pdf(output.getvalue())
    assert check.signed and check.intact  # the signed revision itself is untouched …
    assert not check.whole_file and not check.ok  # … but it is no longer the whole file
    assert "daarna nog gewijzigd" in check.summary


def test_trust_is_judged_only_against_the_given_roots(soffice, signed):
    assert verify_pdf(signed, [ksf_pki().ca_der]).trusted is True
    untrusted = verify_pdf(signed, [other_pki().ca_der])
    assert untrusted.trusted is False and untrusted.intact
    assert untrusted.summary.endswith(
        "de handtekening is intact, maar het certificaat komt niet van een vertrouwde uitgever."
    )


def test_an_unsigned_pdf_says_so(soffice, letter_pdf):
    check = verify_pdf(letter_pdf)
    assert not check.signed and not check.intact and check.signer == ""
    assert check.summary == "Dit PDF-bestand is niet ondertekend."


def test_a_visible_signature_is_drawn_in_an_embedded_font(soffice, signed_visibly, tmp_path):
    check = verify_pdf(signed_visibly)
    assert check.intact and check.whole_file and check.signer == SIGNER_NAME
    (widget,) = _signature_widgets(signed_visibly)
    left, bottom, right, top = widget.rect
    assert right - left > 100 and top - bottom > 20
    assert widget.has_appearance  # PDF/A: a visible annotation has its appearance
    assert widget.flags & 4 and not widget.flags & (1 | 2 | 32)
    with pikepdf.open(BytesIO(signed_visibly)) as pdf:
        assert widget.page == len(pdf.pages) - 1  # on the last page
        xmp = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("2", "B")
        assert not any("pyHanko" in str(value) for value in xmp.values())  # XMP untouched
    assert set(_fonts_embedded(tmp_path, signed_visibly)) == {"yes"}
    text = normalised(_text(tmp_path, signed_visibly))
    assert "Digitaal ondertekend door Roel Masselink op " in text
    # the text fits in its box (pdftotext measures from the top of the page)
    path = _write(tmp_path, signed_visibly, "stamp.pdf")
    last = str(widget.page + 1)
    words = subprocess.run(
        ["pdftotext", "-bbox", "-f", last, "-l", last, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (line,) = [row for row in words.splitlines() if "Digitaal ondertekend door" in row]
    x_min = float(line.split('xMin="')[1].split('"')[0])
    x_max = float(line.split('xMax="')[1].split('"')[0])
    assert left < x_min < x_max < right


def test_a_second_signature_keeps_the_first(soffice, signed, key):
    twice = sign_pdf(signed, key)
    names = [widget.name for widget in _signature_widgets(twice)]
    assert names == ["Handtekening", "Handtekening 2"]
    check = verify_pdf(twice)
    assert check.intact and check.whole_file
