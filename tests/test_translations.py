"""Screen texts go through gettext, and the English catalogue covers every one of them."""

from __future__ import annotations

import gettext
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from composer import i18n
from composer.storage.library_errors import SaveConflict
from composer.storage.library_records import VersionInfo
from tests import untranslated

REPO = Path(__file__).resolve().parent.parent
LOCALE = REPO / "resources" / "locale"
TEMPLATE = LOCALE / "composer.pot"
ENGLISH_PO = LOCALE / "en" / "LC_MESSAGES" / "composer.po"
ENGLISH_MO = LOCALE / "en" / "LC_MESSAGES" / "composer.mo"
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def read_catalogue(path: Path):
    with path.open("rb") as file:
        return read_po(file)


def extracted_ids() -> set[str]:
    """What `make translations` would collect from the code now (babel, as babel.cfg says)."""
    found = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        str(REPO / "composer"), method_map=[("**.py", "python")]
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def catalogue_ids(catalogue) -> set[str]:
    return {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalogue if m.id}


def mnemonics(text: str) -> int:
    return len(re.findall(r"&[^&\s]", text.replace("&&", "")))


def test_every_screen_text_goes_through_gettext():
    found = [
        f"{path.relative_to(REPO)}:{line}: {text}"
        for path in untranslated.gui_files()
        for line, text in untranslated.findings(path)
    ]
    assert found == []


def test_the_checker_finds_a_text_that_bypasses_gettext(tmp_path):
    sample = tmp_path / "scherm.py"
    sample.write_text(
        "from composer.i18n import N_, _\n"
        "KLAAR = 'Klaar voor gebruik'\n"
        "GOED = N_('Dit is goed')\n"
        "PATROON = r'[A-Z]{2}'  # not screen text\n"
        "def bouw(label, knop, n):\n"
        "    label.setText('Bezig met laden')\n"
        "    knop.setToolTip(f'Nog {n} te gaan')\n"
        "    label.setText(_('Zo hoort het: {n}').format(n=n))\n",
        encoding="utf-8",
    )
    assert [line for line, _text in untranslated.findings(sample)] == [2, 6, 7]


def test_the_template_holds_exactly_the_texts_in_the_code():
    """Run `make translations` when this fails: the catalogue template is behind the code."""
    assert catalogue_ids(read_catalogue(TEMPLATE)) == extracted_ids()


def test_the_english_catalogue_translates_every_text():
    english = read_catalogue(ENGLISH_PO)
    missing = []
    for message in english:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id)
    assert missing == []
    assert catalogue_ids(english) == catalogue_ids(read_catalogue(TEMPLATE))


def test_english_keeps_the_placeholders_and_the_mnemonic():
    problems = []
    for message in read_catalogue(ENGLISH_PO):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for index, string in enumerate(strings):
            # English has two forms, like Dutch: singular against singular, plural against plural
            wanted = set(PLACEHOLDER.findall(ids[min(index, len(ids) - 1)]))
            if set(PLACEHOLDER.findall(string)) != wanted:
                problems.append(("placeholders", ids[0], string))
            if (mnemonics(ids[0]) > 0) != (mnemonics(string) > 0):
                problems.append(("mnemonic", ids[0], string))
    assert problems == []


def test_the_compiled_catalogue_is_the_english_one():
    """Run `make translations` when this fails: the .mo is older than the .po."""
    with ENGLISH_MO.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for message in read_catalogue(ENGLISH_PO):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            assert compiled.ngettext(message.id[0], message.id[1], 1) == message.string[0]
            assert compiled.ngettext(message.id[0], message.id[1], 2) == message.string[1]
        else:
            assert compiled.gettext(message.id) == message.string


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("nl")


def test_dutch_is_the_text_itself_and_english_comes_from_the_catalogue(english):
    assert i18n.current_language() == "en"
    assert i18n._("&Instellingen…") == "&Settings…"
    assert i18n._("") == ""
    i18n.set_language("nl")
    assert i18n._("&Instellingen…") == "&Instellingen…"
    i18n.set_language("xx")  # unknown: Dutch
    assert i18n.current_language() == "nl"


def test_a_date_in_a_message_reads_in_the_language_of_the_screen(english):
    saved = datetime(2022, 10, 17, 12, 3, tzinfo=UTC)
    latest = VersionInfo(12, 3, 2, "Anna de Vries", "", saved, "0" * 64)
    local = saved.astimezone()
    english_text = SaveConflict(latest, base=2).message
    assert f"on 17 October 2022 at {local:%H:%M}" in english_text
    assert english_text.startswith("Version 3 of this letter was saved in the meantime by Anna")
    i18n.set_language("nl")
    dutch_text = SaveConflict(latest, base=2).message
    assert f"op 17 oktober 2022 om {local:%H:%M}; uw wijzigingen gaan uit van versie 2" in (
        dutch_text
    )
