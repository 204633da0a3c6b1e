"""A complete example of the template context: the contract between renderer and templates.

`templates check` renders every template with it; a test keeps its shape equal to what
`build_context` produces.
"""

from __future__ import annotations

from typing import Any


def _run(text: str, bold: bool = False, italic: bool = False, underline: bool = False) -> dict:
    return {"text": text, "bold": bold, "italic": italic, "underline": underline}


SAMPLE_CONTEXT: dict[str, Any] = {
    "sender": {
        "name": "Klantenservice Federatie",
        "street_line": "Driebergsestraatweg 27",
        "postcode_city": "3941 ZS Doorn",
        "phone": "070-7620764",
        "email": "info@klantenservicefederatie.nl",
        "website": "klantenservicefederatie.nl",
        "return_line": "Klantenservice Federatie, Driebergsestraatweg 27, 3941 ZS  DOORN",
        "short_name": "KSF",
        "logo": False,
        "logo_cx": 0,
        "logo_cy": 0,
        "registration_line": "KvK 40123456 · IBAN NL91 ABNA 0417 1643 00",
        "about": "De Klantenservice Federatie (KSF) is de brancheorganisatie voor klantcontact "
        "en klantenservice.",
        "about_title": "Over Klantenservice Federatie",
    },
    "letter": {
        "subject": "Handreiking aan de onderhandelaars cao Facilitaire Contactcenters",
        "our_reference": "KSF/2022/0147",
        "your_reference": "",
        "date": "17 oktober 2022",
        "place": "Doorn",
        "place_date": "Doorn, 17 oktober 2022",
        "dateline": "Doorn, 17 oktober 2022 –",
        "salutation": "Geachte heer Van Liemt,",
        "closing": "Met vriendelijke groet,",
        "signature_organisation": "Klantenservice Federatie",
    },
    "address_block": "Werkgeversvereniging Facilitaire Contactcenters (WFC)\n"
    "T.a.v. de heer N. van Liemt, voorzitter\nVoorbeeldstraat 12a\n1234 AB  VOORBEELDSTAD",
    "recipients": [
        {
            "address_block": "Werkgeversvereniging Facilitaire Contactcenters (WFC)\n"
            "T.a.v. de heer N. van Liemt, voorzitter\nVoorbeeldstraat 12a\n1234 AB  VOORBEELDSTAD",
            "salutation": "Geachte heer Van Liemt,",
        }
    ],
    "distribution": ["Werkgeversvereniging Facilitaire Contactcenters (WFC), de heer N. van Liemt"],
    "body": [
        {
            "type": "paragraph",
            "text": "Met deze brief doen wij u een handreiking.",
            "runs": [
                _run("Met deze brief doen wij u een "),
                _run("handreiking", bold=True),
                _run("."),
            ],
        },
        {
            "type": "promise",
            "number": 4,
            "label": "",
            "topic": "medewerkers en goed werkgeverschap",
            "text": "Servicebelofte 4 verplicht tot respectvolle omgang met medewerkers en goed "
            "werkgeverschap.",
        },
        {
            "type": "quote",
            "text": "Nog meer tijd nemen is in niemands belang",
            "speaker": "Roel Masselink",
            "role": "directeur van de KSF",
            "attribution": "Roel Masselink, directeur van de KSF",
        },
        {"type": "heading", "text": "Ons voorstel"},
        {
            "type": "paragraph",
            "text": "Wij stellen voor om snel en zorgvuldig te werk te gaan.",
            "runs": [
                _run("Wij stellen voor om "),
                _run("snel", italic=True),
                _run(" en "),
                _run("zorgvuldig", underline=True),
                _run(" te werk te gaan."),
            ],
        },
        {
            "type": "list",
            "style": "bullet",
            "text": "een gesprek met beide partijen\neen onafhankelijke voorzitter",
            "entries": [
                {
                    "text": "een gesprek met beide partijen",
                    "runs": [_run("een gesprek met beide partijen")],
                },
                {
                    "text": "een onafhankelijke voorzitter",
                    "runs": [_run("een "), _run("onafhankelijke", bold=True), _run(" voorzitter")],
                },
            ],
            "num_id": 1000,
        },
        {
            "type": "list",
            "style": "number",
            "text": "verkennen\nonderhandelen",
            "entries": [
                {"text": "verkennen", "runs": [_run("verkennen")]},
                {"text": "onderhandelen", "runs": [_run("onderhandelen")]},
            ],
            "num_id": 1001,
        },
    ],
    "signatories": [{"name": "Roel Masselink", "role": "directeur"}],
    "attachments": ["Handreiking KSF"],
    "attachments_label": "Bijlage",
    "copies": ["Ledenraad KSF"],
    "copies_label": "Kopie aan",
    "contact": {
        "name": "Roel Masselink",
        "role": "directeur",
        "phone": "070-7620764",
        "email": "info@klantenservicefederatie.nl",
    },
}
