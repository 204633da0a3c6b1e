"""A press release's quotes as running text, as the KSF writes them.

The first quote of a speaker: `“…”, zegt Roel Masselink, directeur van de KSF.`; later ones:
`“…”, aldus Masselink.` A quote joins the paragraph before it (as an unmarked run after the
paragraph's own runs); after a list, a heading, a promise or nothing, or without a speaker
(`“…”` alone), it is a paragraph of its own.
"""

from __future__ import annotations

from typing import Any

from composer.dutch.names import speaker_surname
from composer.dutch.typography import CLOSE_QUOTE, OPEN_QUOTE, inline_quote
from composer.render.rich_runs import plain_run


def _speaker_key(speaker: str) -> str:
    return " ".join(speaker.split()).casefold()


def _sentence(block: dict[str, Any], quoted_before: set[str]) -> str:
    """The quote as a sentence; `quoted_before` (speakers named in full already) is updated."""
    text, speaker, role = block["text"], block["speaker"].strip(), block["role"].strip()
    if not speaker:
        return f"{OPEN_QUOTE}{text.strip()}{CLOSE_QUOTE}"
    key = _speaker_key(speaker)
    if key in quoted_before:
        return inline_quote(text, f"aldus {speaker_surname(speaker)}")
    quoted_before.add(key)
    return inline_quote(text, f"zegt {speaker}, {role}" if role else f"zegt {speaker}")


def quotes_run_inline(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The body blocks with every quote turned into running text (no quote blocks are left).

    Quote blocks come in as the letter context builds them (text with nested quotes already
    turned to ‘ ’, speaker and role cleaned); the input list is not changed.
    """
    result: list[dict[str, Any]] = []
    quoted_before: set[str] = set()
    for block in blocks:
        if block["type"] != "quote":
            result.append(dict(block))
            continue
        sentence = _sentence(block, quoted_before)
        previous = result[-1] if result else None
        # A quote without speaker has nothing to tie it to the text before: it stands alone.
        if previous is not None and previous["type"] == "paragraph" and block["speaker"].strip():
            _append(previous, sentence)
        else:
            result.append({"type": "paragraph", "text": sentence, "runs": [plain_run(sentence)]})
    return result


def _append(paragraph: dict[str, Any], sentence: str) -> None:
    """The sentence after the paragraph's text: a space between, unless the paragraph ends with
    one (or a line break); an empty paragraph becomes the sentence."""
    before = paragraph["text"]
    runs = list(paragraph.get("runs", [plain_run(before)] if before else []))
    if not before.strip():
        paragraph["text"], paragraph["runs"] = sentence, [plain_run(sentence)]
        return
    joined = ("" if before[-1].isspace() else " ") + sentence
    paragraph["text"] = before + joined
    last = runs[-1] if runs else None
    if last is not None and not (last["bold"] or last["italic"] or last["underline"]):
        runs[-1] = plain_run(last["text"] + joined)  # one unmarked run, as the file would have
    else:
        runs.append(plain_run(joined))
    paragraph["runs"] = runs
