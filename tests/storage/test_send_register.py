"""The send register: each addressee's own PDF archived and registered, immutable rows, verify,
export and import, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from composer.paths import data_dir
from composer.review.service import ReviewService
from composer.storage.library import Library
from composer.storage.send_register import SendEntry, still_needed
from tests.review.send_helpers import EMAILS, LABELS, sent_letter
from tests.storage.storage_helpers import tamper


@pytest.fixture
def review(library: Library) -> ReviewService:
    return ReviewService(library)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sending_archives_each_addressees_own_pdf_and_registers_it_for_the_post(review):
    letter_id, result = sent_letter(review)

    folder = data_dir() / "archief" / str(letter_id) / "v2"
    assert [f.location for f in result.copies] == [
        folder / f"KSF-2022-0001-{k}.pdf" for k in range(1, 5)
    ]
    # The archive records (DOCX and joined PDF) are as before; the copies are in the register.
    assert [f.kind for f in review.archive_files(letter_id)] == ["docx", "pdf"]
    rows = review.library.send_register(letter_id)
    assert [(r.addressee_index, r.addressee, r.email) for r in rows] == [
        (k, LABELS[k - 1], EMAILS[k - 1]) for k in range(1, 5)
    ]
    assert {(r.channel, r.result, r.author, r.version) for r in rows} == {
        ("post", "verzonden", "Anna", 2)
    }
    for k, row in enumerate(rows, start=1):
        assert row.attachment == f"archief/{letter_id}/v2/KSF-2022-0001-{k}.pdf"
        assert row.attachment_sha256 == _sha(folder / f"KSF-2022-0001-{k}.pdf")
    # Each copy is its own PDF (the stand-in engine writes the DOCX's hash into it).
    assert len({row.attachment_sha256 for row in rows}) == 4
    assert review.library.verify().ok


def test_a_letter_to_one_addressee_keeps_one_pdf_and_registers_that(review, letter):
    letter_id, result = sent_letter(review, letter)
    assert result.copies == ()
    (row,) = review.library.send_register(letter_id)
    pdf = result.files[1]
    assert (row.addressee_index, row.attachment, row.attachment_sha256) == (1, pdf.path, pdf.sha256)
    assert sorted(p.name for p in pdf.location.parent.iterdir()) == [
        "KSF-2022-0001.docx",
        "KSF-2022-0001.pdf",
    ]


def test_every_pdf_is_signed_before_it_is_archived(review, monkeypatch):
    signed: list[bytes] = []

    def stand_in(
        pdf: bytes, key: object, *, reason: str = "", location: str = "", visible: bool = False
    ) -> bytes:
        wanted = ("sleutel", "Verzonden met kenmerk KSF/2022/0001", "Doorn", False)
        assert (key, reason, location, visible) == wanted
        signed.append(pdf)
        return pdf  # unchanged: the archive's PDF/A check still holds

    monkeypatch.setattr("composer.sending.signing.sign_pdf", stand_in)
    _letter_id, result = sent_letter(review, signing_key="sleutel")
    assert len(signed) == 5  # the joined PDF and each addressee's copy
    archived = {f.location.read_bytes() for f in (result.files[1], *result.copies)}
    assert archived == set(signed)
    assert result.signed


def test_the_register_keeps_every_attempt_and_knows_who_still_needs_it(review):
    library = review.library
    letter_id, _result = sent_letter(review)
    posted = library.send_register(letter_id)
    first = [
        SendEntry(k, LABELS[k - 1], "email", "verzonden", EMAILS[k - 1], f"<{k}@ksf>")
        for k in (1, 2, 4)
    ]
    failed = SendEntry(3, LABELS[2], "email", "mislukt", EMAILS[2], error="550 onbekend")
    rows = library.record_sends(letter_id, 2, [*first, failed], author="Anna")
    assert still_needed(rows) == [3]
    retry = SendEntry(3, LABELS[2], "email", "verzonden", EMAILS[2], "<3b@ksf>")
    rows = library.record_sends(letter_id, 2, [retry], author="Anna")
    assert still_needed(rows) == []
    assert rows[: len(posted)] == posted  # history is never rewritten
    assert [(r.addressee_index, r.result) for r in rows if r.channel == "email"] == [
        (1, "verzonden"),
        (2, "verzonden"),
        (4, "verzonden"),
        (3, "mislukt"),
        (3, "verzonden"),
    ]


def test_a_cancelled_round_leaves_the_unreached_addressees_still_needing_it(review):
    library = review.library
    letter_id, _result = sent_letter(review)
    assert still_needed(library.send_register(letter_id)) == []  # no e-mail round yet
    reached = [
        SendEntry(k, LABELS[k - 1], "email", "verzonden", EMAILS[k - 1], f"<{k}@ksf>")
        for k in (1, 2)
    ]
    rows = library.record_sends(letter_id, 2, reached, author="Anna")
    assert still_needed(rows) == [3, 4]


def test_register_rows_cannot_be_changed_or_removed(review):
    letter_id, _result = sent_letter(review)
    for statement in (
        "UPDATE send_register SET result = 'mislukt'",
        "DELETE FROM send_register",
    ):
        with (
            pytest.raises(sa.exc.DBAPIError, match="immutable"),
            review.library.engine.begin() as connection,
        ):
            connection.execute(sa.text(statement))
    assert len(review.library.send_register(letter_id)) == 4


def test_verify_names_the_addressee_whose_pdf_was_changed(review):
    letter_id, result = sent_letter(review)
    copy = result.copies[2].location
    copy.write_bytes(copy.read_bytes() + b"\n% veranderd\n")
    report = review.library.verify()
    assert not report.ok
    assert "Het archief van verzonden brieven klopt niet." in report.message
    assert f"Brief {letter_id}, versie 2" in report.message
    assert "geadresseerde 3 (CNV Vakmensen, de heer R. Mol)" in report.message
    assert "KSF-2022-0001-3.pdf" in report.message and "veranderd" in report.message


def test_verify_finds_a_register_row_changed_behind_composers_back(review):
    _letter_id, _result = sent_letter(review)
    tamper(
        review.library.engine,
        "UPDATE send_register SET attachment_sha256 = :sha WHERE addressee_index = 2",
        table="send_register",
        sha="0" * 64,
    )
    report = review.library.verify()
    assert not report.ok and "geadresseerde 2 (FNV, mevrouw E. Heemskerk)" in report.message


def test_export_and_import_carry_the_register_and_each_addressees_pdf(review, tmp_path):
    letter_id, result = sent_letter(review)
    review.library.record_sends(
        letter_id,
        2,
        [SendEntry(1, LABELS[0], "email", "mislukt", EMAILS[0], error="time-out")],
        author="Anna",
    )
    exported = tmp_path / "export.zip"
    review.library.export_zip(exported)
    before = review.library.send_register(letter_id)
    with zipfile.ZipFile(exported) as archive:
        names = archive.namelist()
        for copy in result.copies:
            assert archive.read(copy.path) == copy.location.read_bytes()

    target_folder = tmp_path / "andere-gegevensmap"
    with Library.open(f"sqlite:///{tmp_path / 'doel.sqlite'}", data_folder=target_folder) as other:
        report = ReviewService(other).library.import_zip(exported)
        assert report.message.endswith("Verzendregister: 5 regels.")
        assert other.send_register(letter_id) == before
        for copy in result.copies:
            assert (target_folder / copy.path).read_bytes() == copy.location.read_bytes()
        assert other.verify().ok
        assert "4 regels in het verzendregister" in other.verify().message  # with a PDF
    assert f"archief/{letter_id}/v2/KSF-2022-0001-4.pdf" in names


def test_an_export_without_a_register_still_imports(review, tmp_path):
    letter_id, _result = sent_letter(review)
    exported = tmp_path / "export.zip"
    review.library.export_zip(exported)
    older = tmp_path / "ouder.zip"
    with zipfile.ZipFile(exported) as source, zipfile.ZipFile(older, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "beoordeling.json":
                rows = json.loads(data)
                del rows["send_register"]
                data = json.dumps(rows).encode()
            if "KSF-2022-0001-" not in name:  # the copies came with the register
                target.writestr(name, data)
    with Library.open(f"sqlite:///{tmp_path / 'doel.sqlite'}", data_folder=tmp_path / "m") as lib:
        report = ReviewService(lib).library.import_zip(older)
        assert "Verzendregister" not in report.message
        assert lib.send_register(letter_id) == []
        assert lib.verify().ok
