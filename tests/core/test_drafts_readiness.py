"""An unfinished letter is refused by finalize, export, merge and send, listing its problems in
plain Dutch, before anything is written."""

from __future__ import annotations

from dataclasses import replace

import pytest

from composer.app.workspace import Workspace
from composer.core.models import Address, Addressee, Paragraph
from composer.core.readiness import Action, LetterNotReady, require_complete
from composer.merge.rows import MergeRow
from composer.merge.service import run_merge
from tests.storage.storage_helpers import sample_letter


def _half_typed():
    letter = sample_letter()
    letter.addressees[0].address.postcode = "2511"
    return letter


def test_export_refuses_an_unfinished_letter_and_writes_nothing(tmp_path):
    out = tmp_path / "brief.docx"
    with pytest.raises(LetterNotReady) as refused:
        Workspace.load().export(_half_typed(), out)
    assert refused.value.message.splitlines() == [
        "De brief is nog niet af en kan daarom niet worden geëxporteerd:",
        "- Postcode van geadresseerde 1: De postcode is ongeldig (‘2511’). Gebruik vier cijfers "
        "en twee letters, zoals 2511 AB.",
        "Vul de brief aan en probeer het daarna opnieuw.",
    ]
    assert refused.value.problems[0][0] == "addressees[0].address.postcode"
    assert list(tmp_path.iterdir()) == []


def test_export_of_a_finished_letter_still_works(tmp_path):
    out = tmp_path / "brief.docx"
    Workspace.load().export(sample_letter(), out)
    assert out.stat().st_size > 0


def test_merge_refuses_an_unfinished_letter_before_writing(tmp_path):
    letter = replace(sample_letter(), template="Brief X")  # not a template name
    row = MergeRow(label="rij 1", addressee=sample_letter().addressees[0])
    with pytest.raises(LetterNotReady, match="niet worden samengevoegd") as refused:
        run_merge(letter, [row], tmp_path / "uit")
    assert "Sjabloon: De sjabloonnaam ‘Brief X’ is ongeldig" in refused.value.message
    assert not (tmp_path / "uit").exists()


def test_merge_does_not_count_the_letter_s_own_addressees():
    letter = _half_typed()  # the list brings the addressees
    require_complete(letter, Action.MERGE)
    with pytest.raises(LetterNotReady):
        require_complete(letter, Action.EXPORT)


def test_sending_also_needs_a_subject_text_and_an_addressee():
    letter = replace(sample_letter(), subject="", body=[Paragraph(text=" ")], addressees=[])
    require_complete(letter, Action.EXPORT)  # exporting an empty letter is fine
    with pytest.raises(LetterNotReady) as refused:
        require_complete(letter, Action.SEND)
    assert refused.value.message.splitlines()[1:4] == [
        "- Betreft: Vul het onderwerp (Betreft) in.",
        "- Tekst van de brief: De brief heeft nog geen tekst. Schrijf ten minste één alinea.",
        "- Geadresseerden: Voeg ten minste één geadresseerde toe.",
    ]
    with_one = replace(letter, addressees=[Addressee(address=Address(postcode="2511 AB"))])
    with pytest.raises(LetterNotReady) as again:
        require_complete(with_one, Action.SEND)
    assert "Geadresseerden" not in again.value.message
