"""Statements: who said what — direct quotes, reported speech and mixed forms.

A statement is anchored on a cue: a speech verb from `cue_verbs.tsv` (multiword cues such as
"point out" and "call on" included) or "according to". Its content takes one of the frames the
cue allows: a quotation beside the cue (direct); the clause the cue governs, or the clause before
a parenthetical "..., X said" (indirect); "urged X to Y", "offered to Y", "accused X of Y",
"called X Y", "expressed concern that Y" (`cue_nouns.tsv`); any of these holding a quoted
fragment is mixed. A quote with no cue of its own that follows an attributed one in the same
paragraph continues it. A cue inside another statement's content is part of that content, not
a statement ("X said A and the two agreed that B"), except an aside ("..., though he
acknowledged that B") and speech relayed by a medium ("X accused Y, the agency reported"),
where the inner statement is the one kept. Content never runs across a paragraph break, except
inside a quotation that does.

Speakers come from the cue's subject, resolved by `SpeakerResolver`: names; appositions ("His
spokesperson, Dmitry Peskov," — Peskov, speaking on behalf of the man "his" refers to);
spokespeople of a body ("an RSF spokesman" — the RSF); institutions and seats of government;
role nouns ("the minister", "Oman's foreign minister"); joint speakers ("Britain, France and
Germany"); pronouns, by salience (recency, grammatical role, who spoke) with gender and number;
and unnamed sources ("a senior official"), kept as text with speaker null and the reason. A
named speaker the actor index missed is added to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..lexicon import load_table, split_list
from ..model import Actor, Mention, Statement
from .actors import ActorIndex, find_country_code, find_title
from .knowledge import load_knowledge
from .persons import is_known_non_person
from .places import is_city_name
from .quotes import QUOTE_CHARS, Quote, find_quotes, quote_at

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
VERB_TAGS = {"VB", "VBD", "VBZ", "VBP", "VBN", "VBG"}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PERSONAL = MALE | FEMALE
PLURAL = {"they", "them", "their", "themselves"}
IMPERSONAL = PLURAL | {"it", "its", "itself"}
RELATIVE = {"which", "who", "that"}
# Definite descriptions that point back to a named organisation ("the agency said").
ORG_NOUNS = {"group", "agency", "organisation", "organization", "body", "alliance", "bloc",
             "movement", "militia", "company", "firm", "network", "charity", "society",
             "coalition", "commission", "committee", "council", "union", "association",
             "ministry", "department", "office", "watchdog", "court", "authority", "service",
             "institute", "bank", "fund", "programme", "program", "mission", "force", "army",
             "party", "government", "administration", "regulator", "operator", "command"}
# Objects that can be asked to do something ("urged all sides to"), besides actors and names.
ADDRESSEE_NOUNS = {"side", "party", "country", "nation", "government", "authority", "leader",
                   "state", "member", "community", "people", "public", "citizen", "everyone",
                   "all", "both", "player", "actor", "power", "ally", "partner", "neighbour",
                   "neighbor", "official", "force", "military", "army", "police", "administration"}
# Verbs that, governing a cue, say the speech act did not take place ("declined to say").
NOT_SAID = {"refuse", "decline", "fail", "deny", "avoid"}
CONTENT_TRIM = " ,.;:\n\t—–-"
SENTENCE_END = {".", "!", "?"}
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "iobj"}
# Bodies and groups that belong to a person and speak as themselves ("his office said").
PERSONAL_BODIES = {"office", "chancellery", "administration", "cabinet", "team", "campaign",
                   "camp", "lawyer", "attorney", "family", "aide", "party", "government"}
# Common nouns that, after a proper name, name a body of their own ("Al Masirah television").
MEDIA_AND_BODIES = {"television", "tv", "radio", "channel", "newspaper", "agency", "daily",
                    "broadcaster", "network", "outlet", "website", "magazine", "group",
                    "movement", "party", "mission", "commission", "council", "committee",
                    "foundation", "institute", "centre", "center", "union", "bloc"}
DOCUMENT_NOUNS = {"figure", "tally", "data", "report", "statement", "estimate", "count",
                  "record", "document", "survey", "poll", "assessment", "account", "medium",
                  "communique", "communiqué", "declaration", "letter", "decree", "readout",
                  "memo", "memorandum", "post", "message", "note", "notice", "release"}
# Verbs that, governing a cue, say the words were not (yet) spoken: "is expected to announce".
NOT_YET = {"expect", "plan", "intend", "want", "hope", "prepare", "schedule", "set", "due",
           "aim", "seek", "try"}
MODALS = {"will", "'ll", "would", "could", "might", "may", "should", "must", "shall", "can"}


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class Cue:
    lemma: str
    addressee: bool
    that_clause: bool
    kind: str
    frames: frozenset[str] = frozenset({"clause", "quote"})


@cache
def cue_lexicon() -> dict[str, Cue]:
    rows = load_table("cue_verbs.tsv", required=("lemma", "addressee", "that_clause", "kind"),
                      key="lemma")
    out = {}
    for r in rows:
        frames = frozenset(split_list(r.get("frames", "")))
        if not frames:
            frames = frozenset({"clause", "quote"} if r["that_clause"] == "yes" else {"quote"})
        lemma = r["lemma"].lower()
        out[lemma] = Cue(lemma, r["addressee"] in {"yes", "optional"},
                         r["that_clause"] == "yes", r["kind"], frames)
    return out


@cache
def _multiword() -> dict[str, frozenset[str]]:
    """Head word -> the second words of multiword cues ("point" -> {"out", "to"})."""
    out: dict[str, set[str]] = {}
    for lemma in cue_lexicon():
        words = lemma.split()
        if len(words) == 2:
            out.setdefault(words[0], set()).add(words[1])
    return {k: frozenset(v) for k, v in out.items()}


@cache
def cue_nouns() -> dict[str, frozenset[str]]:
    """Noun -> the verbs that make it a speech act ("expressed concern that")."""
    return {r["lemma"].lower(): frozenset(split_list(r["verbs"]))
            for r in load_table("cue_nouns.tsv", required=("lemma", "verbs"), key="lemma")}


@cache
def first_names() -> dict[str, str]:
    return {r["name"]: r["gender"] for r in load_table("first_names.tsv", key="name")}


@cache
def person_nouns() -> dict[str, tuple[str, str]]:
    """Lemma -> (gender, use) from person_nouns.tsv."""
    return {r["lemma"].lower(): (r.get("gender", ""), r.get("use", ""))
            for r in load_table("person_nouns.tsv", key="lemma")}


@cache
def source_nouns() -> frozenset[str]:
    return frozenset(r["lemma"].lower() for r in load_table("source_nouns.tsv", key="lemma"))


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_ in VERB_TAGS


def cue_of(token: Token) -> Cue | None:
    """The lexicon entry a verb is a cue for; a multiword cue ("call on") beats its head."""
    if not _is_verb(token):
        return None
    lex = cue_lexicon()
    lemma = token.lemma_.lower()
    seconds = _multiword().get(lemma)
    if seconds:
        for child in token.children:
            if child.i > token.i and child.lower_ in seconds and child.dep_ in {
                    "prt", "prep", "advmod", "acomp", "oprd", "dobj", "ccomp", "advcl"}:
                return lex[f"{lemma} {child.lower_}"]
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in seconds and nxt.pos_ in {"ADP", "PART", "ADV", "ADJ"}:
            return lex[f"{lemma} {nxt.lower_}"]
    return lex.get(lemma)


def is_cue(token: Token) -> bool:
    """A speech, writing or reporting cue (cognition verbs such as "believe" are not)."""
    cue = cue_of(token)
    if cue is None or cue.kind == "cognition":
        return False
    if cue.frames <= {"as"}:  # "called X Y": a cue only in that frame
        return _as_content(token) is not None
    return True


def _heard(token: Token) -> bool:
    """"Asked whether ..., the official declined", "he was told that ...": the subject heard
    the words; someone else spoke them."""
    if token.lemma_.lower() in {"quote", "cite"}:
        return False
    if any(c.dep_ == "auxpass" for c in token.children):
        return True
    return token.tag_ == "VBN" and token.dep_ in {"advcl", "acl"} and not any(
        c.dep_ in {"nsubj", "aux"} for c in token.children) and token.head.dep_ != "ROOT" \
        or (token.tag_ == "VBN" and token.dep_ == "advcl" and token.i < token.head.i and
            not any(c.dep_ in {"nsubj", "aux"} for c in token.children))


def _negated(token: Token) -> bool:
    """Not said, or not said yet: "did not say", "declined to say", "is expected to announce",
    "will tell"."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
        return True
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in NOT_YET:
        return True
    # "declined to say", "did not want to say"
    return token.dep_ == "xcomp" and (token.head.lemma_.lower() in NOT_SAID or _negated(token.head))


# --------------------------------------------------------------------------- speakers


@dataclass
class SpeakerInfo:
    """Who a cue's subject is: the actor, the text, and why there is none when there is none."""

    actor: str | None
    text: str | None
    span: tuple[int, int] | None
    reason: str | None = None  # unnamed_source | unresolved | no_speaker
    on_behalf_of: str | None = None
    country: str | None = None


class SpeakerResolver:
    """Map a cue's subject (or any argument) to an actor.

    Pronouns and role nouns are resolved once per document, in text order, by salience over the
    actor mentions before them: each mention scores (100 + a weight for its grammatical role:
    speaker, main-clause subject, object, ...), halved for every sentence back, over the last
    four sentences; candidates of the wrong gender or kind are skipped. Gender comes from first
    names, gendered nouns around a mention ("spokeswoman", "Mr") and earlier pronouns that
    resolved to the person without a rival.
    """

    def __init__(self, doc: Doc, actors: ActorIndex) -> None:
        self.doc = doc
        self.actors = actors
        self.last_speaker: str | None = None
        self.k = load_knowledge()
        self.titles = self.k.titles
        self._ready = False
        self._dateline = dateline_end(doc.text)
        self._coref: dict[int, str | None] = {}
        self.gender: dict[str, str] = {}

    # -- preparation ---------------------------------------------------------------------
    _SHARED = ("_sent_starts", "_kinds", "_quotes", "_arg_head", "_proxy", "_static", "_chain",
               "_coref", "gender")

    def _prepare(self) -> None:
        if self._ready:
            return
        self._ready = True
        doc = self.doc
        # One resolution per document and actor index: the event stage's resolver reuses the
        # statement stage's work.
        key = ("wirecoder.speakers", id(self.actors))
        cached = doc.user_data.get(key)
        if cached is not None:
            for name, value in zip(self._SHARED, cached, strict=True):
                setattr(self, name, value)
            return
        self._build()
        doc.user_data[key] = tuple(getattr(self, name) for name in self._SHARED)

    def _build(self) -> None:
        doc = self.doc
        # Sentences as the parser sees them, split again at paragraph breaks, which it
        # sometimes runs across after a closing quote.
        starts = {s.start for s in doc.sents}
        starts.update(t.i + 1 for t in doc if t.is_space and "\n\n" in t.text)
        self._sent_starts = sorted(i for i in starts if i < len(doc)) or [0]
        self._kinds = {a.id: a.kind for a in self.actors.actors}
        self._people_by_apposition()
        self._quotes = find_quotes(doc.text)
        self._arg_head: dict[int, int] = {}
        self._proxy: dict[int, str] = {}  # mentions of an unnamed person standing for a body
        mentions: list[tuple[int, str, float]] = []
        self._sent_of: dict[int, int] = {}
        token_actor = self.actors.token_actor
        run: list[int] = []

        def close(run: list[int]) -> None:
            if not run:
                return
            ids = set(run)
            head = next((doc[i] for i in run if doc[i].head.i not in ids or doc[i].head.i == i),
                        doc[run[-1]])
            actor_id = token_actor[run[0]]
            mentions.append(self._mention(head, actor_id))
            if self._kinds.get(actor_id) == "person":
                self._gender_from_context(actor_id, head)

        for i in sorted(token_actor):
            if run and (i != run[-1] + 1 or token_actor[i] != token_actor[run[-1]]):
                close(run)
                run = []
            run.append(i)
        close(run)
        self._static = mentions  # sorted by token
        self._chain: list[tuple[int, str, float]] = []
        names = first_names()
        for actor in self.actors.actors:
            if actor.kind == "person" and actor.id not in self.gender:
                words = actor.name.split()
                if len(words) > 1 and words[0] in names:
                    self.gender[actor.id] = names[words[0]]
        # Pronouns and role nouns, in text order: each resolution becomes a mention itself.
        for tok in doc:
            low = tok.lower_
            if tok.i in token_actor:
                continue
            if (low in PERSONAL or low in IMPERSONAL) and tok.pos_ == "PRON":
                actor_id = self._pronoun(tok)
            elif tok.dep_ in SUBJECT_DEPS and tok.pos_ in {"NOUN", "PROPN"} and is_cue(tok.head):
                # A speaker the actor index only covers in part ("the Polish military's
                # operational command said"): what it resolves to is the one speaking.
                chosen = self._own_subject(tok.head, token_actor)
                if chosen is not None and chosen.i != tok.i:
                    # a second subject is a misparsed apposition: it describes the first
                    actor_id = token_actor.get(chosen.i)
                elif _is_spokesperson(tok) and unnamed_description(tok):
                    # "An RSF spokesman said ... He also accused": "he" is the spokesman,
                    # whose words are the body's.
                    actor_id = self._body_of(tok)
                    if actor_id is not None:
                        self._proxy[tok.i] = person_nouns().get(tok.lemma_.lower(), ("",))[0]
                else:
                    actor_id = self.resolve(tok)
                    if actor_id is None and tok.pos_ == "PROPN":
                        actor_id = self._name_actor(tok)  # in text order, for later pronouns
                    actor_id = self.fullest(actor_id)
                if actor_id is None:
                    continue
            elif tok.dep_ in {"appos", "attr"}:
                # "COGAT, the Israeli defence ministry body that ...": describes its head.
                head = tok.head.head if tok.dep_ == "attr" else tok.head
                actor_id = token_actor.get(head.i) if tok.dep_ == "appos" else None
                if actor_id is None:
                    continue
            elif tok.pos_ in {"NOUN", "PROPN"} and (
                    tok.lemma_.lower() in self.titles or tok.lemma_.lower() in ORG_NOUNS) and \
                    self._definite(tok):
                actor_id = self._description(tok)
            else:
                continue
            self._coref[tok.i] = actor_id
            if actor_id is not None:
                self._chain.append(self._mention(tok, actor_id))

    def _people_by_apposition(self) -> None:
        """A name in apposition with a noun for a person ("Marie-Ange Pierre, a market vendor";
        "The commander of the Kenyan contingent, Godfrey Otunge") names a person, whatever
        the tagger took it for; the noun may also tell the gender."""
        nouns = person_nouns()
        token_actor = self.actors.token_actor
        for tok in self.doc:
            if tok.dep_ != "appos" or tok.head.i == tok.i:
                continue
            pairs = [(tok.head, tok), (tok, tok.head)]
            outer = tok.head.head.head if tok.head.dep_ == "pobj" else None
            if outer is not None and tok.head.head.lower_ == "of":
                pairs.append((tok, outer))  # "The commander of the contingent, Godfrey Otunge"
            for name, noun in pairs:
                actor_id = token_actor.get(name.i)
                lemma = noun.lemma_.lower()
                if actor_id is None or name.pos_ != "PROPN" or noun.pos_ != "NOUN" or \
                        self._kinds.get(token_actor.get(noun.i, ""), "group") != "group" or \
                        self._kinds.get(actor_id) != "organization":
                    continue
                if lemma in nouns or lemma in self.titles or lemma in source_nouns():
                    self._kinds[actor_id] = "person"
                    gender = nouns.get(lemma, ("", ""))[0]
                    if gender:
                        self.gender[actor_id] = gender

    def _mention(self, tok: Token, actor_id: str) -> tuple[int, str, float]:
        # Keep what salience needs about the mention, so ranking never touches the Doc again.
        self._arg_head[tok.i] = tok.head.i if tok.dep_ in ARG_DEPS else -1
        return tok.i, actor_id, self._weight(tok)

    def _weight(self, tok: Token) -> float:
        """How prominent a mention is, by grammatical role (after Lappin and Leass)."""
        while tok.dep_ in {"compound", "flat", "appos"} and tok.head.i != tok.i:
            tok = tok.head
        dep = tok.dep_
        if dep in SUBJECT_DEPS:
            head = tok.head
            if is_cue(head):
                w = 90.0
            elif head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT"):
                w = 80.0
            else:
                w = 50.0
        elif dep in {"dobj", "dative", "iobj"}:
            w = 40.0
        elif dep in {"pobj", "poss"}:
            w = 30.0
        else:
            w = 20.0
        if quote_at(self._quotes, tok.idx) is not None:
            w -= 60.0  # named inside someone else's quotation: in the background
        return w

    def _gender_from_context(self, actor_id: str, head: Token) -> None:
        nouns = person_nouns()
        near = [c for c in head.children if c.dep_ in {"compound", "amod", "appos"}]
        if head.dep_ == "appos":
            near.append(head.head)
        near += [t for t in head.doc[max(head.sent.start, head.i - 4) : head.i]]
        for tok in near:
            gender = nouns.get(tok.lemma_.lower(), ("", ""))[0] or nouns.get(tok.lower_, ("", ""))[0]
            if not gender and tok.lower_.endswith("woman"):
                gender = "f"
            if gender:
                self.gender[actor_id] = gender
                return

    def _sent_index(self, i: int) -> int:
        return bisect_right(self._sent_starts, i) - 1

    def _definite(self, tok: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children)

    # -- salience ------------------------------------------------------------------------
    def _candidates(self, at: Token, *, kinds: set[str], gender: str | None,
                    window: int = 3) -> list[tuple[float, str]]:
        si = self._sent_index(at.i)
        lo = self._sent_starts[max(0, si - window)]
        at_head = at.head.i if at.dep_ in ARG_DEPS else -2
        scores: dict[str, float] = {}
        for mentions in (self._static, self._chain):
            first = bisect_left(mentions, (lo, "", 0.0))
            for i, actor_id, w in mentions[first:]:
                if i >= at.i:
                    break
                proxy = i in self._proxy
                if ("person" if proxy else self._kinds.get(actor_id)) not in kinds:
                    continue
                known = (self._proxy[i] or None) if proxy else self.gender.get(actor_id)
                if gender and known and known != gender:
                    continue
                if self._arg_head.get(i) == at_head:
                    continue  # co-arguments of one verb do not corefer ("Binet called him")
                d = si - self._sent_index(i)
                # The best mention counts; repeated mentions add a little (being talked about
                # a lot does not outweigh being the subject of the last sentence).
                value = (100.0 + w) * 0.5 ** d
                old = scores.get(actor_id)
                scores[actor_id] = value if old is None else max(old, value) + 5.0
        return sorted(((s, a) for a, s in scores.items()), reverse=True)

    def _pronoun(self, tok: Token) -> str | None:
        low = tok.lower_
        if low in PERSONAL:
            gender = "m" if low in MALE else "f"
            ranked = self._candidates(tok, kinds={"person"}, gender=gender)
            kinds = {"person"}
        else:
            gender = None
            kinds = {"organization", "country", "group"}
            ranked = self._candidates(tok, kinds=kinds, gender=None)
            if low in PLURAL:
                ranked = sorted(((s * (1.3 if self._kinds[a] == "group" else 1.0), a)
                                 for s, a in ranked), reverse=True)
        if ranked:
            best = ranked[0][1]
            if gender and best not in self.gender and (
                    len(ranked) == 1 or ranked[0][0] >= 1.5 * ranked[1][0]):
                self.gender[best] = gender  # "he" settles the person's gender from here on
            return best
        last = self.actors.get(self.last_speaker) if self.last_speaker else None
        if last is not None and self._kinds.get(last.id) in kinds and (
                not gender or self.gender.get(last.id, gender) == gender):
            return last.id
        return self._latest(tok, kinds=kinds, gender=gender)

    def _latest(self, at: Token, *, kinds: set[str], gender: str | None = None) -> str | None:
        best: tuple[int, str] | None = None
        for i, actor_id, _ in self._static + self._chain:
            if i < at.i and self._kinds.get(actor_id) in kinds and (
                    not gender or self.gender.get(actor_id, gender) == gender) and (
                    best is None or i > best[0]):
                best = (i, actor_id)
        return best[1] if best else None

    def _description(self, tok: Token) -> str | None:
        """"the minister", "the agency": the most salient earlier actor it describes."""
        lemma = tok.lemma_.lower()
        if lemma in self.titles or tok.lower_ in self.titles:
            return self._by_role(tok)
        return self._definite_org(tok)

    def _by_role(self, subj: Token) -> str | None:
        words = [t.text for t in self.doc[subj.left_edge.i : subj.i + 1] if t.dep_ != "det"]
        title, _ = find_title(words, self.k)
        if title is None or not title.role:
            return None
        role = title.role.lower()
        gender = person_nouns().get(subj.lemma_.lower(), ("", ""))[0] or None
        matching = {a.id for a in self.actors.actors if a.kind == "person" and a.role and (
            a.role.lower() == role or role in a.role.lower().split()
            or a.role.lower().endswith(" " + role))}
        if not matching:
            return None
        ranked = [(s, a) for s, a in self._candidates(subj, kinds={"person"}, gender=gender,
                                                      window=8) if a in matching]
        if ranked:
            return ranked[0][1]
        return self._latest_of(subj, matching)

    def _latest_of(self, at: Token, ids: set[str]) -> str | None:
        best: tuple[int, str] | None = None
        for i, actor_id, _ in self._static + self._chain:
            if i < at.i and actor_id in ids and (best is None or i > best[0]):
                best = (i, actor_id)
        return best[1] if best else None

    def _named(self, subj: Token) -> set[str]:
        """Organisations whose (longer) name holds the noun: "society" -> Law Society of Kenya."""
        lemma = subj.lemma_.lower().rstrip("s")  # (a proper noun keeps its plural lemma)
        own = self.actors.actor_of(subj)
        return {a.id for a in self.actors.actors if a.kind in {"organization", "group"}
                and a.id != own and len(a.name.split()) > 1
                and lemma in {w.lower().rstrip("s") for w in a.name.split()}}

    def _named_org(self, subj: Token) -> str | None:
        named = self._named(subj)
        if not named:
            return None
        ranked = self._candidates(subj, kinds={"organization", "group"}, gender=None, window=8)
        for _, actor_id in ranked:
            if actor_id in named:
                return actor_id
        return self._latest_of(subj, named)

    def _definite_org(self, subj: Token) -> str | None:
        """"the society" -> the Law Society of Kenya: an organisation whose name holds the
        noun if there is one, else the most salient organisation."""
        lemma = subj.lemma_.lower()
        kinds = {"organization", "group"}
        found = self._named_org(subj)
        if found is not None:
            return found
        ranked = self._candidates(subj, kinds=kinds, gender=None, window=8)
        if lemma not in ORG_NOUNS - {"government", "army", "force", "party", "court", "bank"}:
            return None
        # The most salient institution (one our tables know beats one the tagger guessed).
        known = {a.id for a in self.actors.actors if a.kind == "organization" and a.country}
        ranked = [(s + (50 if a in known else 0), a) for s, a in ranked
                  if self._kinds[a] == "organization"]
        ranked.sort(reverse=True)
        return ranked[0][1] if ranked else None

    # -- public --------------------------------------------------------------------------
    def subject_of(self, cue: Token) -> Token | None:
        """The subject of a cue, borrowing the governing verb's for participles ("...,
        saying"), infinitives ("went on to say") and coordinated cues ("said X and asked Y")."""
        tok = cue
        for _ in range(6):
            own = self._own_subject(tok, self.actors.token_actor, self._dateline)
            if own is not None:
                return own
            if tok.dep_ in {"conj", "advcl"} and tok.i == cue.i:
                outer = _governing_cue(tok)
                if outer is not None:
                    tok = outer
                    continue
            if tok.dep_ == "prep" and tok.lower_ == "as" and tok.head.lemma_.lower() in {
                    "quote", "cite"}:
                # "Interfax cited a senior official as saying": the one cited speaks.
                cited = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
                if cited is not None:
                    return cited
            if tok.dep_ in {"conj", "xcomp", "advcl", "pcomp", "pobj", "prep"} and \
                    tok.head.i != tok.i and _same_paragraph(tok.head, cue):
                tok = tok.head
                continue
            if tok.dep_ == "acl" and tok.i == cue.i:
                if tok.tag_ in {"VBD", "VBZ", "VBP"} or (tok.tag_ == "VBN" and
                                                         tok.head.dep_ == "ROOT"):
                    # "The chief negotiator, Vera Grabe, called on ...": a finite verb parsed
                    # as modifying the name before it has that name for its subject.
                    return tok.head
                if tok.tag_ == "VBG" and tok.head.dep_ in {"dobj", "pobj"}:
                    tok = tok.head.head  # "issued a statement saying": the issuer
                    if tok.dep_ == "prep":
                        tok = tok.head
                    continue
            break
        for child in cue.children:  # passive "it was said by" / agent
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return _left_phrase(cue)

    @staticmethod
    def _own_subject(tok: Token, named: dict[int, str] | None = None,
                     after: int = 0) -> Token | None:
        """The verb's subject. Of two (a misparse: "Inside Goma, residents said"; "COGAT, the
        defence ministry body that ..., denied"), the one naming an actor, else the nearer.
        A dateline is never the subject ("CARACAS (WSW) - the council declared": the council,
        which the parser hangs on the dateline)."""
        found = [c for c in tok.children if c.dep_ == "nsubj" or (
            c.dep_ == "nsubjpass" and c.lower_ != "it")]
        if len(found) == 1 and found[0].pos_ == "NOUN":
            # "COGAT, the Israeli agency that oversees aid, denied": the name before the
            # description may be parsed as an adverbial of the verb; it is the first subject
            found = [c for c in tok.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN"
                     and c.i < found[0].i and c.nbor(1).text == ","] + found
        if not found:
            found = subject_hung_on_place(tok)
        if after:
            kept = []
            for c in found:
                if c.idx >= after:
                    kept.append(c)
                else:
                    kept += [a for a in c.children if a.dep_ == "appos" and a.idx >= after]
            found = kept
        if len(found) <= 1:
            return found[0] if found else None
        if named:
            with_actor = [c for c in found if c.i in named]
            if len(with_actor) == 1:
                return with_actor[0]
        left = [c for c in found if c.i < tok.i]
        return left[-1] if left else found[0]

    def phrase(self, subj: Token) -> Span:
        """The subject noun phrase without trailing appositions and clauses."""
        end = subj.i + 1
        for child in subj.rights:
            if child.dep_ in {"compound", "flat"}:
                end = child.i + 1
            elif child.dep_ == "prep" and child.lower_ == "of" and subj.pos_ == "PROPN" and \
                    all(t.pos_ in {"PROPN", "ADP", "DET", "CCONJ"} or t.is_punct and t.text in
                        {"'s", "-"} for t in child.subtree):
                end = max(t.i for t in child.subtree) + 1  # "the Ministry of Defence"
            elif child.dep_ == "prep" and child.lower_ == "of" and (
                    subj.lemma_.lower() in self.titles or subj.lemma_.lower() in {"head", "chief"}
            ) and len(list(child.subtree)) <= 4 and not any(t.is_punct for t in child.subtree):
                end = max(t.i for t in child.subtree) + 1  # "Orban's chief of staff"
            else:
                break
        start = subj.left_edge.i
        while start < subj.i and (self.doc[start].is_punct or self.doc[start].is_space):
            start += 1  # a quote mark or paragraph break the parser hung on the phrase
        return self.doc[start:end]

    def resolve(self, subj: Token) -> str | None:
        """The actor a subject (or any argument) token refers to, or None."""
        self._prepare()
        if subj.dep_ in SUBJECT_DEPS and subj.lower_ in RELATIVE and subj.head.dep_ == "relcl":
            subj = subj.head.head  # "the air force, which said" -> the air force
        if is_unnamed_source(subj):
            return None
        actor = self.actors.actor_of(subj)
        if actor is not None and self._definite(subj) and self._generic(actor, subj):
            # "the society" made a bare actor of its own; a body named with that word earlier
            # ("the Law Society of Kenya") is what it stands for.
            actor = self._named_org(subj) or actor
        if actor is None:  # "Ukraine's grid operator, Ukrenergo": the apposition names it
            for child in subj.children:
                if child.dep_ == "appos":
                    actor = self.actors.actor_of(child)
                    if actor:
                        break
        if actor is None and subj.i in self._coref:
            actor = self._coref[subj.i]
        if actor is None:
            # the modifier nearest the head names it ("the Houthi-run Al Masirah television")
            phrase = [t for t in self.phrase(subj) if t.dep_ != "poss" and t.i <= subj.i]
            actor = next((a for t in reversed(phrase) if (a := self.actors.actor_of(t))), None)
        if actor is None and subj.pos_ == "PROPN":
            actor = self.actors.person_by_surname(subj.text) or self._person_by_name_part(subj)
        if actor is None and subj.pos_ == "NOUN" and subj.is_title and subj.i == subj.sent.start:
            # a surname opening a sentence may be tagged as a common noun ("Tuggar will travel")
            actor = self.actors.person_by_surname(subj.text)
        if actor is None and subj.pos_ == "PROPN" and subj.text in self.k.countries and \
                self.k.countries[subj.text].code:
            code = self.k.countries[subj.text]
            actor = self.actors.country_actor(subj, code.code, code.name)  # type: ignore[arg-type]
        if actor is None and (subj.ent_type_ == "GPE" or subj.pos_ == "PROPN") and \
                subj.text in self.k.capitals:  # (the tagger may take "Tallinn" for a person)
            # "Brussels summoned", "Washington asked": a capital standing for its government.
            code = self.k.capitals[subj.text]
            actor = self.actors.country_actor(subj, code, self.k.country_names.get(code, code))
        if actor is None and subj.lower_ in PERSONAL | IMPERSONAL:
            actor = self._pronoun(subj)
        if actor is None and subj.pos_ == "NOUN" and self._definite(subj):
            actor = self._description(subj)
        if actor is None and subj.pos_ in {"PROPN", "NOUN"} and subj.text[:1].isupper() and \
                self._definite(subj):
            actor = self._named_org(subj)  # "the Guards" -> Iran's Revolutionary Guards
        if actor is None:
            phrase = [t for t in self.phrase(subj) if t.i <= subj.i]
            actor = next((a for t in phrase if (a := self.actors.actor_of(t))), None)
        return actor

    def _generic(self, actor_id: str, subj: Token) -> bool:
        actor = self.actors.get(actor_id)
        if actor is None or actor.kind not in {"group", "organization"}:
            return False
        words = actor.name.lower().split()
        return words[-1] in {subj.lower_, subj.lemma_.lower()} and (
            len(words) == 1 or (len(words) == 2 and not actor.country))

    def speaker(self, subj: Token | None) -> SpeakerInfo:
        """Everything a statement records about its speaker, given the cue's subject."""
        self._prepare()
        if subj is None:
            return SpeakerInfo(None, None, None, "no_speaker")
        if subj.dep_ in SUBJECT_DEPS and subj.lower_ in RELATIVE and subj.head.dep_ == "relcl":
            subj = subj.head.head
        span = self.phrase(subj)
        text, where = span.text, (span.start_char, span.end_char)
        # A name in apposition: "A police spokeswoman, Resila Onyango," / "His spokesperson,
        # Dmitry Peskov,".
        for child in _appositions(subj):
            if child.i > subj.i and subj.pos_ == "NOUN":
                named = self.actors.actor_of(child)
                if named is None and child.pos_ == "PROPN":
                    named = self.actors.person_by_surname(child.text) or self._name_actor(child)
                if named is not None and self._kinds.get(named) == "person":
                    return SpeakerInfo(named, text, where, None, self._spoken_for(subj, named))
        if subj.lemma_.lower() in DOCUMENT_NOUNS and self.actors.actor_of(subj) is None:
            # "a statement from the ministry", "the ministry's figures": the source's own
            owner = next((c for c in subj.children if c.dep_ == "poss"), None) or next(
                (g for c in subj.children if c.dep_ == "prep" and c.lower_ in {"from", "by", "of"}
                 for g in c.children if g.dep_ == "pobj"), None)
            if owner is not None and owner.lemma_.lower() not in DOCUMENT_NOUNS:
                info = self.speaker(owner)
                if info.actor is not None or info.reason == "unnamed_source":
                    return SpeakerInfo(info.actor, text, where, info.reason, info.on_behalf_of,
                                       info.country)
        if unnamed_description(subj):
            desc = _description_span(subj)
            # "a senior Israeli official", "an official from Ukraine's grid operator"; not where
            # the source stands ("diplomats at the United Nations in New York").
            near = [t for t in desc if t.i < subj.i] + [
                t for c in subj.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}
                for t in c.subtree]
            country = find_country_code(near, self.k)
            # A spokesperson of a body speaks for it ("an RSF spokesman" -> the RSF).
            body = self._body_of(subj) if _is_spokesperson(subj) else None
            if body is not None:
                return SpeakerInfo(body, text, where)
            return SpeakerInfo(None, desc.text, (desc.start_char, desc.end_char),
                               "unnamed_source", None, country)
        if _is_spokesperson(subj) and self.actors.actor_of(subj) is None:
            body = self._body_of(subj)
            if body is not None and not self._definite(subj):
                return SpeakerInfo(body, text, where)
        if self._anaphoric_source(subj) or _anonymous(subj):
            return SpeakerInfo(None, text, where, "unnamed_source")
        joint = self._joint_speaker(subj)
        if joint is not None:
            return joint
        actor = None
        if subj.pos_ == "NOUN" and self.actors.actor_of(subj) is None and \
                subj.lemma_.lower() in MEDIA_AND_BODIES:
            actor = self._name_actor(subj, with_head=True)  # "Al Masirah television said"
        if actor is None:
            actor = self._possessed_body(subj)  # "his office said" -> Ramaphosa's office
        if actor is None:
            actor = self._role_holder(subj)  # "Oman's foreign minister said" -> the minister
        actor = actor or self.resolve(subj)
        if actor is not None:
            actor = self._named_for(subj, actor)
        if actor is None and subj.pos_ in {"NOUN", "PROPN"}:
            actor = self._adjective_country(subj)
        if actor is None and subj.pos_ == "PROPN":
            actor = self._name_actor(subj)
        if actor is None:
            return SpeakerInfo(None, text, where, "unresolved")
        actor = self.fullest(actor)
        return SpeakerInfo(actor, text, where, None, self._spoken_for(subj, actor))

    def _joint_speaker(self, subj: Token) -> SpeakerInfo | None:
        """"Britain, France and Germany said": one statement by all of them, spoken for by a
        group actor named as the text names them."""
        # conjuncts before the subject belong to the content ("..., Takeshi Iwaya, the
        # Department of Foreign Affairs said", misparsed as one coordination)
        parts = [subj, *(c for c in subj.conjuncts if c.i > subj.i)]
        if len(parts) < 2 or subj.lower_ in PERSONAL | IMPERSONAL:
            return None
        ids = [self.actors.actor_of(p) or (self.resolve(p) if p.pos_ == "PROPN" else None)
               for p in parts]
        if any(i is None for i in ids) or len(set(ids)) < 2:
            return None
        last = max(t.i for p in parts[1:] for t in p.subtree
                   if not any(r.dep_ in {"relcl", "acl", "appos"} for r in t.ancestors
                              if r.i > p.i))
        start = subj.left_edge.i
        while start < subj.i and self.doc[start].pos_ in {"DET", "PUNCT", "SPACE"}:
            start += 1
        span = self.doc[start : last + 1]
        names = [self.actors.get(i).name for i in ids]  # type: ignore[union-attr]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        known = any(a.name == name for a in self.actors.actors)
        actor = self.actors.joint_group(ids, name)  # the members' shared country and sector
        if not known:
            self._kinds[actor.id] = "group"
        mention = Mention(span.start_char, span.end_char, span.text)
        if mention not in actor.mentions:
            actor.mentions.append(mention)
        return SpeakerInfo(actor.id, span.text, (span.start_char, span.end_char))

    def _named_for(self, subj: Token, actor_id: str) -> str:
        """A definite description of a body named just before ("Gazprom halted deliveries. The
        Russian gas company says ...") is that body, when the description made an actor of its
        own: an organisation with a proper name, of the same country and sector, mentioned in
        the last three sentences."""
        actor = self.actors.get(actor_id)
        if actor is None or actor.kind not in {"organization", "group"} or subj.pos_ != "NOUN" \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
            return actor_id
        phrase = self.phrase(subj)
        adjectives = self.k.adjectives
        if any(t.pos_ == "PROPN" and t.text not in adjectives for t in phrase) or \
                actor.name.lower() != " ".join(
                    t.text for t in phrase if t.dep_ != "det").lower():
            return actor_id  # a name ("the Kremlin", "the World Food Programme")
        for _, other_id in self._candidates(subj, kinds={"organization"}, gender=None):
            other = self.actors.get(other_id)
            if other is None or other.id == actor_id or not other.name[:1].isupper() or \
                    other.name.split()[0] in adjectives:
                continue
            words = {w.lower().strip(",.") for w in other.name.split()}
            if subj.lemma_.lower() in words or subj.lower_ in words:
                continue  # "the foreign ministry" is not the Ministry of Commerce before it
            if other.country == actor.country and other.country and (
                    other.sector == actor.sector and other.sector):
                return other.id
        return actor_id

    def _person_by_name_part(self, tok: Token) -> str | None:
        """"Prabowo" for Prabowo Subianto: where people go by their first name, the one person
        named in full whose first name this is."""
        if tok.i > 0 and self.doc[tok.i - 1].pos_ == "PROPN" and self.doc[tok.i - 1].dep_ in {
                "compound", "flat"}:
            return None  # part of a longer name
        found = {a.id for a in self.actors.actors if a.kind == "person"
                 and len(a.name.split()) > 1 and a.name.split()[0] == tok.text}
        return found.pop() if len(found) == 1 else None

    def fullest(self, actor_id: str | None) -> str | None:
        """The fullest actor for a person known by one name ("Anies" -> Anies Baswedan), when
        the actor index kept them apart."""
        actor = self.actors.get(actor_id or "")
        if actor is None or actor.kind != "person" or len(actor.name.split()) != 1:
            return actor_id
        word = actor.name
        found = {a.id for a in self.actors.actors if a.kind == "person" and a.id != actor.id
                 and len(a.name.split()) > 1 and word in (a.name.split()[0], a.name.split()[-1])}
        return found.pop() if len(found) == 1 else actor_id

    def _role_holder(self, subj: Token) -> str | None:
        """A title with a country and no name ("Oman's foreign minister said", "the Iranian
        foreign minister said"): the one person in the article holding that office, even when
        the name comes later."""
        if subj.pos_ != "NOUN" or subj.lemma_.lower() not in self.titles:
            return None
        own = self.actors.get(self.actors.actor_of(subj) or "")
        if own is not None and own.kind == "person":
            return None
        words = [t for t in self.doc[subj.left_edge.i : subj.i + 1] if t.dep_ != "det"]
        title, at = find_title([t.text for t in words], self.k)
        if title is None or not title.role:
            return None
        country = find_country_code(words[:at], self.k) if at else None
        if country is None and not self._definite(subj):
            return None
        role = title.role.lower()
        holders = [a for a in self.actors.actors if a.kind == "person" and a.role
                   and a.role.lower() == role and (country is None or a.country == country)]
        return holders[0].id if len(holders) == 1 else None

    def _possessed_body(self, subj: Token) -> str | None:
        """"his office", "Abashidze's lawyers": a body or group belonging to a person speaks as
        itself, named after the person ("Ramaphosa's office"), when no actor names it."""
        if subj.pos_ != "NOUN" or subj.lemma_.lower() not in PERSONAL_BODIES:
            return None
        own = self.actors.get(self.actors.actor_of(subj) or "")
        if own is not None and not self._generic(own.id, subj):
            return None
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        owner = self.actors.get(self.fullest(self.resolve(poss)) or "") if poss is not None \
            else None
        if owner is None or owner.kind != "person":
            return None
        words = [t.text for t in self.doc[poss.i + 1 : subj.i + 1] if t.text not in {"'s", "’s"}]
        # named as news names the person on second mention, by family name
        name = f"{owner.name.split()[-1]}'s {' '.join(words)}"
        existing = next((a for a in self.actors.actors if a.name == name), None)
        span = self.doc[subj.left_edge.i : subj.i + 1]
        mention = Mention(span.start_char, span.end_char, span.text)
        if existing is None:
            existing = Actor(id=f"a{len(self.actors.actors) + 1}", name=name,
                             kind="group" if subj.tag_ == "NNS" else "organization",
                             country=owner.country, sector=owner.sector)
            self.actors.actors.append(existing)
            self._kinds[existing.id] = existing.kind
        existing.mentions.append(mention)
        for t in span:
            self.actors.token_actor[t.i] = existing.id
        return existing.id

    def _anaphoric_source(self, subj: Token) -> bool:
        """"The official said", "the diplomat added": an unnamed source met before, when no
        named person holds that role."""
        lemma = subj.lemma_.lower()
        if subj.pos_ != "NOUN" or not self._definite(subj) or (
                lemma not in source_nouns() and person_nouns().get(lemma, ("", ""))[1] != "source"):
            return False
        # "the same diplomats" refers back as plainly as "the diplomats"
        if any(c.dep_ in {"compound", "amod", "poss", "appos", "prep"} and c.lower_ != "same"
               for c in subj.children):
            return False
        if lemma in self.titles and self._by_role(subj) is not None:
            return False
        actor = self.actors.get(self.actors.actor_of(subj) or "")
        if actor is None:
            return True
        name = actor.name.lower().removeprefix("the ").removeprefix("same ")
        return name in {subj.lower_, lemma}

    def _name_actor(self, subj: Token, *, with_head: bool = False) -> str | None:
        """A speaker named in the text whom the actor index missed (the tagger took "Claudia
        Restrepo" for a place, "Maersk" for a product): add them as an actor, a person when
        the name starts with a known given name or is tagged as one, else an organisation.
        With `with_head`, a proper name before a common noun names a body with the noun
        ("Al Masirah television")."""
        doc = self.doc
        start = subj.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in {
                "compound", "flat"} and doc[start - 1].head.i == subj.i:
            start -= 1
        if with_head and start == subj.i:
            return None
        span = doc[start : subj.i + 1]
        if any(t.i in self.actors.token_actor for t in span) or not span.text[:1].isupper():
            return None
        if not with_head and is_known_non_person(span.text, self.k):
            return None  # "Tallinn" tagged as a person: a capital speaking for its government
        if with_head:
            kind = "organization"
        elif span[0].text in first_names() or subj.ent_type_ == "PERSON":
            kind = "person"
        elif subj.ent_type_ in {"ORG", "WORK_OF_ART", "PRODUCT", "FAC", ""} and (
                len(span) > 1 or subj.ent_type_):
            kind = "organization"
        else:
            return None
        actor = Actor(id=f"a{len(self.actors.actors) + 1}", name=span.text, kind=kind,
                      mentions=[Mention(span.start_char, span.end_char, span.text)])
        self.actors.actors.append(actor)
        for t in span:
            self.actors.token_actor[t.i] = actor.id
        self._kinds[actor.id] = kind
        if kind == "person" and span[0].text in first_names():
            self.gender[actor.id] = first_names()[span[0].text]
        return actor.id

    def _adjective_country(self, subj: Token) -> str | None:
        """"according to Israeli tallies": a record's nationality names its source."""
        if subj.lemma_.lower() not in DOCUMENT_NOUNS:
            return None
        for child in subj.children:
            if child.dep_ in {"amod", "compound", "nmod"}:
                code = self.k.adjectives.get(child.text)
                if code and code in self.k.country_names:
                    return self.actors.country_actor(child, code, self.k.country_names[code])
        return None

    def _body_of(self, noun: Token) -> str | None:
        """The actor a spokesperson noun speaks for: its possessor, a modifier naming a body,
        or "for/of X"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return self.resolve(child)
        for child in noun.children:
            if child.dep_ in {"compound", "amod", "nmod"} and child.i < noun.i:
                actor = self.actors.actor_of(child)
                if actor is None and child.pos_ == "NOUN" and child.lemma_.lower() in ORG_NOUNS:
                    # "an alliance spokeswoman": the alliance named before; "a foreign ministry
                    # spokeswoman": a body named with that word, if any
                    bare = not any(g.dep_ in {"amod", "compound", "poss"} for g in child.children)
                    actor = self._named_org(child) or (self._definite_org(child) if bare
                                                       else None)
                if actor is not None:
                    return actor
        for tok in noun.subtree:  # "Chinese foreign ministry spokeswoman": the country's
            if tok.i < noun.i and tok.dep_ in {"amod", "compound"}:
                code = self.k.adjectives.get(tok.text)
                if code and code in self.k.country_names:
                    return self.actors.country_actor(tok, code, self.k.country_names[code])
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"for", "of", "at"}:
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return self.resolve(obj)
        if noun.dep_ in SUBJECT_DEPS and is_cue(noun.head) and not any(
                c.dep_ in {"amod", "compound", "nmod"} for c in noun.children):
            # "KFOR sent 200 more troops, a spokeswoman said": a bare spokesperson reporting
            # what an organisation did speaks for it.
            for clause in noun.head.children:
                if clause.dep_ != "ccomp" or clause.i > noun.i:
                    continue
                subj = self._own_subject(clause)
                actor_id = self.actors.actor_of(subj) if subj is not None else None
                if actor_id is not None and self._kinds.get(actor_id) == "organization":
                    return actor_id
        return None

    def _spoken_for(self, subj: Token, speaker: str) -> str | None:
        """For a named spokesperson, whom they speak for ("His spokesperson, Dmitry Peskov"
        -> the man "his" refers to; "Kremlin spokesman Dmitry Peskov" -> the Kremlin)."""
        nouns = [subj, *(c for c in subj.children if c.dep_ in {"appos", "compound"}),
                 *([subj.head] if subj.dep_ == "appos" else [])]
        for noun in nouns:
            if _is_spokesperson(noun):
                body = self._body_of(noun)
                if body is None and noun.i != subj.i:
                    # "Kremlin spokesman Dmitry Peskov": the body is a sibling modifier.
                    for sib in subj.children:
                        if sib.dep_ == "compound" and sib.i < noun.i:
                            body = body or self.actors.actor_of(sib)
                if body is not None and body != speaker:
                    return body
        return None


_ANONYMITY = re.compile(r"\b(?:not|n't) (?:to )?(?:be )?(?:named|identified)\b|\banonymity\b|"
                        r"\bnot authori[sz]ed to\b")


def _appositions(subj: Token) -> list[Token]:
    """Appositions of a noun, and a name the parser hung on the object of its "of" ("The
    commander of the Kenyan contingent, Godfrey Otunge,": Otunge is the commander)."""
    out = [c for c in subj.children if c.dep_ == "appos"]
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    out += [c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return out


def subject_hung_on_place(verb: Token) -> list[Token]:
    """"In Kabul, the Taliban's chief spokesman, Zabihullah Mujahid, said": with the subject
    set off by commas after a fronted place, the parser may hang it on the place as an
    apposition and leave the verb without a subject. The apposition before the verb is it."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ != "PROPN" or obj.ent_type_ not in {"GPE", "LOC", "FAC"}:
                continue
            found = [a for a in obj.children if a.dep_ == "appos" and a.i < verb.i
                     and a.pos_ in {"NOUN", "PROPN"} and a.ent_type_ not in {"GPE", "LOC", "FAC"}]
            if found:
                return found[:1]
    return []


def _left_phrase(cue: Token) -> Token | None:
    """"..., Takeshi Iwaya, the Department of Foreign Affairs said": a closing attribution whose
    subject the parser joined to the content (as a conjunct) is the noun phrase between the last
    comma and the cue."""
    doc = cue.doc
    if cue.i < 2 or doc[cue.i - 1].pos_ not in {"NOUN", "PROPN"} or cue.tag_ not in {
            "VBD", "VBZ", "VBP"}:
        return None
    tok = doc[cue.i - 1]
    while tok.dep_ in {"compound", "flat", "pobj", "prep", "amod"} and tok.head.i < cue.i and \
            tok.head.i != tok.i:
        tok = tok.head
    start = tok.left_edge.i
    if start < 1 or doc[start - 1].text != "," or tok.pos_ not in {"NOUN", "PROPN"} or \
            any(t.is_punct for t in doc[start : cue.i] if t.text != "." and t.text != "'s"):
        return None
    return tok


def _anonymous(subj: Token) -> bool:
    """A speaker whose relative clause withholds the name ("the commander, who asked not to be
    named", "an official who spoke on condition of anonymity") is an unnamed source."""
    for child in subj.children:
        if child.dep_ in {"relcl", "acl"} and _ANONYMITY.search(
                subj.doc[child.left_edge.i : child.right_edge.i + 1].text):
            return True
    return False


def _is_spokesperson(tok: Token) -> bool:
    nouns = person_nouns()
    if nouns.get(tok.lemma_.lower(), ("", ""))[1] == "spokesperson":
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and nouns.get(f"{prev.lower_} {tok.lemma_.lower()}",
                                          ("", ""))[1] == "spokesperson"


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


def unnamed_description(tok: Token) -> bool:
    """A speaker described, not named: "a senior Ukrenergo official", "residents",
    "fishermen", "a spokesman". An indefinite singular stays unnamed even when it names the
    body the person belongs to; a bare plural naming a body ("U.N. officials") is that body's."""
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    if lemma not in source_nouns() and person_nouns().get(lemma, ("", ""))[1] not in {
            "source", "spokesperson"}:
        return False
    if any(c.dep_ == "poss" or (c.dep_ == "appos" and (
            c.pos_ == "PROPN" or c.ent_type_ in {"PERSON", "ORG"})) for c in tok.children):
        return False  # "his spokesman", "a spokesman, Dmitry Peskov,"
    dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "nummod", "quantmod"}}
    if dets & {"the", "this", "that", "these", "those"}:
        return False
    if dets & {"a", "an", "one", "another", "some", "several", "two", "three", "four", "many"}:
        return True
    k = load_knowledge()
    # "Moldovan officials" (a nationality the tagger took for a name) stay unnamed; "U.N.
    # officials" name a body.
    if any(c.ent_type_ in {"PERSON", "ORG"} and k.adjectives.get(c.text) not in k.country_names
           for c in tok.children):
        return False
    return tok.tag_ == "NNS" or bool(dets)


def _description_span(tok: Token) -> Span:
    """An unnamed source's description with its modifiers ("a Western diplomat in Geneva"),
    up to the first comma or clause."""
    doc = tok.doc
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in {"prep", "compound", "amod", "nummod"} and not any(
                t.is_punct and t.text == "," for t in doc[end : child.i]):
            end = max(end, max(t.i for t in child.subtree) + 1)
        else:
            break
    comma = next((t.i for t in doc[tok.i : end] if t.text in {",", "(", "—", "–"}), end)
    start = tok.left_edge.i
    while start < tok.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:comma]


def _same_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.idx, b.idx))
    return "\n\n" not in a.doc.text[lo:hi]


def _governing_cue(tok: Token) -> Token | None:
    """The cue whose reported clause holds `tok` ("said X was Y and asked Z": "asked" hangs off
    "was" in the parse, but belongs to "said")."""
    cur = tok
    for _ in range(8):
        head = cur.head
        if head.i == cur.i or not _same_paragraph(head, tok):
            return None
        if cur.dep_ == "ccomp" and is_cue(head):
            return head
        cur = head
    return None


# --------------------------------------------------------------------------- frames


def _addressee_ok(obj: Token, actors: ActorIndex) -> bool:
    """Can this object be asked to do something? ("urged Rwanda to", "all sides to"; not
    "ordered the deployment of troops to")."""
    k = load_knowledge()
    lemma = obj.lemma_.lower()
    return (obj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or actors.actor_of(obj) is not None
            or obj.pos_ in {"PRON", "PROPN"} or lemma in ADDRESSEE_NOUNS or lemma in k.groups
            or lemma in k.titles or lemma in source_nouns() or lemma in person_nouns())


def _object(cue: Token) -> Token | None:
    """The hearer of "urged X to", "called on X to", "appealed to X to", "pleaded with X to"."""
    for child in cue.children:
        if child.dep_ in {"dobj", "dative", "iobj"} and child.lower_ not in {"what", "which"}:
            return child
    lemma = cue.lemma_.lower()
    for child in cue.children:
        if child.dep_ in {"prep", "prt"} and child.lower_ in {"on", "to", "with", "for", "upon"} \
                and (f"{lemma} {child.lower_}" in cue_lexicon() or lemma in {"appeal", "plead"}):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in {"DATE", "TIME"}:
                return obj
    return None


def _infinitive(clause: Token) -> bool:
    return any(g.dep_ == "aux" and g.lower_ == "to" for g in clause.children)


def _xcomps(cue: Token) -> list[Token]:
    out = []
    for child in cue.children:
        if child.dep_ in {"xcomp", "ccomp", "advcl"} and child.i > cue.i and _infinitive(child):
            out.append(child)
        elif child.dep_ == "advmod" and child.i > cue.i and _infinitive(child) and any(
                g.dep_ == "dobj" for g in child.children):
            out.append(child)  # "asked the council to authorise ...": a verb tagged as adverb
    for prep in (c for c in cue.children if c.dep_ == "prep"):
        for g in prep.children:  # "called on Rwanda to withdraw": sometimes under the object
            for gg in g.children:
                if gg.dep_ in {"xcomp", "acl", "relcl"} and _infinitive(gg):
                    out.append(gg)
    return out


def _as_content(cue: Token) -> list[Token] | None:
    """"called the move a crumb", "denounced the drills as a rehearsal": object + predicate."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_ in {"what", "which", "that"} or obj.tag_ in {"WP", "WDT"}:
        return None
    pred = None
    for child in cue.children:
        if child.i <= obj.i:
            continue
        if child.dep_ == "prep" and child.lower_ == "as":
            pred = child
            break
        if child.dep_ in {"oprd", "xcomp", "ccomp", "acomp"} and not _infinitive(child):
            pred = child
            break
    if pred is None:
        # 'called the continued presence "a violation of our sovereignty"': the quoted
        # description hangs on the object as an apposition
        pred = next((c for c in obj.children if c.dep_ == "appos" and c.i > obj.i and any(
            t.text in QUOTE_CHARS for t in cue.doc[obj.i + 1 : c.i])), None)
    if pred is None:
        return None
    end = max(t.i for t in pred.subtree)
    return list(cue.doc[obj.left_edge.i : end + 1])


def _is_relative_cue(cue: Token) -> bool:
    """"what it called X", "which it described as X", "a plan which his predecessor had
    proposed": labels a phrase, reports nothing. ("the air force, which said" does report.)"""
    if any(c.lower_ in {"what", "which", "that"} and c.dep_ in {"dobj", "nsubjpass", "oprd"}
           and c.i < cue.i for c in cue.children):
        return True
    if cue.dep_ == "relcl":
        # "a move Tehran described as X", "a plan which his predecessor had proposed": the
        # noun the clause hangs on is what is described. ("which said" keeps its subject.)
        subject = SpeakerResolver._own_subject(cue)
        if subject is not None and subject.lower_ in RELATIVE:
            return False
        # "where the U.N. says famine is imminent" reports a clause of its own
        return not any(c.dep_ == "ccomp" for c in cue.children)
    return False


def _exclusive(clause: Token, others: list[Token]) -> list[Token]:
    """A clause's tokens without the subtrees of sibling clauses and of conjoined cues that
    belong to the governing speaker ("said X was Y and asked Z to")."""
    own = {t.i for t in clause.subtree}
    drop: set[int] = set()
    for other in others:
        if other.i != clause.i:
            drop.update(t.i for t in other.subtree if t.i not in own or other.i in own)
    for tok in clause.subtree:
        if tok.i != clause.i and is_cue(tok) and (_aside(tok) or (
                tok.dep_ == "conj" and SpeakerResolver._own_subject(tok) is None)):
            drop.update(t.i for t in tok.subtree)
            # the "and" / "," before it
            if tok.i > 0:
                drop.update(t.i for t in tok.head.children if t.dep_ in {"cc", "punct"}
                            and t.i < tok.i and t.i > tok.head.i)
    return [t for t in clause.subtree if t.i not in drop]


ASIDE_MARKS = {"though", "although", "while", "whereas", "as", "but"}


def _aside(cue: Token) -> bool:
    """A speech verb in an adverbial clause that is a further statement, not part of the
    content: "..., though he acknowledged that", "..., adding that". A conditional one
    ("if the agency confirmed that") is part of what is said."""
    if cue.dep_ != "advcl" or not any(c.dep_ in {"ccomp", "xcomp"} for c in cue.children):
        return False
    marks = {c.lower_ for c in cue.children if c.dep_ == "mark"}
    return bool(marks & ASIDE_MARKS) or (not marks and cue.tag_ == "VBG")


def _relays(c: _Candidate) -> bool:
    """A report of a report ("X accused Y, the news agency reported"; "according to state
    media, X said"): the statement inside stands on its own too."""
    if c.cue is None:
        return c.source is not None
    entry = cue_of(c.cue)
    return entry is not None and entry.kind == "reporting"


def _left_after_comma(cue: Token) -> Token | None:
    """The first word of a parenthetical cue's phrase when a comma comes before it
    ("..., the ministry said"), else None."""
    words = [t for t in cue.subtree if not (t.is_punct or t.is_space)]
    left = words[0] if words else cue
    before = [t for t in cue.doc[max(0, left.i - 2) : left.i] if not t.is_space]
    return left if before and before[-1].text == "," else None


def _run(tokens: list[Token]) -> list[Token]:
    """The first contiguous run of tokens (punctuation gaps allowed)."""
    if not tokens:
        return tokens
    tokens = sorted(tokens, key=lambda t: t.i)
    out = [tokens[0]]
    doc = tokens[0].doc
    for tok in tokens[1:]:
        gap = doc[out[-1].i + 1 : tok.i]
        if any(not (g.is_punct or g.is_space) for g in gap):
            break
        out.append(tok)
    return out


@dataclass
class _Candidate:
    kind: str
    start: int
    end: int
    cue: Token | None
    subj: Token | None
    priority: int  # lower wins when two candidates cover the same words
    addressee: str | None = None
    source: Token | None = None  # the object of "according to"
    follows: _Candidate | None = None  # a continued quote: same speaker and cue
    quote: Quote | None = None
    speaker: SpeakerInfo | None = None
    cue_text: str | None = None
    cue_span: tuple[int, int] | None = None


class _Finder:
    def __init__(self, doc: Doc, actors: ActorIndex) -> None:
        self.doc = doc
        self.text = doc.text
        self.actors = actors
        self.resolver = SpeakerResolver(doc, actors)
        self.quotes = find_quotes(doc.text)
        self.dateline = dateline_end(doc.text)
        self.out: list[_Candidate] = []
        self.cues: dict[int, bool] = {}

    def is_cue(self, tok: Token) -> bool:
        if tok.i not in self.cues:
            self.cues[tok.i] = is_cue(tok)
        return self.cues[tok.i]

    def in_quote(self, tok: Token) -> Quote | None:
        q = quote_at(self.quotes, tok.idx)
        return q if q is not None and q.inner_start <= tok.idx < q.inner_end else None

    # -- content spans -------------------------------------------------------------------
    def span(self, tokens: list[Token]) -> tuple[int, int] | None:
        """Character span of a token run, cut at a sentence end outside quotes, edges trimmed,
        quote marks kept paired."""
        tokens = _run(tokens)
        doc, text = self.doc, self.text
        # A complementizer the parser took for a subject ("wrote that Budapest ..."), not the
        # demonstrative of "said that was wrong".
        while len(tokens) > 1 and tokens[0].lower_ in {"that", "whether"} and \
                tokens[1].pos_ not in {"AUX", "VERB"}:
            tokens = tokens[1:]
        if not tokens:
            return None
        # A closing quote mark of the paragraph before, which the parser hung on this clause
        # across the break, is not part of it.
        brk = next((n for n, t in enumerate(tokens) if "\n\n" in t.text), None)
        if brk is not None and brk + 1 < len(tokens) and all(
                t.is_punct or t.is_space for t in tokens[:brk]):
            tokens = tokens[brk + 1 :]
        last = tokens[-1].i
        for tok in tokens[:-1]:
            nxt = doc[tok.i + 1]
            if "\n\n" in tok.text and self.in_quote(tok) is None:
                last = tok.i - 1
                break
            if tok.text in SENTENCE_END and self.in_quote(tok) is None and (
                    nxt.is_space or nxt.text[:1].isupper() or nxt.text[:1] in QUOTE_CHARS):
                last = tok.i - 1
                break
            # 'would “snap back.” Chinese officials denied': a quotation ends the sentence.
            if tok.text in QUOTE_CHARS and tok.i > 0 and doc[tok.i - 1].text in SENTENCE_END \
                    and nxt.text[:1].isupper() and quote_at(self.quotes, tok.idx) is not None \
                    and quote_at(self.quotes, tok.idx).end == tok.idx + 1:
                last = tok.i
                break
        s = tokens[0].idx
        e = doc[last].idx + len(doc[last].text)
        while s < e and text[s] in CONTENT_TRIM:
            s += 1
        while e > s and text[e - 1] in CONTENT_TRIM:
            e -= 1
        if e <= s:
            return None
        # Keep a quotation whole: a content that opens a quote ends where the quote ends.
        for q in self.quotes:
            if q.start >= e:
                break
            if s <= q.start < e < q.end:
                e = q.end
            elif q.start < s < q.end <= e and text[q.start + 1 : s].strip() == "":
                s = q.start
        return s, e

    def has_quote(self, s: int, e: int) -> bool:
        return any(s <= q.start < e or s < q.end <= e for q in self.quotes)

    # -- 1. direct quotations ------------------------------------------------------------
    def starts_sentence(self, q: Quote) -> bool:
        before = self.text[max(0, q.start - 200) : q.start].rstrip(" \t—–-")
        if not before or before.endswith("\n") or q.start <= self.dateline:
            return True
        return before[-1] in ".!?:" or before[-1] in QUOTE_CHARS and before[:-1].rstrip()[-1:] in set(".!?,") | set(QUOTE_CHARS)

    def _lead_in(self, q: Quote) -> bool:
        """'In a statement, "...," the army said': a short adverbial, then a whole sentence
        quoted."""
        head = self.text[max(self.dateline, q.start - 120) : q.start]
        cut = max(head.rfind(". "), head.rfind("\n"), head.rfind(": "))
        lead = head[cut + 1 :].strip()
        inner = self.text[q.inner_start : q.inner_start + 1]
        if not lead.endswith(",") or not inner.isupper() or len(lead.split()) > 8:
            return False
        span = self.doc.char_span(q.start - len(head) + cut + 1, q.start,
                                  alignment_mode="contract")
        return span is not None and not any(self.is_cue(t) for t in span)

    def cue_after(self, q: Quote) -> Token | None:
        span = self.doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if span is None:
            return None
        if self.text[q.inner_start : q.inner_end].rstrip("”’\"' ")[-1:] == ".":
            return None  # the quotation ends its sentence: a cue after it starts another
        i = span.end
        n = 0
        while i < len(self.doc) and n < 14:
            tok = self.doc[i]
            if tok.idx >= q.end:
                n += 1
                if "\n\n" in tok.text or (tok.text in QUOTE_CHARS and quote_at(
                        self.quotes, tok.idx) not in (None, q)):
                    return None
                if tok.text in SENTENCE_END and n > 1:
                    return None
                if self.is_cue(tok) and not _is_relative_cue(tok):
                    subj = self.resolver.subject_of(tok)
                    if subj is None or not (q.start <= subj.idx < q.end):
                        return tok
            i += 1
        return None

    def cue_before(self, q: Quote) -> tuple[Token | None, str]:
        """The nearest cue before a quote in its sentence, and how it introduces the quote:
        'direct' (comma or colon, or a whole sentence quoted), 'that', or 'fragment'."""
        span = self.doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if span is None:
            return None, ""
        first = self.doc.char_span(q.start, q.inner_end, alignment_mode="expand")
        i = (first.start if first is not None else span.start) - 1
        while i >= 0 and span.start - i < 30:
            tok = self.doc[i]
            if tok.text in SENTENCE_END or "\n\n" in tok.text or quote_at(self.quotes, tok.idx):
                return None, ""
            if cue_of(tok) is not None and _is_relative_cue(tok):
                return tok, "relative"  # "what it called “X”"
            if self.is_cue(tok) and not self.in_quote(tok):
                between = self.text[tok.idx + len(tok.text) : q.start].strip()
                inner = self.text[q.inner_start : q.inner_end]
                if between.endswith((",", ":")):
                    return tok, "direct"
                if between.lower().endswith("that") or between.lower().endswith("that,"):
                    return tok, "that"
                if inner[:1].isupper() and inner.rstrip("”’\"'")[-1:] in SENTENCE_END and \
                        len(between.split()) <= 3:
                    return tok, "direct"
                return tok, "fragment"
            i -= 1
        return None, ""

    def directs(self) -> list[tuple[Quote, Token]]:
        """Attach each quote to its cue; returns the fragments left for the mixed pass."""
        fragments: list[tuple[Quote, Token]] = []
        previous: _Candidate | None = None
        for q in self.quotes:
            cue = None
            before_text = self.text[max(0, q.start - 3) : q.start].rstrip()
            if before_text.endswith((":", ",")):
                # 'told soldiers: "..."': a cue introducing the quote wins over one after it
                before, how = self.cue_before(q)
                if before is not None and how == "direct":
                    cue = before
            if cue is None and (self.starts_sentence(q) or self._lead_in(q)):
                cue = self.cue_after(q)
                if cue is not None and _is_relative_cue(cue):
                    cue = None
            if cue is None:
                before, how = self.cue_before(q)
                if before is not None and how == "direct":
                    cue = before
                elif before is not None and how in {"fragment", "that"}:
                    fragments.append((q, before))
                    previous = None
                    continue
                elif before is not None:
                    continue  # "what it called X"
            if cue is not None:
                subj = self.resolver.subject_of(cue) or self._nearby_subject(q, cue)
                cand = _Candidate("direct", q.inner_start, q.inner_end, cue, subj, 0, quote=q)
                self.out.append(cand)
                previous = cand
            elif previous is not None and self._continues(previous, q):
                cand = _Candidate("direct", q.inner_start, q.inner_end, previous.cue,
                                  previous.subj, 0, follows=previous, quote=q)
                self.out.append(cand)
                previous = cand
            else:
                previous = None
                fragments.append((q, None))  # type: ignore[arg-type]
        return fragments

    def _nearby_subject(self, q: Quote, cue: Token) -> Token | None:
        """When the parse gives the cue no subject: the noun right before it, or a name right
        after it ('"...," said Peskov')."""
        for tok in (self.doc[cue.i - 1] if cue.i else None,
                    self.doc[cue.i + 1] if cue.i + 1 < len(self.doc) else None):
            if tok is not None and tok.pos_ in {"PRON", "PROPN", "NOUN"} and not (
                    q.start <= tok.idx < q.end):
                return tok
        return None

    def _continues(self, previous: _Candidate, q: Quote) -> bool:
        """A cue-less quote in the paragraph of an attributed one, with no other speech
        between: the same speaker goes on ('"A," he said. "B."')."""
        assert previous.quote is not None
        gap = self.text[previous.quote.end : q.start]
        if "\n\n" in gap or len(gap) > 160:
            return False
        span = self.doc.char_span(previous.quote.end, q.start, alignment_mode="contract")
        if span is None:
            return True
        cue_i = previous.cue.i if previous.cue is not None else -1
        # Another speech verb between the quotes means another statement; a participle
        # describing the speaker ("said a diplomat briefed on the talks") does not.
        return not any(t.i != cue_i and t.dep_ not in {"acl", "amod", "relcl"} and self.is_cue(t)
                       for t in span)

    # -- 2. reported speech ---------------------------------------------------------------
    def reported(self) -> None:
        for tok in self.doc:
            if not _is_verb(tok) or not self.is_cue(tok) or self.in_quote(tok) or _negated(tok):
                continue
            if _heard(tok):
                continue
            if _is_relative_cue(tok):
                continue
            cue = cue_of(tok)
            assert cue is not None
            frames = cue.frames
            found = False
            if "clause" in frames:
                found |= self._clauses(tok)
                found |= self._before(tok)
            if frames & {"to", "object-to"}:
                found |= self._infinitives(tok, frames)
            charges = frames & {"of", "for"}
            if charges:
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                # "accused X of Y", "blamed X for Y": the preposition hangs off the verb or, in
                # some parses, off X.
                holders = [tok, *([obj] if obj is not None else [])]
                for child in (c for h in holders for c in h.children):
                    if child.dep_ == "prep" and child.lower_ in charges and (
                            child.head.i == tok.i or child.i == obj.i + 1):
                        if child.lower_ == "for" and not any(
                                g.tag_ == "VBG" for g in child.children):
                            continue  # "blamed the weather for the delay" names a cause only
                        toks = [t for g in child.children for t in g.subtree]
                        self._add("indirect", toks, tok, 2)
            if "as" in frames and not found:
                toks = _as_content(tok)
                if toks:
                    self._add("indirect", toks, tok, 2)

    def _add(self, kind: str, tokens: list[Token], cue: Token | None, priority: int, *,
             subj: Token | None = None, addressee: str | None = None) -> bool:
        span = self.span(tokens)
        if span is None:
            return False
        s, e = span
        if cue is not None:
            lo, hi = sorted((cue.idx, s if s > cue.idx else e))
            if "\n\n" in self.text[lo:hi]:
                return False  # reported speech stays in its cue's paragraph
        if kind == "indirect" and self.has_quote(s, e):
            kind = "mixed"
        if cue is not None and subj is None:
            subj = self.resolver.subject_of(cue)
        self.out.append(_Candidate(kind, s, e, cue, subj, priority, addressee=addressee))
        return True

    def _clauses(self, cue: Token) -> bool:
        """'said (that) A and that B': one statement per reported clause."""
        found = False
        absorbed = {t.i for c in cue.children if c.dep_ == "ccomp" for t in self._run_on(cue, c)}
        for child in cue.children:
            if child.dep_ != "ccomp" or _infinitive(child) or child.i in absorbed:
                continue
            if child.pos_ not in {"VERB", "AUX"} and SpeakerResolver._own_subject(child) is None:
                continue  # a noun the parser took for a clause ("declared X the winner")
            if self.in_quote(child) is not None and child.i < cue.i:
                continue  # '"A," he said': the direct pass has it
            clauses = [child] + [c for c in child.children if c.dep_ == "conj" and
                                 any(g.dep_ == "mark" for g in c.children)]
            for clause in clauses:
                toks = _exclusive(clause, clauses)
                if clause.i == child.i:
                    toks += self._run_on(cue, child)
                toks = [t for t in toks if not (t.dep_ == "mark" and t.head.i == clause.i and t.lower_
                                                in {"that", "whether", "if"})]
                while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct):
                    toks.pop()
                if len(toks) >= 2:
                    found |= self._add("indirect", toks, cue, 1)
        return found

    def _run_on(self, cue: Token, clause: Token) -> list[Token]:
        """A second complement right after the first with no subject, conjunction or mark is a
        misparse of one clause ("would keep its border with Belarus | closed")."""
        end = max(t.i for t in clause.subtree)
        for other in cue.children:
            if other.dep_ == "ccomp" and other.i > clause.i and other.left_edge.i == end + 1 \
                    and SpeakerResolver._own_subject(other) is None and not any(
                        c.dep_ == "mark" for c in other.children):
                return list(other.subtree)
        return []

    def _before(self, cue: Token) -> bool:
        """'A happened, the ministry said(, and B)': the clause before a parenthetical cue."""
        head = cue.head
        if cue.dep_ == "parataxis" and head.i > cue.i:
            return self._before_root(cue)
        if head.i == cue.i or cue.i < head.i or cue.dep_ not in {"parataxis", "conj", "advcl", "ccomp"}:
            return False
        if cue.dep_ != "parataxis":
            if _left_after_comma(cue) is None or SpeakerResolver._own_subject(cue) is None:
                return False
            if any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in cue.children):
                return False
        own = {t.i for t in cue.subtree}
        limit = cue.left_edge.i
        toks = [t for t in head.subtree if t.i < limit and t.i not in own]
        toks = [t for t in toks if t.i >= max(head.sent.start, 0)]
        found = False
        if len(toks) >= 3 and not self._quoted(toks):
            found = self._add("indirect", toks, cue, 1)
        # "..., his office said, and the two agreed that ...": later conjuncts too.
        for conj in head.children:
            if conj.dep_ == "conj" and conj.i > cue.i and SpeakerResolver._own_subject(conj):
                toks = [t for t in conj.subtree]
                if len(toks) >= 3:
                    found |= self._add("indirect", toks, cue, 1)
        return found

    def _before_root(self, cue: Token) -> bool:
        """'A happened, X said, hours after B': the parse hung the cue on a later clause; the
        content is the clause from the start of the sentence to the comma before the cue."""
        left = _left_after_comma(cue)
        if left is None:
            return False
        start = cue.sent.start
        toks = [t for t in self.doc[start : left.i] if t.idx >= self.dateline]
        if len(toks) < 3 or not any(t.dep_ in SUBJECT_DEPS for t in toks) or self._quoted(toks):
            return False
        return self._add("indirect", toks, cue, 1)

    def _quoted(self, toks: list[Token]) -> bool:
        """Mostly inside one quotation: the direct pass has it."""
        inside = sum(1 for t in toks if self.in_quote(t) is not None)
        return inside >= 0.6 * len(toks)

    def _infinitives(self, cue: Token, frames: frozenset[str]) -> bool:
        """'urged X to A and to B', 'offered to A': what is asked or promised."""
        obj = _object(cue)
        found = False
        for clause in _xcomps(cue):
            if obj is not None and obj.i < clause.i:
                if "object-to" not in frames or not _addressee_ok(obj, self.actors):
                    continue
                addressee = self._phrase_with_conjuncts(obj)
            elif "to" in frames:
                addressee = None
            else:
                continue
            clauses = [clause] + [c for c in clause.children if c.dep_ == "conj" and
                                  _infinitive(c)]
            for part in clauses:
                toks = _exclusive(part, clauses)
                toks = [t for t in toks if not (t.dep_ == "aux" and t.lower_ == "to"
                                                and t.head.i == part.i)]
                while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct):
                    toks.pop()
                if toks:
                    found |= self._add("indirect", toks, cue, 2, addressee=addressee)
        return found

    def _phrase_with_conjuncts(self, obj: Token) -> str:
        last = max([obj.i, *(t.i for c in obj.conjuncts for t in c.subtree)])
        stop = [c.i for c in obj.children if c.dep_ in {"relcl", "acl", "xcomp"}]
        end = min([last + 1, *stop]) if stop else last + 1
        return self.doc[obj.left_edge.i : end].text

    def nominal(self) -> None:
        """'expressed concern that A', 'issued a warning that A': a speech noun given by a verb
        of saying (cue_nouns.tsv); its that-clause is the content."""
        nouns = cue_nouns()
        for noun in self.doc:
            verbs = nouns.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
            if not verbs or noun.dep_ not in {"dobj", "pobj", "nsubjpass"}:
                continue
            verb = noun.head if noun.dep_ != "pobj" else noun.head.head
            if verb.lemma_.lower() not in verbs or not _is_verb(verb) or self.in_quote(verb) \
                    or _negated(verb):
                continue
            for clause in noun.children:
                if clause.dep_ not in {"acl", "ccomp"} or not any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                    continue
                toks = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i ==
                                                          clause.i)]
                before = len(self.out)
                if self._add("indirect", toks, verb, 2):
                    cand = self.out[before]
                    end = noun.idx + len(noun.text)
                    cand.cue_span = (verb.idx, end) if noun.i - verb.i <= 3 else None
                    cand.subj = self.resolver.subject_of(verb)

    # -- 3. "according to X" -------------------------------------------------------------
    def according(self) -> None:
        doc = self.doc
        for tok in doc:
            if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
                continue
            if self.in_quote(tok):
                continue
            to = doc[tok.i + 1]
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            if source is None or not self._source_ok(source):
                continue
            sent = tok.sent
            phrase_end = max(t.i for t in tok.subtree) + 1
            start = max(sent.start, 0)
            # the parser may run a sentence on from the paragraph before
            start = max([start] + [t.i + 1 for t in doc[start : tok.i] if "\n\n" in t.text])
            if self.dateline and doc[start].idx < self.dateline:
                start = next((t.i for t in sent if t.idx >= self.dateline), start)
            # "According to X, content." / "Content, according to X."
            toks = list(doc[phrase_end : sent.end] if tok.i - start <= 1 else doc[start : tok.i])
            span = self.span(toks)
            if span is None or span[1] - span[0] < 10:
                continue
            s, e = span
            kind = "mixed" if self.has_quote(s, e) else "indirect"
            self.out.append(_Candidate(kind, s, e, None, None, 3, source=source,
                                       cue_text=self.text[tok.idx : to.idx + len(to.text)],
                                       cue_span=(tok.idx, to.idx + len(to.text))))

    def _source_ok(self, source: Token) -> bool:
        """"according to market data" names no one; "according to officials", "according to
        the ministry", "according to U.N. figures" do."""
        if self.actors.actor_of(source) is not None or source.ent_type_ in {
                "PERSON", "ORG", "GPE", "NORP"}:
            return True
        lemma = source.lemma_.lower()
        if lemma in source_nouns() or lemma in person_nouns() or lemma in self.resolver.titles:
            return True
        if source.pos_ == "PRON" or lemma in ORG_NOUNS or source.text[:1].isupper():
            return True  # a pronoun, a body ("the ministry"), a name the tagger missed
        if any(c.dep_ == "compound" and c.lemma_.lower() in ORG_NOUNS for c in source.children):
            return True  # "the rights group KontraS"
        return any(self.actors.actor_of(t) is not None or t.ent_type_ in {"ORG", "GPE", "NORP"}
                   for t in source.subtree if t is not source)

    # -- 4. quoted fragments inside reported speech ---------------------------------------
    def fragments(self, fragments: list[tuple[Quote, Token | None]]) -> None:
        for q, cue in fragments:
            if cue is None or any(c.start <= q.start < c.end for c in self.out):
                continue
            if _is_relative_cue(cue) or _negated(cue):
                continue
            qtok = self.doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
            if qtok is None or not any(cue in t.ancestors for t in qtok):
                continue  # the quote is not governed by the cue
            after = cue.i + 1
            while after < len(self.doc) and (self.doc[after].lower_ in {"that", ",", ":"} or
                                             self.doc[after].dep_ == "prt"):
                after += 1
            start = min(self.doc[after].idx, q.start) if after < len(self.doc) else q.start
            self.out.append(_Candidate("mixed", start, q.end, cue,
                                       self.resolver.subject_of(cue), 4))

    # -- selection -----------------------------------------------------------------------
    def select(self) -> list[_Candidate]:
        cands = sorted(self.out, key=lambda c: (c.priority, c.start))
        kept: list[_Candidate] = []
        for c in cands:
            if c.start < self.dateline < c.end:
                c.start = self.dateline
            if c.end <= c.start:
                continue
            if any(self._clash(c, k) for k in kept):
                continue
            kept.append(c)
        # A cue inside another statement's content reports speech within that statement
        # ("X said A, and the two agreed that B"): it is part of the content, not a statement.
        nested = set()
        for c in kept:
            anchor = c.cue.idx if c.cue is not None else (c.cue_span[0] if c.cue_span else None)
            if anchor is None or c.follows is not None:
                continue
            if c.cue is not None and _aside(c.cue):
                continue  # "..., though he acknowledged that": an aside, a statement itself
            if any(k is not c and k.start <= anchor < k.end and k.kind != "direct"
                   and not _relays(k) for k in kept):
                nested.add(id(c))
        kept = [c for c in kept if id(c) not in nested]
        # A report of a report ("X said Y, according to Interfax"; "X accused Y, the agency
        # reported") is the inner speaker's statement; the channel adds no statement of its own.
        kept = [c for c in kept if not (_relays(c) and any(
            k is not c and k.cue is not None and c.start <= k.cue.idx < c.end for k in kept))]
        kept.sort(key=lambda c: c.start)
        return kept

    @staticmethod
    def _clash(c: _Candidate, k: _Candidate) -> bool:
        inter = min(c.end, k.end) - max(c.start, k.start)
        if inter <= 0:
            return False
        for outer, inner in ((k, c), (c, k)):
            if _relays(outer) and inner.cue is not None and \
                    outer.start <= inner.cue.idx < outer.end:
                return False  # a statement inside a media report stands too
        shorter = min(c.end - c.start, k.end - k.start)
        return inter >= 0.5 * shorter

    def find(self) -> list[StatementDraft]:
        fragments = self.directs()
        self.reported()
        self.nominal()
        self.according()
        self.fragments(fragments)
        drafts: list[StatementDraft] = []
        resolver = self.resolver
        for c in self.select():
            if c.follows is not None and c.follows.speaker is not None:
                info = c.follows.speaker
            elif c.source is not None:
                info = resolver.speaker(c.source)
            else:
                info = resolver.speaker(c.subj)
            c.speaker = info
            drafts.append(self._draft(c, info))
            if info.actor is not None:
                resolver.last_speaker = info.actor
        inherit_places(self.text, [d.statement for d in drafts])
        for n, d in enumerate(drafts, 1):
            d.statement.id = f"s{n}"
        return drafts

    def _occasion_before(self, cue: Token,
                         info: SpeakerInfo) -> tuple[str | None, Token | None]:
        """The occasion of the sentence before, in the same paragraph, when its subject is the
        speaker and it puts the speaker somewhere in person: "Speaking at a rally in Mogadishu,
        the president praised the fighters. "...," he said." """
        if info.actor is None:
            return None, None
        sent = cue.sent
        if sent.start == 0:
            return None, None
        prev = self.doc[sent.start - 1].sent
        if not _same_paragraph(prev.root, cue):
            return None, None
        root = prev.root
        subj = SpeakerResolver._own_subject(root)
        if subj is None or self.resolver.fullest(self.resolver.resolve(subj)) != info.actor:
            return None, None
        located = _occasions(root, own=False)
        if root.lemma_ in _PRESENCE_VERBS:  # "arrived in Manila on Tuesday. "...," he said"
            located.append((root, _PLACE_PREPS))
        for holder, preps in located:
            for child in [holder] if holder.dep_ == "prep" else holder.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    tok = _located(child, None) or _antecedent_place(child)
                    if tok is not None:
                        return _place_name(tok), tok
        return None, None

    def _draft(self, c: _Candidate, info: SpeakerInfo) -> StatementDraft:
        cue = c.cue
        place = place_tok = date_tok = None
        addressee = c.addressee
        cue_text, cue_span = c.cue_text, c.cue_span
        if cue is not None:
            cue_span = cue_span or _cue_span(cue)
            cue_text = self.text[cue_span[0] : cue_span[1]]
            place, place_tok = _place_of(cue, c.subj, (c.start, c.end))
            if place is None:
                place, place_tok = self._occasion_before(cue, info)
            date_tok = _date_token(cue)
            if addressee is None:
                addressee = _addressee(cue)
        elif c.source is not None:
            # "according to Abdi Warsame, a clan elder in Jowhar": a located source
            place_tok = _source_place(c.source, (c.start, c.end))
            place = _place_name(place_tok) if place_tok is not None else None
        statement = Statement(
            id="", speaker=info.actor, speaker_text=info.text, kind=c.kind,  # type: ignore[arg-type]
            cue=cue_text, content=self.text[c.start : c.end], start=c.start, end=c.end,
            addressee=addressee, place=place,
            speaker_start=info.span[0] if info.span else None,
            speaker_end=info.span[1] if info.span else None,
            cue_start=cue_span[0] if cue_span else None,
            cue_end=cue_span[1] if cue_span else None,
            speaker_reason=info.reason, on_behalf_of=info.on_behalf_of,
            speaker_country=info.country,
        )
        return StatementDraft(statement, cue, date_tok, place_tok)


# --------------------------------------------------------------------------- attributes


def _cue_span(cue: Token) -> tuple[int, int]:
    """The cue's characters: "said", or "called on" / "pointed out" when the words touch."""
    entry = cue_of(cue)
    end = cue.idx + len(cue.text)
    if entry is not None and " " in entry.lemma and cue.i + 1 < len(cue.doc):
        nxt = cue.doc[cue.i + 1]
        if nxt.lower_ == entry.lemma.split()[1]:
            end = nxt.idx + len(nxt.text)
    return cue.idx, end


def _addressee(cue: Token) -> str | None:
    entry = cue_of(cue)
    if entry is None or not entry.addressee:
        return None
    for child in cue.children:
        if child.dep_ in {"dobj", "dative", "iobj"} and child.pos_ in {"NOUN", "PROPN", "PRON"}:
            end = child.i + 1
            for right in child.rights:  # "France Inter radio", "the U.N. Security Council"
                if right.dep_ in {"compound", "flat"}:
                    end = right.i + 1
            return cue.doc[child.left_edge.i : end].text
    return None


PLACE_ENTS = {"GPE", "LOC", "FAC"}
# Prepositions that locate a speech act ("said in Kyiv", "told reporters at the airport", "spoke
# from Ankara", "speaking at the crossing near Rafah").
_PLACE_PREPS = {"in", "at", "from", "outside"}
# "On a visit to Hanoi", "during a trip to Kinshasa": the visit's destination is where the speaker is.
_TRIP_PREPS = {"on", "during"}
# Verbs whose subject is there in person, so a cue hanging on them shares their place.
_PRESENCE_VERBS = {
    "speak", "talk", "address", "arrive", "visit", "meet", "gather", "march", "rally",
    "demonstrate", "protest", "appear", "attend", "stand", "travel", "chant", "assemble",
}
_TRIP_NOUNS = {"visit", "trip", "tour", "stop", "stopover", "mission"}
# A speaker noun naming an institution: "in X" tells which police or ministry it is, not where the
# utterance happened ("Police in Nantes said", "the foreign ministry in Moscow said"), unlike a
# person on the spot ("a Western diplomat in Geneva", "Officials in Lima").
_SEATED_NOUNS = {
    "police", "ministry", "government", "prefecture", "office", "embassy", "consulate", "court",
    "army", "military", "command", "authority", "council", "agency", "company", "bank", "firm",
    "committee", "parliament", "department", "service", "force", "mission", "administration",
    "cabinet", "presidency", "municipality", "headquarters", "university", "hospital", "school",
    "exchange", "brokerage", "newspaper", "broadcaster", "station", "club", "party",
    "network", "group", "organisation", "organization", "association", "union", "coalition",
    "charity", "centre", "center", "institute", "chamber", "federation",
}


# Nouns for settlements and districts: the name after "the town of" is a place whatever the
# tagger calls it ("the town of Bender", "the village of Badme").
_SETTLEMENT_NOUNS = {
    "town", "village", "city", "district", "region", "province", "port", "neighbourhood",
    "neighborhood", "camp", "suburb", "county", "municipality", "island", "enclave", "hamlet",
}


def _untagged_place(tok: Token) -> bool:
    """A name the tagger did not take for a place but that can only be one here: the object of
    "in"/"at" ("residents in Zalambessa", "In Tiraspol,") or of "the town of", when it is a
    known city or is not a person's name (a place named like an organisation is rarely a
    speaker's location otherwise)."""
    if tok.pos_ != "PROPN" or tok.dep_ != "pobj" or tok.ent_type_ in {"DATE", "TIME"}:
        return False
    prep = tok.head
    start = tok.left_edge.i
    first = tok.doc[start]
    if first.text in first_names():
        return False
    if prep.lower_ == "of" and prep.head.lemma_.lower() in _SETTLEMENT_NOUNS:
        return True
    if prep.lower_ not in {"in", "at"}:
        return False
    name = tok.doc[start : tok.i + 1].text
    if tok.ent_type_ == "NORP":
        # "a shopkeeper in Leposavic" tagged as a nationality; not "said in English"
        return name not in load_knowledge().adjectives and tok.lower_ not in _LANGUAGES
    return tok.ent_type_ in {"", "PERSON"} or is_city_name(name, min_population=0)


_LANGUAGES = {"english", "french", "arabic", "russian", "spanish", "chinese", "mandarin",
              "german", "portuguese", "ukrainian", "hebrew", "persian", "farsi", "turkish",
              "swahili", "creole", "dari", "pashto", "urdu", "hindi", "korean", "japanese"}


_AWAY_PREPS = {"to", "into", "toward", "towards", "for", "against", "with", "over", "about",
               "on", "by"}


def _located(prep: Token, content: tuple[int, int] | None) -> Token | None:
    """The place token inside a locating prepositional phrase, before the content starts: the
    object itself ("in Kyiv"), a name inside it ("at the palace in Baabda", "in the Poonch
    district", "at the head of the Paris march"), or the possessor of the object itself ("at
    Bogota's airport"; not "at the residence of Switzerland's ambassador")."""
    for tok in prep.subtree:
        if content and content[0] <= tok.idx < content[1]:
            break
        inner = next((a for a in tok.ancestors if a.dep_ == "prep"), None)
        if inner is not None and inner.i != prep.i and inner.lower_ in _AWAY_PREPS:
            continue  # "in a letter to Madrid": an addressee or destination, not a location
        if tok.ent_type_ not in PLACE_ENTS:
            if _untagged_place(tok):
                return tok
            continue
        if tok.dep_ in {"pobj", "appos"}:
            return tok
        # "the Poonch district", "Bogota's airport" name a place; "a Nairobi brokerage" names a
        # firm by its seat, which says nothing about where the speaker stood.
        if tok.head.lemma_ in _SEATED_NOUNS:
            continue
        if tok.dep_ == "compound" or tok.dep_ == "poss" and tok.head.head.i == prep.i:
            return tok
    return None


def _place_of(cue: Token, subj: Token | None = None,
              content: tuple[int, int] | None = None) -> tuple[str | None, Token | None]:
    """Where the text puts the speech act: "told reporters in Vladivostok", "speaking in
    Kyiv", "In Warsaw, the military said", "a diplomat in Geneva said", "on a visit to Hanoi",
    and for a cue that continues another verb, that verb's place ("marched in Dhaka, demanding
    ...", "spoke from Ankara and said ...", "In Beijing, the ministry called ... but urged ...")."""
    holders = [cue]
    holders += [c for c in cue.children if c.dep_ in {"dobj", "dative", "advcl"} and (
        c.dep_ != "advcl" or c.lemma_ in _PRESENCE_VERBS)]
    holders += [o for h in list(holders) for c in h.children  # "speaking to reporters in X"
                if c.dep_ == "prep" and c.lower_ == "to"
                for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in PLACE_ENTS]
    located = [(h, _PLACE_PREPS) for h in holders]
    # The verb the cue continues (a coordinated verb, or the act a participle such as "...,
    # calling on" accompanies) lends its place when the speaker was there in person ("marched
    # in Dhaka, demanding", "spoke from Ankara and said") or the place is fronted for the whole
    # clause ("In Beijing, the ministry called ... but urged"); "shelled villages in Idlib,
    # saying" puts the shelling there, not the statement.
    head = cue
    while head.dep_ in {"conj", "advcl"} and head.head.i != head.i and head.head.pos_ in {
            "VERB", "AUX"} and (head.dep_ == "conj" or head.tag_ == "VBG"):
        head = head.head
        located += _occasions(head)
    if subj is not None:
        # A source introduced as located speaks there: "residents in Zalambessa", and in an
        # apposition "Abdi Warsame, a clan elder in Jowhar". "From" on a speaker is an origin
        # ("a farmer from Kherson"), not a location.
        for person in [subj, *(c for c in subj.children if c.dep_ == "appos")]:
            if person.lemma_.lower() not in _SEATED_NOUNS:
                located.append((person, {"in", "at"}))
    for holder, preps in located:
        for child in [holder] if holder.dep_ == "prep" else holder.children:
            if child.dep_ != "prep":
                continue
            if child.lower_ in preps:
                tok = _located(child, content)
            elif child.lower_ in _TRIP_PREPS and preps is _PLACE_PREPS:
                tok = next((_located(p, content) for o in child.children
                            if o.dep_ == "pobj" and o.lemma_ in _TRIP_NOUNS
                            for p in o.children if p.dep_ == "prep" and p.lower_ == "to"), None)
                if tok is None and child.lower_ == "during" and _occasion_object(child):
                    tok = _located(child, content)
            elif child.lower_ in _OCCASION_PREPS and preps is _PLACE_PREPS and \
                    _occasion_object(child):
                # "told reporters after a cabinet meeting in Chisinau": the speaker came
                # from the meeting, where the text puts it.
                tok = _located(child, content)
            else:
                continue
            if tok is None and child.lower_ in preps and preps is _PLACE_PREPS:
                tok = _antecedent_place(child)
            if tok is not None:
                return _place_name(tok), tok
    return None, None


# "after a cabinet meeting in X", "following talks in X": an occasion the speaker has just left.
_OCCASION_PREPS = {"after", "following", "before"}
_OCCASION_NOUNS = {
    "meeting", "talks", "talk", "summit", "session", "ceremony", "conference", "signing",
    "rally", "briefing", "hearing", "funeral", "vote", "negotiations", "round", "visit",
}
# Occasions of speech: "thanked Japan in a speech at the ceremony and said" was said there.
_SPEECH_NOUNS = {"speech", "address", "interview", "briefing", "remarks", "conference",
                 "statement", "message", "broadcast"}


def _occasion_object(prep: Token) -> bool:
    return any(o.dep_ == "pobj" and o.lemma_.lower() in _OCCASION_NOUNS for o in prep.children)


def _occasions(head: Token, *, own: bool = True) -> list[tuple[Token, set[str]]]:
    """Where a verb that a cue continues puts its subject in person: its own place when it is a
    verb of presence or a cue ("marched in Dhaka, demanding", "spoke from Ankara and said"), a
    participle of presence hung on it ("Speaking to reporters in X, he praised ... and said"),
    a speech it was given in ("thanked Japan in a speech at the ceremony and said"), or a place
    fronted for the whole clause ("In Beijing, the ministry called ... but urged");
    "shelled villages in Idlib, saying" puts the shelling there, not the statement."""
    out: list[tuple[Token, set[str]]] = []
    if own and (head.lemma_ in _PRESENCE_VERBS or is_cue(head)):
        out.append((head, _PLACE_PREPS))
    present = [c for c in head.children
               if c.dep_ == "advcl" and c.lemma_ in _PRESENCE_VERBS and c.tag_ == "VBG"]
    out += [(c, _PLACE_PREPS) for c in present]
    out += [(o, _PLACE_PREPS) for c in present for p in c.children  # "Speaking to reporters in X"
            if p.dep_ == "prep" and p.lower_ == "to"
            for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in PLACE_ENTS]
    if out and out[0][0].i == head.i:
        return out
    out += [(c, _PLACE_PREPS) for c in head.children if c.dep_ == "prep" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in _SPEECH_NOUNS for o in c.children)]
    subjects = [c.i for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    out += [(c, _PLACE_PREPS) for c in head.children if c.dep_ == "prep"
            and subjects and c.i < min(subjects)]
    return out


def _place_name(tok: Token) -> str:
    """The whole name a place token belongs to: its entity, else its compound run."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.label_ in PLACE_ENTS | {"PERSON", "ORG"} and not any(
            t.lower_ in {"in", "at", "near"} for t in ent):  # not "the Grand Hotel in Tunis"
        return ent.text
    start = tok.i
    while start > 0 and tok.doc[start - 1].dep_ == "compound" and \
            tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].head.i == tok.i:
        start -= 1
    return tok.doc[start : tok.i + 1].text


def _source_place(source: Token, content: tuple[int, int] | None) -> Token | None:
    """Where an "according to" source is said to be: "a Western military attache in Addis
    Ababa", "Abdi Warsame, a clan elder in Jowhar"; not an origin ("a farmer from Kherson")
    nor the seat of a body ("police in Nantes")."""
    for person in [source, *(c for c in source.children if c.dep_ == "appos")]:
        if person.lemma_.lower() in _SEATED_NOUNS:
            continue
        for child in person.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "at"}:
                tok = _located(child, content)
                if tok is not None:
                    return tok
    return None


def _antecedent_place(prep: Token) -> Token | None:
    """"Outside the courthouse", "at the ceremony": a definite site the text has already placed
    earlier ("A Tbilisi court", "the ceremony in Doha") takes that place."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    # "in a speech at the ceremony": the site may hang on the speech
    objs += [g for o in objs if o.lemma_.lower() in _SPEECH_NOUNS for p in o.children
             if p.dep_ == "prep" and p.lower_ in {"at", "during"}
             for g in p.children if g.dep_ == "pobj"]
    site = next((o for o in objs if o.pos_ == "NOUN"
                 and any(d.lower_ == "the" for d in o.children)), None)
    if site is None or len(site.lemma_) < 4:
        return None
    stem = site.lemma_.lower()
    for tok in reversed(site.doc[: site.sent.start]):
        lemma = tok.lemma_.lower()
        if tok.pos_ not in {"NOUN", "VERB"} or len(lemma) < 4 or not (
                stem.startswith(lemma) or lemma.startswith(stem)):
            continue
        if tok.pos_ == "VERB":
            # "at the signing" after "signed a pact at Camp Aguinaldo in Quezon City": the
            # event the noun names back, with the city rather than the building.
            found = _act_place(tok)
            if found is not None:
                return found
            continue
        for near in tok.children:  # "A Tbilisi court", "the court in Tbilisi"
            if near.dep_ == "compound" and near.ent_type_ in {"GPE", "LOC"}:
                return near
            if near.dep_ == "prep" and near.lower_ == "in":
                found = next((o for o in near.children
                              if o.dep_ == "pobj" and o.ent_type_ in {"GPE", "LOC"}), None)
                if found is not None:
                    return found
    return None


def _act_place(verb: Token) -> Token | None:
    """Where a verb's act happened, the city before a building ("at Camp Aguinaldo in Quezon
    City" -> Quezon City)."""
    found: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "at"}:
            continue
        for tok in prep.subtree:
            if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at"} and (
                    tok.ent_type_ in PLACE_ENTS or _untagged_place(tok)):
                found.append(tok)
    cities = [t for t in found if t.ent_type_ == "GPE"]
    inner = [t for t in found if t.head.lower_ == "in"]
    return (cities or inner or found or [None])[-1]


_BACK_PRONOUNS = {"he", "she", "it", "they"}


def _same_occasion(text: str, a: Statement, b: Statement) -> bool:
    """Two statements by one speaker in one paragraph, with no line break between them: the
    second quotation after "told reporters in Manila" ("... he said", "he added") was made there."""
    lo, hi = sorted(((a.start, a.end), (b.start, b.end)))
    if a.speaker is None or b.speaker is None:
        # An unnamed speaker ("the foreign minister") is the same one when the later cue refers
        # back with a pronoun ("... he said") or repeats the description.
        first, later = sorted((a, b), key=lambda st: st.start)
        said = (later.speaker_text or "").lower()
        if later.speaker is not None or not said or (
                said not in _BACK_PRONOUNS and said != (first.speaker_text or "").lower()):
            return False
    elif a.speaker != b.speaker:
        return False
    return "\n" not in text[lo[0] : hi[0]]


def inherit_places(text: str, statements: list[Statement]) -> None:
    """Give a statement with no place of its own the place of an earlier statement by the same
    speaker in the same paragraph ("told reporters in Manila. '...,' he said"); another speaker
    in between ends the occasion. A place given later does not reach back: the call made before
    "he told reporters in New York" is not placed by it."""
    ordered = sorted(statements, key=lambda st: st.start)
    for n, st in enumerate(ordered):
        m = n - 1
        while not st.place and m >= 0 and _same_occasion(text, st, ordered[m]):
            st.place = ordered[m].place
            m -= 1


def date_phrase(tok: Token) -> str:
    """The whole date expression a date token belongs to ("Saturday evening"), else the token."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent.text if ent is not None else tok.text


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


@dataclass
class StatementDraft:
    statement: Statement
    cue_token: Token | None
    date_token: Token | None
    place_token: Token | None


def find_statements(doc: Doc, actors: ActorIndex) -> list[StatementDraft]:
    """Every attributed statement in the document, in text order."""
    return _Finder(doc, actors).find()


# (a hyphenated city runs to the dash set off by spaces: "PORT-AU-PRINCE — ")
_DATELINE_END = re.compile(r"^[^\n]{0,80}?\((?:[A-Za-z .]+)\)\s*[-—–]+\s*|"
                           r"^[A-Z][A-Z .,'’]{2,60}?(?:-[A-Z][A-Z.'’]+)*\s*[-—–]+\s*")


def dateline_end(text: str) -> int:
    """Where a wire dateline ("KYIV, Nov 17 (WSW) - ") ends; 0 when there is none."""
    m = _DATELINE_END.match(text)
    return m.end() if m else 0


def load_tables() -> None:
    """Read every table this stage uses now, so a broken table fails before any article."""
    load_knowledge()
    cue_lexicon()
    _multiword()
    cue_nouns()
    first_names()
    person_nouns()
    source_nouns()
