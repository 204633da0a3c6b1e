"""The editor's check of the envelope window follows the template and profile files."""

from __future__ import annotations

import json
import shutil

from composer.app.window_fit import window_problems
from composer.core.letterfile import load_letter
from composer.paths import data_dir, templates_dir
from composer.settings import Settings
from tests.conftest import SAMPLE_LETTER


def test_an_own_template_with_a_narrower_window_is_measured_at_once():
    letter = load_letter(SAMPLE_LETTER)
    assert window_problems(letter, Settings()) == []
    # The office adds its own "brief" with a window of 60 mm while the program runs.
    own = data_dir() / "templates"
    own.mkdir(parents=True, exist_ok=True)
    shutil.copy(templates_dir() / "brief.docx", own / "brief.docx")
    manifest = json.loads((templates_dir() / "brief.json").read_text(encoding="utf-8"))
    manifest["layout"]["address_width_mm"] = 60
    (own / "brief.json").write_text(json.dumps(manifest), encoding="utf-8")
    [(path, problem)] = window_problems(letter, Settings())
    assert path == "addressees[0].address"
    assert problem.startswith("De adresregel ‘Werkgeversvereniging Facilitaire Contactcenters")
    assert "er past 60 mm" in problem
    # Removed again: the shipped window (85 mm) holds the address.
    shutil.rmtree(own)
    assert window_problems(letter, Settings()) == []
