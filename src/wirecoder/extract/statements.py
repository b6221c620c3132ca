"""Statements: who said what — direct quotes, reported speech and mixed forms.

A statement is anchored on a cue (a speech verb from `cue_verbs.tsv`, or "according to"). Its
content is a quotation (direct), the clause the cue governs (indirect), or such a clause holding a
quoted fragment (mixed). Speakers come from the cue's subject, resolved to an actor: names,
institutions, pronouns (most salient earlier person), role nouns ("the minister"), or an unnamed
source kept as text with no actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..lexicon import load_table
from ..model import Statement
from .actors import ActorIndex
from .knowledge import load_knowledge
from .quotes import Quote, find_quotes

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PERSONAL = {"he", "she", "him", "her"}
IMPERSONAL = {"they", "them", "it"}
RELATIVE = {"which", "who", "that"}
# Definite descriptions that point back to the latest named organisation ("the agency said").
ORG_NOUNS = {"group", "agency", "organisation", "organization", "body", "alliance", "bloc",
             "movement", "militia", "company", "firm", "network", "charity", "society",
             "coalition", "commission", "committee", "council", "union", "association"}
CONTENT_TRIM = " ,.;:\n\t—–-"


@dataclass(frozen=True)
class Cue:
    lemma: str
    addressee: bool
    that_clause: bool
    kind: str


@cache
def cue_lexicon() -> dict[str, Cue]:
    rows = load_table("cue_verbs.tsv", required=("lemma", "addressee", "that_clause", "kind"),
                      key="lemma")
    return {
        r["lemma"].lower(): Cue(r["lemma"].lower(), r["addressee"] in {"yes", "optional"},
                                r["that_clause"] == "yes", r["kind"])
        for r in rows
    }


def is_cue(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBD", "VBZ", "VBP", "VBN", "VBG"}:
        return False
    cue = cue_lexicon().get(token.lemma_.lower())
    if cue is None:
        return False
    particle = next((c for c in token.children if c.dep_ == "prt"), None)
    if particle is not None and f"{token.lemma_.lower()} {particle.lower_}" in cue_lexicon():
        return True
    return cue.kind != "cognition"


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


class SpeakerResolver:
    """Map a cue's subject to an actor, keeping who spoke last for pronouns."""

    def __init__(self, doc: Doc, actors: ActorIndex) -> None:
        self.doc = doc
        self.actors = actors
        self.last_speaker: str | None = None
        self.k = load_knowledge()
        self.titles = self.k.titles

    def _org_heads(self) -> set[str]:
        return {a.name.split()[-1].lower() for a in self.actors.actors
                if a.kind in {"organization", "group"} and len(a.name.split()) > 1}

    def _latest_org(self, subj: Token) -> str | None:
        lemma = subj.lemma_.lower()
        best: tuple[int, str] | None = None
        for actor in self.actors.actors:
            if actor.kind not in {"organization", "group"}:
                continue
            words = {w.lower() for w in actor.name.split()}
            if lemma not in ORG_NOUNS and lemma not in words:
                continue
            before = [m.start for m in actor.mentions if m.end <= subj.idx]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), actor.id)
        return best[1] if best else None

    def subject_of(self, cue: Token) -> Token | None:
        for tok in (cue, cue.head if cue.dep_ in {"conj", "xcomp", "advcl"} else None):
            if tok is None:
                continue
            for child in tok.children:
                if child.dep_ in SUBJECT_DEPS:
                    return child
        for child in cue.children:  # passive "it was said by" / agent
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None

    def phrase(self, subj: Token) -> Span:
        """The subject noun phrase without trailing appositions and clauses."""
        end = subj.i + 1
        for child in subj.rights:
            if child.dep_ in {"compound", "flat"}:
                end = child.i + 1
            else:
                break
        return self.doc[subj.left_edge.i : end]

    def resolve(self, subj: Token) -> str | None:
        """The actor a subject (or any argument) token refers to, or None."""
        if subj.dep_ in SUBJECT_DEPS and subj.lower_ in RELATIVE and subj.head.dep_ == "relcl":
            subj = subj.head.head  # "the air force, which said" -> the air force
        if is_unnamed_source(subj):
            return None
        actor = self.actors.actor_of(subj)
        if actor is None:  # "Ukraine's grid operator, Ukrenergo": the apposition names it
            for child in subj.children:
                if child.dep_ == "appos":
                    actor = self.actors.actor_of(child)
                    if actor:
                        break
        if actor is None:
            phrase = [t for t in self.phrase(subj) if t.dep_ != "poss"]
            actor = next((a for t in phrase if (a := self.actors.actor_of(t))), None)
        if actor is None and subj.pos_ == "PROPN":
            actor = self.actors.person_by_surname(subj.text)
        if actor is None and subj.ent_type_ == "GPE" and subj.text in self.k.capitals:
            # "Brussels summoned", "Washington asked": a capital standing for its government.
            code = self.k.capitals[subj.text]
            actor = self.actors.country_actor(subj, code, self.k.country_names.get(code, code))
        if actor is None and subj.lemma_.lower() in ORG_NOUNS | self._org_heads() and any(
                c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
            # "the society", "the agency", "the group": the latest organisation of that kind.
            actor = self._latest_org(subj)
        if actor is None and subj.lower_ in PERSONAL:
            actor = self._salient(subj, kinds={"person"})
        elif actor is None and subj.lower_ in IMPERSONAL:
            actor = self._salient(subj, kinds={"organization", "group", "country"})
        elif actor is None and subj.lemma_.lower() in self.titles and any(
                c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
            actor = self._by_role(subj)
        if actor is None:
            phrase = self.phrase(subj)
            actor = next((a for t in phrase if (a := self.actors.actor_of(t))), None)
        return actor

    def _salient(self, at: Token, *, kinds: set[str]) -> str | None:
        """The most salient earlier actor of a kind: one named in this or the previous
        sentence, else the last speaker, else the latest mention."""
        latest: tuple[int, str] | None = None
        for actor in self.actors.actors:
            if actor.kind not in kinds:
                continue
            before = [m.start for m in actor.mentions if m.end <= at.idx]
            if before and (latest is None or max(before) > latest[0]):
                latest = (max(before), actor.id)
        sent = at.sent
        previous_start = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else 0
        if latest is not None and latest[0] >= previous_start:
            return latest[1]
        last = self.actors.get(self.last_speaker) if self.last_speaker else None
        if last is not None and last.kind in kinds:
            return last.id
        return latest[1] if latest else None

    def _by_role(self, subj: Token) -> str | None:
        role = self.titles[subj.lemma_.lower()].role
        best: tuple[int, str] | None = None
        for actor in self.actors.actors:
            if actor.role != role:
                continue
            before = [m.start for m in actor.mentions if m.end <= subj.idx]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), actor.id)
        return best[1] if best else None


@cache
def source_nouns() -> frozenset[str]:
    return frozenset(r["lemma"].lower() for r in load_table("source_nouns.tsv", key="lemma"))


def is_unnamed_source(tok: Token) -> bool:
    """"a senior official", "two diplomats", "officials": a source the text does not name."""
    if tok.lemma_.lower() not in source_nouns() or tok.pos_ != "NOUN":
        return False
    dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "nummod", "quantmod"}}
    if dets & {"the", "this", "that", "his", "her", "its", "their"}:
        return False
    if any(c.dep_ in {"poss", "appos"} or c.ent_type_ in {"PERSON", "ORG"} for c in tok.children):
        return False
    return bool(dets) or tok.tag_ == "NNS"


def _addressee(cue: Token) -> str | None:
    if not cue_lexicon()[cue.lemma_.lower()].addressee:
        return None
    for child in cue.children:
        if child.dep_ in {"dobj", "dative", "iobj"} and child.pos_ in {"NOUN", "PROPN", "PRON"}:
            return cue.doc[child.left_edge.i : child.i + 1].text
    return None


def _place_of(cue: Token) -> tuple[str | None, Token | None]:
    """A place the text attaches to the speech act itself ("told reporters in Vladivostok")."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "at"}:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in {"GPE", "LOC", "FAC"}:
                    ent = next(e for e in cue.doc.ents if e.start <= obj.i < e.end)
                    return ent.text, obj
    return None, None


def _date_token(head: Token) -> Token | None:
    """A DATE entity token attached to a verb ("said on Friday", "said Friday", "on Saturday
    evening")."""
    for child in head.children:
        if child.ent_type_ == "DATE" and child.dep_ in {"npadvmod", "tmod", "obl"}:
            return child
        if child.dep_ == "prep" and child.lower_ in {"on", "in", "into", "during", "since", "by"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    dated = [t for t in obj.subtree if t.ent_type_ == "DATE"]
                    if dated:
                        return dated[0]
    return None


def _span_text(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character span of tokens [start, end) with edge punctuation trimmed."""
    text = doc.text
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    while s < e and text[s] in CONTENT_TRIM:
        s += 1
    while e > s and text[e - 1] in CONTENT_TRIM:
        e -= 1
    return s, e


@dataclass
class StatementDraft:
    statement: Statement
    cue_token: Token | None
    date_token: Token | None
    place_token: Token | None


def find_statements(doc: Doc, actors: ActorIndex) -> list[StatementDraft]:
    """Every attributed statement in the document, in text order."""
    resolver = SpeakerResolver(doc, actors)
    quotes = find_quotes(doc.text)
    drafts: list[StatementDraft] = []
    used_cues: set[int] = set()
    covered: list[tuple[int, int]] = []  # char spans of quotes already attributed

    def in_quote(tok: Token) -> bool:
        return any(q.inner_start <= tok.idx < q.inner_end for q in quotes)

    dateline_end_at = dateline_end(doc.text)

    def emit(kind: str, cue: Token | None, subj: Token | None, start: int, end: int,
             *, speaker: str | None = None, speaker_text: str | None = None,
             speaker_span: tuple[int, int] | None = None, cue_text: str | None = None,
             cue_span: tuple[int, int] | None = None) -> None:
        start = max(start, dateline_end_at) if start < dateline_end_at < end else start
        if end <= start:
            return
        if subj is not None:
            span = resolver.phrase(subj)
            speaker = resolver.resolve(subj)
            speaker_text = span.text
            speaker_span = (span.start_char, span.end_char)
        if cue is not None:
            cue_text = cue.text
            cue_span = (cue.idx, cue.idx + len(cue.text))
            place, place_tok = _place_of(cue)
            date_tok = _date_token(cue)
            addressee = _addressee(cue)
        else:
            place = place_tok = date_tok = addressee = None
        statement = Statement(
            id="", speaker=speaker, speaker_text=speaker_text, kind=kind,  # type: ignore[arg-type]
            cue=cue_text, content=doc.text[start:end], start=start, end=end,
            addressee=addressee, place=place,
            speaker_start=speaker_span[0] if speaker_span else None,
            speaker_end=speaker_span[1] if speaker_span else None,
            cue_start=cue_span[0] if cue_span else None,
            cue_end=cue_span[1] if cue_span else None,
        )
        drafts.append(StatementDraft(statement, cue, date_tok, place_tok))
        if speaker is not None:
            resolver.last_speaker = speaker

    # 1. Direct quotations, with the cue after the quote or before it.
    previous: StatementDraft | None = None
    fragments: list[tuple[Quote, Token]] = []  # quotes inside reported speech: mixed, below
    for q in quotes:
        cue = _cue_near_quote(doc, q, in_quote)
        if cue is not None and _is_relative_cue(cue):
            continue  # "what it called “X”" labels a phrase; it reports no statement
        if cue is not None:
            if not _stands_alone(doc, q, cue):
                fragments.append((q, cue))
                continue
            emit("direct", cue, resolver.subject_of(cue), q.inner_start, q.inner_end)
            used_cues.add(cue.i)
            covered.append((q.start, q.end))
            previous = drafts[-1]
        elif previous is not None and _continues(doc, previous, q):
            # The second half of a quote split by its cue: same speaker and cue.
            p = previous.statement
            emit("direct", None, None, q.inner_start, q.inner_end, speaker=p.speaker,
                 speaker_text=p.speaker_text, cue_text=p.cue,
                 speaker_span=(p.speaker_start, p.speaker_end) if p.speaker_start is not None
                 else None, cue_span=(p.cue_start, p.cue_end) if p.cue_start is not None else None)
            drafts[-1].date_token = previous.date_token
            drafts[-1].statement.addressee = p.addressee
            drafts[-1].statement.place = p.place
            covered.append((q.start, q.end))
        else:
            previous = None

    # 2. Reported speech: a cue governing a clause; "according to X".
    for tok in doc:
        if tok.i in used_cues or in_quote(tok) or not is_cue(tok) or _negated(tok):
            continue
        for start, end in _reported_clauses(tok):
            s, e = _span_text(doc, start, end)
            if any(cs <= s and e <= ce for cs, ce in covered):
                continue
            text = doc.text[s:e]
            has_quote = any(ch in text for ch in '"“”')
            kind = "mixed" if has_quote else "indirect"
            if has_quote:
                s, e = _balance_quotes(doc.text, s, e)
            emit(kind, tok, resolver.subject_of(tok), s, e)
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            _according_to(doc, tok, resolver, emit, in_quote)
    for q, cue in fragments:
        if any(d.statement.start <= q.inner_start < d.statement.end for d in drafts):
            continue
        # 'called the agreement “an important step”': the reported words run from after the
        # cue (and its "that") to the end of the quotation, marks kept.
        after = cue.i + 1
        while after < len(doc) and (doc[after].lower_ in {"that", ",", ":"} or
                                    doc[after].dep_ in {"prt"}):
            after += 1
        start = doc[after].idx if after < len(doc) else q.start
        if start > q.start:
            start = q.start
        emit("mixed", cue, resolver.subject_of(cue), start, q.end)

    drafts.sort(key=lambda d: d.statement.start)
    for n, d in enumerate(drafts, 1):
        d.statement.id = f"s{n}"
    return drafts


_DATELINE_END = re.compile(r"^[^\n]{0,80}?\((?:[A-Za-z .]+)\)\s*[-—–]+\s*|^[A-Z][A-Z .,'’]{2,60}[-—–]+\s*")


def dateline_end(text: str) -> int:
    """Where a wire dateline ("KYIV, Nov 17 (WSW) - ") ends; 0 when there is none."""
    m = _DATELINE_END.match(text)
    return m.end() if m else 0


def _cue_near_quote(doc: Doc, q: Quote, in_quote) -> Token | None:
    """A cue verb in the quote's sentence, outside the quote, next to it."""
    first = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
    if first is None:
        return None
    # After the quote: '"...," he said.' / '"...", said Peskov.'
    after = [t for t in doc[first.end : min(len(doc), first.end + 8)] if not in_quote(t)]
    sent_end = first[-1].sent.end if first.end - 1 < len(doc) else len(doc)
    for tok in after:
        if tok.i >= sent_end + 6 or tok.text in {"“", "\n\n"}:
            break
        if tok.text in {".", "!", "?"} and tok.i > first.end + 1:
            break
        if is_cue(tok):
            return tok
    # Before the quote: 'Putin said: "..."' / 'Peskov told reporters, "..."'.
    start = first.start
    for i in range(start - 1, max(-1, start - 12), -1):
        tok = doc[i]
        if tok.text in {".", "!", "?"} or in_quote(tok):
            break
        if is_cue(tok):
            between = doc.text[tok.idx + len(tok.text) : q.start]
            if between.strip().endswith((",", ":")) or between.strip().endswith("that") or \
                    len(between.split()) <= 3:
                return tok
            break
    return None


def _is_relative_cue(cue: Token) -> bool:
    return any(c.lower_ in {"what", "which"} and c.dep_ in {"dobj", "nsubj", "nsubjpass"}
               for c in cue.children) or cue.dep_ == "relcl" and any(
        c.lower_ == "what" for c in cue.children)


def _stands_alone(doc: Doc, q: Quote, cue: Token) -> bool:
    """A direct quotation stands on its own beside its cue: '"...," he said' with the quote
    opening its sentence, or 'he said: "..."' with only a comma or colon between. Otherwise
    the quotation is a fragment inside reported speech, which makes a mixed statement."""
    if cue.idx > q.start:  # cue after the quote
        first = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if first is None:
            return True
        sent_start = max(first[0].sent.start_char, dateline_end(doc.text))
        lead = doc.text[sent_start : q.start].strip(" \n—–-")
        return lead == "" or lead.endswith((".", "”", '"', ":"))
    between = doc.text[cue.idx + len(cue.text) : q.start].strip()
    return between.endswith((",", ":")) or between == ""


def _continues(doc: Doc, previous: StatementDraft, q: Quote) -> bool:
    """A cue-less quote right after an attributed one, with no other speech between."""
    prev_end = previous.statement.end
    gap = doc.text[prev_end : q.start]
    return len(gap) < 80 and not any(ch in gap for ch in "“") and "\n\n" not in gap.strip(" ,.\"”")


def _reported_clauses(cue: Token) -> list[tuple[int, int]]:
    """Token spans of the clauses a cue reports: 'said that A and that B' gives two."""
    out = []
    for child in cue.children:
        if child.dep_ != "ccomp":
            continue
        clauses = [child] + [c for c in child.children if c.dep_ == "conj" and
                             any(g.dep_ == "mark" for g in c.children)]
        for clause in clauses:
            toks = [t for t in clause.subtree
                    if not any(t in c.subtree for c in clauses if c is not clause)]
            toks = [t for t in toks if not (t.dep_ == "mark" and t.head == clause
                                            and t.lower_ in {"that", "whether", "if"})]
            # A conjoined "and that B" leaves its "and" at the end of A; drop it.
            while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct):
                toks.pop()
            if len(toks) >= 3:
                out.append((toks[0].i, toks[-1].i + 1))
    for child in cue.children:  # "accused X of Y", "called on X to Y", "urged X to Y"
        if child.dep_ == "prep" and child.lower_ == "of" and cue.lemma_ in {"accuse", "charge"}:
            toks = [t for g in child.children for t in g.subtree]
            if len(toks) >= 2:
                out.append((toks[0].i, toks[-1].i + 1))
        asked = any(c.dep_ in {"dobj", "dative"} or (c.dep_ == "prep" and c.lower_ == "on")
                    for c in cue.children)
        if asked and child.dep_ == "xcomp" and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            toks = list(child.subtree)
            if len(toks) >= 3:
                out.append((toks[0].i, toks[-1].i + 1))
    return out


def _balance_quotes(text: str, s: int, e: int) -> tuple[int, int]:
    """Keep a mixed statement's quote marks paired: include a closing mark just outside."""
    chunk = text[s:e]
    opens = chunk.count("“") + chunk.count('"')
    closes = chunk.count("”")
    if chunk.count("“") > closes and e < len(text) and text[e] == "”" or chunk.count('"') % 2 == 1 and e < len(text) and text[e] == '"':
        e += 1
    del opens
    return s, e


def _according_to(doc: Doc, according: Token, resolver: SpeakerResolver, emit, in_quote) -> None:
    to = doc[according.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None or in_quote(according):
        return
    sent = according.sent
    phrase_end = max(t.i for t in according.subtree) + 1
    phrase_start = according.i
    if phrase_start - sent.start <= 1:  # "According to X, content."
        s, e = _span_text(doc, phrase_end, sent.end)
    else:  # "Content, according to X."
        s, e = _span_text(doc, sent.start, phrase_start)
    if e - s < 10:
        return
    speaker_span = resolver.phrase(source)
    emit("indirect", None, None, s, e, speaker=resolver.resolve(source),
         speaker_text=speaker_span.text,
         speaker_span=(speaker_span.start_char, speaker_span.end_char),
         cue_text="according to", cue_span=(according.idx, to.idx + len(to.text)))
