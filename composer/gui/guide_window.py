"""Help > Gebruikershandleiding: the guide shipped with the program, in a window of its own."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTextBrowser, QWidget

from composer.i18n import _
from composer.paths import user_guide


class GuideWindow(QMainWindow):
    """The Markdown guide with its screenshots; links to the web open in the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gebruikershandleiding")
        self.setWindowTitle(_("Gebruikershandleiding – Brievencomposer"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(_("Gebruikershandleiding"))
        self.setCentralWidget(self.browser)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.resize(860, 760)

    def load(self) -> bool:
        """Show the guide; False (and a message) when it is not there (a broken installation)."""
        path = user_guide()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            QMessageBox.warning(
                self.parentWidget(),
                _("Gebruikershandleiding"),
                _(
                    "De gebruikershandleiding is niet gevonden ({path}). Installeer het programma "
                    "opnieuw."
                ).format(path=path),
            )
            return False
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path)))
        self.browser.setMarkdown(text)
        return True
