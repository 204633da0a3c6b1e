"""Sending: kenmerk, archived DOCX and PDF with sha256, a frozen letter, copy, verify."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa

from composer.cli_remedies import error_text as cli_error_text
from composer.errors import ComposerError, Remedy, RemedyAction
from composer.paths import data_dir
from composer.review.library_rules import open_library
from composer.review.service import ReviewService
from composer.review.workflow import WorkflowError
from composer.storage.hashing import archive_file_hash
from composer.storage.library import Library
from composer.storage.review_store import LetterSent
from tests.review.review_helpers import FAKE_ENGINE, FakeConverter, approved_letter
from tests.storage.storage_helpers import tamper

TODAY = date(2022, 10, 17)


def _send(review, letter_id: int, converter: FakeConverter | None = None, reason: str = ""):
    converter = converter or FakeConverter()
    return review.send(
        letter_id, author="Anna", today=TODAY, converter=lambda: converter, reason=reason
    )


def test_send_gives_the_kenmerk_archives_both_files_and_freezes_the_letter(review, letter):
    library = review.library
    letter_id = approved_letter(review, letter)
    result = _send(review, letter_id)

    # Finalize made version 2 (kenmerk only); the approval of version 1 covers it.
    assert (result.kenmerk, result.version, result.approved_version) == ("KSF/2022/0001", 2, 1)
    assert library.version(letter_id).our_reference == "KSF/2022/0001"
    folder = data_dir() / "archief" / str(letter_id) / "v2"
    assert [f.location for f in result.files] == [
        folder / "KSF-2022-0001.docx",
        folder / "KSF-2022-0001.pdf",
    ]
    recorded = review.archive_files(letter_id)
    assert [(f.kind, f.path, f.version) for f in recorded] == [
        ("docx", f"archief/{letter_id}/v2/KSF-2022-0001.docx", 2),
        ("pdf", f"archief/{letter_id}/v2/KSF-2022-0001.pdf", 2),
    ]
    for archived, row in zip(result.files, recorded, strict=True):
        data = archived.location.read_bytes()
        assert (row.sha256, row.size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert recorded[1].engine == FAKE_ENGINE and recorded[0].engine.startswith("Composer ")

    state = review.status(letter_id)
    assert (state.headline, state.kenmerk) == ("Verzonden (versie 2)", "KSF/2022/0001")
    sent = review.events(letter_id)[-1]
    assert (sent.kind, sent.version, sent.actor) == ("sent", 2, "Anna")
    assert sent.version_hash == library.version_info(letter_id, 2).hash
    assert "goedgekeurd door Bert: versie 1" in sent.text
    assert "versie 2 verschilt daarvan alleen in het kenmerk" in sent.text

    with pytest.raises(LetterSent) as refused:
        library.save(letter_id, replace(letter, subject="Toch anders"), author="Anna")
    assert refused.value.remedy == Remedy(RemedyAction.COPY, letter_id=letter_id)
    said = cli_error_text(refused.value)  # the command line words the remedy
    assert f"composer letters copy {letter_id}" in said
    assert "een nieuwe brief op basis van deze" in said.lower()
    with pytest.raises(LetterSent):
        library.restore(letter_id, 1, author="Anna")
    with pytest.raises(WorkflowError, match="al verzonden"):
        _send(review, letter_id)
    with pytest.raises(WorkflowError, match="al verzonden"):
        review.submit(letter_id, author="Anna")
    assert [v.number for v in library.history(letter_id)] == [1, 2]
    assert library.verify().ok
    assert "2 gearchiveerde bestanden" in library.verify().message


def test_an_approval_of_the_version_with_the_kenmerk_is_used_as_is(review, letter):
    letter_id = review.library.add(letter, author="Anna")
    review.library.finalize(letter_id, author="Anna", today=TODAY)
    review.submit(letter_id, author="Anna")
    review.approve(letter_id, version=2, reviewer="Bert")
    result = _send(review, letter_id)
    assert (result.version, result.approved_version) == (2, 2)
    assert "verschilt" not in review.events(letter_id)[-1].text


def test_an_approval_does_not_cover_a_version_that_changed_more_than_the_kenmerk(review, letter):
    letter_id = approved_letter(review, letter)
    # Behind the workflow's back: a version 2 with another subject, status still goedgekeurd.
    from composer.storage.engine import write_transaction
    from composer.storage.letter_rows import append_version, lock_letter, stored_content

    with write_transaction(review.library.engine) as connection:
        append_version(
            connection,
            lock_letter(connection, letter_id),
            stored_content(replace(letter, subject="Ongezien")),
            author="Mallory",
            message="",
            created_at="2022-10-17T08:00:00.000000+00:00",
        )
    with pytest.raises(
        WorkflowError, match=r"goedkeuring van versie 1, maar de laatste versie is 2"
    ):
        _send(review, letter_id)
    assert review.status(letter_id).status == "goedgekeurd"
    assert review.archive_files(letter_id) == []


def test_a_failed_pdf_records_nothing_and_keeps_the_status(review, letter):
    letter_id = approved_letter(review, letter)
    with pytest.raises(ComposerError) as failed:
        _send(review, letter_id, FakeConverter(fail=True))
    message = failed.value.message
    assert message.startswith(f"Brief {letter_id} is niet verzonden: LibreOffice maakte geen PDF")
    assert "Er is niets gearchiveerd en de status is nog Goedgekeurd" in message
    assert "Het kenmerk KSF/2022/0001 is wel toegekend" in message
    assert failed.value.remedy == Remedy(RemedyAction.SEND, letter_id=letter_id)
    assert f"composer letters send {letter_id}" in cli_error_text(failed.value)
    assert review.status(letter_id).status == "goedgekeurd"
    assert review.archive_files(letter_id) == []
    assert not (data_dir() / "archief").exists() or not any((data_dir() / "archief").rglob("*.*"))
    assert [e.kind for e in review.events(letter_id)] == ["submitted", "approved"]

    # Once the problem is solved, sending works and keeps the kenmerk given before.
    result = _send(review, letter_id)
    assert (result.kenmerk, result.version) == ("KSF/2022/0001", 2)
    assert [e.kenmerk for e in review.library.kenmerk_register()] == ["KSF/2022/0001"]


def test_copy_makes_a_new_concept_without_the_kenmerk_linked_to_the_original(review, letter):
    library = review.library
    letter_id = approved_letter(review, letter)
    _send(review, letter_id)
    copy_id = review.copy(letter_id, author="Carla")

    assert copy_id != letter_id
    assert review.status(copy_id).headline == "Concept (versie 1)"
    assert library.summary(copy_id).kenmerk is None
    copied = library.version(copy_id)
    assert copied.our_reference == ""
    assert replace(copied, our_reference="KSF/2022/0001") == library.version(letter_id)
    linked = review.events(copy_id)[0]
    assert (linked.kind, linked.related_letter_id, linked.actor) == (
        "copied-from",
        letter_id,
        "Carla",
    )
    assert f"brief {letter_id}, versie 2 (kenmerk KSF/2022/0001)" in linked.text
    back = review.events(letter_id)[-1]
    assert (back.kind, back.related_letter_id, back.version) == ("copied-to", copy_id, 2)
    assert review.status(letter_id).status == "verzonden"  # the original stays as it was
    library.save(copy_id, replace(copied, subject="Vervolg"), author="Carla")


def test_verify_names_a_changed_or_missing_archive_file(review, letter):
    library = review.library
    letter_id = approved_letter(review, letter)
    result = _send(review, letter_id)
    pdf = result.files[1].location
    pdf.write_bytes(pdf.read_bytes().replace(b"nep-PDF", b"vervalst"))

    report = library.verify()
    assert not report.ok
    path = f"archief/{letter_id}/v2/KSF-2022-0001.pdf"
    assert (report.problem.letter_id, report.problem.number) == (letter_id, 2)
    assert report.message.startswith("Het archief van verzonden brieven klopt niet.")
    assert f"Brief {letter_id}, versie 2: het archiefbestand ‘{path}’ is veranderd" in (
        report.message
    )

    pdf.unlink()
    assert "ontbreekt" in library.verify().message
    # Tampering with the record itself: a path outside the archive is refused as well, also
    # when the forger recomputed the record's hash (else that hash already gives it away).
    with library.engine.connect() as connection:
        record = (
            connection.execute(sa.text("SELECT * FROM archive_files WHERE kind = 'pdf'"))
            .mappings()
            .one()
        )
    forged = {**record, "path": "../elders.pdf"}
    tamper(
        library.engine,
        "UPDATE archive_files SET path = :path, hash = :hash WHERE kind = 'pdf'",
        table="archive_files",
        path=forged["path"],
        hash=archive_file_hash(forged),
    )
    assert "ongeldige plaats" in library.verify().message


def _fill(review, letter) -> tuple[int, int, int]:
    """A sent letter with a comment, and a rejected one with a resolved comment."""
    sent_id = approved_letter(review, letter)
    review.comment(sent_id, version=1, author="Bert", text="Akkoord", block=2)
    _send(review, sent_id, reason="Bert schreef al Akkoord")
    other = review.library.add(replace(letter, subject="Afgewezen brief"), author="Anna")
    review.submit(other, author="Anna")
    review.reject(other, reason="Te lang", reviewer="Bert")
    resolved = review.comment(other, version=1, author="Bert", text="Korter")
    review.resolve(other, resolved, by="Anna")
    return sent_id, other, resolved


def test_the_export_carries_the_review_and_the_archive(review, letter, tmp_path):
    source_folder = tmp_path / "bron-gegevensmap"
    url = f"sqlite:///{tmp_path / 'bron.sqlite'}"
    exported = tmp_path / "export.zip"
    with Library.open(url, data_folder=source_folder) as source:
        source_review = ReviewService(source)
        sent_id, other, resolved = _fill(source_review, letter)
        source.export_zip(exported)
        expected = {
            letter_id: (
                source_review.events(letter_id),
                source_review.approvals(letter_id),
                source_review.comments(letter_id),
                source_review.archive_files(letter_id),
                source_review.status(letter_id),
            )
            for letter_id in (sent_id, other)
        }
    with zipfile.ZipFile(exported) as archive:
        review_rows = json.loads(archive.read("beoordeling.json"))
        assert f"archief/{sent_id}/v2/KSF-2022-0001.pdf" in archive.namelist()
    assert sorted(review_rows) == [
        "approvals",
        "archive_files",
        "comments",
        "events",
        "send_register",
    ]
    assert [row["channel"] for row in review_rows["send_register"]] == ["post"]

    # Into this backend and the default data folder.
    report = review.library.import_zip(exported)
    assert report.message.endswith(
        "Beoordeling: 5 gebeurtenissen, 1 goedkeuring, 2 opmerkingen en 2 gearchiveerde "
        "bestanden. Verzendregister: 1 regel."
    )
    for letter_id, (events, approvals, comments, files, status) in expected.items():
        assert review.events(letter_id) == events
        assert review.approvals(letter_id) == approvals
        assert review.comments(letter_id) == comments
        assert review.archive_files(letter_id) == files
        assert review.status(letter_id) == status
    for archived in review.archive_files(sent_id):
        assert (data_dir() / archived.path).read_bytes() == (
            source_folder / archived.path
        ).read_bytes()
    assert review.library.verify().ok
    # New ids carry on after the imported ones.
    assert review.comment(other, version=1, author="Carla", text="Nog één") > resolved
    review.library.save(other, replace(letter, subject="Opnieuw"), author="Anna")
    review.submit(other, author="Anna")
    # On PostgreSQL the sequences were moved past the imported ids: new rows fit in.
    assert [e.kind for e in review.events(other)] == ["submitted", "rejected", "submitted"]


def test_an_export_without_its_archive_file_is_refused(review, letter, tmp_path):
    sent_id, _other, _resolved = _fill(review, letter)
    exported = tmp_path / "export.zip"
    review.library.export_zip(exported)
    with zipfile.ZipFile(exported) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    pdf = f"archief/{sent_id}/v2/KSF-2022-0001.pdf"
    members[pdf] = members[pdf] + b"extra"
    forged = tmp_path / "vervalst.zip"
    with zipfile.ZipFile(forged, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with open_library(
        f"sqlite:///{tmp_path / 'doel.sqlite'}", data_folder=tmp_path / "d"
    ) as target:
        with pytest.raises(ComposerError, match=f"archiefbestand ‘{pdf}’ past niet bij de sha256"):
            target.import_zip(forged)
        assert target.letters() == []
    assert not (tmp_path / "d" / "archief").exists()

    (data_dir() / pdf).unlink()
    with pytest.raises(ComposerError, match=r"ontbreekt.*er is niets geëxporteerd"):
        review.library.export_zip(tmp_path / "zonder.zip")
    assert not (tmp_path / "zonder.zip").exists()


def test_an_export_from_before_the_review_is_read(review, letter, tmp_path):
    """Format /1 had no review history and 'definitief' for a letter with a kenmerk."""
    letter_id = review.library.add(letter, author="Anna")
    review.library.finalize(letter_id, author="Anna", today=TODAY)
    exported = tmp_path / "export.zip"
    review.library.export_zip(exported)
    with zipfile.ZipFile(exported) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    del members["beoordeling.json"]
    manifest = json.loads(members["bibliotheek.json"])
    members["bibliotheek.json"] = json.dumps({**manifest, "format": "composer-library-export/1"})
    info = json.loads(members[f"brieven/{letter_id:06d}/brief.json"])
    members[f"brieven/{letter_id:06d}/brief.json"] = json.dumps({**info, "status": "definitief"})
    old = tmp_path / "oud.zip"
    with zipfile.ZipFile(old, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with open_library(
        f"sqlite:///{tmp_path / 'doel.sqlite'}", data_folder=tmp_path / "d"
    ) as target:
        target.import_zip(old)
        summary = target.summary(letter_id)
        assert (summary.status, summary.kenmerk) == ("concept", "KSF/2022/0001")


def test_a_letter_to_two_addressees_archives_one_pdf_of_both_copies(review, letter):
    """The PDF is made of the copies one by one (each counts its own pages) and joined."""
    import copy

    from pypdf import PdfReader

    from composer.render.pdf.output_check import pdf_problem

    second = copy.deepcopy(letter.addressees[0])
    second.person.infix, second.person.surname = "", "Heemskerk"
    letter_id = approved_letter(review, replace(letter, addressees=[*letter.addressees, second]))
    converter = FakeConverter()
    result = _send(review, letter_id, converter)
    assert len(converter.converted) == 2  # one conversion per copy
    pdf = result.files[1].location.read_bytes()
    assert pdf_problem(pdf) is None  # the joined PDF is still a PDF/A-2b
    assert len(PdfReader(result.files[1].location).pages) == 2  # a page for each copy
    with zipfile.ZipFile(result.files[0].location) as docx:  # the DOCX: both copies in one
        document = docx.read("word/document.xml").decode()
    assert "Geachte heer Van Liemt," in document and "Geachte heer Heemskerk," in document
