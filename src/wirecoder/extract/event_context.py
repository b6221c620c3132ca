"""When and where an event happened. A mixin of `EventFinder`, kept apart so the rules for time
and place can be read and changed without the trigger logic.

Dates, in order: a date attached to the trigger (never the dateline's); a relative clause on a
date ("on Oct. 7, when gunmen attacked"); "a day after X" counted from the main clause's date; a
chained expression ("hours later") counted from the story so far; the date of the verb the
trigger depends on ("agreed on Monday to slash"); the one day-level date of its clause (not one
that dates a report of it: "..., the channel said on Saturday"); for verbal events the date of
their utterance; for an act the story reports in the past with no date of its own, the story's
day (the last date before it in its paragraph or the one before, else the lead's).

Places, in order: a place attached to the trigger or its verb (through chains of locative
prepositions: "outside parliament on Rustaveli Avenue", "on a house in Rafah"; "south of
Crete"; "in the Georgian capital"; "in the city": the city named last), or shared with the
verb it is coordinated with ("In Beijing, the ministry called ... but urged"); an actor's own
ground ("fired a missile off its east
coast": the actor's country); for verbal events (after recoding) the place of their utterance
("Speaking in Tokyo, ...", "told reporters in Vladivostok that ...") when the speaker is the
actor's side, else the dateline in the lead, else none; never the place of a promised act
("would send convoys through Adre"); for
material events a locative place in their clause ("across France", "around the shoal",
"nationwide") but not in a clause about a participant ("a man who fled from Syria", "a native of
Chechnya", "near the border with Niger", "an Iran-backed militia"), a local actor's or source's
place ("Police in Berlin arrested", "Police in Nantes denied that ..."), the story's site (the
last located act of its paragraph, else the lead's), the dateline (never for historical
background), a place named in the clause, and with no dateline the last place named earlier in
the paragraph (else in the paragraph before), else the article's main country. Else null.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..model import EventPlace, Place, Statement
from ..ontology import Trigger
from .dates import NUMBERS, parse_published, resolve_date
from .knowledge import load_knowledge
from .places import as_event_place, context_words, country_place, is_seat, resolve_place
from .statements import date_phrase

if TYPE_CHECKING:
    from .actors import ActorIndex
    from .places import PlaceIndex


# Verbal events happen where and when they are uttered.
VERBAL = {"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"}
# Verbs whose "on" names the one addressed or relied on, not a place ("called on Tehran to").
ADDRESSEE_ON = context_words("ADDRESSEE_ON")
# Modal auxiliaries of an act promised, refused or threatened rather than done.
TIME_MARKS = {"after", "before", "since", "until"}
MODALS = {"would", "will", "could", "can", "might", "may", "shall", "should", "'ll", "wo", "ca"}
# Prepositions that place what they modify; the weak ones ("on a house", "over Gaza", "through
# its embassy") only lead on to a place, or take one the article lists as a location.
STRONG_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "off",
                "within", "along", "onto", "into"}
WEAK_PREPS = {"on", "over", "through", "via"}
DATE_PREPS = {"on", "in", "into", "during", "since", "by", "at", "before", "after", "early on",
              "late on"}
# Verbs whose object is the place acted on ("seized Goma", "visited Kyiv").
PLACE_OBJECT_VERBS = context_words("PLACE_OBJECT_VERBS")
# Verbs that report rather than act: a date on them dates the report ("the channel said on
# Saturday"), and a place in their subject locates the source ("Police in Nantes said").
REPORT_VERBS = context_words("REPORT_VERBS")
# One-word days relative to publication the recogniser may leave untagged ("killed ... overnight").
DEICTIC = context_words("DEICTIC")
PARTS_OF_DAY = context_words("PARTS_OF_DAY")
# Verbs whose infinitive lies ahead of them: its date is not theirs ("agreed to meet on Monday").
INTENT_VERBS = context_words("INTENT_VERBS")
# Country-wide locatives: the act happened across the article's country.
NATIONWIDE = context_words("NATIONWIDE")
NATION_NOUNS = context_words("NATION_NOUNS")
# Definite descriptions that take up a named place ("the shoal" after "Scarborough Shoal").
# Verbs of speaking whose place is the utterance's ("Speaking in Tokyo, the premier condemned").
SPEAK_VERBS = context_words("SPEAK_VERBS")
PRESENCE_VERBS = context_words("PRESENCE_VERBS")
SIGNING_VERBS = context_words("SIGNING_VERBS")
MEETING_NOUNS = context_words("MEETING_NOUNS")
MEETING_VERBS = context_words("MEETING_VERBS")
MOTION_VERBS = context_words("MOTION_VERBS")
# Compass adverbs that lead to a place through "of" ("rescued 40 migrants south of Crete").
COMPASS = context_words("COMPASS")
# Nouns whose "of" names where a person comes from, not where the act happened ("a native of
# Chechnya", "a citizen of Syria").
ORIGIN_NOUNS = context_words("ORIGIN_NOUNS")
# Nouns whose "from X" names who did it ("pressure from Washington"), not where.
SOURCE_NOUNS = context_words("SOURCE_NOUNS")
# A state's own ground, after "its"/"their": the acting state's country.
OWN_GROUND = context_words("OWN_GROUND")
# Nouns that take up the city named last ("Floodwaters killed 15 people in the city").
CITY_NOUNS = context_words("CITY_NOUNS")
ANAPHORIC_NOUNS = context_words("ANAPHORIC_NOUNS")


def _clean_name(text: str) -> str:
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _preps(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in {"prep", "prt", "agent", "dative"}]


def _promised(verb: Token) -> bool:
    """A modal act ("would send", "will hold", "could suspend", "won't attend")."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def ordered_object(verb: Token) -> bool:
    """"ordered nine people held in custody": the parser hangs the participle on the object as
    a reduced relative; the one who orders acts on the object."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ == "dobj" and \
        verb.head.head.lemma_.lower() == "order" and \
        not any(c.dep_ in {"aux", "auxpass", "agent"} for c in verb.children)


def _offset_days(tok: Token) -> int | None:
    """The days an "a day after" / "two days before" clause is shifted by, if it is one."""
    marks = {c.lower_ for c in tok.children if c.dep_ in {"mark", "prep"}}
    if not marks & {"after", "before"}:
        return None
    for c in tok.children:
        if c.dep_ == "npadvmod" and c.lemma_.lower() in {"day", "night"}:
            count = next((g.lower_ for g in c.children if g.dep_ in {"det", "nummod"}), "a")
            days = NUMBERS.get(count) or (int(count) if count.isdigit() else None)
            if days is not None:
                # "a day after police detained her": the detention was a day before the main act
                return -days if "after" in marks else days
    return None


def _phrase(tok: Token) -> str:
    """The whole date expression of a date token, with a part of the day that follows it
    ("Thursday night": what a later "after midnight" counts from)."""
    text = date_phrase(tok)
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    end = ent.end if ent is not None else tok.i + 1
    if end < len(tok.doc) and tok.doc[end].lower_ in PARTS_OF_DAY and \
            (ent is None or tok.doc[end].lower_ not in ent.text.lower()):
        text = f"{text} {tok.doc[end].text}"
    return text


def _trigger_verb(tok: Token, trig: Trigger) -> Token:
    """The word a trigger's date and place hang on: a verb trigger itself, a noun's head —
    past a first noun it is conjoined to ("launched air and naval drills in the Strait")."""
    if trig.pos == "VERB":
        return tok
    if tok.dep_ == "conj" and tok.head.pos_ == "NOUN":
        return tok.head.head
    return tok.head


def _verb_above(tok: Token, hops: int = 4) -> Token:
    """The nearest verb at or above a token (a date's root → the verb it dates)."""
    for _ in range(hops):
        if tok.pos_ in {"VERB", "AUX"} or tok.head is tok:
            break
        tok = tok.head
    return tok


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

    # --- dates ----------------------------------------------------------------------------
    def _when(self, tok: Token, trig: Trigger, statement: Statement | None
              ) -> tuple[str | None, str | None, str]:
        """(date_raw, date, modality). Weekdays point forward for future or conditional acts,
        so modality comes first."""
        verb = _trigger_verb(tok, trig)
        if ordered_object(verb):
            verb = verb.head.head  # "ordered nine people held in custody": dated by the order
        shift = _offset_days(verb)
        date_raw = self._offset_text(verb) if shift is not None else self._date_expr(verb)
        if date_raw is None:
            for gov in self._governors(verb) + self._purposes(verb) + self._occasions(verb):
                date_raw = self._date_expr(gov)
                if date_raw is not None:
                    break
        if date_raw is None:
            date_raw = self._sentence_date(verb)
        modality = self.modality(tok, None, date_raw if shift is None else None)
        ahead = modality in {"future", "hypothetical"}
        date = None
        if shift is not None:
            base = self._main_clause_date(verb, ahead)
            day = parse_published(base)
            date = (day + timedelta(days=shift)).isoformat() if day else None
        elif date_raw:
            date = self._resolve(date_raw, ahead)
        if date is None and trig.event in VERBAL and modality in {"asserted", "future"}:
            date = self.utterance_date(tok, statement)
        if date is None and not date_raw and modality in {"asserted", "negated"} and \
                self._reported_past(verb):
            # An act the story reports with no date of its own happened on the story's day.
            date = self._story_day(tok)
        final = self.modality(tok, date, date_raw)
        self._modalities()[tok.i] = final
        if date is not None and final == "asserted":
            self.last_date = date
            if date_raw:
                self._last_raw = date_raw
            self.lead_date = self.lead_date or date
            self.paragraph_dates[self._paragraph(tok)] = date
            self._narrative().append((tok.idx, self._paragraph(tok), date))
        return date_raw, date, final

    def utterance_date(self, tok: Token, statement: Statement | None) -> str | None:
        """When a verbal act was uttered: its statement's date, else a date on the speech verb
        it depends on ("said on Sunday that Germany would deliver ..."), else, for a statement
        reported in the past, the story's day. For events recoded as verbal acts."""
        if statement is not None and statement.date:
            return statement.date
        # "Katz, visiting Sderot on Sunday, warned": the occasion the speaker was on
        raw = next((r for t in self._occasions(tok) if (r := self._date_expr(t))), None)
        if raw is not None:
            return self._resolve(raw, False)
        # the cue itself, then the verbs above it
        nodes, node = [tok], tok
        for _ in range(6):
            if node.head is node:
                break
            node = node.head
            nodes.append(node)
        for node in nodes:
            if node.lemma_.lower() in REPORT_VERBS and node.pos_ == "VERB":
                raw = self._date_expr(node) or next(
                    (r for t in self._occasions(node) if (r := self._date_expr(t))), None)
                if raw is not None:
                    return self._resolve(raw, False)
                if node.tag_ == "VBD":
                    return self._story_day(tok)
                break
        if statement is not None and statement.cue and tok.sent.start_char >= \
                self.places.dateline_end:
            return self._story_day(tok)
        return None

    def _resolve(self, raw: str, ahead: bool) -> str | None:
        low = raw.lower()
        if "midnight" in low and "on " not in low and self.last_date:
            # "shortly after midnight" follows the night just told ("on Thursday night").
            later = any(w in getattr(self, "_last_raw", "").lower() for w in ("night", "evening"))
            day = parse_published(self.last_date)
            return (day + timedelta(days=1 if later else 0)).isoformat() if day else None
        date = resolve_date(raw, self.published, future=ahead)
        if date is None and self.last_date:
            # a chain: "a day after", "hours later", "ten days later" count from the story so far
            date = resolve_date(raw, self.published, future=ahead, anchor=self.last_date)
        return date

    def _modalities(self) -> dict[int, str]:
        if not hasattr(self, "_modality_cache"):
            self._modality_cache: dict[int, str] = {}
        return self._modality_cache

    def _paragraph(self, tok: Token) -> int:
        return self.doc.text.count("\n\n", 0, tok.idx)

    @staticmethod
    def _reported_past(tok: Token) -> bool:
        """A simple past report ("police detained 58 people"), not a state or a perfect that
        may reach back ("has ruled out", "have gripped"); an infinitive counts by the verb it
        depends on ("agreed to lift")."""
        verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
        while verb.dep_ == "xcomp" and verb.tag_ == "VB" and verb.head is not verb:
            verb = verb.head
        aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(aux & {"was", "were", "had"}))

    @staticmethod
    def _attached(ent: Span, verb: Token) -> bool:
        """Is a date expression a modifier of this verb ("in January 2019", "last year")?"""
        node = ent.root
        for _ in range(3):
            if node.head == verb:
                return node.dep_ in {"prep", "npadvmod", "tmod", "advmod", "pobj"}
            if node.dep_ not in {"pobj", "prep", "compound", "nummod", "amod"}:
                return False
            node = node.head
        return False

    @staticmethod
    def _governors(verb: Token) -> list[Token]:
        """The verbs whose date a verb shares: the head of an infinitive ("agreed on Monday to
        slash") and of a coordinated verb with no subject of its own ("rallied ... and marched")."""
        out = []
        node = verb
        for _ in range(3):
            own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)
            if node.dep_ == "xcomp" or (node.dep_ == "conj" and not own_subject):
                node = node.head
                out.append(node)
            else:
                break
        return out

    @staticmethod
    def _purposes(verb: Token) -> list[Token]:
        """Infinitives of purpose, which share their verb's time ("used water cannon to clear
        the avenue shortly after midnight"); not those of intent ("agreed to meet on Monday")."""
        if verb.lemma_.lower() in INTENT_VERBS:
            return []
        return [c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and c.tag_ == "VB"
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]

    def _outside_dateline(self, tok: Token) -> bool:
        return tok.idx >= self.places.dateline_end

    def _date_expr(self, head: Token) -> str | None:
        """The date expression attached to a verb or noun, never the dateline's ("BOGOTA, Feb 12
        (WSW) - ... released six hostages ... on Sunday"): a DATE/TIME modifier, a prepositional
        date, a relative clause on a date ("Oct. 7, when gunmen attacked") or a chained
        adverb ("Hours later", "ten days later")."""
        if head.dep_ == "relcl" and head.head.ent_type_ == "DATE" and \
                self._outside_dateline(head.head):
            return _phrase(head.head)
        for child in head.children:
            if not self._outside_dateline(child):
                continue
            if child.ent_type_ in {"DATE", "TIME"} and child.dep_ in {"npadvmod", "tmod", "obl"}:
                return _phrase(child)
            if child.dep_ == "prep" and child.lower_ in DATE_PREPS:
                if child.ent_type_ == "TIME" and "midnight" in _phrase(child).lower():
                    return _phrase(child)
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        # (not a span inside it: "held in custody for 30 days")
                        dated = [t for t in obj.subtree if t.ent_type_ == "DATE" and not any(
                            a.dep_ == "prep" and a.lower_ == "for" for a in t.ancestors
                            if a.i != child.i and obj.left_edge.i <= a.i <= obj.right_edge.i)]
                        if dated:
                            return _phrase(dated[0])
                        if obj.ent_type_ == "TIME" and "midnight" in obj.lower_:
                            return _phrase(obj)
            if child.dep_ in {"advmod", "npadvmod"} and child.lower_ in DEICTIC:
                return child.text
            if child.dep_ == "advmod" and child.lower_ in {"later", "earlier", "afterwards"}:
                amount = [g for g in child.children if g.dep_ == "npadvmod"]
                if amount:
                    words = [t.text for t in amount[0].subtree] + [child.text]
                    return " ".join(words)
        return None

    @staticmethod
    def _offset_text(verb: Token) -> str:
        parts = [c for c in verb.children if c.dep_ == "npadvmod"] + \
            [c for c in verb.children if c.dep_ in {"mark", "prep"} and c.lower_ in
             {"after", "before"}]
        words = sorted({t for p in parts for t in (p.subtree if p.dep_ == "npadvmod" else [p])},
                       key=lambda t: t.i)
        return " ".join(t.text for t in words)

    def _main_clause_date(self, verb: Token, ahead: bool) -> str | None:
        """The date of the clause an "a day after ..." clause hangs from."""
        node = verb.head
        for _ in range(3):
            raw = self._date_expr(node)
            if raw is not None:
                return self._resolve(raw, ahead)
            if node.dep_ in {"ccomp", "conj", "xcomp"} and node.head is not node:
                node = node.head
            else:
                break
        return None

    def _story_day(self, tok: Token) -> str | None:
        """The day of the last dated past act before `tok` in its paragraph, else in the
        paragraph before, else the lead's first dated act."""
        para = self._paragraph(tok)
        for wanted in (para, para - 1):
            before = sorted((i, d) for i, p, d in self._narrative() if i < tok.idx and p == wanted)
            if before:
                return before[-1][1]
        return self.lead_date

    def _narrative(self) -> list[tuple[int, int, str]]:
        """(offset, paragraph, day) of every day-level date that dates a past act in the text."""
        if hasattr(self, "_narrative_cache"):
            return self._narrative_cache
        out: list[tuple[int, int, str]] = []
        pub = parse_published(self.published)
        for ent in self.doc.ents:
            if ent.label_ != "DATE" or ent.start_char < self.places.dateline_end:
                continue
            if not self._reported_past(_verb_above(ent.root)):
                continue
            day = resolve_date(ent.text, self.published)
            resolved = parse_published(day)
            if resolved is None or (pub is not None and resolved > pub):
                continue
            out.append((ent.start_char, self.doc.text.count("\n\n", 0, ent.start_char), day))
        self._narrative_cache = out
        return out

    def _clause_dates(self, verb: Token) -> list[Span]:
        """DATE entities in the trigger's clause, outside the dateline and not dating a report
        of it ("..., the Houthi-run channel said early on Saturday")."""
        head = verb
        while head.dep_ in {"xcomp", "conj", "advcl", "dobj", "pobj", "prep"} and \
                head.head is not head:
            head = head.head
        own = {verb, *self._governors(verb)}
        out = []
        for e in self.doc.ents:
            if e.label_ != "DATE" or not head.left_edge.i <= e.start <= head.right_edge.i \
                    or e.start_char < self.places.dateline_end:
                continue
            host = _verb_above(e.root)
            if host not in own and host.lemma_.lower() in REPORT_VERBS:
                continue
            if e.root.dep_ == "pobj" and e.root.head.lower_ == "for":
                continue  # a span, not a day: "held in custody for 30 days"
            out.append(e)
        return out

    def _sentence_date(self, verb: Token) -> str | None:
        """The one day-level date expression of the trigger's clause, if it has exactly one."""
        days = [e for e in self._clause_dates(verb) if resolve_date(e.text, self.published)]
        return days[0].text if len(days) == 1 else None

    # --- places ---------------------------------------------------------------------------
    def _place(self, tok: Token, trig: Trigger, statement: Statement | None,
               actor: list[str], kind: str | None = None) -> EventPlace | None:
        """Where the event happened (the module docstring gives the order of the rules).
        `kind` is the type the event is finally coded as, when the caller has recoded it."""
        verb = _trigger_verb(tok, trig)
        modality = self._modalities().get(tok.i, "asserted")
        verbal = (kind or self._coded_type(tok, trig, statement, actor)) in VERBAL
        # A promise, refusal or threat of a later act ("would send convoys through Adre"): a
        # place on that act is where it would happen, not where it was promised.
        promised = verbal and _promised(verb)
        found = None
        if not promised:
            found = self._attached_place(tok) or self._attached_place(verb) or \
                self._destination(verb) or self._place_left(tok) or self._signing_place(verb)
            if found is None:
                for gov in self._governors(verb):
                    if verbal and _promised(gov):
                        break  # "would send convoys through Adre and called on both sides"
                    found = self._attached_place(gov, objects=True)
                    if found is not None:
                        break
            if found is None and trig.pos == "VERB":
                found = self._object_place(verb)
        if found is not None:
            found = self._widen(self._finer(found, verb), tok)
            if not verbal:
                self._remember(tok, found, trig, modality)
            return as_event_place(found)
        own = None if promised else self._own_ground(tok, verb, actor)
        if own is not None:
            return own
        dateline = self.places.dateline
        lead = dateline is not None and tok.sent.start_char <= self.places.dateline_end
        countries = {a.country for i in actor if (a := self.actors.get(i))} - {None}
        at_home = dateline is not None and (lead or dateline.country in countries or
                                            not countries)
        if verbal:
            # said or agreed at talks, a summit or a ceremony the sentence places ("met in Niamey
            # and agreed to", "agreed to the swap after talks in Muscat", "in a statement issued
            # at their summit in Bridgetown, condemned"): the meeting's place
            met = self._meeting_place(verb)
            if met is not None:
                return as_event_place(self._widen(met, tok))
            # where it was uttered, if the text says so and the one who spoke is the actor's side
            # ("diplomats at the United Nations in New York said Washington had asked ...":
            # New York is where the diplomats spoke, not where Washington asked)
            if self._voiced(statement, actor, tok):
                if statement is not None and statement.place:
                    for place in self.places.places:
                        if any(m.text == statement.place for m in place.mentions):
                            return as_event_place(place)
                spoken = self._utterance_place(verb) or self._fronted_place(tok)
                if spoken is not None:
                    return as_event_place(self._widen(spoken, tok))
            # no stated place: the lead's news was made at the dateline; later ones have none
            lead_news = lead and modality != "historical"
            return as_event_place(dateline) if lead_news else None  # type: ignore[arg-type]
        subject, _ = self.subject(verb) if verb.pos_ in {"VERB", "AUX"} else (None, False)
        skip = {t.i for t in subject.subtree} if subject is not None else set()
        skip |= self._aside(verb)
        inside = [g for g in verb.subtree if g.i not in skip and g.i in self.places.by_token
                  and self._outside_dateline(g) and not self._actor_use(g)]
        located = [g for g in inside if g.i in self.locative]
        place = (self.places.by_token[located[0].i] if located else None) or \
            self._anaphoric_place(verb, skip) or self._nationwide(verb, skip) or \
            self._subject_place(subject) or self._source_place(verb)
        if place is not None:
            place = self._widen(place, tok)
            self._remember(tok, place, trig, modality)
            return as_event_place(place)
        if modality in {"asserted", "negated"}:
            story = self._story_place(tok)
            if story is not None:
                return as_event_place(story)
        if at_home and modality != "historical":
            if lead:  # the lead's act at the dateline is where the story happens
                self._remember(tok, dateline, trig, modality)  # type: ignore[arg-type]
            return as_event_place(dateline)  # type: ignore[arg-type]
        if inside:
            return as_event_place(self.places.by_token[inside[0].i])
        if dateline is None and modality != "historical":
            earlier = self._earlier_place(tok)
            if earlier is not None:
                return as_event_place(earlier)
            # "near the border with Venezuela": not Venezuela
            beyond = {self.places.by_token[i].country for i in skip
                      if i in self.places.by_token and self.doc[i].head.lower_ == "with"}
            if self.places.countries:
                return self._main_country(beyond)
        return None

    def _coded_type(self, tok: Token, trig: Trigger, statement: Statement | None,
                    actor: list[str]) -> str:
        """The type the event is finally coded as: `EventFinder.recode` turns promised aid into
        AGREE, a threatened strike into THREATEN, a refused meeting into REJECT."""
        recode = getattr(self, "recode", None)
        if recode is None or trig.event in VERBAL:
            return trig.event
        modality = self._modalities().get(tok.i, "asserted")
        return recode(trig, modality, list(actor), [], statement, tok)[0]

    def _voiced(self, statement: Statement | None, actor: list[str], tok: Token | None = None
                ) -> bool:
        """Is the statement a verbal event comes from spoken by its actor's side (the actor, one
        who speaks for it, or an unnamed source of its country)? A statement whose cue is the
        trigger itself ("accused the bloc of ...") is the act, whoever the finder took for its
        actor."""
        if statement is None:
            return True
        if tok is not None and statement.cue_start == tok.idx:
            return True
        if statement.speaker in actor or statement.on_behalf_of in actor:
            return True
        speaker = self.actors.get(statement.speaker) if statement.speaker else None
        country = speaker.country if speaker is not None else statement.speaker_country
        countries = {a.country for i in actor if (a := self.actors.get(i))}
        return country is not None and country in countries

    def _own_ground(self, tok: Token, verb: Token, actor: list[str]) -> EventPlace | None:
        """"fired a missile off its east coast", "in their territory": the actor's country
        (no place name, so the country alone)."""
        k = load_knowledge()
        for host in {tok, verb}:
            for prep in _preps(host):
                if prep.lower_ not in STRONG_PREPS | {"from"}:
                    continue
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    if obj.lemma_.lower() not in OWN_GROUND or not any(
                            c.dep_ == "poss" and c.lower_ in {"its", "their"}
                            for c in obj.children):
                        continue
                    codes = {a.country for i in actor if (a := self.actors.get(i))} & \
                        set(k.country_names)
                    if len(codes) == 1:
                        code = codes.pop()
                        return country_place(k.country_names[code], code, k)
        return None

    def _utterance_place(self, verb: Token) -> Place | None:
        """Where a verbal act was uttered: a participle of speaking on it ("Speaking in Tokyo,
        ...", "speaking at a news conference in Tehran, rejected"), or the place on the verb of
        saying it is reported under ("told reporters in Vladivostok that ... would strike")."""
        # a participle of speaking before the verb, on it or on its subject; or one of
        # presence, whose object is the place ("Katz, visiting Sderot on Sunday, warned")
        for t in self._occasions(verb):
            found = next((self.places.by_token[g.i] for g in t.subtree
                          if (g.i in self.locative or t.lemma_.lower() in PRESENCE_VERBS)
                          and g.i in self.places.by_token and self._outside_dateline(g)), None)
            if found is not None:
                return found
        node = verb
        for _ in range(4):
            if node.head is node or node.dep_ not in {"ccomp", "xcomp", "conj", "advcl"}:
                break
            node = node.head
            if node.lemma_.lower() in SPEAK_VERBS | REPORT_VERBS:
                found = self._attached_place(node) or next(
                    (p for c in node.children if c.dep_ in {"dobj", "dative"}
                     for prep in _preps(c) if prep.lower_ in {"in", "at"}
                     and (p := self._through(prep, 0)) is not None), None)
                if found is not None:
                    return found
                break
        return None

    def _signing_place(self, verb: Token) -> Place | None:
        """"signed the disengagement agreement in Geneva": the parser hangs the place on the
        document, but a document is signed where its signers are."""
        if verb.lemma_.lower() not in SIGNING_VERBS:
            return None
        return next((p for c in verb.children if c.dep_ == "dobj"
                     if (p := self._attached_place(c)) is not None), None)

    @staticmethod
    def _occasions(verb: Token) -> list[Token]:
        """Participles before a verb, on it or on its subject, that say where and when its
        subject spoke: "Speaking in Tokyo on Monday, ...", "Katz, visiting Sderot on Sunday,
        warned"."""
        return [t for left in verb.lefts for t in left.subtree
                if t.dep_ in {"advcl", "acl"} and t.tag_ == "VBG"
                and t.lemma_.lower() in SPEAK_VERBS | PRESENCE_VERBS]

    def _destination(self, verb: Token) -> Place | None:
        """"will fly to Asmara to meet the president": the purpose of a journey happens where
        the journey ends."""
        head = verb.head
        if verb.dep_ not in {"advcl", "xcomp"} or head.lemma_.lower() not in MOTION_VERBS or \
                not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
        for prep in _preps(head):
            if prep.lower_ == "to":
                found = next((self.places.by_token[o.i] for o in prep.children
                              if o.dep_ == "pobj" and o.i in self.places.by_token
                              and self._outside_dateline(o)), None)
                if found is not None:
                    return found
        return None

    def _place_left(self, tok: Token) -> Place | None:
        """"left Cairo after four days of talks": the talks were held in the place left."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in MEETING_NOUNS:
            return None
        node = tok
        for _ in range(4):
            if node.head is node:
                return None
            if node.dep_ == "prep" and node.lower_ != "of":  # "after four days of talks"
                break
            node = node.head
        else:
            return None
        verb = node.head
        if node.lower_ not in {"after", "following"} or \
                verb.lemma_.lower() not in {"leave", "depart", "quit"}:
            return None
        return next((self.places.by_token[o.i] for o in verb.children if o.dep_ == "dobj"
                     and o.i in self.places.by_token and self._outside_dateline(o)), None)

    def _finer(self, found: Place, verb: Token) -> Place:
        """A country or region found on the verb gives way to a town or site of it the clause
        names as a location ("attacked a post near Banibangou in western Niger", "visited India
        for a summit in the town of Mamallapuram")."""
        if found.precision not in {"country", "region"} or found.country is None or \
                verb.pos_ not in {"VERB", "AUX"}:
            return found
        subject, _ = self.subject(verb)
        skip = {t.i for t in subject.subtree} if subject is not None else set()
        skip |= self._aside(verb)
        for t in verb.subtree:
            place = self.places.by_token.get(t.i)
            if place is not None and t.i not in skip and t.i in self.locative and \
                    place.precision in {"city", "site"} and place.country == found.country \
                    and self._outside_dateline(t) and not self._actor_use(t) and \
                    t.head.lower_ not in {"from", "to"}:
                return place
        return found

    def _fronted_place(self, tok: Token) -> Place | None:
        """A sentence opened by "In Cotonou, ..." is said there, however the parser hangs the
        rest; a following sentence of its paragraph whose subject is a pronoun ("He demanded")
        goes on with the same speaker there."""
        sent = tok.sent
        found = self._opening_place(sent)
        if found is not None:
            return found
        subject = next((t for t in sent if t.dep_ == "nsubj" and t.i < tok.i), None)
        if subject is None or subject.lower_ not in {"he", "she", "they"} or sent.start == 0:
            return None
        before = self.doc[sent.start - 1].sent
        if self._paragraph(before[0]) != self._paragraph(tok) or \
                "\n" in self.doc[before.end - 1:sent.start + 1].text:
            return None
        return self._opening_place(before)

    def _opening_place(self, sent: Span) -> Place | None:
        """The place of an opening "In X," or "At X," of a sentence, if any."""
        words = [t for t in sent if not t.is_space and not t.is_punct or t.text == ","][:6]
        if not words or words[0].lower_ not in {"in", "at"} or \
                not self._outside_dateline(words[0]):
            return None
        for t in words[1:]:
            if t.text == ",":
                return None
            if t.i in self.places.by_token and t.nbor(1).text == ",":
                return self.places.by_token[t.i]
        return None

    def _meeting_place(self, verb: Token) -> Place | None:
        """The place of a meeting a verbal act was made at: a meeting verb it is coordinated
        with ("held talks in Doha ... and agreed"), or a meeting noun in one of its prepositional
        phrases ("after 12 days of talks in Muscat", "in a statement issued at their summit
        in Bridgetown")."""
        linked = [c for c in verb.children if c.dep_ == "conj"]
        if verb.dep_ == "conj":
            linked.append(verb.head)
        for other in linked:
            if other.lemma_.lower() not in MEETING_VERBS or other.pos_ != "VERB":
                continue
            found = self._attached_place(other)
            if found is not None:
                return found
            # the object and the objects of prepositions on the verb or its object
            preps = [*_preps(other), *(p for c in other.children if c.dep_ == "dobj"
                                       for p in _preps(c))]
            nouns = [c for c in other.children if c.dep_ == "dobj"] + \
                [g for p in preps for g in p.children if g.dep_ == "pobj"]
            for noun in nouns:  # "held talks in Doha", "hosted them for talks in Oslo"
                if noun.lemma_.lower() in MEETING_NOUNS:
                    found = self._attached_place(noun)
                    if found is not None:
                        return found
        for prep in _preps(verb):
            if prep.lower_ not in {"after", "during", "at", "in", "following"} or \
                    not self._outside_dateline(prep):
                continue
            for noun in prep.subtree:
                if noun.lemma_.lower() in MEETING_NOUNS and noun.pos_ == "NOUN":
                    found = self._attached_place(noun) or self._meeting_before(noun)
                    if found is not None:
                        return found
        return None

    def _meeting_before(self, noun: Token) -> Place | None:
        """"in a speech at the ceremony": the place of the same gathering named before in its
        paragraph or the one before ("at a ceremony in Manila")."""
        if not any(c.lower_ == "the" for c in noun.children):
            return None
        para = self._paragraph(noun)
        for t in reversed(self.doc[: noun.sent.start]):
            if self._paragraph(t) < para - 1:
                break
            if t.lemma_.lower() == noun.lemma_.lower() and t.pos_ == "NOUN":
                found = self._attached_place(t)
                if found is not None:
                    return found
        return None

    @staticmethod
    def _aside(verb: Token) -> set[int]:
        """Tokens of clauses that describe a participant rather than the act: relative and
        participial clauses on nouns ("a man who fled from Syria", "troops deployed to Haiti
        last year") and origins ("a native of Chechnya")."""
        out: set[int] = set()
        for t in verb.subtree:
            about_person = t.dep_ in {"relcl", "acl"} and any(
                g.lower_ in {"who", "whom", "whose"} for g in t.subtree)
            origin = t.dep_ == "prep" and t.lower_ == "of" and \
                t.head.lemma_.lower() in ORIGIN_NOUNS
            # "near the border with Niger": the act is on this side of it
            beyond = t.dep_ == "prep" and t.lower_ == "with" and \
                t.head.lemma_.lower() in {"border", "frontier", "boundary"}
            # "a day after gunmen opened fire on a police station in Tabarre": a clause of time
            # tells another act, its place is that act's
            other_act = t is not verb and t.dep_ in {"advcl", "pcomp"} and t.pos_ in {"VERB", "AUX"} and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in t.children) and (
                any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in t.children)
                or (t.dep_ == "pcomp" and t.head.lower_ in TIME_MARKS))
            if about_person or origin or beyond or other_act:
                out.update(g.i for g in t.subtree)
        return out

    def _actor_use(self, tok: Token) -> bool:
        """A name that stands for its state before a person ("Iran's president")."""
        head = tok.head
        nxt = tok.nbor(1) if tok.i + 2 < len(tok.doc) else None
        if nxt is not None and nxt.text == "-" and nxt.nbor(1).lower_ in {
                "backed", "based", "led", "funded", "allied", "born", "made", "aligned"}:
            return True  # "an Iran-backed militia", "the Syria-based group"
        if tok.dep_ == "pobj" and head.lower_ in {"from", "by"} and \
                head.head.lemma_.lower() in SOURCE_NOUNS:
            return True  # "bowing to pressure from Washington": who pressed, not where
        return tok.dep_ == "poss" and tok.i not in self.locative and (
            head.ent_type_ == "PERSON" or head.lemma_.lower() in load_knowledge().titles
            or head.lower_ in {"president", "leader", "minister", "counterpart", "government",
                               "officials", "king", "premier", "envoy", "delegation"})

    def _subject_place(self, subject: Token | None) -> Place | None:
        """A local actor locates its own act: "Police in Berlin arrested ..."."""
        if subject is None:
            return None
        for prep in _preps(subject):
            if prep.lower_ in {"in", "at"}:
                found = self._through(prep, depth=0)
                if found is not None:
                    return found
        return None

    def _earlier_place(self, tok: Token) -> Place | None:
        """With no dateline, the last place named as a location before the act in its
        paragraph, else in the paragraph before ("Thousands gathered in Belgrade. Police later
        dispersed the crowd"; "... flew to Tokyo.\n\nHe met the prime minister ...")."""
        para = self._paragraph(tok)
        for wanted in (para, para - 1):
            best: tuple[int, Place] | None = None
            for place in self.places.places:
                for m in place.mentions:
                    if m.start < tok.idx and self.doc.text.count("\n\n", 0, m.start) == \
                            wanted and (best is None or m.start > best[0]):
                        best = (m.start, place)
            if best is not None:
                return best[1]
        return None

    def _capital(self, noun: Token) -> Place | None:
        """"the Georgian capital", "Ukraine's capital": that country's capital city."""
        if noun.lower_ != "capital":
            return None
        k = load_knowledge()
        code = None
        for c in noun.children:
            if c.dep_ in {"amod", "compound"} and c.text in k.adjectives:
                code = k.adjectives[c.text]
            elif c.dep_ == "poss" and _clean_name(c.text) in k.countries:
                code = k.countries[_clean_name(c.text)].code
        name = next((n for n, cc in k.capitals.items() if cc == code), None) if code else None
        found = resolve_place(name, knowledge=k, within=code) if name else None
        return Place(**vars(found), mentions=[]) if found is not None else None

    def _widen(self, place: Place, tok: Token) -> Place:
        """A street or building locates an event in its city ("outside parliament on Rustaveli
        Avenue" in Tbilisi, "at the Diaoyutai State Guesthouse in Beijing"): the city of that
        country the sentence names, else the dateline's. Seats of government ("at his Matignon
        residence") and border crossings stay as they are."""
        if place.precision not in {"site", "city"} or is_seat(place.name):
            return place
        for m in place.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            for t in span or []:
                owner = next((self.places.by_token[c.i] for c in t.children
                              if c.dep_ == "poss" and c.i in self.places.by_token), None)
                if owner is not None and owner.precision == "city":
                    return owner  # "Jerusalem's Old City", "Kyiv's Maidan square"
        if place.country is None or place.precision != "site":
            return place
        sent = tok.sent
        cities = [p for i, p in self.places.by_token.items()
                  if sent.start <= i < sent.end and p.precision == "city"
                  and p.country == place.country and self._outside_dateline(self.doc[i])]
        if cities:
            return cities[0]
        dateline = self.places.dateline
        if dateline is not None and dateline.country == place.country and \
                dateline.precision == "city":
            return dateline
        return place

    def _place_state(self) -> tuple[dict[int, Place], list[Place]]:
        if not hasattr(self, "_located_acts"):
            self._located_acts: dict[int, Place] = {}
            self._lead_place: list[Place] = []
        return self._located_acts, self._lead_place

    def _remember(self, tok: Token, place: Place, trig: Trigger, modality: str) -> None:
        """Keep the site of a located material act: later acts of the story may happen there."""
        if trig.event in VERBAL or modality not in {"asserted", "negated"}:
            return
        acts, lead = self._place_state()
        para = self._paragraph(tok)
        acts[para] = place
        if not lead and para == 0:
            lead.append(place)

    def _story_place(self, tok: Token) -> Place | None:
        acts, lead = self._place_state()
        return acts.get(self._paragraph(tok)) or (lead[0] if lead else None)

    def _is_place(self, tok: Token, prep: str) -> bool:
        if tok.i not in self.places.by_token or not self._outside_dateline(tok):
            return False
        if prep in STRONG_PREPS:
            place = self.places.by_token[tok.i]
            # "sanctions in Russia" is not likely; a country after a strong preposition is fine,
            # but an actor's name after "in" ("confidence in Kyiv") still needs listing.
            return tok.i in self.locative or place.precision != "country"
        return tok.i in self.locative

    def _attached_place(self, host: Token, *, objects: bool = False) -> Place | None:
        """A place reached from `host` through locative prepositions ("at his Matignon
        residence", "outside parliament on Rustaveli Avenue", "on a house in Rafah"); with
        `objects`, also the place object of a verb of war or travel ("seized Goma")."""
        for prep in _preps(host):
            if not self._outside_dateline(prep) or (
                    prep.lower_ == "on" and host.lemma_.lower() in ADDRESSEE_ON):
                continue
            found = self._through(prep, depth=0)
            if found is not None:
                return found
        for adv in host.children:  # "south of Crete"
            if adv.dep_ in {"advmod", "npadvmod"} and adv.lower_ in COMPASS:
                for prep in _preps(adv):
                    if prep.lower_ == "of":
                        found = self._through_of(prep)
                        if found is not None:
                            return found
        return self._object_place(host) if objects else None

    def _through_of(self, prep: Token) -> Place | None:
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.i in self.places.by_token and self._outside_dateline(obj):
                return self.places.by_token[obj.i]
        return None

    def _through(self, prep: Token, depth: int) -> Place | None:
        word = prep.lower_
        if word not in STRONG_PREPS | WEAK_PREPS or depth > 2:
            return None
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            capital = self._capital(obj) if word in STRONG_PREPS else None
            if capital is not None:
                return capital
            for t in [obj, *[g for g in obj.children if g.dep_ in {"compound", "amod", "conj"}]]:
                if self._is_place(t, word):
                    return self.places.by_token[t.i]
            for inner in _preps(obj):
                found = self._through(inner, depth + 1)
                if found is not None:
                    return found
            if word in STRONG_PREPS:
                found = self._city_anaphor(obj)
                if found is not None:
                    return found
        return None

    def _city_anaphor(self, noun: Token) -> Place | None:
        """"in the city", "in the capital": the city named last before (a capital for "the
        capital"), the dateline's included; not "the city of X" nor "a city"."""
        if noun.lower_ not in CITY_NOUNS or not any(c.lower_ == "the" for c in noun.children) \
                or any(c.dep_ in {"amod", "compound", "poss", "prep"} for c in noun.children):
            return None
        capitals = load_knowledge().capitals
        best: tuple[int, Place] | None = None
        for place in self.places.places:
            if place.precision != "city" or (noun.lower_ == "capital" and not any(
                    m.text.title() in capitals or place.name in capitals
                    for m in place.mentions)):
                continue
            for m in place.mentions:
                if m.start < noun.idx and (best is None or m.start > best[0]):
                    best = (m.start, place)
        return best[1] if best is not None else None

    def _capital_owner(self, noun: Token) -> Place | None:
        """"the capital's main prison": the capital named before (the dateline's included),
        else the capital of the article's first country."""
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ == "capital"
                      and any(g.lower_ == "the" for g in c.children)), None)
        if owner is None:
            return None
        found = self._city_anaphor(owner)
        if found is not None:
            return found
        k = load_knowledge()
        named = next((p for p in self.places.places if p.precision == "city"
                      and p.name in k.capitals), None)
        if named is not None or not self.places.countries:
            return named
        code = self.places.countries[0]
        name = next((n for n, cc in k.capitals.items() if cc == code), None)
        resolved = resolve_place(name, knowledge=k, within=code) if name else None
        return Place(**vars(resolved), mentions=[]) if resolved is not None else None

    def _object_place(self, verb: Token) -> Place | None:
        if verb.lemma_.lower() not in PLACE_OBJECT_VERBS:
            return None
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            capital = self._capital(obj) or self._capital_owner(obj)  # "struck the Ukrainian
            if capital is not None:  # capital", "stormed the capital's prisons"
                return capital
            if obj.i in self.places.by_token and obj.i in self.locative:
                return self.places.by_token[obj.i]
        return None

    def _anaphoric_place(self, verb: Token, skip: set[int]) -> Place | None:
        """"around the shoal": a definite noun that takes up a place named before."""
        for t in verb.subtree:
            if t.i in skip or t.lower_ not in ANAPHORIC_NOUNS or t.pos_ != "NOUN":
                continue
            if not any(c.lower_ == "the" for c in t.children) or t.dep_ != "pobj":
                continue
            named = [p for p in self.places.places
                     if p.name.lower().split()[-1] == t.lower_
                     and any(m.start < t.idx for m in p.mentions)]
            if named:
                return max(named, key=lambda p: max(m.start for m in p.mentions if m.start < t.idx))
        return None

    def _nationwide(self, verb: Token, skip: set[int]) -> Place | None:
        """"marched nationwide", "across the country": the article's country."""
        words = [t for t in verb.subtree if t.i not in skip]
        wide = any(t.lower_ in NATIONWIDE and t.dep_ in {"advmod", "amod"} for t in words) or any(
            t.lower_ in NATION_NOUNS and t.dep_ == "pobj" and t.head.lower_ in
            {"across", "throughout"} and any(c.lower_ == "the" for c in t.children)
            for t in words)
        if not wide:
            return None
        country = (self.places.dateline.country if self.places.dateline is not None else None) \
            or (self.places.countries[0] if self.places.countries else None)
        if country is None:
            return None
        return next((p for p in self.places.places if p.precision == "country"
                     and p.country == country), None)

    def _source_place(self, verb: Token) -> Place | None:
        """A material act reported by a local source takes the source's place: "Police in
        Nantes denied that officers had fired ..."."""
        node = verb
        for _ in range(6):
            if node.head is node:
                return None
            node = node.head
            if node.lemma_.lower() in REPORT_VERBS and node.pos_ == "VERB":
                break
        else:
            return None
        subject = next((c for c in node.children if c.dep_ == "nsubj"
                        and self._outside_dateline(c)), None)
        if subject is None:
            return None
        for prep in _preps(subject):
            if prep.lower_ in {"in", "at"}:
                found = self._through(prep, depth=0)
                if found is not None and found.precision != "country":
                    return found
        return None

    def _main_country(self, exclude: set[str | None] = frozenset()) -> EventPlace | None:
        left = [c for c in self.places.countries if c not in exclude]
        if not left:
            return None
        code = left[0]
        place = next((p for p in [*self.places.places, *self.places.by_token.values()]
                      if p.precision == "country" and p.country == code), None)
        if place is None:  # named only by an adjective ("Colombian soldiers"): if alone
            k = load_knowledge()
            return country_place(k.country_names[code], code, k) \
                if code in k.country_names and len(left) == 1 else None
        return as_event_place(place)
