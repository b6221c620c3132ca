"""When and where an event happened: its date (attached to the trigger, in its clause, carried
by its statement, or the story's day) and its place (attached to the trigger, the utterance for
verbal events, the clause for material ones, else the dateline). A mixin of `EventFinder`, kept
apart so the rules for time and place can be read and changed without the trigger logic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..model import EventPlace, Statement
from ..ontology import Trigger
from .dates import resolve_date
from .places import as_event_place
from .statements import _date_token, date_phrase

if TYPE_CHECKING:
    from .actors import ActorIndex
    from .places import PlaceIndex

# Verbal events happen where and when they are uttered.
VERBAL = {"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"}


def _preps(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in {"prep", "prt", "agent", "dative"}]


class EventContext:
    """Date and place rules. `EventFinder` supplies the state named below and the parse helpers
    `modality(tok, date, date_raw)` and `subject(tok)`."""

    doc: Doc
    actors: ActorIndex
    places: PlaceIndex
    published: str | None
    last_date: str | None
    lead_date: str | None
    paragraph_dates: dict[int, str]
    locative: set[int]

    def _when(self, tok: Token, trig: Trigger, statement: Statement | None
              ) -> tuple[str | None, str | None, str]:
        """(date_raw, date, modality). The date attached to the trigger, else a date expression
        elsewhere in its sentence, else (verbal events) the date of the statement carrying it.
        Weekdays point forward for future or conditional acts, so modality comes first."""
        date_tok = _date_token(tok if trig.pos == "VERB" else tok.head)
        if date_tok is None:
            date_tok = self._sentence_date(tok)
        date_raw = self._date_text(date_tok)
        modality = self.modality(tok, None, date_raw)
        ahead = modality in {"future", "hypothetical"}
        date = resolve_date(date_raw, self.published, future=ahead) if date_raw else None
        if date is None and date_raw and self.last_date:
            # a chain: "a day after", "hours later", "ten days later" count from the story so far
            date = resolve_date(date_raw, self.published, future=ahead, anchor=self.last_date)
        if date is None and statement is not None and trig.event in VERBAL:
            date = statement.date
        if date is None and not date_raw and modality == "asserted" and self._reported_past(tok):
            # An act the story reports with no date of its own happened on the story's day: the
            # day of the last dated act in its paragraph, else of the first in the article.
            date = self.paragraph_dates.get(self._paragraph(tok)) or self.lead_date
        if date is not None and modality == "asserted":
            self.last_date = date
            self.lead_date = self.lead_date or date
            self.paragraph_dates[self._paragraph(tok)] = date
        return date_raw, date, self.modality(tok, date, date_raw)

    def _paragraph(self, tok: Token) -> int:
        return self.doc.text.count("\n\n", 0, tok.idx)

    @staticmethod
    def _reported_past(tok: Token) -> bool:
        """A simple past report ("police detained 58 people"), not a state or a perfect that
        may reach back ("has ruled out", "have gripped")."""
        verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
        aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(aux & {"was", "were", "had"}))

    @staticmethod
    def _attached(ent, verb: Token) -> bool:
        """Is a date expression a modifier of this verb ("in January 2019", "last year")?"""
        node = ent.root
        for _ in range(3):
            if node.head == verb:
                return node.dep_ in {"prep", "npadvmod", "tmod", "advmod", "pobj"}
            if node.dep_ not in {"pobj", "prep", "compound", "nummod", "amod"}:
                return False
            node = node.head
        return False

    def _clause_dates(self, tok: Token) -> list:
        """DATE entities in the trigger's clause (outside the dateline)."""
        head = tok
        while head.dep_ in {"xcomp", "conj", "advcl", "dobj", "pobj", "prep"} and head.head is not head:
            head = head.head
        return [e for e in self.doc.ents
                if e.label_ == "DATE" and head.left_edge.i <= e.start <= head.right_edge.i
                and e.start_char >= self.places.dateline_end]

    def _sentence_date(self, tok: Token) -> Token | None:
        """The one day-level date expression of the trigger's clause, if it has exactly one."""
        dates = self._clause_dates(tok)
        if len(dates) != 1:
            return None
        return dates[0][0] if resolve_date(dates[0].text, self.published) else None

    @staticmethod
    def _date_text(tok: Token | None) -> str | None:
        return date_phrase(tok) if tok is not None else None

    def _place(self, tok: Token, trig: Trigger, statement: Statement | None,
               actor: list[str]) -> EventPlace | None:
        """Where the event happened: a place attached to the trigger; for a verbal event the
        place of its utterance; for a material event a place in its clause or sentence; else
        the dateline, when the actor is of the dateline's country."""
        verb = tok if trig.pos == "VERB" else tok.head
        for host in (tok, verb):
            for prep in _preps(host):
                if prep.lower_ in {"in", "at", "near", "outside", "inside", "across", "over"}:
                    for g in prep.subtree:
                        if g.i in self.places.by_token:
                            return as_event_place(self.places.by_token[g.i])
        dateline = self.places.dateline
        lead = dateline is not None and tok.sent.start_char <= self.places.dateline_end
        countries = {a.country for i in actor if (a := self.actors.get(i))} - {None}
        at_home = dateline is not None and (lead or dateline.country in countries or
                                            not countries)
        if trig.event in VERBAL:
            if statement is not None and statement.place:
                for place in self.places.places:
                    if any(m.text == statement.place for m in place.mentions):
                        return as_event_place(place)
            return as_event_place(dateline) if at_home and lead else None
        subject, _ = self.subject(verb) if verb.pos_ in {"VERB", "AUX"} else (None, False)
        skip = {t.i for t in subject.subtree} if subject is not None else set()
        inside = [g for g in verb.subtree if g.i not in skip and g.i in self.places.by_token]
        located = [g for g in inside if g.i in self.locative]
        if located:
            return as_event_place(self.places.by_token[located[0].i])
        if at_home:
            return as_event_place(dateline)
        if inside:
            return as_event_place(self.places.by_token[inside[0].i])
        return None
