"""Quotes in Dutch typography: the attribution under a quote, nested quotes, quotes run inline."""

from __future__ import annotations

import re

OPEN_QUOTE, CLOSE_QUOTE = "“", "”"
OPEN_NESTED, CLOSE_NESTED = "‘", "’"

# Double quotation marks a person may type: straight, curly, low (Dutch „) and guillemets.
_OPENING_DOUBLES = "“„«"
_CLOSING_DOUBLES = "”»"
_DOUBLES = '"' + _OPENING_DOUBLES + _CLOSING_DOUBLES
# A straight " opens after the start of the text, white space, an opening bracket or a dash.
_OPENS_AFTER = re.compile(r"[\s(\[{/–—-]")
# The end of a quoted sentence that keeps its own mark and takes no comma: ? ! … or "...".
_OWN_END = re.compile(r"(?:[?!…]|\.\.\.)\W*$")


def attribution(speaker: str, role: str) -> str:
    """`Roel Masselink, directeur van de KSF`; only the one present when the other is blank."""
    return ", ".join(part for part in (speaker.strip(), role.strip()) if part)


def _outer_pair_removed(text: str) -> str:
    """A quote typed with its own quotation marks around it loses them: Composer adds “ ”."""
    stripped = text.strip()
    doubles = [char for char in stripped if char in _DOUBLES]
    if (
        len(doubles) == 2
        and len(stripped) > 2
        and stripped[0] in '"' + _OPENING_DOUBLES
        and stripped[-1] in '"' + _CLOSING_DOUBLES
    ):
        return stripped[1:-1]
    return text


def nested_quotes(text: str) -> str:
    """The text of a quote, ready to stand between “ and ”: double quotes inside become ‘ ’.

    Dutch alternates the marks of a quote within a quote (“Zij zei: ‘Nu’.”). A straight " opens
    at the start or after a space, bracket or dash and closes elsewhere; curly and low marks keep
    their direction. Quotation marks typed around the whole quote are dropped (Composer adds them).
    """
    text = _outer_pair_removed(text)
    result: list[str] = []
    for index, char in enumerate(text):
        if char == '"':
            opens = index == 0 or bool(_OPENS_AFTER.match(text[index - 1]))
            result.append(OPEN_NESTED if opens else CLOSE_NESTED)
        elif char in _OPENING_DOUBLES:
            result.append(OPEN_NESTED)
        elif char in _CLOSING_DOUBLES:
            result.append(CLOSE_NESTED)
        else:
            result.append(char)
    return "".join(result)


def _sentence_end(text: str) -> str:
    """`.` closes the sentence unless the text already ends with a full stop (`a.i.`)."""
    return text if text.endswith(".") else f"{text}."


def inline_quote(text: str, verb_phrase: str) -> str:
    """`“…”, zegt Roel Masselink, directeur van de KSF.` — a quote run into the text.

    `text` is the quote's text (nested quotes already turned to ‘ ’); `verb_phrase` is what follows
    it (`zegt Roel Masselink, directeur van de KSF` or `aldus Masselink`). The comma stands after
    the closing mark; a quote ending in ? ! or … keeps that mark and takes no comma (Onze Taal);
    the full stop of a quoted sentence gives way to the comma.
    """
    text = text.strip()
    if _OWN_END.search(text):
        return _sentence_end(f"{OPEN_QUOTE}{text}{CLOSE_QUOTE} {verb_phrase}")
    if text.endswith("."):
        text = text[:-1].rstrip()
    return _sentence_end(f"{OPEN_QUOTE}{text}{CLOSE_QUOTE}, {verb_phrase}")
