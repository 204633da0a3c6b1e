"""Export the whole library to a zip and import it into an empty one: nothing changes."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from composer.core.letterfile import loads_letter
from composer.errors import ComposerError
from composer.storage.library import Library


def _fill(library: Library, letter) -> int:
    first = library.add(letter, author="Anna", message="eerste")
    library.save(first, replace(letter, subject="Aangepast ✓ “citaat”"), author="Bob")
    library.restore(first, 1, author="Anna")
    second = library.add(replace(letter, subject="Tweede"), author="Carla")
    library.finalize(first, author="Anna", today=date(2022, 10, 17))
    library.finalize(second, author="Anna", today=date(2022, 10, 18))
    library.save_draft(second, replace(letter, subject="Concept"), author="Bob", base=2)
    library.save_catalogue("servicebeloften", {"items": [{"number": 4}]}, author="Anna")
    library.save_catalogue("servicebeloften", {"items": [{"number": 5}]}, author="Bob")
    return first


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_export_then_import_into_an_empty_library_round_trips(library, letter, tmp_path):
    first = _fill(library, letter)
    exported = tmp_path / "export.zip"
    library.export_zip(exported)

    members = _members(exported)
    assert "bibliotheek.json" in members and "kenmerkregister.json" in members
    version_file = members[f"brieven/{first:06d}/versie-0001.json"].decode("utf-8")
    assert loads_letter(version_file) == library.version(first, 1)  # a real letter file
    meta = json.loads(members[f"brieven/{first:06d}/versie-0002.meta.json"])
    assert meta["hash"] == library.version_info(first, 2).hash and meta["author"] == "Bob"
    assert "catalogi/servicebeloften/versie-0002.json" in members

    with Library.open(f"sqlite:///{tmp_path / 'doel.sqlite'}") as target:
        report = target.import_zip(exported)
        assert (report.letters, report.versions, report.kenmerken) == (2, 6, 2)
        assert (report.catalogue_versions, report.drafts) == (2, 1)
        assert report.message.startswith("Geïmporteerd: 2 brieven met 6 versies")
        assert target.verify().ok
        assert target.history(first) == library.history(first)
        assert target.letters() == library.letters()
        assert target.draft(2, author="Bob").subject == "Concept"
        assert target.kenmerk_register() == library.kenmerk_register()
        assert target.catalogue_history("servicebeloften") == library.catalogue_history(
            "servicebeloften"
        )
        target.export_zip(tmp_path / "opnieuw.zip")
        # Numbering continues after the imported letters and kenmerken.
        third = target.add(letter, author="Anna")
        assert third == 3
        assert target.finalize(third, author="Anna", today=date(2022, 11, 1)) == "KSF/2022/0003"

    again = _members(tmp_path / "opnieuw.zip")
    assert again.keys() == members.keys()
    for name, data in members.items():
        if name != "bibliotheek.json":  # holds the moment of export
            assert again[name] == data, name


def test_import_into_each_backend_continues_the_numbering(library, letter, tmp_path):
    with Library.open(f"sqlite:///{tmp_path / 'bron.sqlite'}") as source:
        _fill(source, letter)
        exported = tmp_path / "export.zip"
        source.export_zip(exported)
    assert library.import_zip(exported).letters == 2
    assert library.verify().ok
    third = library.add(letter, author="Anna")
    assert third == 3
    assert library.finalize(third, author="Anna", today=date(2022, 11, 1)) == "KSF/2022/0003"


def test_import_is_refused_into_a_library_that_is_not_empty(library, letter, tmp_path):
    _fill(library, letter)
    exported = tmp_path / "export.zip"
    library.export_zip(exported)
    with pytest.raises(ComposerError, match=r"niet leeg.*Er is niets geïmporteerd"):
        library.import_zip(exported)
    assert len(library.letters()) == 2


def test_a_tampered_or_broken_export_is_refused_and_nothing_is_imported(library, letter, tmp_path):
    with Library.open(f"sqlite:///{tmp_path / 'bron.sqlite'}") as source:
        _fill(source, letter)
        exported = tmp_path / "export.zip"
        source.export_zip(exported)
    members = _members(exported)
    name = "brieven/000001/versie-0002.json"
    members[name] = members[name].replace(b"Aangepast", b"Vervalst")
    forged = tmp_path / "vervalst.zip"
    with zipfile.ZipFile(forged, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    with pytest.raises(ComposerError, match="Brief 1, versie 2: de inhoud past niet bij de hash"):
        library.import_zip(forged)
    assert library.letters() == [] and library.kenmerk_register() == []

    (tmp_path / "leeg.zip").write_bytes(b"geen zip")
    with pytest.raises(ComposerError, match="geen leesbaar zip-bestand"):
        library.import_zip(tmp_path / "leeg.zip")
    with zipfile.ZipFile(tmp_path / "anders.zip", "w") as archive:
        archive.writestr("iets.txt", "hallo")
    with pytest.raises(ComposerError, match=r"bibliotheek\.json’ ontbreekt"):
        library.import_zip(tmp_path / "anders.zip")
    with pytest.raises(ComposerError, match="bestaat niet"):
        library.import_zip(tmp_path / "nergens.zip")
    assert library.letters() == []
