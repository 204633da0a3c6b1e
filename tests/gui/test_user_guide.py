"""Help > Gebruikershandleiding shows the guide shipped with the program, screenshots included."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from composer.app.workspace import Workspace
from composer.gui.guide_window import GuideWindow
from composer.gui.main_window import MainWindow
from composer.paths import user_guide
from composer.settings import Settings
from composer.storage.library import Library


@pytest.fixture
def window(qtbot, tmp_path):
    library = Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}")
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=QWidget())
    qtbot.addWidget(window)
    window.show()
    yield window
    window.session.close()
    library.close()


def help_menu_actions(window: MainWindow) -> dict[str, object]:
    [help_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    return {action.text(): action for action in help_menu.actions()}


def test_help_opens_the_user_guide_with_its_pictures(qtbot, window):
    actions = help_menu_actions(window)
    assert actions["&Gebruikershandleiding"].shortcut().toString() == "F1"
    actions["&Gebruikershandleiding"].trigger()
    [guide] = [w for w in window.findChildren(GuideWindow) if w.isVisible()]
    text = guide.browser.toPlainText()
    assert text.startswith("Brievencomposer — gebruikershandleiding")
    assert "Het hoofdvenster" in text
    document = guide.browser.document()
    image = document.resource(
        QTextDocument.ResourceType.ImageResource,
        document.baseUrl().resolved("screenshots/hoofdvenster.png"),
    )
    assert image is not None and not image.isNull()
    actions["&Gebruikershandleiding"].trigger()  # again: the same window, in front
    assert len(window.findChildren(GuideWindow)) == 1


def test_a_missing_guide_is_said_not_hidden(qtbot, window, monkeypatch, message_boxes, tmp_path):
    monkeypatch.setattr("composer.gui.guide_window.user_guide", lambda: tmp_path / "weg.md")
    help_menu_actions(window)["&Gebruikershandleiding"].trigger()
    assert message_boxes and "niet gevonden" in message_boxes[-1][1]
    assert not [w for w in window.findChildren(GuideWindow) if w.isVisible()]


def test_the_guide_is_shipped():
    assert user_guide().is_file()
    assert (user_guide().parent / "screenshots" / "hoofdvenster.png").is_file()
