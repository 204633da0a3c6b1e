"""What the library hands out: version and letter summaries, reports of verify and import."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from composer.core.models import Letter


@dataclass(frozen=True)
class VersionInfo:
    letter_id: int
    number: int
    parent: int | None
    author: str
    message: str
    created_at: datetime  # aware, UTC
    hash: str


@dataclass(frozen=True)
class LetterSummary:
    id: int
    subject: str
    template: str
    status: str
    kenmerk: str | None
    latest_version: int
    updated_at: datetime  # aware, UTC
    addressees: str


@dataclass(frozen=True)
class CatalogueVersionInfo:
    name: str
    number: int
    author: str
    created_at: datetime  # aware, UTC
    hash: str


@dataclass(frozen=True)
class DraftInfo:
    letter_id: int
    author: str
    base_version: int | None
    updated_at: datetime  # aware, UTC
    letter: Letter


@dataclass(frozen=True)
class KenmerkEntry:
    kenmerk: str
    year: int
    seq: int
    letter_id: int
    version_number: int
    assigned_at: datetime  # aware, UTC
    assigned_by: str
    status: str  # "toegekend" or "vervallen"


@dataclass(frozen=True)
class VerifyProblem:
    """The first version whose hash chain does not hold."""

    number: int
    reason: str  # Dutch, e.g. "de inhoud past niet bij de hash"
    letter_id: int | None = None
    catalogue: str | None = None

    @property
    def message(self) -> str:
        if self.catalogue is not None:
            return f"Catalogus ‘{self.catalogue}’, versie {self.number}: {self.reason}."
        return f"Brief {self.letter_id}, versie {self.number}: {self.reason}."


@dataclass(frozen=True)
class VerifyReport:
    letters: int
    versions: int
    catalogue_versions: int
    problem: VerifyProblem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def message(self) -> str:
        if self.problem is not None:
            return (
                f"De versiegeschiedenis klopt niet. {self.problem.message} Deze versie is na "
                "het opslaan buiten Composer om veranderd (of beschadigd). Zet een reservekopie "
                "of export terug en meld het aan de beheerder."
            )
        letters = _counted(self.letters, "brief", "brieven")
        versions = _counted(self.versions, "versie", "versies")
        catalogues = _counted(self.catalogue_versions, "catalogusversie", "catalogusversies")
        return (
            f"De versiegeschiedenis klopt: {letters} met {versions} en {catalogues} "
            "gecontroleerd; niets is na het opslaan veranderd."
        )


@dataclass(frozen=True)
class ImportReport:
    letters: int
    versions: int
    kenmerken: int
    catalogue_versions: int
    drafts: int

    @property
    def message(self) -> str:
        letters = _counted(self.letters, "brief", "brieven")
        versions = _counted(self.versions, "versie", "versies")
        kenmerken = _counted(self.kenmerken, "kenmerk", "kenmerken")
        catalogues = _counted(self.catalogue_versions, "catalogusversie", "catalogusversies")
        return (
            f"Geïmporteerd: {letters} met {versions}, {kenmerken} uit het kenmerkregister en "
            f"{catalogues}. De versiegeschiedenis is gecontroleerd en klopt."
        )


def _counted(count: int, one: str, more: str) -> str:
    return f"{count} {one if count == 1 else more}"
