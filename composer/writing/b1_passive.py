"""Passive constructions in Dutch: a form of "worden" or "zijn" with a past participle.

A heuristic, tuned to miss some passives rather than flag active sentences:

- A clause is cut at punctuation and at words that start a new clause (dat, omdat, die, …);
  the auxiliary and the participle must stand in the same clause.
- The participle is one of the two words after the auxiliary, or in a subordinate clause the
  word just before it ("dat de brief verstuurd wordt"), or the last word of the clause
  ("worden de uitgangspunten … vastgelegd"). A form of "hebben" or another auxiliary between
  them ends the search ("is goed en wij hebben veel bereikt" is not passive).
- A participle looks like one: ge…d/t/en/aan (gemaakt, gegeven, gedaan), also after a
  separable particle (vastgelegd, aangeboden), or be/ver/ont/her/er/mis/onder/over…d/t/en
  (besloten, verstuurd, ontvangen, ondertekend). Words that look like a participle but are
  nouns or adjectives (gebied, bedrijven, gezond, benieuwd) are listed as exceptions, as are
  words after an article (een gesprek, de gedachten) and present participles (verrassend).
- With "zijn" the verbs whose perfect tense takes "zijn" (is gekomen, zijn gestegen, is
  begonnen) and adjectives that look like participles (zijn verheugd, is gevestigd) are not
  passive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from composer.writing.b1_text import Span, sentences, word_set, words

WORDEN = word_set("word wordt worden werd werden")
ZIJN = word_set("ben bent is zijn was waren")
# Finite verbs that start another verb group: after them a participle is not ours.
OTHER_VERBS = word_set(
    """heb hebt heeft hebben had hadden zal zult zullen zou zouden kan kunt kunnen kon konden
    moet moeten moest moesten mag mogen mocht mochten wil wilt willen wilde wilden"""
)
CLAUSE_WORDS = word_set(
    """dat omdat die wie wat waar wanneer als zodat terwijl nadat voordat doordat waardoor
    waarin waarbij waarmee waarop waarvan hoewel tenzij zodra sinds maar want of"""
)
SUBORDINATORS = CLAUSE_WORDS - {"maar", "want"}
PREPOSITIONS = word_set(
    "aan achter bij binnen buiten door in met na naar om onder op over per tegen tot uit van voor"
    " zonder"
)
DETERMINERS = word_set(
    """de het een deze dit die dat zijn haar hun ons onze uw mijn je jouw elk elke ieder iedere
    geen alle enkele sommige welke"""
)
_PARTICLES = (
    "aan|af|bij|binnen|buiten|door|in|los|mee|na|neer|om|op|over|samen|tegen|terug|toe|tot"
    "|uit|vast|voor|voort|vrij|weg|achter|rond|kennis|plaats|teweeg"
)
PARTICIPLE = re.compile(
    rf"^(?:(?:{_PARTICLES})?ge\w{{2,}}(?:d|t|en|aan)|(?:{_PARTICLES})?(?:be|ver|ont|her|er|mis|onder|over)"
    rf"\w{{2,}}(?:d|t|en))$"
)
# Look like a participle, are not one (nouns, adjectives, present participles are ruled out
# by their endings below).
NOT_PARTICIPLES = word_set(
    """gebied gebieden geld gelden gebed gebeden gezicht gezichten gewicht gevecht gerecht
    gerechten geluid geluiden gemoed geduld gebod gebit gewest gewesten gedachten gebouwen
    gevolgen gemeenten gewoonten gesprekken beloften geschenken getallen gezinnen gebreken
    geheimen gebruiken gebeurtenissen gegevens gelegenheden bedrijven bedragen verhalen verzoeken
    onderwerpen onderdelen overigen overschotten onderwijzen overwegen
    belangen besturen verbanden verschillen vermogen verband verbod verzet verdriet bericht
    berichten bezit beleid verstand bestand bestanden verlet vervoer bedden verbeteringen
    gezond geschikt gerust gewoon geliefd gelijk gemeen genoeg gering gewend geheel gelukt
    gezamenlijk gepast geacht beroemd bereid bevoegd verwant verliefd verschuldigd bezorgd
    verantwoord benieuwd verheugd gewenst berucht bekend verwend begaafd"""
)
# With "zijn": verbs whose perfect tense takes "zijn" and participles used as adjectives.
ZIJN_NOT_PASSIVE = word_set(
    """gekomen gegaan gebleven geweest geworden gebeurd gelukt mislukt gestegen gedaald
    gegroeid gekrompen gestart gestopt begonnen verschenen vertrokken aangekomen overleden
    gestorven geslaagd ontstaan verdwenen toegenomen afgenomen opgehouden gevallen gelopen
    gevlogen gereisd verhuisd vergeten gebleken opgevallen meegevallen tegengevallen
    geschrokken ontsnapt teruggekeerd teruggekomen veranderd verbeterd verslechterd
    ingegaan afgelopen uitgegaan meegegaan doorgegaan overgegaan opgestaan ontwaakt
    geïnteresseerd verbaasd teleurgesteld overtuigd betrokken gevestigd gelegen verhinderd
    gebonden verbonden gewend gehecht verrast verplicht gerechtigd genoodzaakt bedoeld
    voorbereid gespecialiseerd aangesloten vertegenwoordigd ingeschreven aanwezig
    bevoegd verantwoordelijk tevreden bekend erkend gewenst gemotiveerd gedreven gespannen
    opgelucht ontroerd geraakt geïnspireerd geboren getrouwd verloofd gepensioneerd
    afgestudeerd"""
)
# Past participles ending in -end (a stem in -en + d), told from present participles (-end).
_PAST_END = ("tekend", "rekend", "gekend", "erkend", "eend", "iend", "opend")


@dataclass(frozen=True)
class Passive:
    start: int  # of the first of the two words
    end: int  # of the last
    auxiliary: str
    participle: str

    def text(self, source: str) -> str:
        """The construction as a message quotes it: "worden … vastgelegd"."""
        first, last = sorted(
            (self.auxiliary, self.participle), key=lambda word: source.find(word, self.start)
        )
        between = source[self.start : self.end]
        if between == f"{first} {last}":
            return between
        return f"{first} … {last}"


def find_passives(text: str) -> list[Passive]:
    """The passive constructions in `text` (a paragraph), in order."""
    found: list[Passive] = []
    for sentence in sentences(text):
        for clause in _clauses(text, sentence.start, sentence.end):
            found.extend(_in_clause(clause))
    return found


def _clauses(text: str, start: int, end: int) -> list[list[Span]]:
    """The words of `text[start:end]` cut into clauses at punctuation and clause words."""
    clauses: list[list[Span]] = [[]]
    previous_end = start
    for word in words(text, start, end):
        gap = text[previous_end : word.start]
        if (any(mark in gap for mark in ',;:()–—“”"') or word.text.lower() in CLAUSE_WORDS) and (
            clauses[-1]
        ):
            clauses.append([])
        clauses[-1].append(word)
        previous_end = word.end
    return [clause for clause in clauses if clause]


def _in_clause(clause: list[Span]) -> list[Passive]:
    lowered = [word.text.lower() for word in clause]
    found = []
    for index in range(len(lowered)):
        if not _is_auxiliary(lowered, index):
            continue
        participle = _participle_for(clause, lowered, index)
        if participle is not None:
            aux, part = clause[index], clause[participle]
            first, last = min(aux.start, part.start), max(aux.end, part.end)
            found.append(Passive(first, last, aux.text, part.text))
    return found


def _participle_for(clause: list[Span], lowered: list[str], index: int) -> int | None:
    auxiliary = lowered[index]
    # The verb group after the auxiliary ends at the next finite verb.
    stop = len(lowered)
    for later in range(index + 1, len(lowered)):
        if lowered[later] in OTHER_VERBS or _is_auxiliary(lowered, later):
            stop = later
            break
    # Only a subordinate clause has its verbs at the end ("dat de brief verstuurd wordt"); in a
    # main clause the word before the verb is its subject ("de beloften zijn …").
    before = index - 1 if lowered[0] in SUBORDINATORS else -1
    candidates = [index + 1, index + 2, before, stop - 1]
    for candidate in candidates:
        if not 0 <= candidate < len(lowered) or candidate == index:
            continue
        if candidate > index and candidate >= stop:
            continue
        if _is_participle(lowered, candidate, with_zijn=auxiliary in ZIJN):
            return candidate
    return None


def _is_auxiliary(lowered: list[str], index: int) -> bool:
    word = lowered[index]
    if word == "zijn" and index and lowered[index - 1] in PREPOSITIONS:
        return False  # "in zijn veld": his
    return word in WORDEN or word in ZIJN


def _is_participle(lowered: list[str], index: int, *, with_zijn: bool) -> bool:
    word = lowered[index]
    if not PARTICIPLE.match(word) or word in NOT_PARTICIPLES:
        return False
    if word.endswith(("heid", "ing", "ingen", "schap")):
        return False  # nouns
    if word.endswith("end") and not word.endswith(_PAST_END):
        return False  # present participles ("verrassend"), not "ondertekend", "geopend"
    if with_zijn and word in ZIJN_NOT_PASSIVE:
        return False
    before = lowered[index - 1] if index else ""
    if before in DETERMINERS and before not in ZIJN:
        return False  # "een gesprek": a noun
    return before != "te"  # "om te vergaderen": an infinitive
