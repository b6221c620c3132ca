"""Events: who did what to whom, coded in PLOVER, with modality.

A trigger is a verb or noun from `event_verbs.tsv` (with its required particle or object). Its
arguments come from the parse: subject → actor, object or prepositional object → recipient,
passive agent → actor. Conservative on purpose: no named actor, no event; a trigger that is only
the content of another verbal event ("agreed to *meet*", "threatened to *strike*") is not coded
again; background nouns ("the decision to pause talks") are not coded.

Beyond the lexicon, some constructions make events of their own: predicative adjectives ("is
willing to send", "was deeply concerned by"), judgements ("called the move illegal", a negative
verdict inside attributed speech), obligations laid on others in speech ("said Iraq must
cooperate" → REQUEST), and denials, whose denied act is coded negated with the denier's own
forces as actor.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Token

from ..lexicon import load_table, split_list, word_lists, words
from ..model import Actor, Event, Mention, Span, Statement
from ..ontology import (
    Trigger,
    default_cameo,
    event_types,
    intensity,
    select_trigger,
    triggers_by_lemma,
)
from .actors import ActorIndex
from .dates import parse_published, resolve_date
from .event_context import INTENT_VERBS, VERBAL, EventContext, _preps, ordered_object
from .knowledge import load_knowledge
from .places import PlaceIndex
from .statements import SpeakerResolver, is_cue, subject_hung_on_place


# Lexical word lists live in `event_words.tsv` (read once, at import) so a user can change them
# without touching code; grammar (auxiliaries, labels, PLOVER type sets) stays below.
def event_words() -> dict[str, frozenset[str]]:
    """The word lists of `event_words.tsv` (user rows layered over ours), by list name."""
    return word_lists("event_words.tsv")


def _words(name: str) -> frozenset[str]:
    return words("event_words.tsv", name)


RECIPROCAL = {"CONSULT", "COOPERATE"}
# Verbs whose complement is the content of a speech act, not a separate event.
EMBEDDING = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT"}
FUTURE_HEADS = _words("FUTURE_HEADS")
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
INDEFINITE_PRONOUNS = {"anything", "everything", "nothing", "something"}
LIGHT_VERBS = _words("LIGHT_VERBS")
# Verbs that report a nominal event someone else carried out ("the mission recorded no clashes
# between the army and the ELN"): their subject is the observer, not the actor.
OBSERVING_VERBS = _words("OBSERVING_VERBS")
# A predicative adjective or participle is a trigger after one of these ("is willing to",
# "remained opposed to", "said it was deeply concerned").
COPULAS = {"be", "remain", "appear", "seem", "become", "stay", "sound", "feel"}
# "called the move illegal", "described the vote as a sham": an evaluation of an act.
EVALUATIVE_VERBS = _words("EVALUATIVE_VERBS")
# Modals that make a reported clause a demand ("said Iraq must cooperate fully").
OBLIGATION_AUX = {"must"}
# Complements that make "refused/declined to ..." a non-event ("declined to comment").
NO_COMMENT = _words("NO_COMMENT")
# Objects that make a trigger verb a remark about information ("offered no comment").
COMMENT_NOUNS = _words("COMMENT_NOUNS")
# Members of a force or service: "its soldiers", "officers" in a clause a party reports or denies
# are that party's own ("Police denied that officers had beaten students").
FORCE_NOUNS = _words("FORCE_NOUNS")
DENIED_MEANS = _words("DENIED_MEANS")
# Verbs whose subject receives what the "from" party gives ("received weapons from Iran").
RECEIVING_VERBS = _words("RECEIVING_VERBS")
INFINITIVE_ONLY = _words("INFINITIVE_ONLY")
# "suspected of collaborating", "charged with spying": the act is only alleged.
ALLEGING_HEADS = _words("ALLEGING_HEADS")
# "after four days of talks", "following two rounds of negotiations": talks reported as held.
ROUND_NOUNS = _words("ROUND_NOUNS")
TIME_LINKS = {"after", "before", "as", "when", "while", "since"}
TIME_BEFORE_AFTER = {"after", "before", "since", "following"}
TRUCE_NOUNS = _words("TRUCE_NOUNS")
STATIVE_VERBS = _words("STATIVE_VERBS")
GIVING_VERBS = _words("GIVING_VERBS")
PARTICIPATING = _words("PARTICIPATING")
TRAVELLING = _words("TRAVELLING")
# Prepositions of a gerund adjunct, whose subject is the clause's ("responded by ordering").
ADJUNCT_PREPS = _words("ADJUNCT_PREPS")
MET_TARGETS = _words("MET_TARGETS")
DENIED_NOUNS = _words("DENIED_NOUNS")
# "for three decades", "for years": the span of a record, not of one act
LONG_SPANS = _words("LONG_SPANS")
AID_CARRIERS = _words("AID_CARRIERS")
# What a ship, plane or convoy carries is what was sent ("dispatched a ship carrying medicines").
CARRYING = _words("CARRYING")
# Phrases that make a plain "said" report a threat: "will face consequences", "are legitimate
# targets", "would pay a heavy price"; the verb and the threat nouns it needs as object/attribute.
THREAT_PHRASES = {"face": {"consequence", "retaliation", "punishment", "response", "reprisal",
                           "charge", "prosecution", "arrest"},
                  "pay": {"price"}, "be": {"target"}, "become": {"target"},
                  # "will receive a firm response", "will meet an answer on the ground",
                  # "would have consequences"
                  "receive": {"response", "answer", "retaliation", "punishment", "reprisal"},
                  "meet": {"response", "answer", "retaliation", "force"},
                  "have": {"consequence"}, "suffer": {"consequence"}}
RECIPIENT_PREPS = {"against", "on", "to", "with", "at", "toward", "towards", "into", "from"}
# Threatened acts and the THREATEN mode they become ("" is the default for the type).
THREAT_MODES = {
    "ASSAULT": {"": "violence"},
    "PROTEST": {"": "restrict"},
    "COERCE": {"": "restrict", "arrest": "arrest", "deport": "expel", "seize": "territory"},
    "SANCTION": {"": "restrict", "expel": "expel", "discontinue": "relations",
                 "withdraw": "relations"},
}
# Acts whose announced negation is a refusal, and the REJECT mode it takes.
REFUSALS = {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "AGREE": "change",
            "CONCEDE": "change", "RETREAT": "yield"}
# Attacks with military weapons stay ASSAULT even when protesters make them (a riot is not a
# missile strike).
ARMED_MODES = {"aerial", "heavy-weapons", "drone", "suicide-attack"}
PROTEST_SECTORS = {"CVL", "EDU", "LAB", "OPP", "SOC"}
WRITTEN_PROTESTS = {"letter", "statement", "note", "complaint", "communique", "petition"}
# Bare nouns for members of a force and the sector of the force they stand for.
BARE_FORCES = {"soldier": "MIL", "troop": "MIL", "officer": "COP", "policeman": "COP",
               "police": "COP"}
# Sectors whose road blocks are the state's restrictions, not protests.
STATE_FORCES = {"COP", "MIL", "GOV", "JUD", "SPY"}
TWO_PARTY_NOUNS = _words("TWO_PARTY_NOUNS")


WARNING_CUES = _words("WARNING_CUES")
UNANSWERED = _words("UNANSWERED")
PROMISING = _words("PROMISING")
INTRANSITIVE_ONLY = _words("INTRANSITIVE_ONLY")
HOSTED_OCCASIONS = _words("HOSTED_OCCASIONS")
TALK_NOUNS = _words("TALK_NOUNS")
REQUEST_NOUNS = _words("REQUEST_NOUNS")
PERMITTING = _words("PERMITTING")
MEASURE_NOUNS = _words("MEASURE_NOUNS")
RALLIED = _words("RALLIED")
REGARDING = _words("REGARDING")
HALTING = _words("HALTING")
HALTED_TRADE = _words("HALTED_TRADE")
DELIBERATING = _words("DELIBERATING")
RESPONDING = _words("RESPONDING")
SANCTION_RESTRICTIONS = _words("SANCTION_RESTRICTIONS")
PERSISTING = _words("PERSISTING")
FATE_VERBS = _words("FATE_VERBS")
BOONS = _words("BOONS")
RESPONSE_ACTS = _words("RESPONSE_ACTS")
LAPSED_DEALS = _words("LAPSED_DEALS")
# Speakers who speak for no side, whatever their nationality (analysts, reporters, doctors).
ONLOOKER_SECTORS = {"EDU", "JRN", "MED", "BUS", "CVL", "HLH"}
# Acts a speaker's side offers rather than threatens, whatever the condition.
CONCILIATORY = {"CONCEDE", "RETREAT", "AID", "AGREE", "COOPERATE", "CONSULT", "SUPPORT"}
# Threat verbs that name an act of force only when aimed at a party: "vowed to fight on",
# "swore to fight the invaders", but not "vowed to fight corruption" or "fight for their rights".
PARTY_AIMED_THREATS = _words("PARTY_AIMED_THREATS")
ACT_AIMED_THREATS = _words("ACT_AIMED_THREATS")
PROVOCATIONS = _words("PROVOCATIONS")
# Guesses about what someone might do are not events: verbs that always speculate, and
# onlookers whose expectations ("analysts expect OPEC+ to agree") report nobody's act.
SPECULATING = _words("SPECULATING")
EXPECTING = _words("EXPECTING")
ONLOOKERS = _words("ONLOOKERS")
# Adverbs of habit: "regularly patrols the sea", "the two leaders meet regularly" are routines,
# not events (a change of posture or a meeting is; routine abuse still is an act: "routinely
# beat detainees" stays ASSAULT).
HABITUAL = _words("HABITUAL")
ROUTINE_TYPES = {"MOBILIZE", "CONSULT", "COOPERATE"}
# Stationing verbs: in the present passive with a location ("are stationed in Germany") they
# describe a presence, not a deployment.
PRESENCE_VERBS = _words("PRESENCE_VERBS")
# Earlier talks and deals told in a relative clause about a party ("Saudi Arabia, which hosted
# the last round of talks, ...") describe that party, not a new event.
ASIDE_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
# Types whose verbs always take an object (a bare past participle of them is passive).
TRANSITIVE_TYPES = {"COERCE", "SANCTION", "MOBILIZE", "AID"}
EARLIER = _words("EARLIER")
DEAL_NOUNS = _words("DEAL_NOUNS")


@cache
def mode_cues() -> list[tuple[str, str, frozenset[str]]]:
    rows = load_table("mode_cues.tsv", required=("event", "mode", "lemmas"))
    return [(r["event"], r["mode"], frozenset(split_list(r["lemmas"]))) for r in rows]


def infer_mode(event: str, tok: Token, parties: int) -> str | None:
    """A mode for an event whose trigger leaves it open, from the words of its clause."""
    if event in {"REQUEST", "REJECT"}:
        scope = [t for c in tok.children if c.dep_ in {"xcomp", "ccomp", "dobj", "prep"}
                 or (tok.pos_ == "NOUN" and c.dep_ in {"acl", "advcl"})
                 or (c.dep_ == "advcl" and any(m.lower_ == "for" for m in c.children))
                 for t in c.subtree]
    else:
        head = tok.head if tok.pos_ == "NOUN" and tok.head.pos_ == "VERB" else tok
        scope = list(head.subtree)
    if event == "CONSULT" and parties >= 3:
        return "multilateral"
    return mode_of_words(event, scope)


def mode_of_words(event: str, words: list[Token]) -> str | None:
    """The first `mode_cues.tsv` row of this type whose lemmas occur among `words`."""
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    for kind, mode, cues in mode_cues():
        if kind == event and lemmas & cues:
            return mode
    return None
# Background well before publication is historical (the guidelines: about two months).
HISTORICAL_DAYS = 60
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def latest_day(raw: str, past_of: datetime.date | None = None) -> datetime.date | None:
    """The last day a month- or year-level expression can mean: "January 2019" -> 2019-01-31,
    "between November 2023 and early 2025" -> 2025-12-31, "2022-23" -> 2023-12-31. With
    `past_of` (the publication of a past-tense report), a month without a year is the latest
    such month not after it: "in early March" in an August story -> March 31 of that year."""
    years = [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", raw)]
    years += [2000 + int(y) for y in re.findall(r"\b20\d\d-(\d\d)\b", raw)]
    if not years and past_of is not None:
        bare = [MONTHS[w[:3].lower()] for w in re.findall(r"[A-Za-z]+", raw)
                if len(w) >= 3 and w[:3].lower() in MONTHS and w.lower() not in {"mar", "may"}
                or w in {"March", "May"}]
        if len(bare) == 1 and not re.search(r"\d", raw):  # "May 5" is a day, not a month
            month = bare[0]
            year = past_of.year - (month > past_of.month)
            nxt = datetime.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - datetime.timedelta(days=1)
    if not years:
        return None
    year = max(years)
    pairs = [(int(y), MONTHS[m[:3].lower()]) for m, y in re.findall(
        r"\b([A-Za-z]{3,})\.?\s+(?:\d{1,2},?\s+)?(\d{4})\b", raw) if m[:3].lower() in MONTHS]
    month = max((m for y, m in pairs if y == year), default=None)
    if month is not None:
        nxt = datetime.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - datetime.timedelta(days=1)
    return datetime.date(year, 12, 31)


@cache
def evaluation_words() -> dict[str, str]:
    rows = load_table("evaluation_words.tsv", required=("lemma", "polarity"), key="lemma")
    return {r["lemma"].lower(): r["polarity"] for r in rows}


def _denied_phrase(noun: Token) -> bool:
    """Is the noun phrase denied ("not a declaration of war")? The parser may hang the "not"
    on the phrase before it."""
    start = noun.left_edge.i
    return any(c.dep_ == "neg" for c in noun.children) or (
        start > 0 and noun.doc[start - 1].lower_ == "not")


def polarity(words: list[Token]) -> str | None:
    """"negative" or "positive" for an evaluative phrase; a negated positive ("not justice")
    is neither."""
    table = evaluation_words()
    found = [table.get(t.lemma_.lower()) or table.get(t.lower_) for t in words]
    # "an open declaration of war", "an act of war" (but not "a war to free our people")
    # ("a measured response, not a declaration of war": a denial of the verdict)
    found += ["negative" for t in words if t.lemma_.lower() == "war" and t.head.lower_ == "of"
              and t.head.head.lemma_.lower() in {"declaration", "act"}
              and not _denied_phrase(t.head.head)]
    if "negative" in found:
        return "negative"
    return "positive" if "positive" in found else None


@cache
def threat_nouns() -> dict[str, str]:
    rows = load_table("threat_nouns.tsv", required=("lemma", "mode"), key="lemma")
    return {r["lemma"].lower(): r["mode"] for r in rows if (r.get("pos") or "NOUN") == "NOUN"}


@cache
def threat_verbs() -> dict[str, str]:
    """Verbs naming a threatened act ("vowed to retaliate"), counted only inside a warning."""
    rows = load_table("threat_nouns.tsv", required=("lemma", "mode"), key="lemma")
    return {r["lemma"].lower(): r["mode"] for r in rows if r.get("pos") == "VERB"}


def threat_verb(w: Token, verbs: dict[str, str], is_party: Callable[[Token], bool]) -> str | None:
    """The threat mode a verb names ("retaliate", "fight on"), or None; a party-aimed verb
    counts with no object, or with an object or "against" target that `is_party`."""
    lemma = w.lemma_.lower()
    if w.pos_ == "VERB" and lemma in ACT_AIMED_THREATS:
        # "would answer the expulsion", "would reciprocate the move"; not "answer questions"
        return "restrict" if any(
            c.dep_ == "dobj" and (match_trigger(c) is not None or c.lemma_.lower() in PROVOCATIONS)
            for c in w.children) else None
    if w.pos_ != "VERB" or lemma not in verbs:
        return None
    if lemma in PARTY_AIMED_THREATS:
        targets = [c for c in w.children if c.dep_ == "dobj"] + [
            g for c in w.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if any(c.dep_ == "prep" and c.lower_ in {"for", "over", "about"} for c in w.children):
            return None
        if targets and not any(is_party(t) for t in targets):
            return None
    return verbs[lemma]


def _met_with(tok: Token) -> bool:
    """"would be met with sanctions": the passive "met with" of a response, not a meeting."""
    return tok.lemma_.lower() == "meet" and any(
        c.dep_ == "auxpass" for c in tok.children) and any(
        c.dep_ in {"prep", "agent"} and c.lower_ == "with" for c in tok.children)


# "would be treated as an act of war": a verdict announced in advance is a threat
VERDICT_VERBS = _words("VERDICT_VERBS")
WAR_ACTS = _words("WAR_ACTS")


def threat_phrase(words: list[Token]) -> str | None:
    """The mode of a threat stated outright, whoever reports it: "will face serious
    consequences", "are now legitimate targets", "would pay a heavy price", "would be met with
    sanctions", "would be treated as an act of war"."""
    nouns = threat_nouns()
    for w in words:
        if _met_with(w):
            for obj in (g for c in w.children if c.lower_ == "with" for g in c.children
                        if g.dep_ == "pobj"):
                lemma = obj.lemma_.lower()
                if lemma in nouns or lemma in {"sanction", "force", "measure"}:
                    return nouns.get(lemma, "restrict" if lemma != "force" else "violence")
        if w.lemma_.lower() in VERDICT_VERBS and any(
                c.dep_ == "auxpass" for c in w.children) and any(
                g.lemma_.lower() == "act" and any(
                    p.lower_ == "of" and any(o.lemma_.lower() in WAR_ACTS for o in p.children)
                    for p in g.children)
                for c in w.children if c.lower_ == "as" for g in c.children):
            return "violence"
        wanted = THREAT_PHRASES.get(w.lemma_.lower())
        if not wanted or w.pos_ not in {"VERB", "AUX"}:
            continue
        for obj in (c for c in w.children if c.dep_ in {"dobj", "attr"}):
            lemma = obj.lemma_.lower()
            if lemma not in wanted:
                continue
            if lemma == "target" and not any(c.lower_ == "legitimate" for c in obj.children):
                continue
            if lemma == "price" and not any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX | {
                    "would"} for a in w.children):
                continue  # "our villages pay its price": a complaint, not "will pay a price"
            return nouns.get(lemma, "restrict") if lemma != "price" else "restrict"
    return None


def idiom_threat(words: list[Token]) -> str | None:
    """Threat formulas that name no act, whoever reports them: "will not go unanswered",
    "would not pass without a response", "reserves the right to respond", "will answer to the
    law". The mode they imply ("" when none)."""
    nouns, verbs = threat_nouns(), threat_verbs()
    for w in words:
        lemma = w.lemma_.lower()
        if lemma in {"go", "pass"} and any(c.dep_ == "neg" for c in w.children) and (
                any(c.lower_ in UNANSWERED for c in w.children) or any(
                g.lemma_.lower() in set(nouns) | {"answer"} for c in w.children
                if c.dep_ == "prep" and c.lower_ == "without" for g in c.children)):
            return ""
        if lemma == "reserve":  # (the tagger may read "reserves" as a plural noun)
            rights = [o for o in w.children if o.dep_ == "dobj" and o.lemma_.lower() == "right"]
            for act in [g for o in rights for g in o.children if g.dep_ in {"acl", "relcl"}] + [
                    c for c in w.children if c.dep_ in {"xcomp", "advcl"}] if rights else []:
                if act.lemma_.lower() in verbs:
                    return verbs[act.lemma_.lower()]
                if act.lemma_.lower() == "take" and any(
                        o.dep_ == "dobj" and o.lemma_.lower() in set(nouns) | {"step"}
                        for o in act.children):
                    return ""
        if lemma == "hesitate" and any(c.dep_ == "neg" for c in w.children) and any(
                a.dep_ == "aux" and a.lower_ in FUTURE_AUX | {"would"} for a in w.children):
            # "would not hesitate to act if violations were confirmed" (not "to help")
            for act in (c for c in w.children if c.dep_ == "xcomp"):
                if act.lemma_.lower() in verbs:
                    return verbs[act.lemma_.lower()]
                if act.lemma_.lower() in RESPONSE_ACTS:
                    return ""
        if lemma == "answer" and any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX | {"would", "must"}
                                     for a in w.children) and any(
                g.lemma_.lower() in {"law", "justice"} for c in w.children
                if c.dep_ == "prep" and c.lower_ == "to" for g in c.children):
            return "arrest"
    return None


def _particles(tok: Token) -> dict[str, set[str]]:
    """Particles, prepositions and adverbs hanging off a word, each with its objects' lemmas.
    A preposition whose object is a date or time ("called on Friday") is not a particle."""
    out: dict[str, set[str]] = {}
    for child in tok.children:
        if child.dep_ not in {"prt", "prep", "advmod", "agent", "dative"}:
            continue
        objs = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
        if objs and all(o.ent_type_ in {"DATE", "TIME"} for o in objs):
            continue
        # "arrived for two days of talks", "for another round of talks": the noun after "of"
        objs += [g for o in list(objs) for p in o.children if p.dep_ == "prep"
                 and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        out.setdefault(child.lemma_.lower(), set()).update(o.lemma_.lower() for o in objs)
        if any(o.ent_type_ in {"GPE", "LOC", "FAC"} for o in objs):
            out[child.lemma_.lower()].add("gpe")  # "pushed deeper into Iraq"
    # "called for Greece to withdraw": "for" marking the clause asked for
    for clause in (c for c in tok.children if c.dep_ in {"advcl", "ccomp", "xcomp"}):
        if any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children):
            out.setdefault("for", set()).add(clause.lemma_.lower())
    # "pulled its fighters back": a particle parsed as hanging off the object
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        for child in obj.children:
            if child.dep_ in {"advmod", "prt"} and child.lower_ in {"back", "out"}:
                out.setdefault(child.lower_, set())
    # "walked out of the talks", "pulled out of the deal": "out of" is one preposition, not the
    # particle of "walk out" / "pull out" (the parser may hang "of" on "out").
    for out_ in (c for c in tok.children if c.lower_ == "out" and c.dep_ in {"prep", "prt"}):
        for of in (g for g in out_.children if g.dep_ == "prep" and g.lower_ == "of"):
            out.setdefault("of", set()).update(
                o.lemma_.lower() for o in of.children if o.dep_ == "pobj")
    if "out" in out and "of" in out:
        out["out of"] = out.pop("of")
        out.pop("out")
    return out


def _object_lemmas(tok: Token, pos: str, places: frozenset[int] | set[int] = frozenset()
                   ) -> set[str]:
    if pos == "VERB":
        objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}]
        objs += [g for o in list(objs) for g in o.conjuncts]
        # "lifted her predecessor's ban on rallies": the parser may make the object an apposition
        objs += [g for o in list(objs) for g in o.children if g.dep_ == "appos"]
        # "held a round of talks", "two days of talks": the noun after "of" counts too
        objs += [g for o in list(objs) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"]
        objs += [g for o in list(objs) for a in o.children
                 if a.dep_ == "acl" and a.lemma_.lower() in CARRYING
                 for d in a.children if d.dep_ == "dobj" for g in (d, *d.conjuncts)]
        if tok.lemma_.lower() == "help":
            # "would help Estonia install sensors": the one helped is the small clause's subject
            objs += [g for c in tok.children if c.dep_ in {"ccomp", "xcomp"}
                     for g in c.children if g.dep_ == "nsubj"]
        # "declared the ambassador persona non grata": the parser may make the small clause's
        # noun a clausal complement
        objs += [c for c in tok.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ == "NOUN"]
        # "violated the ceasefire agreement", "launched a mediation mission"; "sent the frigate
        # Provence" (the class noun before a vessel's name may be tagged as an adjective)
        objs += [m for o in list(objs) for m in o.children if m.dep_ == "compound" or (
            m.dep_ == "amod" and o.pos_ == "PROPN")]
        # "fired tear gas and stun grenades", "raised its alert level": a noun the parser hung
        # on the object as a modifier (or tagged as an adjective) names it too
        objs += [g for o in list(objs) for m in o.children if m.dep_ == "nmod"
                 for g in (m, *m.conjuncts)]
        objs += [m for o in list(objs) if o.lemma_.lower() in MEASURE_NOUNS
                 for m in o.children if m.dep_ == "amod"]
        if _ordered_done(tok):
            objs += [c for c in tok.children if c.dep_ == "nsubj"]
        if ordered_object(tok):
            objs.append(tok.head)
        if tok.lemma_.lower() in {"propose", "suggest"}:
            # "proposed that border officials from both sides meet": the proposed act
            objs += [c for c in tok.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ == "VERB"]
        if tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN"} and _gap_is_object(tok):
            # "the ceasefire the group declared", "talks, which Canada paused": the noun the
            # clause describes is what the verb acts on
            objs.append(tok.head)
        found = {o.lemma_.lower() for o in objs} | {o.lower_ for o in objs}
        if any(o.ent_type_ in {"GPE", "LOC", "FAC"} or o.i in places for o in objs):
            found.add("gpe")  # a named place: "seized Goma", "captured Bakhmut"
        if any(o.ent_type_ == "PERSON" for o in objs):
            found.add("person")  # a named person: "released Mathieu Garnier"
        if any(o.ent_type_ == "ORG" for o in objs):
            found.add("org")  # a named body: "formally left ECOWAS"
        return found
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        mods |= {g.lemma_.lower() for g in prep.children if g.dep_ == "pobj"}
    return mods


def _ordered_done(verb: Token) -> bool:
    """"a court ordered Imamoglu jailed", "ordered the office closed": the parser reads the
    object and its participle as a clause of their own; the one ordered is the object, the
    one who orders acts."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() == "order" and \
        verb.tag_ in {"VBD", "VBN"} and any(c.dep_ == "nsubj" for c in verb.children) and \
        not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _anyone_who(verb: Token) -> bool:
    """"anyone who helped him would be prosecuted", "those responsible will be charged": the
    passive subject is whoever does something, so the sentence warns; "the suspects would be
    charged" announces a charge."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return False
    return subject.lower_ in {"anyone", "anybody", "whoever", "those", "everyone", "all"} or any(
        c.dep_ == "relcl" for c in subject.children) or any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in {"if", "unless"}
                                  for g in c.children) for c in verb.children)


def _about_anything(tok: Token) -> bool:
    """Is the act's only object an indefinite pronoun ("not asking for anything new", "do not
    agree on everything")? Talk about acts in general, not an act."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    objs = [c for c in tok.children if c.dep_ in {"dobj", "xcomp", "ccomp"}]
    objs += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return bool(objs) and all(o.lower_ in INDEFINITE_PRONOUNS for o in objs)


def _requested(tok: Token) -> bool:
    """Is the act the clause of a demand, call or proposal ("its demand that Greece withdraw",
    "an ultimatum for France to withdraw its troops")?"""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # "called for Greece to withdraw its troops": wanted, not done
    # (what is asked is in the base form, "that Greece withdraw", "for France to leave"; a
    # relative clause about the demand is not: "a demand that Hamas rejected")
    return verb.dep_ in {"acl", "advcl", "ccomp", "xcomp"} and verb.head.pos_ == "NOUN" and \
        verb.head.lemma_.lower() in REQUEST_NOUNS and verb.tag_ == "VB"


def _no_plans(verb: Token) -> bool:
    """"had no plans to meet Takaichi", "has no intention of lifting the ban": an intention
    denied."""
    head = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return verb.dep_ in {"acl", "xcomp", "pcomp"} and head.lemma_.lower() in {
        "plan", "intention", "intent"} and any(c.dep_ == "det" and c.lower_ == "no"
                                               for c in head.children)


def _gap_is_object(verb: Token) -> bool:
    """Whether a relative clause's missing argument is its object: it has a subject of its
    own and no object other than a relative pronoun ("that", "which"), or its relative pronoun
    is a passive subject ("sanctions that were imposed")."""
    deps = {c.dep_: c for c in verb.children}
    if "nsubjpass" in deps:
        return deps["nsubjpass"].lower_ in RELATIVE_PRONOUNS
    subject = deps.get("nsubj")
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return False
    obj = deps.get("dobj")
    return obj is None or obj.lower_ in RELATIVE_PRONOUNS


def _complement_read_as_relative(verb: Token) -> bool:
    """"said during the signing that Japan would provide the coast guard with vessels": the
    parser may read the "that" clause as a relative clause of "signing". A relative "that" fills
    a slot of its clause; when the slot is already taken (a second object or subject), the
    clause is the speech verb's complement."""
    if verb.dep_ != "relcl":
        return False
    for that in (c for c in verb.children if c.lower_ == "that" and c.i < verb.i):
        if any(c is not that and c.dep_ == that.dep_ for c in verb.children):
            return True
    return False


def _standing_position(tok: Token, trig: Trigger, kind: str) -> bool:
    """"a church that Ortega accuses of plotting", "an agreement that Tamil parties still
    reject", "as Israel demands": a verbal act in the simple present inside a relative or "as"
    clause describes a standing position, not an act done in the news."""
    if trig.pos != "VERB" or kind not in VERBAL or tok.tag_ not in {"VBZ", "VBP"} or any(
            c.dep_ in {"aux", "auxpass"} for c in tok.children):
        return False
    return tok.dep_ == "relcl" or (tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in tok.children))


def _reduced_passive(verb: Token) -> bool:
    """"Two other priests detained in the same raids remain in custody": a bare participle the
    parser made the main verb, with the real one (a finite verb with no subject of its own)
    hung under it; its "subject" is the one acted on."""
    # (the tagger may call the participle a past tense; a finite verb hung on it as an adverbial
    # clause with neither subject nor conjunction is the tell)
    if verb.tag_ not in {"VBN", "VBD"} or any(c.dep_ in {"aux", "auxpass"} for c in verb.children) \
            or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    return any(c.dep_ == "advcl" and c.tag_ in {"VBP", "VBZ"} and c.i > verb.i
               and not any(g.dep_ in {"nsubj", "nsubjpass", "mark", "aux"} for g in c.children)
               for c in verb.children)


def _stolen_subject(verb: Token) -> Token | None:
    """"handed three hostages to the Red Cross on Saturday and Israel freed 183 prisoners": the
    parser may join the second clause's subject to the first clause's last noun and give the
    second verb none; the name just before a subject-less coordinated verb is its subject."""
    if verb.dep_ != "conj" or verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i < 2 or any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    name = verb.doc[verb.i - 1]
    if name.dep_ != "conj" or name.pos_ != "PROPN" or name.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    edge = name.left_edge
    return name if edge.i > 0 and verb.doc[edge.i - 1].lower_ == "and" else None


def _subject_of_next_clause(name: Token) -> bool:
    """Is this conjunct of a noun really the subject of the next clause (`_stolen_subject`)?"""
    if name.i + 1 >= len(name.doc):
        return False
    stolen = _stolen_subject(name.doc[name.i + 1])
    return stolen is not None and stolen.i == name.i


def _after_rounds(tok: Token) -> Token | None:
    """"left Cairo after four days of indirect talks", "agreed after two rounds of talks": a
    noun the clause reports as held before its act; returns that clause's verb."""
    of = tok.head
    if tok.dep_ != "pobj" or of.lower_ != "of" or of.head.lemma_.lower() not in ROUND_NOUNS:
        return None
    rows = triggers_by_lemma().get((tok.lemma_.lower(), "NOUN"), ())
    if not any(t.event == "CONSULT" for t in rows):
        return None  # "resigned after weeks of protests": the subject did not protest
    span = of.head
    if span.dep_ != "pobj" or span.head.lower_ not in {"after", "following", "during"}:
        return None
    if not any(c.dep_ == "nummod" for c in span.children) and not any(
            c.dep_ in {"prep", "acl"} for c in tok.children):
        return None  # "after weeks of talks": background, unless counted or placed
    verb = span.head.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


# "The truce largely held", "a ceasefire between India and Pakistan held": a truce kept is a
# ceasefire carried out (the guidelines' RETREAT row), by the parties to it.
TRUCE_HELD = Trigger(lemma="hold", pos="VERB", particle=None, objects=("truce",), event="RETREAT",
                     mode="ceasefire", cameo="0871", contexts=("military",))


# "A World Food Programme convoy reached Tawila": aid carriers arriving are aid delivered.
AID_ARRIVED = Trigger(lemma="reach", pos="VERB", particle=None, objects=(), event="AID",
                      mode=None, cameo="073", contexts=("humanitarian",))
ARRIVING = _words("ARRIVING")


def _aid_arrived(tok: Token) -> bool:
    """Is `tok` an aid convoy, lorry or shipment arriving ("the convoy reached Tawila")?"""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in ARRIVING and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in AID_CARRIERS and not any(
            m.lemma_.lower() in {"military", "army", "armoured", "armored", "naval", "police"}
            for m in c.children)  # (a military convoy arriving is a deployment)
        for c in tok.children)


def _truce_held(tok: Token) -> Token | None:
    """The truce noun when `tok` is "held" said of a truce, with no object of its own."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "hold" or any(
            c.dep_ in {"dobj", "nsubjpass"} for c in tok.children):
        return None
    if tok.dep_ == "acl" and tok.tag_ in {"VBD", "VBN"} and tok.head.lemma_.lower() in TRUCE_NOUNS:
        return tok.head  # "The truce largely held": parsed as a reduced relative
    return next((c for c in tok.children if c.dep_ == "nsubj"
                 and c.lemma_.lower() in TRUCE_NOUNS), None)


def host_verb(tok: Token) -> Token | None:
    """The light verb a nominal trigger is the object of: "held talks", "held a round of
    talks", "launched a wave of strikes"."""
    head = tok
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        head = head.head.head
    if head.dep_ == "conj" and head.head.dep_ in {"dobj", "attr"} and head.head.pos_ == "NOUN":
        head = head.head  # "launched large-scale air and naval drills": parsed as a conjunct
    if head.dep_ in {"dobj", "attr"} and head.head.lemma_.lower() in LIGHT_VERBS | OBSERVING_VERBS:
        return head.head
    # "took part in joint drills", "participated in the exercise": the participant is the actor
    if head.dep_ == "pobj" and head.head.lower_ == "in":
        verb = head.head.head
        if verb.lemma_.lower() in PARTICIPATING or (verb.lemma_.lower() == "take" and any(
                c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)):
            return verb
    # "had watched events with grave concern", "greeted the news with alarm": the watcher's
    if head.dep_ == "pobj" and head.head.lower_ == "with":
        # (the parser may hang "with" on the object: "watched [events with concern]")
        watcher = head.head.head
        if watcher.dep_ == "dobj" and watcher.pos_ == "NOUN":
            watcher = watcher.head
        if watcher.pos_ == "VERB" and watcher.lemma_.lower() in REGARDING:
            return watcher
    # "hit back with drone strikes", "retaliated with a missile attack": the responder strikes
    if head.dep_ == "pobj" and head.head.lower_ == "with" and head.head.head.pos_ == "VERB" \
            and head.head.head.lemma_.lower() in RESPONDING:
        return head.head.head
    # "will return to Muscat for a new round of talks": those who go hold the talks
    if head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.pos_ == "VERB" \
            and head.head.head.lemma_.lower() in TRAVELLING:
        return head.head.head
    return None


def call_host(tok: Token) -> Token | None:
    """The verb a phone call is the setting of: "apologised to Aliyev in a phone call",
    "discussed the seizure with Araghchi by phone" — the call is a CONSULT of its own, by the
    verb's subject with its partner; None when the verb is itself the talking ("spoke by
    phone")."""
    if tok.dep_ != "pobj" or tok.lemma_.lower() not in {"call", "phone", "telephone"}:
        return None
    prep, verb = tok.head, tok.head.head
    if verb.pos_ != "VERB" or not (
            (prep.lower_ in {"in", "during"} and tok.lemma_.lower() == "call")
            or (prep.lower_ == "by" and tok.lemma_.lower() in {"phone", "telephone"})):
        return None
    if (own := match_trigger(verb)) is not None and own.event == "CONSULT":
        return None
    return verb


def predicative(tok: Token) -> bool:
    """An adjective or participle said of its subject: "is willing to", "was deeply concerned
    by", "remains opposed to"."""
    if tok.pos_ == "ADJ" or tok.dep_ == "acomp":  # "was concerned" may parse as a VERB acomp
        # (or as the head of its clause with the copula under it: 'they were "deeply
        # concerned."', where the quotation mark splits the phrase)
        return (tok.dep_ == "acomp" and tok.head.lemma_.lower() in COPULAS) or any(
            c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() in COPULAS for c in tok.children)
    return tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lemma_.lower() in COPULAS
                                     for c in tok.children)


def _adjective_trigger(tok: Token) -> Trigger | None:
    """An ADJ row of the lexicon, keyed by the word's lemma in the lexicon's test frame
    ("concerned", "prepared", but "commit", "oppose"); an infinitive complement counts as the
    particle "to" ("willing to send")."""
    word = tok.lower_
    stems = [word, tok.lemma_.lower()]
    if word.endswith("ed"):
        stems += [word[:-1], word[:-2], word[:-3]]  # opposed, disappointed, committed
    form = next((w for w in stems if (w, "ADJ") in triggers_by_lemma()), None)
    if form is None or not predicative(tok):
        return None
    particles = _particles(tok)
    for child in tok.children:
        if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to"
                                         for c in child.children):
            particles.setdefault("to", set()).add(child.lemma_.lower())
    return select_trigger(form, "ADJ", particles=particles)


HALTED_TRADE_TRIGGER = Trigger(lemma="stop", pos="VERB", particle=None, objects=(),
                               event="SANCTION", mode="discontinue", cameo="163",
                               contexts=("economic",), note="halted trade or dues")


def _alleged_content(tok: Token) -> bool:
    """Is the word inside the clause of an accusation, claim or report ("accusations from Port
    Sudan that South Sudanese territory is being used to move weapons")? What is alleged is the
    accusation's content; the accusation is the event, the act is not asserted."""
    node = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    for _ in range(4):
        # (the parser may call the clause relative though it has a subject of its own)
        if node.dep_ in {"acl", "ccomp", "relcl"} and node.head.pos_ == "NOUN" and \
                node.head.lemma_.lower() in DENIED_NOUNS and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in node.children) and any(
                    c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
            # (not when the report is denied: "denied reports that the warship had entered
            # Iranian waters" is the denier's negated act)
            return node.head.head.lemma_.lower() not in {"deny", "dismiss", "reject", "refute"}
        if node.head is node or node.dep_ not in {"xcomp", "conj", "ccomp", "advcl", "acl",
                                                   "relcl"}:
            return False
        node = node.head
    return False


LAPSED_TRIGGER = Trigger(lemma="let", pos="VERB", particle=None, objects=(), event="SANCTION",
                         mode="discontinue", cameo="163", contexts=("economic",),
                         note="a deal or licence let lapse")


def _habitual_relative(tok: Token) -> bool:
    """A verb in the simple present inside a relative clause says what the noun does as a
    rule ("drug gangs that move coca", "the armed groups that kill Malians"): a description
    of the noun, not an act that happened."""
    return tok.pos_ == "VERB" and tok.dep_ == "relcl" and tok.tag_ in {"VBP", "VBZ"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in tok.children)


def match_trigger(tok: Token, places: frozenset[int] | set[int] = frozenset()
                  ) -> Trigger | None:
    """The event-lexicon row this word triggers, if any (see event_verbs.tsv for the rule).
    `places`: indices of tokens known to name places (a named place object counts as "gpe")."""
    if tok.pos_ in {"ADJ", "VERB"} and (adj := _adjective_trigger(tok)) is not None:
        return adj
    if _truce_held(tok):
        return TRUCE_HELD
    if _aid_arrived(tok):
        return AID_ARRIVED
    if tok.lemma_.lower() == "attend" and tok.pos_ == "VERB" and any(
            c.dep_ == "neg" for c in tok.children) and not any(
            c.dep_ == "dobj" for c in tok.children):
        # "Tshisekedi will not attend": the meeting is the one the story is about
        return select_trigger("attend", "VERB", objects=("meeting",))
    if tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.head.pos_ == "VERB" and any(
            c.dep_ == "dobj" and (c.lower_ == "more" or c.like_num) for c in tok.children):
        # "delivered three drones and would send two more": the ellipsis takes the first act
        first = match_trigger(tok.head, places)
        if first is not None and first.event in {"AID", "MOBILIZE", "SANCTION", "RETREAT"} \
                and tok.lemma_.lower() in GIVING_VERBS | {tok.head.lemma_.lower()}:
            return first
    if tok.pos_ in {"VERB", "AUX"}:
        pos = "VERB"
    elif tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ != "compound" and tok.ent_type_ not in {
            "DATE", "TIME", "PERSON", "GPE"}:  # "March" the month, "Strike" a surname
        pos = "NOUN"
    else:
        return None
    lemma = tok.lemma_.lower()
    if pos == "VERB" and lemma in {"let", "allow"} and any(
            c.dep_ == "dobj" and c.lemma_.lower() in LAPSED_DEALS
            for v in [tok, *(c for c in tok.children if c.lemma_.lower() in {"lapse", "expire"})]
            for c in v.children) and any(
            w.lemma_.lower() in {"lapse", "expire"} for w in tok.subtree):
        # (the parser reads these word orders in odd ways, so the test is on the words)
        # "allowed a licence to expire", "let lapse the contract for the pipeline": a deal
        # not renewed is one discontinued
        return LAPSED_TRIGGER
    if pos == "VERB" and lemma in HALTED_TRADE and tok.dep_ == "xcomp" and tok.tag_ == "VBG" \
            and tok.head.lemma_.lower() in HALTING:
        # "stopped buying Russian gas", "has stopped paying its share of the budget": a state
        # ending its trade or dues with another is a sanction (like halted supplies)
        return HALTED_TRADE_TRIGGER
    if pos == "VERB" and lemma in LIGHT_VERBS and tok.dep_ == "relcl" and _gap_is_object(tok) \
            and (tok.head.lemma_.lower(), "NOUN") in triggers_by_lemma():
        # "the exercises that Iranian forces launched a day earlier": the noun the clause
        # describes is the light verb's object, and its own row codes the act
        inner = select_trigger(tok.head.lemma_.lower(), "NOUN",
                               objects=_object_lemmas(tok.head, "NOUN"))
        if inner is not None and inner.specificity > 0:
            return Trigger(lemma=lemma, pos="VERB", particle=None, objects=(),
                           event=inner.event, mode=inner.mode, cameo=inner.cameo,
                           contexts=inner.contexts, note="")
    if (lemma, pos) not in triggers_by_lemma():
        return None
    trig = select_trigger(lemma, pos, particles=_particles(tok),
                          objects=_object_lemmas(tok, pos, places))
    if trig is not None and trig.event == "CONSULT" and lemma == "meet" and (any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in MET_TARGETS
            for c in tok.children) or _met_with(tok)):
        # "Kyiv had met every condition": a mark reached, not a meeting; "would be met with
        # sanctions": a response (see `threat_phrase`)
        return None
    if trig is not None and trig.event == "REJECT" and (any(
            c.dep_ == "dobj" and c.lemma_.lower() in DENIED_NOUNS for c in tok.children) or (
            tok.dep_ in {"relcl", "acl"} and tok.head.lemma_.lower() in DENIED_NOUNS
            and not any(c.dep_ == "dobj" for c in tok.children))):
        # "rejected the accusation as baseless", "a claim the presidency rejected": a denial
        return None
    if _alleged_content(tok):
        return None  # "accusations that its territory is being used to move weapons"
    if trig is not None and pos == "VERB" and lemma in INFINITIVE_ONLY and not trig.particle \
            and not any(any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                        for c in tok.children):  # an xcomp, or a misparsed "to authorise"
        return None  # "asked about the talks" is a question, "asked X to act" a request
    if trig is not None and pos == "VERB" and lemma in LIGHT_VERBS:
        # "launched a general strike", "went on hunger strike": the noun's own constrained row
        # says more than the light verb's.
        # (not a topic or a reason: "held talks over China's suspension of imports")
        for obj in (c for c in tok.children if c.dep_ in {"dobj", "pobj"} or (
                c.dep_ == "prep" and c.lower_ in {"on", "in", "into"})):
            noun = obj if obj.dep_ == "dobj" else next(
                (g for g in obj.children if g.dep_ == "pobj"), None)
            if noun is None or (noun.lemma_.lower(), "NOUN") not in triggers_by_lemma():
                continue
            inner = select_trigger(noun.lemma_.lower(), "NOUN",
                                   objects=_object_lemmas(noun, "NOUN"))
            if inner is not None and inner.specificity > 0:
                return Trigger(lemma=trig.lemma, pos=trig.pos, particle=trig.particle,
                               objects=trig.objects, event=inner.event, mode=inner.mode,
                               cameo=inner.cameo, contexts=inner.contexts, note=trig.note)
    return trig


class EventFinder(EventContext):
    def __init__(self, doc: Doc, actors: ActorIndex, statements: list[Statement],
                 places: PlaceIndex, published: str | None) -> None:
        self.doc = doc
        self.actors = actors
        self.statements = statements
        self.places = places
        self.published = published
        self.resolver = SpeakerResolver(doc, actors)
        self.k = load_knowledge()
        self.last_parties: list[str] = []
        # how often each pair of parties has met in a coded event, and how early: "the two
        # countries" is the story's main pair, not a mediator or ally named last
        self.pairs: dict[frozenset[str], tuple[int, int]] = {}
        self.last_date: str | None = None  # the latest resolved day, for chains
        self.lead_date: str | None = None  # the story's first dated act
        self.paragraph_dates: dict[int, str] = {}
        # Tokens of names used as locations ("in Kyiv"), as opposed to actors ("Kyiv said").
        starts = {m.start for p in places.places for m in p.mentions}
        self.locative = {t.i for t in doc if t.idx in starts or (
            t.i > 0 and doc[t.i - 1].i in self.places.by_token and t.i in self.places.by_token
            and doc[t.i - 1].idx in starts)}
        # Sentence of each token, computed once: `Token.sent` walks the document on every call.
        self.sentences = list(doc.sents)
        self.sentence_of = [0] * len(doc)
        for n, sent in enumerate(self.sentences):
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = n

    def _sent(self, tok: Token):  # -> Span
        return self.sentences[self.sentence_of[tok.i]]

    # --- arguments ----------------------------------------------------------------------
    def actors_of(self, tok: Token | None, *, adjective: bool = False) -> list[str]:
        """Actor ids for an argument token and its conjuncts ("France and Germany"); with
        `adjective`, a nationality adjective names the actor ("a Russian missile struck")."""
        if tok is None:
            return []
        if self._two_parties(tok):
            return self._main_pair()
        if tok.lower_ in {"they", "we"} and (joint := self._joint_speakers(tok)):
            return joint
        if tok.lower_ == "one" and (of := next((g for c in tok.children if c.dep_ == "prep"
                                                 and c.lower_ == "of" for g in c.children
                                                 if g.dep_ == "pobj"), None)) is not None:
            tok = of  # "one of its patrol boats rescued": the boats' owner acts
        if tok.lemma_.lower() in {"country", "government", "nation"} and (poss := next(
                (c for c in tok.children if c.dep_ == "poss" and c.lower_ in {"his", "her", "their"}),
                None)) is not None:
            # "said his country would reopen its airspace": the speaker's state
            owner = self.actors.get(self.resolver.resolve(poss) or "")
            state = self._nationality_actor(tok, owner.country) if owner and owner.country else None
            if state is not None:
                return [state]
        out: list[str] = []
        for t in [tok, *(c for c in tok.conjuncts if not _subject_of_next_clause(c))]:
            actor = self._first_person(t) or self.resolver.resolve(t)
            if actor is None and any(self._two_parties(g) for c in t.children if c.dep_ == "prep"
                                     and c.lower_ in {"from", "of", "on"} for g in c.children
                                     if g.dep_ == "pobj"):
                return self._main_pair()  # "negotiators from both sides"
            if actor is None and t.dep_ != "poss":
                # "the leaders of France" / "officials from Kenya": look one level down.
                for child in t.children:
                    if child.dep_ in {"poss", "compound", "amod"} or child.dep_ == "prep":
                        for g in child.subtree:
                            actor = actor or self.actors.actor_of(g)
            if actor is None and adjective:
                # "U.S. and British warplanes struck": every nationality is an actor
                out += [a for a in self._adjective_countries(t) if a not in out]
                continue
            if actor is not None and actor not in out:
                out.append(actor)
            # "Indian and Pakistani troops": one noun, an actor per nationality
            out += [a for a in self.actors.joint.get(t.i, []) if a not in out]
        return out

    def _joint_speakers(self, pronoun: Token) -> list[str]:
        """"Britain and Norway said they would ...": "they" is every party of the reporting
        clause's compound subject, not the first alone."""
        head = pronoun.head
        for _ in range(4):
            if head.pos_ == "VERB" and head.i != pronoun.head.i and is_cue(head):
                subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
                if subj is None or not subj.conjuncts:
                    return []
                found = [a for t in (subj, *subj.conjuncts)
                         if (a := self.resolver.resolve(t)) is not None]
                return list(dict.fromkeys(found)) if len(found) > 1 else []
            if head.head is head:
                break
            head = head.head
        return []

    def _host_country(self, tok: Token) -> list[str]:
        """The country of the place visited ("visited Kyiv", "travel to Berlin")."""
        for g in tok.subtree:
            place = self.places.by_token.get(g.i)
            if place is not None and place.country and place.country in self.k.country_names:
                return [self.actors.country_actor(g, place.country,
                                                  self.k.country_names[place.country])]
        return []

    def _implicit_actor(self, tok: Token, trig: Trigger) -> list[str]:
        """Actors the text implies without naming: a crowd that rallies is a protest's actor
        ("several thousand people rallied"); an arrest reported in the passive ("31 people
        had been detained") was made by the police the article has named, if it has."""
        if trig.pos == "NOUN" and trig.event == "PROTEST" and (host := host_verb(tok)) is not None \
                and host.lemma_.lower() in {"begin", "start", "launch", "stage", "hold", "mount"}:
            # "boat owners began an indefinite strike": the host verb's crowd (not "joined the
            # walkout", which retells a strike already told)
            tok = host
        elif trig.pos != "VERB":
            return []
        subj, passive = self.subject(tok)
        if trig.event == "PROTEST" and subj is not None and not passive and subj.pos_ in {
                "NOUN", "NUM"} and subj.lower_ not in {"it", "they"}:
            return [self._crowd_actor(subj)]
        sector = BARE_FORCES.get(subj.lemma_.lower()) if subj is not None and not passive else None
        if sector is not None and not any(c.dep_ in {"poss", "amod", "compound"}
                                          for c in subj.children):
            # "soldiers fired warning shots", "officers opened fire": the force of that kind
            # the article named last
            forces = [a for a in self.actors.actors if a.sector == sector and a.country and any(
                m.end <= tok.idx for m in a.mentions)]
            if forces:
                return [max(forces, key=lambda a: max(m.start for m in a.mentions
                                                      if m.end <= tok.idx)).id]
        agentless = passive and subj is None and not any(c.dep_ == "agent" for c in tok.children)
        if trig.event == "ACCUSE" and trig.mode == "investigate" and agentless:
            # "prosecutors said an investigation had been opened": opened by those who say so
            speaker = self.actors.get(self._speaker_within(tok) or "")
            if speaker is not None and speaker.sector in STATE_FORCES:
                return [speaker.id]
        if trig.event == "COERCE" and agentless and not _reduced_passive(tok):
            # (not "priests detained in the raids remain in custody": a description of them)
            police = [a for a in self.actors.actors if a.sector == "COP" and any(
                m.end <= tok.idx for m in a.mentions)]
            if police:
                return [max(police, key=lambda a: max(m.start for m in a.mentions
                                                       if m.end <= tok.idx)).id]
        return []

    def _crowd_actor(self, subj: Token) -> str:
        phrase = self.doc[subj.left_edge.i : subj.i + 1]
        for t in phrase:
            if (known := self.actors.actor_of(t)) is not None and t.i == subj.i:
                return known
        # A crowd with no nationality is of the country where it gathers ("rallied in
        # Nairobi"), or else the story's (ANNOTATION: domestic groups take the home country).
        where = next((p.country for g in subj.head.subtree
                      if (p := self.places.by_token.get(g.i)) is not None and p.country
                      and p.country in self.k.country_names), None)
        actor = Actor(id=f"a{len(self.actors.actors) + 1}", name=phrase.text, kind="group",
                      country=where or self.actors.home, sector="CVL",
                      mentions=[Mention(phrase.start_char, phrase.end_char, phrase.text)])
        self.actors.actors.append(actor)
        for t in phrase:
            self.actors.token_actor.setdefault(t.i, actor.id)
        return actor.id

    def _count_pairs(self, parties: list[str]) -> None:
        # (mediators, agencies and firms are no side: "the two sides" are the parties)
        countries = {i: a.country for i in parties if (a := self.actors.get(i)) and a.country
                     and a.country not in {"NGO", "IGO", "UNO", "MNC"}}
        for n, a in enumerate(parties):
            for b in parties[n + 1:]:
                if countries.get(a) and countries.get(b) and countries[a] != countries[b]:
                    seen, first = self.pairs.get(frozenset((a, b)), (0, -len(self.pairs)))
                    self.pairs[frozenset((a, b))] = (seen + 1, first)

    def _main_pair(self) -> list[str]:
        """The two parties the story is about: the pair of different countries coded together
        most often so far (the first named on a tie, as a lead names its story's pair), else the
        latest event's parties."""
        if not self.pairs:
            return list(self.last_parties)
        best = max(self.pairs, key=lambda p: self.pairs[p])
        return [i for i in self.last_parties if i in best] + sorted(best - set(self.last_parties))

    def _two_parties(self, tok: Token) -> bool:
        """"the two sides", "both countries": the parties of the latest two-party event."""
        if tok.lemma_.lower() not in TWO_PARTY_NOUNS and tok.lower_ not in {"two", "both"}:
            return False
        mods = {c.lower_ for c in tok.children if c.dep_ in {"nummod", "det", "predet"}}
        return len(self.last_parties) >= 2 and (bool(mods & {"two", "both"}) or
                                                tok.lower_ in {"two", "both"})

    def _first_person(self, tok: Token) -> str | None:
        """"we"/"I" inside a quotation is its speaker."""
        if tok.lower_ not in {"we", "i"}:
            return None
        statement = self._statement_of(tok)
        return statement.speaker if statement is not None and statement.kind != "indirect" else None

    def _adjective_country(self, tok: Token) -> str | None:
        """"a Russian missile" / "Israeli strikes": the country of a nationality adjective
        (the first; `_adjective_countries` gives them all)."""
        found = self._adjective_countries(tok)
        return found[0] if found else None

    def _adjective_countries(self, tok: Token) -> list[str]:
        out: list[str] = []
        for child in (t for left in tok.lefts for t in left.subtree):
            if child.dep_ in {"amod", "compound", "nmod", "conj"}:
                actor = self._nationality_actor(child)
                if actor is not None and actor not in out:
                    out.append(actor)
        return out

    def _nationality_actor(self, tok: Token, code: str | None = None) -> str | None:
        """The country actor a nationality word names ("Russian", "Pakistanis"), if any."""
        code = code or self.k.adjectives.get(tok.text) or self.k.adjectives.get(
            tok.text.rstrip("s"))
        if not code or code not in self.k.country_names:
            return None
        return self.actors.country_actor(tok, code, self.k.country_names[code])

    def subject(self, tok: Token) -> tuple[Token | None, bool]:
        """(subject token, is_passive) of a verb, borrowing the head's for xcomp/conj verbs."""
        stolen = _stolen_subject(tok)
        if stolen is not None:
            return stolen, False
        if _ordered_done(tok):
            return self.subject(tok.head)
        if ordered_object(tok):
            return self.subject(tok.head.head)
        if _reduced_passive(tok):
            agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children
                          if g.dep_ == "pobj"), None)
            return agent, True
        if tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.pos_ in {"NOUN", "PROPN"} and \
                not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            # "the prime minister offered on Thursday to ...": a past-tense verb is never a
            # reduced relative; the parser's noun head is its subject
            return tok.head, False
        if tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and is_cue(tok) and \
                is_cue(tok.head.head) and tok.head.head.i < tok.i and not any(
                    c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            # (not when the attribution comes last: in "Hungary blocked ... and threatened to
            # veto ..., diplomats said", Hungary threatens)
            # "the ministry said the boat had been on patrol and accused Guyana of ...": a verb
            # of saying joined to the reported clause is the speaker's second act
            return self.subject(tok.head.head)
        if tok.dep_ == "ccomp" and tok.tag_ in {"VBD", "VBZ"} and is_cue(tok.head) and not any(
                c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in tok.children):
            # "the ministry said two soldiers were killed, condemned the raid ...": a finite verb
            # with no subject under "said" is the sayer's second act, misparsed
            return self.subject(tok.head)
        head = tok
        for _ in range(3):
            for child in head.children:
                if child.idx < self.places.dateline_end:
                    # "KYIV, Nov 17 (WSW) - Russia launched": the dateline is not a subject,
                    # though the parser may hang the real one on it ("MUSCAT — Iran and ...",
                    # as an apposition or as a conjunct).
                    child = next((g for g in child.children if g.dep_ in {"appos", "conj"}
                                  and g.idx >= self.places.dateline_end), None)
                    if child is None or child.head.dep_ not in {"nsubj", "nsubjpass"}:
                        continue
                    return child, child.head.dep_ == "nsubjpass"
                if child.dep_ == "nsubj":
                    return child, False
                if child.dep_ == "nsubjpass" and head is not tok and tok.dep_ == "xcomp":
                    # "Obama is scheduled to attend", "was asked to mediate": the passive
                    # subject of the governing verb is the one who attends
                    return child, False
                if child.dep_ == "nsubjpass":
                    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                    pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
                    return pobj, True
            hung = subject_hung_on_place(head)
            if hung:  # "In Kabul, the Taliban's spokesman, X, warned": a misparse
                return hung[0], False
            if head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in {"if", "unless"}
                    for c in head.head.children) and head.i > head.head.i:
                # "warned that Canada would face a tariff if any province cut off power,
                # calling the threat a mistake": the parser hangs the participle on the
                # condition, which it cannot belong to; it is the speaker's
                head = head.head.head
                while head.dep_ == "ccomp" and is_cue(head.head):
                    head = head.head
                continue
            if head is tok and tok.dep_ == "conj" and tok.tag_ in {"VBD", "VBN"} and not any(
                    c.dep_ in {"aux", "auxpass"} for c in tok.children) and \
                    tok.head.tag_ == "VBG" and tok.head.dep_ == "pcomp" and \
                    tok.head.head.dep_ == "prep" and tok.head.head.head.pos_ == "VERB":
                # "accused the RSF of committing genocide and imposed sanctions on its
                # commander": a past-tense verb cannot share a gerund's clause; it is the
                # second act of the clause the gerund hangs from
                head = tok.head.head.head
                continue
            if head.dep_ == "pcomp" and head.tag_ == "VBG" and head.head.lower_ in ADJUNCT_PREPS \
                    and head.head.dep_ == "prep" and head.head.head.pos_ == "VERB":
                # (not a complement: in "accused the army of building up troops" the army builds)
                # a gerund adjunct's subject is the clause's: "Tallinn responded by ordering
                # Russia's envoy out", "Trump agreed ... after speaking to Carney by phone"
                head = head.head.head
                continue
            if head.dep_ == "dobj" and head.head.lemma_.lower() == "have" and \
                    head.lemma_.lower() in {"plan", "intention", "intent"}:
                # "had no plans to meet her": the haver acts
                head = head.head
                continue
            if head.dep_ in {"xcomp", "conj", "advcl", "acl"} and head.head is not head or (
                    head.dep_ == "acomp" and head is not tok
                    and head.lemma_.lower() in FUTURE_HEADS):
                # "is due to travel", "is set to meet": the copula's subject (not "unlikely to")
                head = head.head
            else:
                break
        # "In New Delhi, Jairam Ramesh, a spokesman ..., accused": the parser may join the
        # subject to the place that opens the sentence
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.i < tok.i
                     and c.lower_ in {"in", "at", "from"}):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                for conj in obj.conjuncts:
                    if conj.pos_ == "PROPN" and conj.i < tok.i and \
                            self.actors.actor_of(conj) is not None:
                        return conj, False
                # ("In a statement from Washington, the secretary-general of the OAS, Luis
                # Almagro, condemned": or as an apposition inside it)
                named = [t for t in obj.subtree if t.dep_ == "appos" and t.pos_ == "PROPN"
                         and t.i < tok.i and self.actors.actor_of(t) is not None]
                if named:
                    return named[-1], False
        return None, False

    def _party(self, tok: Token | None) -> list[str]:
        """Actors of an argument; "U.S. and South Korean marines" is two parties, not one."""
        actor = self.actors_of(tok, adjective=True)
        if tok is not None and len(actor) < 2 and tok.lemma_.lower() in FORCE_NOUNS | {"navy"}:
            # "the navies of India, Japan and Australia": one party per country named
            owners = [a for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj" for a in self.actors_of(g)]
            if len(owners) >= 2:
                return owners
        if tok is not None and len(actor) < 2:
            countries = self._nationalities(tok)
            if len(countries) >= 2:
                return countries
        return actor

    def _nationalities(self, tok: Token) -> list[str]:
        """Country actors of coordinated nationality words before a noun, multi-word ones
        included ("U.S. and South Korean marines" -> USA, KOR)."""
        words = [t for left in tok.lefts for t in left.subtree]
        out: list[str] = []
        skip: set[int] = set()
        for n, t in enumerate(words):
            if t.i in skip or t.dep_ not in {"amod", "compound", "nmod", "conj"}:
                continue
            code = None
            nxt = words[n + 1] if n + 1 < len(words) else None
            if nxt is not None and nxt.i == t.i + 1:
                code = self.k.adjectives.get(f"{t.text} {nxt.text}")
                if code:
                    skip.add(nxt.i)
            actor = self._nationality_actor(t, code)
            if actor is not None and actor not in out:
                out.append(actor)
        return out

    def _pobj_actors(self, host: Token, preps: set[str]) -> list[str]:
        return [a for prep in _preps(host) if prep.lower_ in preps
                for pobj in prep.children if pobj.dep_ == "pobj" for a in self.actors_of(pobj)]

    def arguments(self, tok: Token, trig: Trigger) -> tuple[list[str], list[str]]:
        if trig.pos == "ADJ":
            host = tok.head if tok.dep_ == "acomp" else tok
            subj = next((c for c in host.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is None:
                subj, _ = self.subject(host)
            actor = self._party(subj) or self._reporter_side(tok, subj, False)
            recip = self._pobj_actors(tok, RECIPIENT_PREPS | {"about", "by", "over"})
        elif trig is TRUCE_HELD:
            truce = _truce_held(tok)
            actor = self._pobj_actors(truce, {"between"}) if truce is not None else []
            return actor or list(self.last_parties), []
        elif trig.pos == "VERB":
            subj, passive = self.subject(tok)
            actor = [] if self._event_subject(subj) else self._party(subj)
            recip: list[str] = []
            if passive:
                recip = self.actors_of(next((c for c in tok.children if c.dep_ == "nsubjpass"), None))
            else:
                for obj in [*(c for c in tok.children if c.dep_ in {"dobj", "dative"} or (
                        c.dep_ == "nsubj" and _ordered_done(tok))),
                            *([tok.head] if ordered_object(tok) else [])]:
                    if trig.event in RECIPROCAL and obj.lemma_.lower() in trig.objects:
                        continue  # "shared intelligence": what is shared is not a party
                    recip += self.actors_of(obj)
            recip += self._pobj_actors(tok, RECIPIENT_PREPS - (
                {"against"} if trig.event in RECIPROCAL else set()))
            if trig.lemma in LIGHT_VERBS:
                # "held talks with Chinese officials": the partner hangs off the noun
                # (not where they were held: "held talks at the U.N. post")
                for obj in (c for c in tok.children if c.dep_ == "dobj"):
                    recip += self._pobj_actors(obj, {"with", "on", "between"} | (
                        set() if trig.event in RECIPROCAL else {"against"}))
            if not actor:
                actor = self._reporter_side(tok, subj, passive)
            if not actor and passive and trig.event == "ACCUSE" and "legal" in trig.contexts \
                    and not any(c.dep_ == "agent" for c in tok.children) and any(
                    c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in tok.children) \
                    and _anyone_who(tok):
                # "warned that anyone who helped him would be prosecuted": the warner's side
                # will prosecute (recoded as a threat)
                statement = self._statement_of(tok)
                if statement is not None and statement.speaker is not None:
                    actor = [statement.speaker]
            if not actor and passive and trig.event == "MOBILIZE" and not any(
                    c.dep_ == "agent" for c in tok.children):
                # "the army could be sent to help police": the force deployed is the actor
                actor, recip = recip, []
            if trig.lemma in RECEIVING_VERBS and trig.event in {"AID", "AGREE"}:
                # "received weapons from Iran": the giver acts, the receiver is the recipient
                givers = self._pobj_actors(tok, {"from"})
                if givers:
                    actor, recip = givers, actor
        else:
            calling = call_host(tok)
            head = host_verb(tok) or _after_rounds(tok) or calling or tok.head
            actor = []
            recip = []
            if calling is not None and head.i == calling.i:
                # "raised the ban with Wang Yi in a phone call": the partner may hang off the
                # object the parser read "with" as belonging to
                recip = [a for o in head.children if o.dep_ == "dobj"
                         for a in self._pobj_actors(o, {"with"})]
            observed = head.lemma_.lower() in OBSERVING_VERBS and head.pos_ == "VERB"
            if head.pos_ == "VERB" and not observed:
                subj, _ = self.subject(head)
                actor = self._party(subj)
            for child in tok.children:
                if child.dep_ in {"poss", "amod", "compound"} and not actor:
                    actor = self.actors_of(child) or self._party(tok)
            # "clashes between the army and the ELN": the parties named are the actors
            between = self._pobj_actors(tok, {"between"})
            if between and not actor:
                actor, between = between, []
            recip += between
            for host in (tok, head):
                if host is head and observed:
                    continue
                # "a joint operation against al-Shabaab": the target is not a partner
                recip += self._pobj_actors(host, RECIPIENT_PREPS - (
                    {"against"} if trig.event in RECIPROCAL else set()))
                actor = actor or self._pobj_actors(host, {"by"})
        if trig.mode == "visit" and not recip:
            recip = self._host_country(tok)
        recip = [r for r in dict.fromkeys(recip) if r not in actor]
        if trig.event in RECIPROCAL and trig.mode != "visit":
            return list(dict.fromkeys(actor + recip)), []
        return actor, recip

    def _event_subject(self, subj: Token | None) -> bool:
        """"The president's visit to Beijing helped ease tensions": an event noun as subject
        names no actor, and the place it went to is not one either."""
        if subj is None or subj.pos_ != "NOUN" or subj.dep_ == "nsubjpass" or (
                subj.lemma_.lower(), "NOUN") not in triggers_by_lemma():
            return False
        return not any(self.actors_of(c, adjective=True) for c in subj.children
                       if c.dep_ in {"poss", "amod", "compound"})

    def _reporter_side(self, tok: Token, subj: Token | None, passive: bool) -> list[str]:
        """The party whose own members act in a clause it reports or denies: "Rwanda denied
        that its soldiers had crossed", "Police denied that officers had fired tear gas",
        "the ministry denied that any of those detained had been beaten"."""
        verb = tok.head if tok.pos_ == "ADJ" and tok.dep_ == "acomp" else tok
        head = verb
        for _ in range(3):
            if head.dep_ not in {"ccomp", "conj", "xcomp"} or head.head is head:
                return []
            head = head.head
            if head.lemma_.lower() == "deny" or (head.pos_ == "VERB" and is_cue(head)):
                break
        else:
            return []
        denial = head.lemma_.lower() == "deny"
        if subj is not None and subj.lower_ in {"any", "none", "one", "some", "all"}:
            # "denied that any of its staff had met the man": the staff
            subj = next((g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj"), subj)
        if denial and subj is not None and subj.lemma_.lower() in DENIED_MEANS and not any(
                c.dep_ == "det" and c.lower_ in {"a", "an", "some"} for c in subj.children):
            # "denied that its boat rammed the speedboat", "... that government aircraft had
            # dropped barrel bombs": the denying party's own craft and staff
            reporter, _ = self.subject(head)
            return self.actors_of(reporter)
        # Denials cover one's own side ("officers"); a report needs "its"/"their" to say so.
        own = subj is not None and subj.lemma_.lower() in FORCE_NOUNS and (
            any(c.dep_ == "poss" and c.lower_ in {"its", "their", "our", "his", "her"}
                for c in subj.children)
            or (denial and not any(c.dep_ == "det" and c.lower_ in {"a", "an", "some"}
                                   for c in subj.children)))
        agentless = passive and subj is None and not any(c.dep_ == "agent" for c in tok.children)
        if not (own or (denial and agentless)):
            return []
        reporter, _ = self.subject(head)
        return self.actors_of(reporter)

    # --- modality -----------------------------------------------------------------------
    def modality(self, tok: Token, date: str | None, date_raw: str | None) -> str:
        chain = [tok]
        while (chain[-1].dep_ in {"xcomp", "conj", "ccomp", "advcl", "pcomp", "pobj", "prep", "dobj",
                                  "acl"} or _complement_read_as_relative(chain[-1])) \
                and len(chain) < 6:
            chain.append(chain[-1].head)
        verb = tok.head if tok.pos_ == "NOUN" or (tok.pos_ == "ADJ" and tok.dep_ == "acomp") \
            else tok
        scope = [verb, *chain]
        if verb.dep_ == "pcomp" and verb.head.lower_ == "by":
            # "could answer the pact by sending warships": the means takes the act's modality
            scope.insert(2, verb.head.head)
        for t in scope[:2]:
            if any(c.dep_ == "neg" for c in t.children):
                return "negated"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS - {"fail", "refuse"} \
                and any(c.dep_ == "neg" for c in verb.head.children):
            return "negated"  # "does not plan to lift the curfew", "did not want to send troops"
        if _no_plans(verb):
            return "negated"
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return "negated"  # "recorded no armed clashes"
        governing: list[Token] = []
        for t in chain[1:]:  # not past a verb of saying joined to the denial
            governing.append(t)
            if t.dep_ == "conj" and t.pos_ == "VERB" and is_cue(t) and \
                    t.lemma_.lower() not in {"deny", "fail"}:
                break  # "denied that ..., and said officials would meet": the meeting is said
        if any(t.lemma_.lower() in {"deny", "fail"} and t.pos_ == "VERB" for t in governing):
            return "negated"
        reported = any(t.tag_ == "VBD" and is_cue(t) for t in chain[1:])
        for t in scope[:3]:
            marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
            if marks & {"if", "unless"}:
                return "hypothetical"
            aux = {c.lower_ for c in t.children if c.dep_ in {"aux", "auxpass"}}
            if "would" in aux and reported and not self._conditional(t):
                return "future"  # "said Germany would deliver": a reported "will"
            if aux & HYPOTHETICAL_AUX:
                return "hypothetical"
            if aux & FUTURE_AUX:
                return "future"
            if t is not verb and t is not tok and t.lemma_.lower() in FUTURE_HEADS:
                return "future"
            if t.lemma_.lower() == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in
                                                FUTURE_HEADS for c in t.children):
                return "future"  # "is due in Baghdad on Saturday for talks"
        pub = parse_published(self.published)
        gov = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ in ADJUNCT_PREPS \
            else verb  # "raised tariffs in April, before agreeing in May": a past adjunct
        past = gov.tag_ == "VBD" or any(c.lower_ == "had" for c in gov.children)
        if pub and date:
            resolved = parse_published(date)
            if resolved and resolved > pub and not past:
                return "future"
            if resolved and (pub - resolved).days > HISTORICAL_DAYS:
                return "historical"
        raws = [date_raw] if date_raw else []
        verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
        # Dates on the verb, on verbs coordinated with it ("seized Goma in November 2012 but
        # withdrew"), or on the clause it hangs from ("began on Oct. 7, when gunmen attacked").
        hosts = {verb, *verb.conjuncts}
        if verb.dep_ == "pcomp" and verb.head.lower_ == "by":
            verb = verb.head.head  # "and Tallinn responded by ordering ...": the act's clause
            hosts.add(verb)
        if verb.dep_ in {"advcl", "relcl", "conj"}:
            hosts.add(verb.head)
        here = self.sentence_of[verb.i]
        raws += [e.text for e in self.doc.ents if e.label_ == "DATE"
                 and self.sentence_of[e.start] == here and any(self._attached(e, h) for h in hosts)]
        if pub and any((latest := latest_day(raw, pub if past else None) or parse_published(
                resolve_date(raw, self.published))) and (pub - latest).days > HISTORICAL_DAYS
                       for raw in raws):
            return "historical"
        return "asserted"

    @staticmethod
    def _conditional(tok: Token) -> bool:
        return any(c.dep_ == "advcl" and any(g.lower_ in {"if", "unless"} for g in c.children)
                   for c in tok.children)

    def recode(self, trig: Trigger, modality: str, actor: list[str], recip: list[str],
               statement: Statement | None, tok: Token
               ) -> tuple[str, str | None, str | None, str, list[str], list[str]]:
        """PLOVER's conversions, applied to the coded event itself:
        promised aid or cooperation is AGREE; a threat of force is THREATEN, not a future
        ASSAULT; a refusal to meet or help is REJECT, not a negated CONSULT; violence and
        blockades by protesters are PROTEST."""
        event, mode, cameo = trig.event, trig.mode, trig.cameo
        verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
        if modality in {"asserted", "future"} and event in {"AID", "COOPERATE", "MOBILIZE",
                                                            "RETREAT", "CONCEDE"} \
                and verb.dep_ in {"xcomp", "dobj", "pcomp", "ccomp"} \
                and verb.head.lemma_.lower() in DELIBERATING:
            # "the council would consider sending air defences": weighed, not done or promised
            modality = "hypothetical"
        legal = event == "ACCUSE" and ("legal" in trig.contexts or trig.mode == "investigate")
        if legal and modality in {"future", "hypothetical"} and statement is not None and \
                statement.speaker is not None and statement.speaker not in recip and \
                tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children) and \
                _anyone_who(tok):
            # "warned that anyone who helped him would be prosecuted": a threat of the law,
            # made by the one who warns
            return "THREATEN", "arrest", "132", "asserted", [statement.speaker], recip
        if event == "THREATEN" and modality == "hypothetical" and statement is not None and \
                trig.event == "THREATEN" and not self._conditional_clause(tok):
            modality = "future"  # "warned that Egypt would reconsider its commitments": made
        if modality == "future" and event in VERBAL and statement is not None and not legal:
            # "said he would withdraw the bill": announcing a concession, promise or demand is
            # the verbal act itself, and it has happened. (Not a lawsuit or an inquiry: "said
            # they would appeal against the ruling" files nothing yet.)
            modality = "asserted"
        if mode is None:
            mode = infer_mode(event, tok, len(set(actor) | set(recip)))
        if trig.pos == "ADJ" and event == "AGREE":
            # "is prepared to impose martial law": readiness for a hostile act is a threat
            act = next((t for c in tok.children if c.dep_ == "xcomp"
                        for w in [c, *(o for o in c.children if o.dep_ == "dobj")]
                        if (t := match_trigger(w)) is not None), None)
            if act is not None and act.event in THREAT_MODES:
                threat = THREAT_MODES[act.event].get(act.mode or "", THREAT_MODES[act.event][""])
                return "THREATEN", threat, "138" if threat == "violence" else "130", \
                    "asserted", actor, recip
        if event == "AGREE" and trig.pos == "VERB" and (threat := next(
                (threat_nouns()[o.lemma_.lower()] for o in tok.children
                 if o.dep_ == "dobj" and o.lemma_.lower() in threat_nouns()), None)):
            # "promised a mirror response", "pledged swift retaliation": a promised reprisal
            return "THREATEN", threat, "138" if threat == "violence" else "130", modality, \
                actor, recip
        if event == "AGREE" and trig.pos == "VERB" and trig.lemma in PROMISING and (threat := next(
                (m for c in tok.children if c.dep_ in {"ccomp", "xcomp"} for w in c.subtree
                 if (m := threat_verb(w, threat_verbs(), self._is_party))), None)):
            # "promised that Russia would answer the expulsion", "pledged to retaliate"
            return "THREATEN", threat, "138" if threat == "violence" else "130", modality, \
                actor, recip
        if event == "MOBILIZE" and (strike := next(
                (t for c in tok.children if c.dep_ in {"xcomp", "advcl"} and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                 if (t := match_trigger(c)) is not None and t.event == "ASSAULT"), None)):
            # "sent F-16 fighter jets on Friday to strike two positions": the sending is the
            # attack's means; the attack is the event
            return "ASSAULT", strike.mode or infer_mode("ASSAULT", tok, len(set(actor) | set(
                recip))), strike.cameo, modality, actor, recip
        if event == "ASSAULT" and modality in {"future", "asserted"} and self._preparing(tok):
            # "the army prepared to resume shelling": readying an attack is a show of force
            return "MOBILIZE", None, "150", "asserted", actor, recip
        if modality == "future" and event in {"AID", "COOPERATE"}:
            return "AGREE", None, "030", "asserted", actor, recip
        offer = statement is not None and self._speaker_side(statement, actor, tok)
        if modality == "hypothetical" and event in {"AID", "COOPERATE", "CONSULT"} and offer \
                and self._conditional_clause(tok):
            # "would gladly host further rounds if they wished": a conditional offer, made
            return "AGREE", None, "030", "asserted", actor, recip
        if modality == "future" and event == "RETREAT" and (offer or self._announced_by(tok)):
            # "said it would free 150 prisoners": an announced withdrawal or release
            return "CONCEDE", None, "080", "asserted", actor, recip
        # An announced hostile act keeps its type (future); a conditional or warned one is a
        # threat ("if the government does not change its budget, we will strike again").
        threat = self._warned(tok) or self._unhesitating(tok) or (
            (modality == "hypothetical" or self._conditional_clause(tok)) and not self._possible(tok)
        ) or (event == "ASSAULT" and statement is not None and self._committed(tok))
        # (the last: force the speaker's side says it will use is a threat of force, whereas a
        # scheduled sanction or closure it announces stays that act, future)
        if modality in {"future", "hypothetical"} and event in THREAT_MODES and threat and \
                self._speaker_side(statement, actor, tok):
            speaker = [statement.speaker] if statement and statement.speaker else actor
            threat = THREAT_MODES[event].get(mode or "", THREAT_MODES[event][""])
            return "THREATEN", threat, "138" if threat == "violence" else "130", "asserted", \
                speaker, recip
        if event == "MOBILIZE" and modality in {"future", "hypothetical"} and \
                self._conditional_clause(tok) and self._speaker_side(statement, actor, tok):
            # "said the fleet would escort the tankers if NATO ships tried to stop them": a show
            # of force made conditional on the other side's act is a threat
            speaker = [statement.speaker] if statement and statement.speaker else actor
            return "THREATEN", None, "130", "asserted", speaker, recip
        ruled_out = next((c for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() == "rule"
                          and any(p.dep_ == "prt" and p.lower_ == "out" for p in c.children)),
                         None)
        if ruled_out is None and event == "REJECT" and modality == "negated" and \
                trig.lemma == "rule" and trig.particle == "out":
            ruled_out = tok  # "would not rule out military force": the same threat
        if event == "REJECT" and ruled_out is not None:
            # "refused to rule out military force": keeping force on the table is a threat
            nouns = threat_nouns()
            threat = next((nouns[o.lemma_.lower()] for o in ruled_out.children
                           if o.dep_ == "dobj" and o.lemma_.lower() in nouns), None)
            if threat is not None:
                kept = "asserted" if modality == "negated" else modality  # the "not" is the threat
                return "THREATEN", threat, "138" if threat == "violence" else "130", \
                    kept, actor, []  # (the force kept on the table is not its target)
        if modality == "negated" and event == "SUPPORT" and trig.lemma in {
                "recognise", "recognize"} and self._announced(tok):
            # "would never recognise the result": a refusal
            return "REJECT", None, "120", "asserted", actor, recip
        if modality == "negated" and event in REFUSALS and self._announced(tok):
            if event in RECIPROCAL:
                # "Li had no plans to meet Takaichi": the one who refuses, and the one refused
                actor, recip = self._one_sided(tok, actor, recip)
            return "REJECT", REFUSALS[event], "120", "asserted", actor, recip
        if event in {"AID", "COOPERATE"} and tok.dep_ == "xcomp" and \
                tok.head.lemma_.lower() in HALTING:
            # "stopped supplying electricity and fuel to areas held by militias": aid cut off;
            # "stopped sharing data with Pakistan": the one who stops, against the partner
            actor, recip = self._one_sided(tok, actor, recip)
            return "SANCTION", "discontinue", "163", modality, actor, recip
        if event == "ASSAULT" and trig.lemma == "raid" and actor and all(
                (a := self.actors.get(i)) is not None and a.sector in {"COP", "JUD", "SPY"}
                for i in actor):
            # "prosecutors raided the electoral tribunal and carried off ballots": a search
            return "COERCE", "seize", "1711", modality, actor, recip
        if event == "COERCE" and mode == "restrict" and any(
                m.dep_ in {"compound", "amod"} and m.lemma_.lower() in SANCTION_RESTRICTIONS
                for o in tok.children if o.dep_ in {"dobj", "nsubjpass"}
                and o.lemma_.lower() in {"restriction", "limit", "control", "curb"}
                for m in o.children):
            # "would impose visa restrictions on the officials": a sanction, not a curb at home
            return "SANCTION", "discontinue", "163", modality, actor, recip
        if event == "PROTEST" and mode == "obstruct" and actor and all(
                (a := self.actors.get(i)) is not None and a.sector in STATE_FORCES for i in actor):
            # "police had blocked roads leading to parliament": the state restricting movement
            return "COERCE", "restrict", "172", modality, actor, recip
        if event == "MOBILIZE" and self._joint_exercise(tok, actor):
            if modality == "future":  # a scheduled joint exercise is agreed cooperation
                return "AGREE", None, "030", "asserted", actor + recip, []
            return "COOPERATE", None, "062", modality, actor + recip, []
        if event == "PROTEST" and trig.lemma == "protest" and self._officials(actor) and any(
                c.dep_ in {"dobj", "ccomp"} or (c.dep_ == "prep" and c.lower_ in {"against", "over", "to"})
                for c in tok.children):
            # a government "protests" formally: a diplomatic protest is ACCUSE
            return "ACCUSE", "disapprove", "111", modality, actor, recip
        if event == "PROTEST" and trig.lemma == "protest" and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(
                    g.lemma_.lower() in WRITTEN_PROTESTS for g in c.children if g.dep_ == "pobj")
                for c in tok.children):
            # "protested in a joint letter to the minister": a written protest is criticism
            return "ACCUSE", "disapprove", "111", modality, actor, recip
        if event in {"ASSAULT", "COERCE"} and self._protesters(actor) and mode not in ARMED_MODES:
            riot = event == "ASSAULT"
            return "PROTEST", "riot" if riot else "obstruct", "145" if riot else "144", \
                modality, actor, recip
        if event == "COERCE" and mode == "withhold" and self._foreign_state(actor, recip):
            # "Gazprom cut off gas to Moldova": a supply stopped to another state is a sanction
            # (the guidelines: "gas supplies through Ukraine, which Kyiv halted")
            return "SANCTION", "discontinue", "162", modality, actor, recip
        return event, mode, cameo, modality, actor, recip

    def _foreign_state(self, actor: list[str], recip: list[str]) -> bool:
        """Is every recipient a state (its government) other than the actors' own?"""
        own = {a.country for i in actor if (a := self.actors.get(i))}
        found = [a for i in recip if (a := self.actors.get(i))]
        return bool(found) and all(a.kind == "country" and a.country not in own for a in found)

    def _speaker_side(self, statement: Statement | None, actor: list[str], tok: Token) -> bool:
        """Is the act threatened by the one who speaks of it (or by their own side)?"""
        if statement is None or statement.speaker is None:
            return False
        if statement.speaker in actor:
            return True
        speaker = self.actors.get(statement.speaker)
        if speaker is not None and speaker.sector in ONLOOKER_SECTORS:
            # "a crime researcher said Thailand could restore supplies if ...": an analyst or a
            # reporter of the same country speaks for no side
            return False
        found = [a for i in actor if (a := self.actors.get(i))]
        if speaker is not None and speaker.country is not None and found and all(
                a.country is None and a.sector in {"MIL", "COP"} for a in found):
            # "the minister said the army would not hesitate": unnamed forces are the speaker's
            return True
        sides = {a.country for a in found}
        return speaker is not None and speaker.country is not None and speaker.country in sides

    @staticmethod
    def _heads(tok: Token, n: int = 4) -> list[Token]:
        out, head = [], tok
        for _ in range(n):
            if head.head is head:
                break
            head = head.head
            out.append(head)
        return out

    @staticmethod
    def _possible(tok: Token) -> bool:
        """"The Commission could impose duties if ...": a possibility, not a commitment."""
        verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
        return any(c.dep_ == "aux" and c.lower_ in {"could", "might", "may"}
                   for c in verb.children)

    @staticmethod
    def _committed(tok: Token) -> bool:
        """"would hit back", "will strike": the act's own verb (or the verb it completes) says
        will/would, so it is promised, not merely reported inside a future sentence."""
        verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
        for v in (verb, verb.head) if verb.dep_ == "xcomp" else (verb,):
            if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in v.children):
                return True
        return False

    def _preparing(self, tok: Token) -> bool:
        """Is the act the complement of "prepare" as a deed ("prepared to resume shelling",
        "is preparing to attack"), not of "be prepared to", a stated readiness (a threat)?"""
        verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
        for head in [verb, *self._heads(verb, 2)]:
            if head.lemma_.lower() == "prepare" and head.pos_ == "VERB":
                return not any(c.dep_ == "auxpass" or c.lemma_ == "be" and c.dep_ != "aux"
                               for c in head.children) and verb in head.subtree
            if head.dep_ not in {"xcomp", "ccomp"} and head is not verb:
                return False
        return False

    def _warned(self, tok: Token) -> bool:
        """Is the act the content of a warning ("warned that tariffs would go back up")?"""
        return any(h.lemma_.lower() in WARNING_CUES for h in self._heads(tok))

    def _unhesitating(self, tok: Token) -> bool:
        """"would not hesitate to use force": readiness for a hostile act is a threat."""
        return any(h.lemma_.lower() == "hesitate" and any(c.dep_ == "neg" for c in h.children)
                   for h in self._heads(tok, 2))

    def _announced_by(self, tok: Token) -> bool:
        return any(h.lemma_.lower() in {"announce", "pledge", "promise", "vow", "say"}
                   for h in self._heads(tok, 3))

    def _conditional_clause(self, tok: Token) -> bool:
        verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
        return any(self._conditional(t) for t in [verb, *self._heads(verb, 2)])

    @staticmethod
    def _announced(tok: Token) -> bool:
        """"will not attend", "would not send": a refusal, not a report that nothing happened."""
        verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
        aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS and any(
                c.tag_ in {"VBZ", "VBP"} for c in [verb.head, *verb.head.children]):
            return True  # "does not plan to lift the curfew", "I do not intend to withdraw them"
        if _no_plans(verb):
            return True  # "the premier had no plans to meet her"
        return bool(aux & (FUTURE_AUX | {"would"}))

    def _joint_exercise(self, tok: Token, actor: list[str]) -> bool:
        """Exercises and drills by forces of two or more countries are COOPERATE, not MOBILIZE."""
        # (not a second clause of its own: "France sent a frigate, and the navies began joint
        # exercises" is a deployment and an exercise)
        own = [c for c in tok.children if not (c.dep_ in {"conj", "advcl", "ccomp", "relcl"}
                                               and any(g.dep_ in {"nsubj", "nsubjpass"}
                                                       for g in c.children))]
        words = {t.lemma_.lower() for c in own for t in c.subtree} | {tok.lemma_.lower()}
        if not words & {"exercise", "drill", "manoeuvre", "maneuver", "wargame", "game", "patrol"}:
            return False
        countries = {a.country for i in actor if (a := self.actors.get(i)) and a.country}
        return len(countries) >= 2 or "joint" in words

    def _unplaced(self, actor: list[str]) -> bool:
        """Are all the actors generic forces of no known country?"""
        found = [a for i in actor if (a := self.actors.get(i))]
        return bool(found) and all(a.country is None and a.kind == "group" for a in found)

    def _background(self, tok: Token, trig: Trigger, actor: list[str]) -> bool:
        """Mentions that are no event of their own: a speculation, a habit, a presence, a
        reduced relative ("under the deal agreed last month"), an aside about a party, a
        parade, or fighting by attackers nobody names."""
        verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
        heads = self._heads(verb, 3)
        if any(h.lemma_.lower() in SPECULATING for h in heads):
            return True
        if self._onlookers_guess(verb, heads):
            return True
        if trig.event in ROUTINE_TYPES and any(
                (c.dep_ == "advmod" and c.lower_ in HABITUAL) or (
                    c.dep_ == "npadvmod" and any(d.dep_ == "det" and d.lower_ in {"every", "each"}
                                                 for d in c.children))
                for w in [verb, *([verb.head] if verb.dep_ == "xcomp" else [])]
                for c in w.children):
            return True  # "patrols regularly", "has kept meeting every year": a routine
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in verb.children) and any(
                c.dep_ == "npadvmod" and c.lemma_.lower() == "time" and any(
                    d.dep_ == "det" and d.lower_ in {"every", "each"} for d in c.children)
                for c in verb.children):
            return True  # "we will protest every single time": a stance, not a planned act
        if any(c.dep_ == "advmod" and c.lower_ == "long" for c in verb.children) and any(
                c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
            return True  # "have long rejected outside mediation": a standing position
        if any(c.dep_ == "neg" and c.lower_ == "never" for c in verb.children) and not any(
                c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in verb.children):
            # "had never armed the rebels": a denied practice, not a denied act (but "would
            # never negotiate with mercenaries" is a refusal)
            return True
        if any(c.dep_ == "aux" and c.lower_ in {"can", "ca"} for c in verb.children) and not any(
                c.dep_ == "neg" for c in verb.children):
            return True  # "Finland can call up a wartime army": a capability, not an act
        if any(c.dep_ == "prep" and c.lower_ == "for" and any(
                g.lemma_.lower() in LONG_SPANS and g.tag_ == "NNS" and (
                    g.lemma_.lower() != "year" or not any(n.dep_ == "nummod" for n in g.children))
                # (not "for another year", nor a term: "jailed ... for two years")
                for g in c.children if g.dep_ == "pobj")
               for c in verb.children):
            return True  # "had hosted peace talks for three decades": a record, not an act
        for clause in [verb, *verb.ancestors][:3]:
            if any(c.dep_ == "mark" and c.lower_ == "whether" for c in clause.children):
                return True  # "did not say whether he would attend": an open question
        if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                        for c in verb.children) and any(
                c.dep_ == "neg" for c in verb.head.children):
            return True  # "we did not go to Jeddah to surrender": a purpose disowned
        if trig.pos == "VERB" and tok.tag_ in {"VBN", "VBD"} and tok.dep_ in {"acl", "advcl"} \
                and not ordered_object(tok) \
                and tok.i > 0 and self.doc[tok.i - 1].pos_ == "NOUN" and not any(
                    c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "agent", "mark"}
                    for c in tok.children):
            # "the deal agreed last month", "troops stationed in Estonia"
            return True
        if trig.pos == "VERB" and tok.tag_ == "VBN" and trig.event in TRANSITIVE_TYPES and any(
                c.dep_ == "nsubj" for c in tok.children) and not any(
                c.dep_ in {"aux", "auxpass", "agent", "dobj"} for c in tok.children):
            # "dozens of soldiers captured in the first months": a reduced relative the parser
            # read as a clause, its "subject" the one captured
            return True
        if trig.event == "MOBILIZE" and trig.pos == "VERB" and \
                tok.lemma_.lower() in PRESENCE_VERBS and self._present_state(tok):
            return True
        if trig.pos == "ADJ" and trig.event in {"AGREE", "SUPPORT"} and tok.dep_ == "acomp" \
                and tok.head.lemma_.lower() in {"remain", "stay"}:
            # "remained committed to a relationship": a standing position (a standing refusal,
            # "remains opposed to mediation", is still coded as REJECT)
            return True
        if trig.event in ASIDE_TYPES and self._relative_aside(tok):
            return True
        if self._describing_clause(tok) or self._alleged_act(tok):
            return True
        if verb.dep_ == "relcl" and (verb.head.lower_ in {"anyone", "anybody", "whoever"} or any(
                c.dep_ == "det" and c.lower_ in {"any", "every"} for c in verb.head.children) or (
                verb.head.tag_ == "NNS" and not any(c.dep_ == "det" for c in verb.head.children)
                and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"}
                        for c in verb.head.head.children))):
            # "would open fire on any fighters who crossed", "warships that enter its waters will
            # face consequences": a condition, not an act
            return True
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and \
                verb.head.lemma_.lower() in {"accuse", "blame", "allege"}:
            return True  # "accused the RSF of shelling a camp, killing 11": the alleged act's toll
        found = [a for i in actor if (a := self.actors.get(i))]
        if trig.event == "PROTEST" and found and all(a.sector == "MIL" for a in found):
            return True  # troops marching in a parade
        if trig.event == "ASSAULT" and found and all(
                a.country is None and a.sector == "UAF" for a in found):
            # "gunmen killed 12 villagers" (but not "gunmen from the RSF")
            subj, _ = self.subject(tok)
            named = subj is not None and any(
                (i := self.actors.actor_of(w)) is not None and i not in actor
                for w in subj.subtree if w is not subj)
            return not named
        return False

    def _relative_aside(self, tok: Token) -> bool:
        """A non-restrictive relative clause telling the history of a deal ("the ceasefire,
        which Qatar helped negotiate in January, ...") or a party's earlier or standing role
        ("Oman, which has mediated since 2021", "which hosted the last round")."""
        clause = tok.head if tok.dep_ == "xcomp" else tok
        head = clause.head
        if clause.dep_ != "relcl" or head.i + 1 >= len(self.doc) or \
                self.doc[head.i + 1].text != "," or not any(
                    c.lower_ in {"which", "who"} for c in clause.subtree):
            return False
        if head.pos_ == "NOUN":
            return head.lemma_.lower() in DEAL_NOUNS
        if head.pos_ != "PROPN":
            return False
        perfect = any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had"}
                      for c in clause.children)
        since = any(c.dep_ == "prep" and c.lower_ == "since" for c in clause.children)
        # (not a date: "who met Georgieva in Washington last week" dates a new meeting)
        earlier = any(w.dep_ == "amod" and w.lower_ in EARLIER and w.ent_type_ != "DATE"
                      for w in clause.subtree)
        return perfect or since or earlier

    @staticmethod
    def _alleged_act(tok: Token) -> bool:
        """"people suspected of collaborating with al-Shabaab", "charged with spying for": the
        act is what someone is suspected or charged of, not an event the text reports."""
        if tok.dep_ == "conj" and tok.tag_ == "VBG" and \
                tok.head.lemma_.lower() in ALLEGING_HEADS and any(
                    c.dep_ == "prep" and c.lower_ in {"of", "with"} for c in tok.head.children):
            return True  # "charged the nine with violent conduct and attacking an official"
        while tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.i != tok.i:
            tok = tok.head  # "charged with rioting and attacking an official"
        if tok.dep_ == "pobj" and tok.head.lower_ in {"of", "with", "for"} and \
                tok.head.head.lemma_.lower() in ALLEGING_HEADS:
            return True
        return tok.dep_ == "pcomp" and tok.head.lower_ in {"of", "with", "for"} and \
            tok.head.head.lemma_.lower() in ALLEGING_HEADS

    @staticmethod
    def _describing_clause(tok: Token) -> bool:
        """"young Kenyans who had taken to the streets", "families who had fled the fighting":
        an undated pluperfect "who" clause tells who the people are, not a new event."""
        clause = tok.head if tok.dep_ == "xcomp" else tok
        if clause.dep_ != "relcl" or clause.head.pos_ not in {"NOUN", "PROPN"}:
            return False
        who = any(c.dep_ == "nsubj" and c.lower_ in {"who", "which"} for c in clause.children)
        if who and clause.tag_ in {"VBZ", "VBP"} and not any(
                c.dep_ in {"aux", "auxpass"} for c in clause.children):
            return True  # "the coalition, which backs the government": a standing state
        head = clause.head
        generic = head.lower_ in {"anyone", "anybody", "whoever", "those"} or any(
            c.dep_ == "det" and c.lower_ in {"any", "every", "all"} for c in head.children) or (
            head.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "appos"} for c in head.children))
        if who and generic and any(
                c.dep_ == "aux" and c.lower_ in {"would", "will"} for c in head.head.children):
            # "leaders who ignored orders would face charges": a condition (not "the minister,
            # Parks Tau, who met Greer in September, will return": a person's earlier act)
            return True
        pluperfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)
        # a date dates the act ("who had fled on Monday"); a span ("for a week") does not
        dated = any(w.ent_type_ in {"DATE", "TIME"} and not (
            w.head.dep_ == "prep" and w.head.lower_ == "for") for w in clause.subtree
            if w.dep_ == "pobj" or w.dep_ == "npadvmod")
        # (and the same of a thing: "the consultations Poland had requested")
        return (who or _gap_is_object(clause)) and pluperfect and not dated

    @staticmethod
    def _onlookers_guess(verb: Token, heads: list[Token]) -> bool:
        """"Analysts expect OPEC+ to agree", "experts believe Pyongyang will test" (but what
        analysts *say* could happen is coded hypothetical, as in the gold)."""
        for h in heads:
            if h.lemma_.lower() not in EXPECTING:
                continue
            subj = next((c for c in h.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.lemma_.lower() not in ONLOOKERS:
                continue
            return True
        return False

    @staticmethod
    def _present_state(tok: Token) -> bool:
        """"are stationed in Germany", "is based in Japan", "about 1,000 soldiers had been
        stationed in the country": a present or pluperfect passive of presence with a place."""
        aux = [c for c in tok.children if c.dep_ in {"auxpass", "aux"}]
        present = any(c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in aux) or (
            any(c.dep_ == "aux" and c.lower_ == "had" for c in aux)
            and any(c.dep_ == "auxpass" and c.lower_ == "been" for c in aux)
            and tok.lemma_.lower() != "deploy")  # ("had been deployed" may be news)
        moving = any(c.dep_ == "prep" and c.lower_ in {"to", "toward", "towards", "into"}
                     for c in tok.children)
        return present and not moving

    def _one_sided(self, tok: Token, actor: list[str], recip: list[str]
                   ) -> tuple[list[str], list[str]]:
        """A reciprocal act recoded as one side's (a refusal, a halt): the subject's party acts,
        the other parties become recipients."""
        if recip:
            return actor, recip
        subject, _ = self.subject(tok) if tok.pos_ in {"VERB", "AUX"} else (None, False)
        own = [a for a in self._party(subject) if a in actor] if subject is not None else []
        if not own or len(own) == len(actor):
            return actor, recip
        return own, [a for a in actor if a not in own]

    def _onlooker(self, actor_id: str | None) -> bool:
        """Does the actor speak for no side (an analyst, a reporter, a doctor)?"""
        found = self.actors.get(actor_id) if actor_id else None
        return found is not None and found.sector in ONLOOKER_SECTORS

    def _officials(self, actor: list[str]) -> bool:
        found = [a for i in actor if (a := self.actors.get(i))]
        return bool(found) and all(a.kind == "country" or a.sector == "GOV" for a in found)

    def _protesters(self, actor: list[str]) -> bool:
        found = [a for i in actor if (a := self.actors.get(i))]
        return bool(found) and all(a.kind == "group" and a.sector in PROTEST_SECTORS
                                   for a in found)

    def _defiance(self, tok: Token, kind: str, recip: list[str]) -> bool:
        """"We will not back down", "we will not stand by": a negated pledge in a quotation
        with no one it answers is rhetoric, not a refusal (nor a negated act) to code."""
        return kind in {"REJECT", "SUPPORT", "CONCEDE", "RETREAT"} and not recip and \
            self._in_direct_quote(tok) and any(c.dep_ == "neg" for c in tok.children)

    @staticmethod
    def _taken_up(tok: Token, trig: Trigger, kind: str,
                  found: list[tuple[Token, Trigger, Event]]) -> bool:
        """"Switzerland hosted the talks", "the way the arrest was carried out": a bare definite
        noun takes up an act of that type coded in an earlier sentence; it is not a new one
        (but "the reimposition of U.N. sanctions" introduces one)."""
        if kind in VERBAL:  # "condemned the launch" is new even when the launch is not
            return False
        # (a verb acting on a noun of another type is a new act: "postpone that summit")
        nouns = [tok] if trig.pos == "NOUN" else [
            c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN"
            and (m := match_trigger(c)) is not None and m.event == trig.event]
        # ("Saturday's ambush", "last week's raid": a day's possessive points back the same way)
        dated = [n for n in nouns if any(c.dep_ == "poss" and c.ent_type_ in {"DATE", "TIME"}
                                         for c in n.children)]
        bare = [n for n in nouns if (n in dated or any(
            c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in n.children))
                and not any(c.dep_ in {"compound", "amod", "nmod", "acl", "relcl", "nummod"}
                            or (c.dep_ in {"prep", "poss"} and n not in dated)
                            for c in n.children)]
        return bool(bare) and any(event.event == kind and other.sent != tok.sent
                                  for other, _, event in found)

    def _retold_as_time(self, tok: Token, trig: Trigger, event: Event,
                        found: list[tuple[Token, Trigger, Event]]) -> bool:
        """"moved on Friday to defuse the crisis, three days after an Iranian missile strike set
        off ...": an act named in a time clause, of a type and party the article codes in
        another sentence, dates the news; it is not another act."""
        if trig.pos != "NOUN" or event.modality != "asserted" or event.event == "CONSULT":
            return False  # ("after two days of talks in Geneva": talks are coded where told)
        kind, actor = event.event, event.actor
        node = tok
        for _ in range(5):
            if (node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_BEFORE_AFTER
                                             for c in node.children)) or (
                    node.dep_ == "pobj" and node.head.lower_ in TIME_BEFORE_AFTER):
                break
            if node.head is node:
                return False
            node = node.head
        else:
            return False

        def countries(ids: list[str]) -> set[str]:
            return {a.country for i in ids if (a := self.actors.get(i)) and a.country}

        return any(e.event == kind and other.sent != tok.sent and (
            set(e.actor) & set(actor) or countries(e.actor) & countries(actor))
            for other, _, e in found)

    def _not_own_forces(self, actor: list[str], recip: list[str]) -> list[str]:
        """"moved thousands of troops to the border": the forces a party moves are its means,
        not the target of the mobilisation."""
        countries = {a.country for i in actor if (a := self.actors.get(i))}
        return [i for i in recip if not (
            (r := self.actors.get(i)) is not None and r.kind in {"group", "organization"}
            and r.sector in {"MIL", "COP", "PRM"} and (r.country is None or r.country in countries))]

    # --- the whole document -------------------------------------------------------------
    def find(self) -> list[Event]:
        found: list[tuple[Token, Trigger, Event]] = []
        place_tokens = set(self.places.by_token)
        for tok in self.doc:
            trig = match_trigger(tok, place_tokens)
            if trig is None or (self._in_direct_quote(tok) and not self._spoken_by_we(tok)
                                and not self._onlooker_could(tok)):
                continue
            if trig.pos == "VERB" and trig.lemma == "host" and not trig.objects and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in HOSTED_OCCASIONS for c in tok.children):
                continue  # "who hosted the ceremony": an occasion, not a visit or talks
            if trig.pos == "VERB" and trig.lemma in INTRANSITIVE_ONLY and not trig.objects and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in RALLIED for c in tok.children):
                continue  # "was using the row to rally support": no rally in the street
            if _requested(tok):
                continue  # "repeated its demand that Greece withdraw": what is asked, not done
            if _about_anything(tok):
                continue  # "we are not asking for anything new", "we do not agree on everything"
            if _habitual_relative(tok):
                continue  # "the gangs that move coca", "the armed groups that kill Malians"
            if trig.pos == "NOUN" and trig.event == "MOBILIZE" and tok.dep_ == "nsubj" and any(
                    c.dep_ == "dobj" for c in tok.head.children):
                continue  # "the Greek patrol had spotted the dinghy": a unit that acts
            if trig.event == "CONSULT" and (permit := self._permitted_visit(tok)) is not None:
                found.append(permit)
                continue
            if self._obliged(tok) or self._no_comment(tok, trig) or self._condition(tok) or (
                    trig.pos == "VERB" and tok.lemma_.lower() in EVALUATIVE_VERBS
                    and any(c.dep_ == "oprd" for c in tok.children)):
                # "called the move illegal" is a judgement (see `_evaluations`), not a call
                continue
            if trig.pos == "NOUN" and (not self._noun_is_event(tok) or (
                    (verb := host_verb(tok)) is not None and match_trigger(verb) is not None)):
                continue
            actor, recip = self.arguments(tok, trig)
            if not actor:
                actor = self._implicit_actor(tok, trig)
            if trig is HALTED_TRADE_TRIGGER:
                if not self._officials(actor):
                    continue  # ("households stopped buying cars": no state's sanction)
                # "stopped buying Russian gas": the seller's country is the one sanctioned
                recip = recip or [c for o in tok.children if o.dep_ == "dobj"
                                  for c in self._adjective_countries(o) if c not in actor]
            if not actor or (trig.event == "MOBILIZE" and self._unplaced(actor)):
                # "security forces remained on alert": forces of no known state mobilise nobody
                continue
            if self._background(tok, trig, actor):
                continue
            statement = self._statement_of(tok)
            date_raw, date, modality = self._when(tok, trig, statement)
            sent = self._sent(tok)
            kind, mode, cameo, modality, actor, recip = self.recode(
                trig, modality, actor, recip, statement, tok)
            if kind == "THREATEN" and not recip:
                recip = self._threat_target(tok, actor)
            if kind == "MOBILIZE":
                recip = self._not_own_forces(actor, recip)
                if trig.lemma in {"cross", "enter"} and all(
                        (a := self.actors.get(i)) is not None and a.kind == "person" for i in actor):
                    continue  # "he had crossed into Nigeria for his safety": a person travels
            if self._taken_up(tok, trig, kind, found) or self._defiance(tok, kind, recip) or \
                    _standing_position(tok, trig, kind):
                continue
            if trig.pos == "NOUN" and _after_rounds(tok) is not None and any(
                    e.event == kind and set(e.actor) & set(actor) for _, _, e in found):
                continue  # "after two days of talks": the talks already coded, told again
            if date is None and kind in VERBAL and modality == "asserted":
                # recoded as a verbal act (a warning, a promise): it happened when it was said
                date = self.utterance_date(tok, statement)
            event = Event(
                id="", event=kind, mode=mode, modality=modality,  # type: ignore[arg-type]
                contexts=list(trig.contexts), actor=actor, recipient=recip,
                event_text=tok.text, sentence=Span(sent.start_char, sent.end_char),
                place=self._place(tok, trig, statement, actor, kind), date=date, date_raw=date_raw,
                cameo=cameo, intensity=intensity(kind),
                statement=statement.id if statement else None,
                confidence=self._confidence(trig, actor, recip),
                trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text),
            )
            if kind == "CONSULT" and mode is None:
                self._as_visit(tok, event)
            found.append((tok, trig, event))
            if len(set(event.actor) | set(event.recipient)) >= 2:
                self.last_parties = list(dict.fromkeys(event.actor + event.recipient))
                self._count_pairs(self.last_parties)
        found += self._warnings(found)
        found += self._evaluations(found)
        found += self._demands(found)
        found = [f for f in found if not self._retold_as_time(f[0], f[1], f[2], found)]
        found.sort(key=lambda f: f[0].i)
        found = self._bare_discussions(found)
        events = self._drop_embedded(found)
        events = self._dedupe(events)
        events = self._retold_by_a_party(events)
        for n, e in enumerate(events, 1):
            e.id = f"e{n}"
            # (two mentions of one party are one party: "Armenian flights" after "Armenia")
            e.actor = list(dict.fromkeys(e.actor))
            e.recipient = [r for r in dict.fromkeys(e.recipient) if r not in e.actor]
        return events

    @staticmethod
    def _bare_discussions(found: list[tuple[Token, Trigger, Event]]
                          ) -> list[tuple[Token, Trigger, Event]]:
        """"The Security Council will discuss the request on Thursday" is a meeting planned;
        "the two discussed the agenda" retells talks, and "will discuss it when they meet"
        is the meeting already coded."""
        talks = {e.sentence.start for tok, trig, e in found
                 if e.event == "CONSULT" and tok.lemma_.lower() != "discuss"}
        def by_phone(tok: Token) -> bool:  # "discussed the seizure with Araghchi by phone"
            return any(g.lemma_.lower() in {"phone", "telephone", "call"} for c in tok.children
                       if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")

        return [(tok, trig, e) for tok, trig, e in found
                if not (trig.lemma == "discuss" and trig.particle is None and e.event == "CONSULT"
                        and not by_phone(tok)
                        and (e.modality != "future" or e.sentence.start in talks))]

    def _as_visit(self, tok: Token, event: Event) -> None:
        """"met his Nigerien counterpart in Niamey", "held talks with Chinese officials in
        Beijing": talks held in the partner's country are the subject's visit to the host
        (the guidelines' visit row: visitor as actor, host as recipient)."""
        place = event.place
        if place is None or place.country is None or place.precision not in {"city", "site"}:
            return
        verb = host_verb(tok) or tok if tok.pos_ == "NOUN" else tok
        subj, passive = self.subject(verb)
        guests = [a for a in self._party(subj) if a in event.actor] if not passive else []
        hosts = [a for a in event.actor if a not in guests]
        if not guests or not hosts:
            return
        def country(i: str) -> str | None:
            actor = self.actors.get(i)
            return actor.country if actor else None
        if all(country(h) == place.country for h in hosts) and all(
                country(g) not in {None, place.country} for g in guests):
            event.mode, event.actor, event.recipient = "visit", guests, hosts

    def _warnings(self, found: list[tuple[Token, Trigger, Event]]
                  ) -> list[tuple[Token, Trigger, Event]]:
        """A warning of a future or conditional act of force is a THREATEN event by the one
        who warns: "warned that its forces would deliver an overwhelming response"."""
        out = []
        coded = {tok.i for tok, _, _ in found}
        nouns, verbs = threat_nouns(), threat_verbs()
        for tok in self.doc:
            if tok.i in coded or tok.pos_ != "VERB":
                continue
            if tok.lemma_.lower() not in WARNING_CUES:
                # a plain report of a threat stated outright: "said foreign warships will face
                # serious consequences"
                if is_cue(tok) and (found_ := self._stated_threat(tok)) is not None and not any(
                        e.event == "THREATEN" and e.sentence.start == found_[2].sentence.start
                        for _, _, e in found + out):
                    out.append(found_)  # (unless the sentence's threat is coded already)
                continue
            # "warned that its forces would deliver a response" (a clause with a modal), or
            # "vowed to retaliate", "threatened to close the strait" (an infinitive: ahead).
            # (an infinitive parsed as a purpose clause counts too: "have sworn to fight")
            # ("warned clan elders that villages ... would be attacked" may parse the clause as
            # a relative clause on the one warned)
            told = [r for d in tok.children if d.dep_ == "dobj" for r in d.children
                    if r.dep_ == "relcl" and r.left_edge.lower_ == "that"]
            for clause in [c for c in tok.children if c.dep_ in {"ccomp", "xcomp"} or (
                    c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to"
                                              for a in c.children))] + told:
                words = list(clause.subtree)
                modal = clause.dep_ in {"xcomp", "advcl"} or any(
                    w.dep_ == "aux" and w.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX for w in words)
                threat = idiom_threat(words)
                if threat is None:
                    threat = threat_phrase(words) or next(
                        (nouns[w.lemma_.lower()] for w in words
                         if w.pos_ == "NOUN" and w.lemma_.lower() in nouns), None) or next(
                        (m for w in words if (m := threat_verb(w, verbs, self._is_party))), None)
                if threat is None:
                    acts = [t for w in words if (t := match_trigger(w)) is not None
                            and t.event in THREAT_MODES]
                    if acts:
                        threat = THREAT_MODES[acts[0].event].get(
                            acts[0].mode or "", THREAT_MODES[acts[0].event][""])
                subj, _ = self.subject(self._reporting_verb(tok))
                actor = self.actors_of(subj)
                if not (modal and threat is not None and actor):
                    continue
                out.append(self._threat_event(tok, actor, threat))
                break
        return out

    @staticmethod
    def _reporting_verb(tok: Token) -> Token:
        """"Police said the march had not been authorised and warned that ...": the parser may
        join the warning to the reported clause; it shares the subject of the verb of saying."""
        if tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and is_cue(tok.head.head) and not any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            return tok.head.head
        return tok

    def _stated_threat(self, tok: Token) -> tuple[Token, Trigger, Event] | None:
        """A THREATEN event by the speaker of a cue whose content states a threat outright."""
        statement = next((s for s in self.statements if s.cue_start == tok.idx), None)
        if statement is None or self._onlooker(statement.speaker):
            return None  # (an analyst's "the junta will pay the price" forecasts, not threatens)
        # (a quotation split around its cue is two statements of one cue)
        parts = [s for s in self.statements if s.cue_start == tok.idx]
        said = [w for w in self.doc if any(p.start <= w.idx < p.end for p in parts)]
        words = [w for w in said if not any(c.dep_ == "neg" for c in w.children)]
        threat = idiom_threat(said)
        if threat is None:
            threat = threat_phrase(words) or self._committed_threat(words, statement)
        if threat is None:
            return None
        named = self.actors_of(self.subject(tok)[0])
        # (joint speakers are each an actor: "Britain, France and Germany said ...")
        actor = named if len(named) >= 2 or not statement.speaker else [statement.speaker]
        if not actor:
            # "the spokesperson said, adding that Seoul reserved the right to take measures": an
            # unnamed official's threat is made by the state the reported clause commits
            actor = [i for c in tok.children if c.dep_ == "ccomp"
                     for i in self.actors_of(self.subject(c)[0])
                     if (a := self.actors.get(i)) is not None and a.kind == "country"]
        if not actor:
            return None
        found = self._threat_event(tok, actor, threat)
        # A quotation running past its cue's sentence ("..., he said. 'Any interference will
        # receive a firm response.'"): the threat is coded in the sentence that makes it.
        kept = {w.i for w in words}
        sents = {w.sent.start_char: w.sent for w in said}
        for sent in sents.values() if len(sents) > 1 else ():
            inside = [w for w in said if w.sent.start_char == sent.start_char]
            plain = [w for w in inside if w.i in kept]
            if idiom_threat(inside) is not None or threat_phrase(plain) or \
                    self._committed_threat(plain, statement) is not None:
                found[2].sentence = Span(sent.start_char, sent.end_char)
                break
        return found

    def _committed_threat(self, words: list[Token], statement: Statement) -> str | None:
        """"said it would hit back hard", "said Beijing will take all necessary measures": the
        speaker's own side committing itself (will/would, not could/might) to a hostile act named
        by a threat verb or a threat noun as its object is a threat, however it is reported."""
        verbs, nouns = threat_verbs(), threat_nouns()
        for w in words:
            if w.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"}
                                           for c in w.children):
                continue
            unless = any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children)
                         for c in w.children)  # "will withdraw its force unless ...": a threat
            if (named := match_trigger(w)) is not None and (named.event == "SANCTION" or (
                    named.event in {"CONCEDE", "RETREAT", "AID", "AGREE", "COOPERATE"}
                    and not unless)):
                # "said China would impose sanctions on ...": an announced sanction; "said he
                # would cut the tariff": an easing, not a threat
                continue
            if w.lemma_.lower() in DELIBERATING:
                continue  # "would discuss a joint response with her counterparts": talk of one
            mode = threat_verb(w, verbs, self._is_party) or next(
                (nouns[o.lemma_.lower()] for o in w.children
                 if o.dep_ == "dobj" and o.lemma_.lower() in nouns), None)
            if mode is None:
                continue
            subj, _ = self.subject(w)
            if subj is None:
                continue
            own = subj.lower_ in {"we", "it", "they", "he", "she", "i"} or \
                self._speaker_side(statement, self.actors_of(subj), w)
            if own:
                return mode
        return self._conditional_reprisal(words, statement)

    def _conditional_reprisal(self, words: list[Token], statement: Statement) -> str | None:
        """"said Baghdad would take its complaint to the Security Council if the strikes went
        on", "said the group could postpone the handover if Israel kept stalling": what the
        speaker's own side would do if the other side kept on (or failed to act) is a threat,
        whatever the act, unless it is a concession or an offer."""
        verbs, nouns = threat_verbs(), threat_nouns()
        for w in words:
            if w.pos_ != "VERB" or not any(
                    c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would", "could"}
                    for c in w.children):
                continue
            condition = next((c for c in w.children if c.dep_ == "advcl" and any(
                m.lower_ in {"if", "unless"} for m in c.children)), None)
            if condition is None:
                continue
            subj, _ = self.subject(w)
            if subj is None:
                continue
            if self._their_fate(w, subj, condition, statement):
                return ""  # "if they cross the line, they will face a response"
            named = match_trigger(w)
            if named is not None and named.event in CONCILIATORY:
                continue
            ours = subj.lower_ == "we" or any(c.dep_ == "poss" and c.lower_ == "our"
                                               for c in subj.children)
            hostile = (named is not None and named.event in THREAT_MODES) or \
                threat_verb(w, verbs, self._is_party) is not None
            if ours and hostile and statement.speaker is not None and self._other_party(condition):
                # "if American destroyers try to take the ship back, our navy will stop them":
                # in the speaker's own words, a hostile act "we" will do if the other side acts
                pass
            elif not self._hostile_condition(condition) or \
                    not self._speaker_side(statement, self.actors_of(subj), w):
                continue
            if named is not None and named.event in THREAT_MODES:
                return THREAT_MODES[named.event].get(named.mode or "",
                                                     THREAT_MODES[named.event][""])
            return threat_verb(w, verbs, self._is_party) or next(
                (nouns[o.lemma_.lower()] for o in w.children
                 if o.dep_ == "dobj" and o.lemma_.lower() in nouns), "")
        return None

    def _other_party(self, condition: Token) -> bool:
        """Is the if-clause's subject another party ("if they touch", "if Colombo does not
        free"), not the speaker's side, a circumstance ("if necessary") or a thing ("if the
        roads close")?"""
        subj, _ = self.subject(condition)
        if subj is None or subj.lower_ in {"we", "i", "us"}:
            return False
        return subj.lower_ in {"they", "you", "he", "she"} or (
            subj.lower_ == "it" and condition.lemma_.lower() != "be") or self._is_party(subj)

    def _their_fate(self, verb: Token, subj: Token, condition: Token,
                    statement: Statement) -> bool:
        """"If the southern military fires one more bullet, it will face a response": what
        befalls the other side if it acts (the consequence's subject is the condition's) is a
        threat by the speaker, unless the speaker speaks for no side (an analyst)."""
        if verb.lemma_.lower() not in FATE_VERBS or not self._other_party(condition):
            return False
        if any(o.dep_ == "dobj" and (self.actors_of(o) or o.lemma_.lower() in BOONS)
               for o in verb.children):
            return False  # "she will meet the president", "it will receive sanctions relief"
        speaker = self.actors.get(statement.speaker) if statement.speaker else None
        if speaker is None or speaker.sector in ONLOOKER_SECTORS:
            return False
        other, _ = self.subject(condition)
        return other is not None and (
            other.lower_ == subj.lower_ or subj.lower_ in {"they", "it", "you", "he", "she"}
            or bool(set(self.actors_of(other)) & set(self.actors_of(subj))))

    def _hostile_condition(self, condition: Token) -> bool:
        """Is an if-clause the other side keeping on, failing or attacking ("if the strikes
        went on", "if Hamas failed to free", "if the SDF had not laid down its arms", "unless
        ...")? Not one of the speaker's own side ("if we are attacked")."""
        if any(m.lower_ == "unless" for m in condition.children):
            return True
        subj, _ = self.subject(condition)
        if subj is not None and subj.lower_ in {"we", "i", "us"}:
            return False
        lemma = condition.lemma_.lower()
        keeps_on = lemma in PERSISTING or (lemma == "go" and any(
            c.dep_ == "prt" and c.lower_ == "on" for c in condition.children))
        named = [t for w in condition.subtree if (t := match_trigger(w)) is not None]
        return keeps_on or any(c.dep_ == "neg" for c in condition.children) or any(
            t.event in THREAT_MODES for t in named)

    def _is_party(self, tok: Token) -> bool:
        """Does the word name an actor or armed forces ("the invaders", "government troops")?"""
        return bool(self.actors_of(tok)) or tok.lemma_.lower() in FORCE_NOUNS | {
            "invader", "occupier", "enemy", "aggressor", "army", "military"}

    def _threat_target(self, tok: Token, actor: list[str]) -> list[str]:
        """Whom a threat is aimed at, named inside what is threatened: "threatened to launch a
        strike against South Korea", "vowed to attack Israel", "would hit back at any Israeli
        attack"."""
        for clause in (c for c in tok.children if c.dep_ in {"xcomp", "ccomp", "prep"}):
            for w in clause.subtree:
                if w.dep_ == "pobj" and w.head.lower_ in {"against", "at", "on", "to", "toward",
                                                          "towards"}:
                    found = self.actors_of(w) + self._adjective_countries(w)
                elif w.dep_ == "dobj" and w.head.pos_ == "VERB" and w.head is not tok:
                    found = self.actors_of(w)
                else:
                    continue
                # a threat is aimed at another side: "at any Israeli attack on Lebanon" said by
                # a Lebanese group names Lebanon as the victim, not the target
                home = {a.country for i in actor if (a := self.actors.get(i))} - {None}
                found = [a for a in found if a not in actor and (
                    (f := self.actors.get(a)) is None or f.country not in home)]
                if found:
                    return found
        return []

    def _threat_event(self, tok: Token, actor: list[str], threat: str
                      ) -> tuple[Token, Trigger, Event]:
        """A THREATEN event made by a warning or stated-threat cue."""
        mode = threat or None  # ("" is a threat that names no act: "will not go unanswered")
        trig = Trigger(lemma=tok.lemma_.lower(), pos="VERB", particle=None, objects=(),
                       event="THREATEN", mode=mode,
                       cameo="138" if threat == "violence" else "130", contexts=())
        statement = self._statement_of(tok)
        sent = self._sent(tok)
        return tok, trig, Event(
            id="", event="THREATEN", mode=mode, modality="asserted", contexts=[],
            actor=actor, recipient=self._threat_target(tok, actor), event_text=tok.text,
            sentence=Span(sent.start_char, sent.end_char),
            place=self._place(tok, trig, statement, actor),
            date=self.utterance_date(tok, statement), date_raw=None,
            cameo=trig.cameo, intensity=intensity("THREATEN"),
            statement=statement.id if statement else None, confidence=0.6,
            trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text))

    def _permitted_visit(self, tok: Token) -> tuple[Token, Trigger, Event] | None:
        """"Norway would let Russian consular officials visit the crew", "diplomats would be
        allowed to visit the crew": a promised permission, AGREE by the one who lets (the
        speaker when the letting is passive), not a meeting."""
        head = tok.head
        if tok.pos_ != "VERB" or tok.dep_ not in {"xcomp", "ccomp"} or \
                head.lemma_.lower() not in PERMITTING or not any(
                    c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in head.children):
            return None
        subj, passive = self.subject(head)
        if passive:
            statement = self._statement_of(head)
            actor = [statement.speaker] if statement and statement.speaker else []
        else:
            actor = self.actors_of(subj)
        if not actor:
            return None
        _, agree, event = self._verbal_event(head, "AGREE", None, actor, [], 0.6)
        return head, agree, event

    def _verbal_event(self, tok: Token, event: str, mode: str | None, actor: list[str],
                      recip: list[str], confidence: float) -> tuple[Token, Trigger, Event]:
        """An event made by the text's framing rather than by a lexicon row."""
        cameo = default_cameo(event, mode)
        trig = Trigger(lemma=tok.lemma_.lower(), pos="VERB", particle=None, objects=(),
                       event=event, mode=mode, cameo=cameo, contexts=())
        statement = self._statement_of(tok)
        sent = self._sent(tok)
        return tok, trig, Event(
            id="", event=event, mode=mode, modality="asserted", contexts=[],  # type: ignore[arg-type]
            actor=actor, recipient=[r for r in recip if r not in actor], event_text=tok.text,
            sentence=Span(sent.start_char, sent.end_char),
            place=self._place(tok, trig, statement, actor),
            date=self.utterance_date(tok, statement), date_raw=None, cameo=cameo,
            intensity=intensity(event), statement=statement.id if statement else None,
            confidence=confidence, trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text))

    def _evaluations(self, found: list[tuple[Token, Trigger, Event]]
                     ) -> list[tuple[Token, Trigger, Event]]:
        """Judgements of an act: "called the move illegal" / "described the deal as an
        important step" (ACCUSE disapprove / SUPPORT), and, in attributed speech, a copular
        verdict such as "said the probe was naked protectionism" (ACCUSE only)."""
        out = []
        coded = {tok.i for tok, _, _ in found}
        for tok in self.doc:
            if tok.i in coded or tok.pos_ not in {"VERB", "AUX"}:
                continue
            lemma = tok.lemma_.lower()
            if lemma in EVALUATIVE_VERBS and any(c.dep_ == "dobj" for c in tok.children) and \
                    not any(c.dep_ == "dobj" and c.lower_ == "what" for c in tok.children):
                # ("protested over what it called baseless accusations": the name a party gives
                # the thing its act is about belongs to that act, not another one)
                comp = [g for c in tok.children if c.dep_ in {"oprd", "ccomp", "xcomp"}
                        for g in c.subtree]
                comp += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                         for g in c.subtree]
                # (or hung the "as" on the object: "described the agreement as "historic."")
                comp += [g for o in tok.children if o.dep_ == "dobj" for c in o.children
                         if c.dep_ == "prep" and c.lower_ == "as" for g in c.subtree]
                # "called Moscow's decision "predictable and groundless."": a verdict the parser
                # hung on the object as an adjective after it
                comp += [g for o in tok.children if o.dep_ == "dobj" for a in o.children
                         if a.dep_ in {"amod", "appos"} and a.i > o.i for g in a.subtree]
                # (or as an apposition: "called the seizure "an act of piracy"")
                verdict = polarity(comp) if comp else None
                subj, _ = self.subject(tok)
                actor = self.actors_of(subj)
                if verdict is None or not actor or any(c.dep_ == "neg" for c in tok.children):
                    continue
                event = "ACCUSE" if verdict == "negative" else "SUPPORT"
                if event == "SUPPORT" and any(c.dep_ == "dobj" and c.lemma_.lower() in TALK_NOUNS
                                              for c in tok.children):
                    continue  # "described the talks as constructive": how talks went, no praise
                out.append(self._verbal_event(tok, event, "disapprove" if event == "ACCUSE"
                                              else None, actor, [], 0.6))
            elif tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children) and \
                    not any(c.dep_ in {"neg", "agent"} for c in tok.children) and \
                    polarity([tok]) == "negative":
                # 'said the accusations had been "fabricated"', "said the vote was rigged": a
                # verdict in the passive, in attributed speech
                if (speaker := self._speaker_within(tok)) is None:
                    continue
                out.append(self._verbal_event(tok, "ACCUSE", "disapprove", [speaker], [], 0.55))
            elif lemma in {"be", "amount", "constitute"} and not any(
                    c.dep_ == "neg" for c in tok.children):
                if (speaker := self._speaker_within(tok)) is None:
                    continue
                # ("the decision amounted to economic aggression", "constitutes a violation":
                # verbs that say what a thing is, like the copula)
                preds = [c for c in tok.children if c.dep_ in {"attr", "acomp"}] if lemma == "be" \
                    else [c for c in tok.children if c.dep_ == "dobj"] if lemma == "constitute" \
                    else [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                          for g in c.children if g.dep_ == "pobj"]
                pred = [g for c in preds for g in c.subtree
                        if not any(n.dep_ == "neg" for n in g.children)]
                # (the subject may be a clause: "What the coast guard did is piracy")
                if not pred or polarity(pred) != "negative" or not any(
                        c.dep_ in {"nsubj", "csubj"} for c in tok.children):
                    continue
                out.append(self._verbal_event(tok, "ACCUSE", "disapprove", [speaker],
                                              [], 0.55))
        return out

    def _demands(self, found: list[tuple[Token, Trigger, Event]]
                 ) -> list[tuple[Token, Trigger, Event]]:
        """"Russia said Iraq must cooperate fully": an obligation laid on another party in
        attributed speech is a REQUEST by the speaker, its mode from what is asked."""
        out = []
        for tok in self.doc:
            if tok.pos_ not in {"VERB", "AUX"} or not any(
                    c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children):
                continue
            statement = self._statement_of(tok)
            speaker = [statement.speaker] if statement and statement.speaker else []
            if not speaker:
                cue = next((h for h in self._heads(tok, 2) if h.pos_ == "VERB" and is_cue(h)),
                           None)
                speaker = self.actors_of(self.subject(cue)[0]) if cue is not None else []
            subj, _ = self.subject(tok)
            recip = self._party(subj)
            if not speaker or not recip or self._speaker_side(
                    statement, recip, tok) or set(speaker) & set(recip):
                continue
            mode = mode_of_words("REQUEST", list(tok.subtree))
            out.append(self._verbal_event(tok, "REQUEST", mode, speaker, recip, 0.6))
        return out

    @staticmethod
    def _condition(tok: Token) -> bool:
        """An act named only as a condition: "would not allow inspections until the agency
        condemned the attacks", "as long as the militia occupies the homes"."""
        verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
        for clause in [verb, *verb.ancestors][:4]:
            if clause.dep_ != "advcl":
                continue
            words = [t.lower_ for t in clause.subtree][:4]
            marks = {c.lower_ for c in clause.children if c.dep_ in {"mark", "advmod", "prep"}}
            if marks & {"until", "unless", "till"} or words[:3] == ["as", "long", "as"]:
                return True
            # "threatened to close the strait if the United States attacked": the condition of
            # a threat is the threat's content, not an act of its own
            if "if" in marks and any(a.lemma_.lower() in WARNING_CUES for a in clause.ancestors):
                return True
            # "said Russia would compensate the families if investigators found ...": the
            # condition of a promised or planned act is no act of its own
            # ("the truce could collapse if the coast guard tried to board a boat": the same)
            # ("would vote on a bill to leave the treaty if Britain pushed for sanctions": the
            # modal may sit on the verb the infinitive hangs from)
            if "if" in marks and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {
                    "would", "could", "might", "may"} for h in [clause.head, *clause.head.ancestors][:3]
                    for c in h.children):
                return True
        # Any act inside an "if" clause is the condition of something else ("was ready to send
        # an envoy if Ortega agreed to talks", "faces six years in prison if convicted"), unless
        # the parser hung a clause of its own there ("..., calling the threat a mistake").
        for clause in [verb, *verb.ancestors]:
            if clause.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in clause.children):
                return True
            if clause.dep_ in {"conj", "advcl", "relcl", "acl", "parataxis"}:
                return False
        return False

    @staticmethod
    def _no_comment(tok: Token, trig: Trigger) -> bool:
        """"declined to comment", "refused to say": no refusal of anything political; nor is
        "offered no comment", "gave no details" an offer of anything."""
        if any(c.dep_ == "dobj" and c.lemma_.lower() in COMMENT_NOUNS for c in tok.children):
            return True
        if trig.event == "REQUEST":  # "asked not to be named": a source's anonymity
            return any(c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT and any(
                a.dep_ == "auxpass" for a in c.children) for c in tok.children)
        return trig.event == "REJECT" and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT for c in tok.children)

    def _obliged(self, tok: Token) -> bool:
        """Is the act only demanded ("Iraq must cooperate"), not reported as done?"""
        verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
        return any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in verb.children)

    def _noun_is_event(self, tok: Token) -> bool:
        """A nominal trigger is coded only when the sentence reports it as happening."""
        if host_verb(tok) is not None or call_host(tok) is not None:
            return True
        if _after_rounds(tok) is not None:
            return True
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ == "VERB":
            if tok.head.lemma_.lower() in STATIVE_VERBS:
                return False  # "the students' demands include ...": what it is, not that it was
            return any(c.dep_ in {"poss", "amod", "compound"} for c in tok.children)
        return False

    def _spoken_by_we(self, tok: Token) -> bool:
        """Is a quoted act the speaker's own side's ("we will strike", "'The army moved a
        brigade to the border,' the defence minister said")? Others' acts in a quotation are
        the speaker's claims, coded through the attribution, not from inside the quote."""
        subj, _ = self.subject(tok) if tok.pos_ in {"VERB", "AUX"} else (None, False)
        if subj is None:
            return False
        if self._first_person(subj) is not None:
            return True
        return tok.tag_ == "VBD" and self._speaker_side(
            self._statement_of(tok), self.actors_of(subj), tok)

    def _onlooker_could(self, tok: Token) -> bool:
        """"'Beijing could well postpone that summit,' said a China specialist": an analyst's
        "could" about a party's act is coded, hypothetical, quoted or not (guidelines)."""
        if tok.pos_ not in {"VERB", "AUX"} or not any(
                c.dep_ == "aux" and c.lower_ in {"could", "might", "may"} for c in tok.children):
            return False
        statement = self._statement_of(tok)
        speaker = self.actors.get(statement.speaker) if statement and statement.speaker else None
        # (a named analyst has no sector or country of his own: guidelines)
        return speaker is not None and (speaker.sector in ONLOOKER_SECTORS or (
            speaker.kind == "person" and speaker.sector is None and speaker.country is None))

    def _in_direct_quote(self, tok: Token) -> bool:
        return any(s.kind == "direct" and s.start <= tok.idx < s.end for s in self.statements)

    def _speaker_within(self, tok: Token) -> str | None:
        """The speaker of the attributed words the token sits in (not of a cue it is)."""
        statement = self._statement_of(tok)
        if statement is None or not statement.start <= tok.idx < statement.end:
            return None
        return statement.speaker

    def _statement_of(self, tok: Token) -> Statement | None:
        for s in self.statements:
            if s.start <= tok.idx < s.end or s.cue_start == tok.idx:
                return s
        return None

    @staticmethod
    def _confidence(trig: Trigger, actor: list[str], recip: list[str]) -> float:
        score = 0.55 + (0.15 if recip else 0.0) + 0.1 * min(trig.specificity, 2)
        if trig.pos == "NOUN":
            score -= 0.1
        return round(min(score, 0.95), 2)

    @staticmethod
    def _drop_embedded(found: list[tuple[Token, Trigger, Event]]) -> list[Event]:
        """Drop triggers that are only the content of a verbal event ("agreed to meet") —
        except a concession agreed or offered ("agreed to lift a ban"), which PLOVER codes as
        the CONCEDE itself, in place of the AGREE."""
        verbal = {tok.i: event for tok, trig, event in found if trig.event in EMBEDDING}
        coded = {tok.i for tok, _, _ in found}
        # (a noun's light verb stands for it: "would begin a strike on Thursday to press for")
        carriers = coded | {h.i for tok, _, _ in found if tok.pos_ == "NOUN"
                            and (h := host_verb(tok)) is not None}
        dropped: set[int] = set()
        for tok, _, event in found:
            # The aim of another coded act is part of it: "marched ..., demanding the release"
            # and "summoned the ambassador to protest" code the march and the summons only.
            clause = tok.head if tok.dep_ == "conj" and tok.tag_ == "VBG" else tok
            # (an accusation stays its own act: "expelled the company, accusing it of ...";
            # but not a purpose: "marched through Madrid to denounce the interception")
            if (event.event != "ACCUSE" or clause.tag_ != "VBG") and clause.dep_ == "advcl" \
                    and clause.head.i in carriers \
                    and clause.head.i not in verbal and (
                    clause.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to"
                                                for c in clause.children)):
                # ("stormed the prisons, killing guards and freeing inmates": one assault)
                dropped.add(id(event))
                continue
            # a noun's light verb stands for it ("agreed to launch joint patrols")
            host = host_verb(tok) if tok.pos_ in {"NOUN", "PROPN"} else None
            head = host if host is not None and host.dep_ == "xcomp" else tok
            for _ in range(3):
                infinitive = head.dep_ == "advcl" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
                # "urged both sides to agree to a ceasefire and release all hostages": a second
                # verb of the asked-for clause is asked for too
                # (a past tense is the asker's own next act: "urged restraint and offered to")
                joined = head.dep_ == "conj" and head.head.dep_ == "xcomp" and \
                    head.tag_ == "VB" and not any(
                        c.dep_ in {"nsubj", "nsubjpass"} for c in head.children)
                if (head.dep_ not in {"xcomp", "pcomp", "pobj", "prep", "ccomp"}
                        and not infinitive and not joined) or (
                        head.dep_ == "pcomp" and head.head.lower_ in ADJUNCT_PREPS - {"by"}):
                    break  # ("agreed ... after speaking to Carney": the call is its own act)
                if head.dep_ == "ccomp" and head.i < head.head.i and any(
                        c.dep_ in {"mark", "advmod", "prep"} and c.lower_ in TIME_LINKS
                        for c in head.head.children):
                    break  # "X fired missiles, ..., hours after Pyongyang denounced ...": a
                    # main clause the parser hung on the later "after" clause's verb
                head = head.head
                if head.i in verbal:
                    outer = verbal[head.i]
                    if outer.event == "AGREE" and event.event == "CONCEDE" and (
                            head.dep_ != "ccomp" or outer.modality == "negated"):
                        # (the agreement is the concession: it was made, when the AGREE was)
                        event.modality = outer.modality if outer.modality in {
                            "historical", "negated"} else "asserted"
                        event.actor = event.actor or outer.actor
                        dropped.add(id(outer))
                    else:
                        dropped.add(id(event))
                    break
        return [event for _, _, event in found if id(event) not in dropped]

    def _retold_by_a_party(self, events: list[Event]) -> list[Event]:
        """"Russia launched 120 drones at Kyiv overnight ... Russia's defence ministry said its
        forces had carried out a massive strike": a material act a party's statement tells
        again, by the same side against the same side on the same day, is the act already
        coded, though the parties are named differently."""
        def countries(ids: list[str]) -> frozenset[str]:
            return frozenset(a.country for i in ids if (a := self.actors.get(i)) and a.country)

        tokens = {t.idx: t for t in self.doc}
        out: list[Event] = []
        for e in events:
            trigger = tokens.get(e.trigger_start) if e.trigger_start is not None else None
            if e.event == "CONSULT" and trigger is not None and trigger.pos_ == "NOUN" and \
                    countries(e.actor + e.recipient) and any(
                    k.event == "CONSULT" and k.modality == e.modality
                    and k.sentence.start != e.sentence.start
                    and countries(e.actor + e.recipient) <= countries(k.actor + k.recipient)
                    and (e.date is None or k.date is None or k.date == e.date)
                    for k in out):
                # "The talks, the first since 2022, lasted under two hours": the meeting the
                # article has coded, told again
                continue
            if e.statement is not None and e.event not in VERBAL and e.modality == "asserted" \
                    and countries(e.actor) and any(
                    k.event == e.event and k.modality == "asserted"
                    and k.sentence.start != e.sentence.start
                    and (e.mode is None or k.mode is None or e.mode == k.mode)
                    and countries(k.actor) == countries(e.actor)
                    and (not e.recipient or not k.recipient
                         or countries(k.recipient) == countries(e.recipient))
                    and (e.date is None or k.date == e.date)
                    and (e.place is None or k.place is None or e.place.name == k.place.name)
                    for k in out):
                continue
            out.append(e)
        return out

    @staticmethod
    def _dedupe(events: list[Event]) -> list[Event]:
        """Each real-world event once: same type, parties and date collapse to the first."""
        seen: set[tuple] = set()
        modes: dict[tuple, set[str | None]] = {}
        out = []
        for e in events:
            key = (e.event, tuple(sorted(e.actor)), tuple(sorted(e.recipient)), e.date, e.modality)
            # an undated retelling of an act the article has coded ("'I have decided to step
            # down,' he said" after "resigned on Tuesday") is the same act
            undated = (e.event, tuple(sorted(e.actor)), tuple(sorted(e.recipient)), e.modality)
            if e.date is None and e.actor and undated in modes and (
                    e.mode is None or modes[undated] & {None, e.mode}):
                continue
            modes.setdefault(undated, set()).add(e.mode)
            # One sentence reporting one act twice ("struck ..., killing two") is one event;
            # two modes say two acts ("attacked ..., taking 253 hostages").
            # (a done act and a planned one are two: "met Abiy ... and will fly to Asmara to
            # meet Isaias")
            local = (e.event, tuple(sorted(e.actor)), e.sentence.start, e.modality)
            if (e.event == "THREATEN" or (e.event, e.mode) == ("SANCTION", "discontinue")) \
                    and e.trigger_start is not None:
                # "warned that ... would have consequences and threatened to halt the trains":
                # two threat verbs, two threats; "imposed tariffs ... and suspended electricity
                # sales": two measures
                local += (e.event_text.lower(),)
            if (key in seen and e.mode in modes.get(key, {e.mode})) or (
                    local in modes and (e.mode is None or modes[local] & {None, e.mode}
                                        or e.event == "ACCUSE")):
                # (one party's criticism in one sentence is one ACCUSE, however many ways it
                # is put: "said the deployment was unconstitutional and asked the court to ...")
                continue
            seen.add(key)
            modes.setdefault(key, set()).add(e.mode)
            modes.setdefault(local, set()).add(e.mode)
            out.append(e)
        return out


def find_events(doc: Doc, actors: ActorIndex, statements: list[Statement], places: PlaceIndex,
                *, published: str | None) -> list[Event]:
    return EventFinder(doc, actors, statements, places, published).find()


def load_tables() -> None:
    """Read every table this stage uses now, so a broken table fails before any article.
    (The word lists are read at import.)"""
    load_knowledge()
    event_types()
    triggers_by_lemma()
    mode_cues()
    evaluation_words()
    threat_nouns()
    threat_verbs()
