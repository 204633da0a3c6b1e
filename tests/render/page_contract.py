"""The template context of issue 13's contract, built by hand, and rendering the shipped templates
with it (so the template tests do not wait for the renderer's context)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from composer.render.compiled import CompiledTemplate
from composer.render.context_sample import SAMPLE_CONTEXT

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "templates"

ADDRESS = (
    "Werkgeversvereniging Facilitaire Contactcenters (WFC)\n"
    "T.a.v. de heer N. van Liemt, voorzitter\nVoorbeeldstraat 12a\n1234 AB  VOORBEELDSTAD"
)
REGISTRATION = "KvK 40123456 · IBAN NL91 ABNA 0417 1643 00 · btw NL001234567B01"
ABOUT = "De Klantenservice Federatie (KSF) is de brancheorganisatie voor klantcontact."
SURNAMES = ("Van Liemt", "Heemskerk", "Öztürk")


def manifest(name: str) -> dict[str, Any]:
    return json.loads((TEMPLATES / f"{name}.json").read_text(encoding="utf-8"))


def contract_context(recipients: int = 1, **sender: Any) -> dict[str, Any]:
    """The sample context with the keys issue 13 adds; `recipients` copies of the letter."""
    context = copy.deepcopy(SAMPLE_CONTEXT)
    context["sender"].update(
        {
            "short_name": "KSF",
            "logo": False,
            "logo_cx": 0,
            "logo_cy": 0,
            "registration_line": REGISTRATION,
            "about": ABOUT,
            "about_title": "Over Klantenservice Federatie",
            **sender,
        }
    )
    context["recipients"] = [
        {
            "address_block": ADDRESS.replace("N. van Liemt", f"R. {surname}") if n else ADDRESS,
            "salutation": f"Geachte heer {surname},",
        }
        for n, surname in enumerate(SURNAMES[:recipients])
    ]
    context["address_block"] = context["recipients"][0]["address_block"]
    # Issue 13's body: a paragraph, a promise and a quote (the sample's lists and heading are
    # tested in test_rich_text_*.py).
    context["body"] = context["body"][:3]
    # The promise text names the promise itself: no label (contract).
    context["body"][1]["label"] = ""
    context["letter"]["salutation"] = context["recipients"][0]["salutation"]
    context["distribution"] = (
        [f"Bedrijf {i}, de heer {s}" for i, s in enumerate(SURNAMES[:recipients])]
        if recipients > 1
        else []
    )
    return context


def render(
    name: str,
    context: dict[str, Any],
    out: Path,
    layout: dict[str, float] | None = None,
    replace: dict[str, bytes] | None = None,
) -> Path:
    """The shipped template `name` filled with `context`, with `layout` applied and `replace`d
    parts (the logo); written to `out`."""
    if layout is None:
        layout = manifest(name)["layout"]
    template = CompiledTemplate(TEMPLATES / f"{name}.docx", layout)
    out.write_bytes(template.render(context, replace=replace))
    return out
