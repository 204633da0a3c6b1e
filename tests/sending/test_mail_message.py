"""The message an addressee receives: headers, the Dutch cover text, the PDF attached."""

from __future__ import annotations

import re

import pytest

from composer.errors import ComposerError
from composer.sending.mail import attachment_name, build_mail, send_mails
from composer.sending.mail_settings import MailSettings
from tests.sending.mail_letters import KENMERK, SUBJECT, four_addressees, pdf_for, profile
from tests.sending.smtp_server import body_text

SENDER = "Klantenservice Federatie <info@klantenservicefederatie.nl>"
PDF_NAME = "KSF-2022-0147 Handreiking aan de onderhandelaars cao Facilitaire Contactcenters.pdf"


def _mail(letter, index, settings, **kwargs):
    return build_mail(
        letter,
        index,
        pdf_for(index),
        kenmerk=KENMERK,
        profile=profile(),
        mail=settings,
        **kwargs,
    )


def _received(smtp_server, letter, indexes=None, **kwargs):
    settings = smtp_server.mail_settings()
    indexes = range(len(letter.addressees)) if indexes is None else indexes
    mails = [_mail(letter, i, settings, **kwargs) for i in indexes]
    results = send_mails(mails, settings, None)
    assert [r.ok for r in results] == [True] * len(results), results
    messages = smtp_server.messages
    assert [m["Message-ID"] for m in messages] == [r.message_id for r in results]
    return messages


def test_the_message_reads_as_a_dutch_letter_with_the_pdf_attached(smtp_server):
    letter = four_addressees()
    [message] = _received(smtp_server, letter, [0])
    assert message["Subject"] == f"{SUBJECT} (ons kenmerk KSF/2022/0147)"
    assert message["From"] == SENDER
    assert message["To"] == '"N. van Liemt" <n.vanliemt@wfc.voorbeeld.nl>'
    assert message["Reply-To"] == "Klantenservice Federatie <info@klantenservicefederatie.nl>"
    assert message["Content-Language"] == "nl"
    assert re.fullmatch(r"<[^@]+@klantenservicefederatie\.nl>", message["Message-ID"])
    assert message["Date"] is not None
    body = body_text(message)
    assert body == (
        "Geachte heer Van Liemt,\n\n"
        f"Hierbij ontvangt u onze brief ‘{SUBJECT}’ (ons kenmerk KSF/2022/0147) als PDF-bestand."
        "\n\nMet vriendelijke groet,\n\nRoel Masselink\ndirecteur\nKlantenservice Federatie\n"
    )
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == PDF_NAME
    assert attachment.get_content() == pdf_for(0)


def test_each_of_four_addressees_gets_its_own_pdf_and_aanhef(smtp_server):
    letter = four_addressees()
    messages = _received(smtp_server, letter, group_salutation="Geachte dames en heren,")
    assert [m["To"].addresses[0].addr_spec for m in messages] == [
        "n.vanliemt@wfc.voorbeeld.nl",
        "e.heemskerk@fnv.voorbeeld.nl",
        "kim.verbeek@unie.voorbeeld.nl",
        "info@cnv.voorbeeld.nl",
    ]
    assert [m["To"].addresses[0].display_name for m in messages] == [
        "N. van Liemt",
        "E. Heemskerk",
        "Kim Verbeek",
        "CNV Vakmensen",
    ]
    first_lines = [m.get_body().get_content().splitlines()[0] for m in messages]
    assert first_lines == [
        "Geachte heer Van Liemt,",
        "Geachte mevrouw Heemskerk,",
        "Geachte Kim Verbeek,",
        "Geachte dames en heren,",
    ]
    for index, message in enumerate(messages):
        [attachment] = list(message.iter_attachments())
        assert attachment.get_content() == pdf_for(index)
    assert len({m["Message-ID"] for m in messages}) == 4


def test_a_typed_aanhef_and_two_signatories_are_in_the_cover_text(smtp_server):
    letter = four_addressees()
    letter.salutation = "Beste onderhandelaars,"
    letter.signatories.append(type(letter.signatories[0])(name="Els de Wit", role="secretaris"))
    [message] = _received(smtp_server, letter, [1])
    body = body_text(message)
    assert body.startswith("Beste onderhandelaars,\n\n")
    assert body.endswith(
        "\n\nRoel Masselink\ndirecteur\n\nEls de Wit\nsecretaris\nKlantenservice Federatie\n"
    )


def test_text_from_the_letter_is_never_evaluated_or_escaped(smtp_server):
    letter = four_addressees()
    letter.subject = "Tarieven {{ 7 * 7 }} & <vergoedingen> ‘2023’"
    [message] = _received(smtp_server, letter, [0])
    body = body_text(message)
    assert "onze brief ‘Tarieven {{ 7 * 7 }} & <vergoedingen> ‘2023’’" in body
    assert message["Subject"].startswith("Tarieven {{ 7 * 7 }} & <vergoedingen>")


def test_the_attachment_name_keeps_only_safe_characters():
    assert attachment_name("KSF/2022/0147", 'Vragen: "wie/wat?" <nu>\nen later') == (
        "KSF-2022-0147 Vragen wie wat nu en later.pdf"
    )
    assert attachment_name("", "") == "brief.pdf"
    assert len(attachment_name("KSF/2022/0147", "lang " * 100)) <= 124


def test_an_addressee_without_email_is_named_in_the_error():
    letter = four_addressees()
    letter.addressees[1].email = ""
    with pytest.raises(ComposerError) as caught:
        _mail(letter, 1, MailSettings(host="x", sender=SENDER))
    assert caught.value.message == (
        "Voor geadresseerde 2 (E. Heemskerk, FNV) is geen e-mailadres ingevuld. Vul het in bij "
        "de geadresseerde, of verstuur deze brief per post."
    )


def test_an_invalid_email_address_is_refused_by_name():
    letter = four_addressees()
    letter.addressees[0].email = "n.vanliemt(at)wfc"
    with pytest.raises(ComposerError) as caught:
        _mail(letter, 0, MailSettings(host="x", sender=SENDER))
    assert "‘n.vanliemt(at)wfc’ is geen geldig e-mailadres" in caught.value.message
    assert "geadresseerde 1 (N. van Liemt" in caught.value.message


def test_without_a_sender_the_error_says_where_to_fill_it_in():
    with pytest.raises(ComposerError, match="Extra > Instellingen > E-mail"):
        _mail(four_addressees(), 0, MailSettings(host="x"))


def test_a_broken_cover_template_is_a_dutch_error():
    with pytest.raises(ComposerError, match="De begeleidende tekst voor de e-mail"):
        _mail(
            four_addressees(),
            0,
            MailSettings(host="x", sender=SENDER),
            cover_source="{{ onbekend }}",
        )


def test_non_ascii_names_and_subject_arrive_intact(smtp_server):
    letter = four_addressees()
    letter.subject = "Overleg over één cao – ‘café’"
    letter.addressees[0].person.surname = "Çelik-d’Ancona"
    [message] = _received(smtp_server, letter, [0])
    assert message["Subject"] == "Overleg over één cao – ‘café’ (ons kenmerk KSF/2022/0147)"
    assert message["To"].addresses[0].display_name == "N. van Çelik-d’Ancona"
    assert "Geachte heer Van Çelik-d’Ancona," in body_text(message)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "KSF-2022-0147 Overleg over één cao – ‘café’.pdf"


def test_two_addresses_for_one_addressee_are_refused():
    letter = four_addressees()
    letter.addressees[2].email = "kim@unie.nl, secretariaat@unie.nl"
    with pytest.raises(ComposerError) as caught:
        _mail(letter, 2, MailSettings(host="x", sender=SENDER))
    assert caught.value.message == (
        "Het e-mailadres van geadresseerde 3 (Kim Verbeek, De Unie): ‘kim@unie.nl, "
        "secretariaat@unie.nl’ is geen geldig e-mailadres. Gebruik de vorm naam@voorbeeld.nl."
    )
