"""Actors: who is mentioned, with country, sector and role, clustered within the article.

Sources of actor mentions, in order of trust (the longest name wins where two overlap):
1. named institutions and metonyms from our tables ("NATO", "the Kremlin");
2. people: PERSON entities, names the recogniser mislabelled that follow a title ("Government
   spokeswoman Yolande Makolo"), and known office holders it missed (names in capitals). Clues
   come from the words before the name ("French President Emmanuel Macron") and from an
   apposition in either order ("Peskov, the Kremlin's spokesman"; "Belgium's foreign minister,
   Maxime Prévot"); the office-holder table fills what the text leaves out, for the article's
   date; later mentions by family name join the first full mention, across spellings
   ("Zelensky", "Zelenskyy"); "the president" joins the most recent president;
3. country names, and capitals used as actors ("Kinshasa severed relations");
4. other named organisations, and group noun phrases headed by a noun from `groups.tsv`
   ("Russian forces", "protesters"), with the country taken from a nationality adjective, a
   country name or a possessive.
What the text does not say stays unknown, with one document-level rule human coders follow: a
domestic body or a titled local person with no country of its own ("police", "protesters",
"Interior Minister X") belongs to the country of the dateline. Foreign-looking groups ("foreign
troops", "Western allies") never take it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Mention
from .knowledge import Code, Knowledge, load_knowledge, sent_bounds
from .offices import OfficeIndex, fold_token, load_offices, parse_day, roles_agree
from .persons import (
    INTERNATIONAL,
    breakaway_code,
    clean_person_name,
    find_country_code,
    find_title,
    given_names,
    is_common_noun,
    is_known_non_person,
    is_place_name,
    person_clues,
    person_spans,
)

__all__ = ["ActorIndex", "find_actors", "find_country_code", "find_title"]

NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
# Sectors of bodies that act at home: an unqualified one is the dateline country's.
DOMESTIC_SECTORS = {"COP", "JUD", "LEG", "CVL", "EDU", "LAB", "OPP", "UAF", "REF", "MED", "SOC",
                    "AGR", "CRM", "PRM"}
FOREIGN_WORDS = {"foreign", "international", "western", "european", "global", "overseas",
                 "regional", "world", "allied", "african", "arab", "asian", "gulf", "latin",
                 "other", "neighbouring", "neighboring", "un", "u.n."}
# Titles whose holders are often foreigners or international officials: no dateline guess.
ABROAD_TITLES = {"mediator", "chief mediator", "secretary-general", "deputy secretary-general", "envoy", "special envoy",
                 "special representative", "ambassador", "high commissioner", "director-general",
                 "commissioner", "special rapporteur", "high representative", "diplomat",
                 "top diplomat", "permanent representative",
                 "consul", "consul general", "chargé d'affaires", "foreign policy chief",
                 "counterpart"}
# Government bodies whose unqualified proper names ("Department of Foreign Affairs", "the
# Senate") belong to the dateline country, and the armed forces of an unqualified "the army".
HOME_BODIES = {"department", "ministry", "commission", "prefecture", "government", "cabinet",
               "presidency", "senate", "parliament", "assembly", "congress", "court", "police",
               "chancellery", "army", "military", "navy"}
# Last words of party names ("Socialist Party", "Freedom Bloc", "Georgian Dream" is caught by
# the "party" after it), and the words that mark the party in power.
PARTY_WORDS = {"Party", "Bloc", "Alliance", "Coalition", "Front", "Movement"}
RULING_WORDS = {"ruling", "governing"}
# Sectors of the state's own bodies: named after their country when the text leaves it out.
STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}
# Groups whose members often come from anywhere: no home country for them.
NEVER_HOME = {"crew", "crew member", "tourist", "passenger", "sailor", "seafarer"}
# The adjective news writes for a country when it differs from the table's first one.
NEWS_ADJECTIVES = {"USA": "U.S."}
# Nouns that refer back to an international body named before ("the bloc's leaders").
# Craft an armed service owns: "navy ships", "army helicopters", "air force jets".
CRAFT = {"ship", "vessel", "boat", "destroyer", "frigate", "warship", "cruiser", "corvette",
         "submarine", "jet", "aircraft", "plane", "helicopter", "drone", "patrol", "unit"}
BODY_ANAPHORS = {"bloc", "alliance", "organisation", "organization", "union", "agency",
                 "community"}
# Heads that take their sector from the body they are part of: "union leaders" LAB,
# "police officials" COP, "party leaders" PTY.
GENERIC_HEADS = {"leader", "official", "member", "representative", "spokesman", "spokeswoman",
                 "spokesperson", "chief", "head", "delegation", "delegate", "commander"}


@dataclass
class _Draft:
    key: str
    name: str
    kind: str
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # char spans
    tokens: set[int] = field(default_factory=set)
    # What the text said about a person, for the passes that fill the gaps.
    title: Code | None = None
    title_key: str | None = None
    possessor: Token | None = None  # "his" in "his spokeswoman Tina Salama"
    head_word: str | None = None  # a group noun before the title: "coast guard spokesman"
    home: bool = False  # "the country's foreign minister"
    body_anaphor: Token | None = None  # "alliance" in "the alliance's leader"
    commentator: bool = False  # "an analyst in Lahore": no guess at country or sector
    first: int = 10**9  # token index of the first mention
    joint: list[str] = field(default_factory=list)  # "U.S. and South Korean marines"
    joint_at: int = -1  # the noun those share
    table: bool = False  # an organisation from our tables
    noun: str | None = None  # the generic noun heading a named body ("court", "society")


@dataclass
class ActorIndex:
    """Actors of one document, and which token belongs to which actor."""

    actors: list[Actor]
    token_actor: dict[int, str]
    # A noun that stands for several actors ("U.S. and South Korean marines"): token -> ids.
    joint: dict[int, list[str]] = field(default_factory=dict)
    home: str | None = None  # the document's country (of its dateline), for implicit actors

    def actor_of(self, token: Token) -> str | None:
        return self.token_actor.get(token.i)

    def get(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def person_by_surname(self, name: str) -> str | None:
        """A person already named in full whose last name is `name` ("Zelenskiy"), allowing
        transliteration variants ("Zelensky", "Zelenskyy")."""
        folded = fold_token(name)
        for actor in self.actors:
            if actor.kind == "person" and (actor.name.split()[-1] == name
                                           or fold_token(actor.name.split()[-1]) == folded):
                return actor.id
        return None

    def by_role(self, role: str, *, before: int, country: str | None = None) -> str | None:
        """The person with this role ("President") mentioned last before character `before`,
        of `country` when given: "the president" -> the most salient president."""
        best: tuple[int, str] | None = None
        for actor in self.actors:
            if actor.kind != "person" or not roles_agree(actor.role, role):
                continue
            if country and actor.country != country:
                continue
            starts = [m.start for m in actor.mentions if m.end <= before]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), actor.id)
        return best[1] if best else None

    def joint_group(self, ids: list[str], name: str) -> Actor:
        """The group actor for several parties acting together ("Britain and Norway said"),
        named `name`: the country and the sector they share (states: GOV), else none."""
        actor = next((a for a in self.actors if a.name == name and a.kind == "group"), None)
        if actor is not None:
            return actor
        members = [a for i in ids if (a := self.get(i)) is not None]
        countries = {a.country for a in members}
        sectors = {a.sector for a in members}
        actor = Actor(id=f"a{len(self.actors) + 1}", name=name, kind="group",
                      country=countries.pop() if len(countries) == 1 else None,
                      sector=sectors.pop() if len(sectors) == 1 else None)
        self.actors.append(actor)
        return actor

    def country_actor(self, token: Token, iso3: str, name: str) -> str:
        """The actor for a country first met as an adjective ("a Russian missile")."""
        actor = next((a for a in self.actors if a.kind == "country" and a.country == iso3), None)
        if actor is None:
            actor = Actor(id=f"a{len(self.actors) + 1}", name=name, kind="country",
                          country=iso3, sector="GOV")
            self.actors.append(actor)
        mention = Mention(token.idx, token.idx + len(token.text), token.text)
        if mention not in actor.mentions:
            actor.mentions.append(mention)
            actor.mentions.sort(key=lambda m: m.start)
        self.token_actor[token.i] = actor.id
        return actor.id


# --------------------------------------------------------------------------- matchers


_MATCHERS: dict[tuple[int, str], PhraseMatcher] = {}


def _org_matcher(doc: Doc, k: Knowledge) -> PhraseMatcher:
    key = (id(doc.vocab), "org")
    if key not in _MATCHERS:
        # The patterns go through spaCy's own English tokenizer, so that names the tokenizer
        # splits inside words ("al-Shabaab" -> al - Shabaab, "Workers' Party") match at all.
        tokenizer = spacy.blank("en", vocab=doc.vocab).tokenizer
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        matcher.add("NAME", [tokenizer(n) for n in sorted(k.organizations)])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def is_us_state_use(span: Span, k: Knowledge) -> bool:
    from .places import is_us_state_use as _state

    return _state(span, k)


def _dateline_country(doc: Doc, k: Knowledge) -> tuple[str | None, int]:
    from .places import find_dateline, resolve_place
    from .statements import dateline_end

    head = doc[: min(len(doc), 60)].text  # a dateline is short; Doc.text costs a full pass
    end = dateline_end(head)
    # A hyphenated city in capitals ("PORT-AU-PRINCE —"): the dateline runs to the dash
    # set off by spaces, not to the first hyphen inside the name.
    own = _CAPS_DATELINE.match(head)
    if own is not None and own.end() > end:
        end = own.end()
    name = find_dateline(head)
    if not name:
        return None, end
    place = resolve_place(name, knowledge=k)
    if place is None:  # "Port-au-prince": capitalisation lost inside a hyphenated name
        folded = name.lower()
        iso3 = next((c for cap, c in k.capitals.items() if cap.lower() == folded), None)
        return iso3, end
    return place.country, end


_CAPS_DATELINE = re.compile(r"^[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*)*(?:, [A-Za-z .]+)?\s+[—–-]+\s+")


# --------------------------------------------------------------------------- find_actors


def find_actors(doc: Doc, *, knowledge: Knowledge | None = None, published: str | None = None,
                home: str | None = None) -> ActorIndex:
    """Find and cluster the actors of a parsed article.

    published: the article's date (ISO); it selects which office holder a name or title means.
    home: the article's home country; by default the country of its dateline.
    """
    k = knowledge or load_knowledge()
    offices = load_offices()
    on: date | None = parse_day(published)
    dateline_home, dateline_stop = _dateline_country(doc, k)
    home = home or dateline_home
    drafts: dict[str, _Draft] = {}
    order: list[str] = []
    used: set[int] = set()

    def add(key: str, name: str, kind: str, span: Span, code: str | None = None,
            sector: str | None = None, role: str | None = None, *, shared: bool = False
            ) -> _Draft | None:
        # shared: the words are another actor's too ("U.S." in "U.S. and South Korean
        # marines" is the United States and names the U.S. marines): they stay that actor's
        if any(t.i in used for t in span) and not shared:
            return None
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _Draft(key, name, kind, code, sector, role)
            order.append(key)
        else:
            draft.code = draft.code or code
            draft.sector = draft.sector or sector
            draft.role = draft.role or role
        draft.mentions.append((span.start_char, span.end_char, span.text))
        draft.first = min(draft.first, span.start)
        if not shared:
            draft.tokens.update(t.i for t in span)
            used.update(t.i for t in span)
        return draft

    # 1. Named institutions and metonyms, longest match first.
    matches = sorted(_org_matcher(doc, k)(doc), key=lambda m: (m[1], -(m[2] - m[1])))
    people = person_spans(doc, k, offices, dateline_stop)
    person_ranges = [(s.start, s.end) for s in people]
    for _, start, end in matches:
        span = doc[start:end]
        if any(s <= start and end <= e and (e - s) > (end - start) for s, e in person_ranges):
            continue  # "Wagner" inside "Therese Kayikwamba Wagner" is a surname
        if span.start_char < dateline_stop:
            continue  # "AU" inside "PORT-AU-PRINCE —"
        code = k.organizations[span.text]
        country = code.code
        if span.text in k.shared_names and home is not None:
            # "Democratic Party leader Lee Jae-myung" in a Seoul story: South Korea's party
            country = home
        draft = add(f"org:{code.name}", code.name, "organization", span, country,
                    code.sector)
        if draft is not None:
            draft.table = True
            draft.noun = draft.noun or _group_of_name(span, k)[0]  # "the church" later

    # 2. Names right after a generic noun ("the rights group KontraS"), then people.
    _add_named_after_noun(doc, k, add, used, home)
    _add_people(doc, people, k, offices, on, add, drafts, used)

    # 3. Countries named outright; capitals standing for their government.
    mentioned: list[str] = []
    for ent in doc.ents:
        # (the recogniser may take a country for a person: "Sri Lanka agreed on Monday")
        if ent.label_ not in {"GPE", "NORP", "LOC", "ORG"} and not (
                ent.label_ == "PERSON" and ent.text in k.countries):
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        code = k.countries.get(span.text)
        if span.end + 1 < len(doc) and doc[span.end].text == "-" and \
                doc[span.end + 1].lower_ == "based":
            continue  # "a Hong Kong-based firm": where a body sits, not an actor
        if code is not None and is_us_state_use(span, k):
            continue  # "north into Georgia" after "landfall in Florida": the state
        if code is not None:
            mentioned.append(code.code or "")
            add(f"country:{code.code}", code.name, "country", span, code.code, "GOV")
        elif span.text in k.capitals and ent.start_char >= dateline_stop and _is_actor_use(span):
            iso3 = k.capitals[span.text]
            add(f"country:{iso3}", k.country_names.get(iso3, iso3), "country", span, iso3, "GOV")
    for tok in doc:  # a capital the recogniser missed: "Kinshasa severed relations"
        if tok.ent_iob_ == "O" and tok.pos_ == "PROPN" and tok.text in k.capitals \
                and tok.idx >= dateline_stop and _is_actor_use(doc[tok.i : tok.i + 1]):
            iso3 = k.capitals[tok.text]
            add(f"country:{iso3}", k.country_names.get(iso3, iso3), "country",
                doc[tok.i : tok.i + 1], iso3, "GOV")

    # 4. Other named organisations the entity recogniser found ("Kenya National Commission on
    #    Human Rights"); their country is the one their name mentions, if any.
    for ent in doc.ents:
        if ent.label_ != "ORG" or ent.start_char < dateline_stop:
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        owner_end = next((t.i for t in span if t.text in {"'s", "’s"}), None)
        if owner_end is not None and owner_end + 1 < span.end and all(
                t.i in used for t in doc[span.start : owner_end] if t.pos_ != "DET"):
            # "the African Union's Peace and Security Council": the owner is an actor already
            owners = list(doc[span.start : owner_end + 1])
            span = doc[owner_end + 1 : span.end]
        else:
            owners = [t for c in span.root.children if c.dep_ == "poss" and c.i < span.start
                      and c.pos_ != "PRON" for t in c.subtree]
        if any(t.i in used for t in span):
            continue
        span = _extend_name(span)
        if is_known_non_person(span.text, k) or not span.text[:1].isupper():
            continue
        if span.text in k.breakaway and span.root.dep_ in {"amod", "compound"}:
            continue  # "Abkhaz officials": the region's adjective, read with the group
        if len(span) == 1 and span.root.dep_ == "pobj" and is_place_name(span, k, True):
            continue  # "around Hodeidah": a place the recogniser took for an organisation
        # "Venezuela's National Electoral Council": the possessor outside the entity counts,
        # and is part of the name.
        of_country = _of_country(span, k)
        country = find_country_code(list(span), k) or find_country_code(owners, k) or (
            _code_of_token(owners[0], drafts, order) if owners else None) or of_country
        noun, group = _group_of_name(span, k)
        if group is None:  # "Ganjar's party, the PDI-P": the noun it stands beside
            root = span.root
            beside = [root.head] if root.dep_ == "appos" else [
                c for c in root.children if c.dep_ == "appos"]
            for other in beside:
                if other.pos_ == "NOUN":
                    noun, group = _group_noun(other, k)
                    break
        sector = group.sector if group else None
        name_span = span
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and span.root.head.i == after.i and after.is_lower and \
                span.root.dep_ == "compound" and (g := _group_noun(after, k)[1]) is not None \
                and g.kind == "organization" and not any(t.i in used for t in [after]):
            # "the Houthi-run Al Masirah television": the noun is part of the name, and
            # whoever runs it gives the country
            noun, group, sector = after.lemma_.lower(), g, g.sector
            name_span = span = doc[span.start : after.i + 1]
            runners = [t for c in after.lefts if c.i < span.start for t in c.subtree]
            country = country or find_country_code(runners, k)
        if group is not None and group.sector != "JRN" and len(span) > 1 and \
                span[-1].is_lower and span[-2].text[:1].isupper():
            name_span = span[:-1]  # "the Georgian Dream party", "the CGT union": the name
        if _party_name(name_span):
            sector = "OPP"  # guidelines: parties not in power are the opposition
        if sector in {"OPP", "PTY"} and any(t.lower_ in RULING_WORDS for t in doc[
                max(span.start - 2, 0) : span.start]):
            sector = "GOV"  # "the ruling Georgian Dream party"
        if country is None:  # "Gulf Meridian Shipping, a Dubai-based company"
            root = span.root
            beside = [root.head] if root.dep_ == "appos" else [
                c for c in root.children if c.dep_ == "appos"]
            country = next((c for t in [root, *beside] if (c := _based_in(t, k))), None)
        if country is None and (sector in DOMESTIC_SECTORS or noun in HOME_BODIES):
            country = home
        name = name_span.text
        if owners and (find_country_code(owners, k) or owner_end is not None):
            name = doc[owners[0].i : name_span.end].text
        if of_country is not None and name_span.end == span.end:
            name = doc[name_span.start : span.end + 2].text  # "Law Society of Kenya"
        if name.lower().startswith("the "):
            name = name[4:]
        draft = add(f"org:{name}", name, "organization", span, country, sector)
        if draft is not None and noun:
            draft.noun = noun

    # 4b. Party names the recogniser missed ("The Freedom Bloc said"): capitalised words
    #     ending in a word parties use.
    for tok in doc:
        if tok.text not in PARTY_WORDS or tok.i in used or tok.pos_ != "PROPN":
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
                and doc[start - 1].i not in used and doc[start - 1].head.i == tok.i:
            start -= 1
        span = doc[start : tok.i + 1]
        if len(span) < 2 or start == sent_bounds(tok)[0] and doc[start].text in PARTY_WORDS:
            continue
        if is_known_non_person(span.text, k):
            continue
        ruling = any(t.lower_ in RULING_WORDS for t in doc[max(start - 2, 0) : start])
        add(f"org:{span.text}", span.text, "organization", span,
            find_country_code(list(span), k) or home, "GOV" if ruling else "OPP")

    # 5. "the president": the most recent person with that role.
    _add_role_nouns(doc, k, drafts, order, used)

    # 6. Groups headed by a known noun ("Russian forces", "the foreign ministry", "protesters").
    _add_groups(doc, k, drafts, order, used, add, home)
    _add_peoples(doc, k, used, add)

    # 7. What the text left open about people: possessors, spokespeople, the dateline.
    _fill_people(doc, k, drafts, order, home)

    return _index(doc, drafts, order, k, home)


def _add_named_after_noun(doc: Doc, k: Knowledge, add, used: set[int],
                         home: str | None) -> None:
    """Names right after a generic noun for a body: "the rights group KontraS", "the
    opposition party Harmony" (the recogniser may take them for people)."""
    for tok in doc:
        if tok.i in used or not tok.text[:1].isupper() or tok.i == sent_bounds(tok)[0] or \
                tok.pos_ not in {"PROPN", "NOUN"} or tok.ent_iob_ == "I" or \
                tok.ent_type_ not in {"", "PERSON", "ORG", "PRODUCT", "WORK_OF_ART"}:
            continue
        prev = doc[tok.i - 1]
        if prev.pos_ != "NOUN" or not prev.is_lower:
            continue
        _, group = _group_noun_words(prev, k)
        if group is None or group.kind != "organization":
            continue
        end = tok.i + 1
        if tok.ent_iob_ == "B":
            end = next((e.end for e in doc.ents if e.start == tok.i), end)
        span = doc[tok.i : end]
        text = span.text.rstrip(".")
        if len(text) < 2 or is_known_non_person(text, k):
            continue
        code, sector = group.code, group.sector
        if code == "NGO" and home:  # a named local rights group: civil society at home
            code, sector = home, "SOC"
        elif code is None and sector in DOMESTIC_SECTORS:
            code = home
        add(f"org:{text}", text, "organization", span, code, sector)


def _based_in(tok: Token, k: Knowledge) -> str | None:
    """The country of the place a body is "based" in: "a Dubai-based company" (ARE), "the
    London-based group" (GBR), "U.S.-based firms" (USA)."""
    from .places import resolve_place

    for mod in tok.children:
        if mod.lower_ != "based" or mod.dep_ != "amod" or mod.i > tok.i:
            continue
        words = [t for t in mod.subtree if t.i < mod.i and not t.is_punct]
        if not words or not words[0].text[:1].isupper():
            continue
        text = " ".join(t.text for t in words)
        code = k.countries.get(text)
        if code is not None and code.code:
            return code.code
        place = resolve_place(text, knowledge=k)
        if place is not None and place.country:
            return place.country
    return None


def _extend_name(span: Span) -> Span:
    """"PDI-P" split by the tokeniser and cut by the recogniser: the whole acronym."""
    doc, end = span.doc, span.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper():
        end += 2
    return doc[span.start : end]


def _of_country(span: Span, k: Knowledge) -> str | None:
    """"the Law Society of Kenya": a country named right after the body's name."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        code = k.countries.get(doc[span.end + 1].text)
        if code is not None and code.code:
            return code.code
    return None


def _party_name(span: Span) -> bool:
    """A capitalised name ending in a word parties use: "Socialist Party", "Freedom Bloc"."""
    return len(span) > 1 and span[-1].text in PARTY_WORDS and all(
        t.text[:1].isupper() or t.is_punct or t.lower_ in {"of", "for", "and"} for t in span)


def _group_noun_words(tok: Token, k: Knowledge) -> tuple[str | None, Code | None]:
    """The group noun ending at a compound modifier: "rights group" in "the rights group X"."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    lemma = tok.lemma_.lower()
    if prev is not None and prev.head.i == tok.i:
        for two in (f"{prev.lower_} {lemma}", f"{prev.lemma_.lower()} {lemma}"):
            if two in k.groups:
                return two, k.groups[two]
    return (lemma, k.groups[lemma]) if lemma in k.groups else (None, None)


def _group_of_name(span: Span, k: Knowledge) -> tuple[str | None, Code | None]:
    """The generic noun heading an organisation's name: "Philippine Coast Guard" -> coast guard,
    "Armed Forces of the Philippines" -> armed force, "Senate" -> senate."""
    root = span.root
    words = [t.lower_ for t in span if t.i <= root.i]
    candidates = [" ".join(words[-2:]), root.lemma_.lower(), root.lower_]
    if len(words) >= 2 and words[-1].endswith("s"):
        candidates.insert(1, " ".join([*words[-2:-1], words[-1][:-1]]))
    if root.lower_.endswith("s"):
        candidates.append(root.lower_[:-1])
    for noun in candidates:
        if noun in k.groups:
            return noun, k.groups[noun]
    return None, None


def _is_actor_use(span: Span) -> bool:
    """Is a capital used for its government ("Kinshasa severed relations", "Minsk said")?"""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass", "poss"} and not (
        root.dep_ == "poss" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in {
            "street", "airport", "centre", "center", "suburb", "outskirts", "port", "mayor"})


def _add_people(doc: Doc, people: list[Span], k: Knowledge, offices: OfficeIndex,
                on: date | None, add, drafts: dict[str, _Draft], used: set[int]) -> None:
    countries = {c.code for e in doc.ents if (c := k.countries.get(e.text)) and c.code}
    cleaned = []
    for ent in people:
        span = clean_person_name(ent, k)
        if len(span) == 0 or is_known_non_person(span.text, k) or is_common_noun(span, k):
            continue
        cleaned.append(span)
    # The fullest name of each family name is the canonical one; spellings fold together.
    canon: dict[str, tuple[str, str]] = {}  # folded family name -> (key, display name)
    for span in sorted(cleaned, key=lambda s: -len(s)):
        if len(span) > 1:
            name = _display(span, offices, on)
            canon.setdefault(fold_token(span[-1].text), (f"person:{name}", name))
            # "Xi Jinping" ... "Xi": a family name written first, as the office table knows.
            match = offices.match(name, on=on)
            if match is not None and match.holder.family == fold_token(span[0].text):
                canon.setdefault(match.holder.family, (f"person:{name}", name))
    for span in cleaned:
        clues = person_clues(span, k)
        folded = fold_token(span[-1].text)
        if folded in canon:
            key, name = canon[folded]
        else:
            name = _display(span, offices, on)
            key = f"person:{name}"
        if (len(span) == 1 and folded not in canon and clues.title is None
                and is_place_name(span, k)):
            continue  # "Inside Goma": a place the recogniser took for a person
        draft = add(key, name, "person", span, clues.country, clues.sector, clues.role)
        if draft is None:
            continue
        draft.title = draft.title or clues.title
        draft.title_key = draft.title_key or clues.title_key
        draft.possessor = draft.possessor or clues.possessor
        draft.head_word = draft.head_word or clues.head_word
        draft.home = draft.home or clues.home
        draft.body_anaphor = draft.body_anaphor or clues.body_anaphor
        draft.commentator = draft.commentator or clues.commentator
        # The title and nationality around a name belong to the person, not to a group; a
        # named organisation there is an actor too ("Socialist Party leader Olivier Faure").
        used.update(t.i for t in clues.context if t.i not in draft.tokens
                    and not _named_body(t, clues.context, k))
    for draft in drafts.values():
        if draft.kind != "person":
            continue
        evidence = sorted(countries | ({draft.code} if draft.code else set()))
        match = offices.match(draft.name, on=on, countries=evidence, role=draft.role)
        if match is None:
            continue
        holder = match.holder
        draft.code = draft.code or holder.country
        if match.current and (draft.code == holder.country):
            draft.sector = draft.sector or holder.sector
            draft.role = draft.role or holder.role
        if draft.code in INTERNATIONAL and draft.sector is None:
            draft.sector = "GOV"


def _named_body(tok: Token, context: list[Token], k: Knowledge) -> bool:
    """Is this word before a person's name part of an organisation's name ("Socialist Party"
    in "Socialist Party leader Olivier Faure"), not of the title ("Interior Minister")?"""
    if tok.ent_type_ != "ORG" or not tok.text[:1].isupper():
        return False
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    # the title the context ends with ("party leader") may share the body's last word
    for end in range(len(context), 0, -1):
        title, at = find_title([t.text for t in context[:end]], k)
        if title is not None:
            return start < context[at].i
    return True


def _display(span: Span, offices: OfficeIndex, on: date | None) -> str:
    """A name as the article writes it; a name in capitals as the office table writes it."""
    text = " ".join(span.text.split())
    if text.isupper():
        match = offices.match(text, on=on)
        return match.holder.name if match else text.title()
    return text


def _add_role_nouns(doc: Doc, k: Knowledge, drafts: dict[str, _Draft], order: list[str],
                    used: set[int]) -> None:
    """"the president said", "Russia's president": the person last named with that role."""
    persons = [drafts[key] for key in order if drafts[key].kind == "person" and drafts[key].role]
    if not persons:
        return
    for tok in doc:
        if tok.i in used or tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ == "compound":
            continue
        mods = [c for c in tok.lefts if c.dep_ in {"compound", "amod"}]
        words = [*(m.text for m in mods), tok.text]
        title, at = find_title(words, k)
        if title is None or at != 0 and any(m.i in used for m in mods):
            continue
        if any(c.dep_ == "appos" for c in tok.children):
            continue  # "the president, X," names someone
        det = [c for c in tok.children if c.dep_ in {"det", "poss"}]
        if not det or det[0].lower_ not in {"the"} and det[0].dep_ != "poss":
            continue
        # Whose office: "Russia's president", "the Russian president", "the president of Kenya".
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
        owner = [det[0]] if det[0].dep_ == "poss" else []
        owner += [m for m in mods[:at]] + [t for g in of for t in g.subtree]
        country = find_country_code(owner, k) if owner else None
        if owner and country is None and (det[0].dep_ == "poss" or of):
            continue  # "his president", "the president of the club": not ours to guess
        best: tuple[int, _Draft] | None = None
        for draft in persons:
            if not roles_agree(draft.role, title.role) or (country and draft.code != country):
                continue
            before = [i for i in draft.tokens if i < tok.i]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), draft)
        if best is None:
            continue
        draft = best[1]
        span = doc[mods[0].i if mods else tok.i : tok.i + 1]
        draft.mentions.append((span.start_char, span.end_char, span.text))
        draft.tokens.update(t.i for t in span)
        used.update(t.i for t in span)


def _add_groups(doc: Doc, k: Knowledge, drafts: dict[str, _Draft], order: list[str],
                used: set[int], add, home: str | None) -> None:
    for tok in doc:
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.i in used:
            continue
        # "Taiwanese navy ships", "a Chinese navy destroyer": the service owning the craft is
        # the actor, with the words before it (ships are their owner's: guidelines).
        noun, group = _group_noun(tok, k)  # first: most nouns name no group
        if group is None:
            continue
        service = _service_of_craft(tok, k)
        if tok.dep_ == "compound" and not service:
            continue
        if any(_service_of_craft(c, k) for c in tok.lefts):
            continue
        lefts = list(tok.lefts)
        if service:  # the craft's modifiers describe the service; its number does not
            craft = _craft_of(tok)
            assert craft is not None
            lefts = sorted([c for c in lefts + [c for c in craft.lefts if c.i < tok.i]
                            if c.dep_ not in {"nummod", "quantmod"}], key=lambda c: c.i)
        if noun == "party" and tok.tag_ == "NNS" and not any(
                c.dep_ in {"amod", "compound"} for c in lefts):
            continue  # "the warring parties", "all parties": sides, not political parties
        all_mods = [c for c in lefts if c.dep_ in {"amod", "compound", "nmod", "poss"}
                    and c.pos_ not in {"PRON", "DET", "ADP", "ADV", "PART", "SCONJ"}]
        mods = [c for c in all_mods if c.i not in used]
        pieces = [t for m in mods for t in m.subtree if t.i < tok.i and t.pos_ != "DET"]
        country = group.code or find_country_code(pieces, k)
        breakaway = breakaway_code(pieces, k)
        if breakaway is not None:  # "Transnistrian leaders": the state's, sector REB
            country = breakaway
            if group.sector == "GOV":
                group = Code(group.code, "REB", group.name, group.kind)
        # When the name does not say whose group it is, it is named after what does: the
        # body or place that replaces a vague possessor ("the bloc's leaders" -> "East
        # African Community leaders", "police in Nantes" -> "Nantes police"), or the country
        # the document implies ("police" in a Georgian story -> "Georgian police").
        prefix: str | None = None
        implicit = False
        name_suffix = ""
        if country is None:
            for c in all_mods:
                if c.i in used:  # "Russia's army", "U.N. officials"
                    country = _code_of_token(c, drafts, order) or country
        if country is None:
            body = _anaphoric_body(tok, drafts, order)
            if body is not None:
                country, prefix = body.code, body.name
        owner_body = _owning_body(tok, drafts, order)
        if owner_body is not None:  # "the church's peace commission": the Catholic Church's
            prefix = f"{owner_body.name}'s"
            if owner_body.sector and owner_body.sector != "GOV" and group.sector == "GOV":
                group = Code(group.code, owner_body.sector, group.name, group.kind)
        if group.code is None and tok.lemma_.lower() in GENERIC_HEADS:
            body = next((g for m in mods if m.dep_ in {"compound", "amod"}
                         and (g := k.groups.get(m.lemma_.lower())) is not None
                         and g.sector and g.sector != group.sector), None)
            if body is not None:
                group = Code(group.code, body.sector, group.name, group.kind)
            else:  # "senior RSF commanders": the named body's sector (REB)
                org = next((drafts[key] for m in all_mods for key in order
                            if m.i in drafts[key].tokens and drafts[key].kind == "organization"
                            and drafts[key].sector not in {None, "GOV"}), None)
                if org is not None:
                    group = Code(group.code, org.sector, group.name, group.kind)
        kind = group.kind
        # "interior ministry officials": people of a home body are at home too
        of_home_body = tok.lemma_.lower() in GENERIC_HEADS and any(
            m.lemma_.lower() in HOME_BODIES for m in mods)
        if country is None and kind == "organization":  # "the Law Society of Kenya"
            country = _of_country(doc[tok.i : tok.i + 1], k)
            if country is not None:
                name_suffix = f" of {doc[tok.i + 2].text}"
        if country is None and kind == "organization" and tok.lemma_.lower() in HOME_BODIES:
            # "police in Nantes", "In Lyon, ... the city's prefecture": the town's body
            where = _place_after(tok, k) or _city_of(tok, k)
            if where is not None:
                prefix, country = where
        if country is None:  # "a Dubai-based company"
            country = _based_in(tok, k)
        if country is None and group.sector == "GOV":
            country = _frame_capital(tok, k)
            implicit = country is not None
        pronoun = next((c for c in lefts if c.dep_ == "poss"
                        and c.lower_ in {"his", "her", "its", "their"}), None)
        ministry = None
        if country is None and pronoun is not None:  # "Her ministry": Baerbock's
            owner = _owner(pronoun, drafts, order, home)
            if owner is not None:
                country, implicit = owner[1], True
                if owner[0].sector == "REB" and group.sector == "GOV":
                    # "his administration" of a breakaway leader or a rebel chief
                    group = Code(group.code, "REB", group.name, group.kind)
                ministry = _ministry_of(tok, owner[0])
                if owner[0].kind == "person" and ministry is None:
                    # "her lawyers": named after the person, by family name as news does
                    prefix = f"{owner[0].name.split()[-1]}'s"
        words = [t for t in pieces if t.pos_ in {"ADJ", "PROPN", "NOUN"} and t.text != "'s"]
        start = words[0].i if words else tok.i
        start = max([start, *(i + 1 for i in range(start, tok.i) if i in used)])
        span = doc[start : tok.i + 1]  # "senior RSF commanders": "RSF" is the RSF's
        lemma = tok.lemma_.lower()
        # The name keeps every modifier, even those that are actors of their own
        # ("Russia's Defence Ministry", "U.N. officials"), and an exact number ("six
        # hostages"); the mention covers only the rest. A prefix replaces the possessor.
        proper = any(m.pos_ == "PROPN" and m.text[:1].isupper() and m.dep_ != "poss"
                     and m.text not in k.adjectives and m.i not in used
                     and m.ent_type_ not in {"GPE", "NORP"} for m in all_mods)
        if prefix is None and not proper:
            name_start = min([start, *(m.left_edge.i for m in all_mods)])
        else:
            name_start = min([tok.i, *(m.left_edge.i for m in all_mods if m.dep_ != "poss")])
        number = next((c for c in lefts if c.dep_ == "nummod" and not list(c.children)
                       and c.like_num and c.i > max((m.i for m in all_mods
                                                     if m.dep_ == "poss"), default=-1)),
                      None)
        if number is not None:
            name_start = min(name_start, number.i)
        while name_start < tok.i and doc[name_start].pos_ in {"DET", "PRON"}:
            name_start += 1
        name = doc[name_start : tok.i + 1].text
        initial = not doc[name_start].ent_type_ and name_start not in used and (
            name_start == tok.i or doc[name_start].lower_ in k.groups)
        if kind == "group":
            name += _post_phrase(tok)
        name += name_suffix
        if country is None:
            # "the ministry", "the interior ministry": the group already named in full, if any;
            # "the society", "the court": the body last named with that noun.
            earlier = next((key for key in reversed(order) if key.startswith("group:")
                            and key.split(":")[2] == lemma
                            and drafts[key].name.lower().endswith(name.lower())), None)
            if earlier is None and name_start == tok.i and any(
                    c.lower_ == "the" for c in lefts) and tok.tag_ in {"NN", "NNP"}:
                earlier = next((key for key in reversed(order) if drafts[key].noun == lemma
                                and drafts[key].first < tok.i), None)
            if earlier is not None:
                add(earlier, drafts[earlier].name, drafts[earlier].kind, span)
                continue
            if home and pronoun is None and not _foreign(tok, pieces, k) and \
                    noun not in NEVER_HOME and (
                    group.sector in DOMESTIC_SECTORS or lemma in HOME_BODIES or of_home_body):
                country, implicit = _frame_country(tok, k) or home, True
        # "Tbilisi court" names its town, "the church's peace commission" its owner
        named = any(t.text[:1].isupper() and t.ent_type_ in {"GPE", "LOC", "FAC"}
                    or t.dep_ == "poss" for t in doc[name_start : tok.i])
        bare = name_start == tok.i or kind == "organization" and number is None and not any(
            m.lower_ in {"same", "other", "former", "another"} for m in all_mods)
        if implicit and country and bare and not named and \
                _named_by_country(kind, group.sector):
            if ministry:
                name = ministry
            if prefix is None or ministry:
                prefix = _adjective(country, k)
        if prefix:
            if initial:  # "Police fired" in a Congolese story: "Congolese police"
                name = name[:1].lower() + name[1:]
            name = f"{prefix} {name}"
        if kind == "organization" and country in NON_STATE and group.sector == "GOV":
            group = Code(group.code, None, group.name, kind)  # "the U.N. mission": no sector
        # "U.S. and South Korean marines": one group per country.
        every = [t for m in all_mods for t in m.subtree if t.i < tok.i and t.pos_ != "DET"]
        first = min((t.i for t in every), default=tok.i)
        while first >= 2 and doc[first - 1].text == "," and doc[first - 2].text in k.adjectives:
            # "Philippine, American and Australian warships": the parser may hang the first
            # of a list elsewhere
            first -= 2
            every[:0] = [doc[first], doc[first + 1]]
        split = _split_nationalities(every, k) if not group.code else []
        if len(split) > 1:
            keys = []
            for chunk, code in split:
                words = doc[chunk[0].i : chunk[-1].i + 1]
                each = f"{words.text} {tok.text}"
                key = f"group:{code}:{lemma}:{each.lower()}"
                if add(key, each, kind, words, code, group.sector,
                       shared=any(t.i in used for t in words)) is not None:
                    keys.append(key)
                if f"country:{code}" not in drafts:  # each nationality names its country
                    add(f"country:{code}", k.country_names[code], "country", words, code,
                        "GOV", shared=True)
            if keys:  # the noun itself stands for all of them
                drafts[keys[0]].tokens.add(tok.i)
                drafts[keys[0]].joint, drafts[keys[0]].joint_at = keys, tok.i
                used.add(tok.i)
            continue
        key = f"group:{country or ''}:{lemma}:{name.lower()}"
        draft = add(key, name, kind, span, country, group.sector)
        if draft is not None and country is None and not draft.joint:
            # "Energy officials from Moldova, Romania and Ukraine": people of several states
            # act for each of them (events list every state, as for "U.S. and Japanese troops")
            states = [f"country:{c}" for c in _states_of(tok, k)]
            if len(states) > 1 and all(key in drafts for key in states):
                draft.joint, draft.joint_at = states, tok.i


def _states_of(tok: Token, k: Knowledge) -> list[str]:
    """The countries coordinated after "from" or "of" in a group's phrase ("officials from
    Moldova, Romania and Ukraine"), in order; empty unless every one is a country."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"from", "of"}:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        codes = []
        for part in [obj, *obj.conjuncts]:
            name = " ".join(t.text for t in part.subtree if t.dep_ not in {"cc", "det"}
                            and not t.is_punct
                            and t.i <= part.i and (t.i == part.i or t.head.i == part.i))
            code = k.countries.get(name)
            if code is None or not code.code:
                return []
            codes.append(code.code)
        return codes
    return []


def _craft_of(tok: Token) -> Token | None:
    """The craft noun a compound modifies, right after it or after one more compound ("navy
    patrol boat")."""
    head = tok
    for _ in range(2):
        if head.dep_ != "compound" or head.head.i != head.i + 1:
            return None
        head = head.head
        if head.lemma_.lower() in CRAFT and head.dep_ != "compound":
            return head
    return None


def _service_of_craft(tok: Token, k: Knowledge) -> bool:
    """Is `tok` an armed service named before the craft it owns ("navy" in "navy ships")?"""
    craft = _craft_of(tok)
    if craft is None:
        return False
    _, group = _group_noun(tok, k)
    return group is not None and group.kind == "organization" and group.sector in {"MIL", "COP"}


def _add_peoples(doc: Doc, k: Knowledge, used: set[int], add) -> None:
    """Peoples named by a plural demonym: "Palestinians blamed Israel", "young Kenyans", "ethnic
    Albanians" — the country's civilians (CVL), a group of their own."""
    for tok in doc:
        code = k.demonyms.get(tok.text)
        if code is None or tok.i in used or tok.tag_ not in {"NNS", "NNPS"} or \
                tok.dep_ in {"compound", "amod"} or not tok.text.endswith("s"):
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i in used:
            continue  # "thousands of Kenyans": the quantity is the group
        start = tok.i
        while start > 0 and doc[start - 1].head.i == tok.i and doc[start - 1].dep_ in {
                "amod", "compound"} and doc[start - 1].i not in used:
            start -= 1
        span = doc[start : tok.i + 1]
        add(f"group:{code}:people:{span.text.lower()}", span.text, "group", span, code, "CVL")


def _group_noun(tok: Token, k: Knowledge) -> tuple[str | None, Code | None]:
    """The group noun a token heads, two words first ("aid workers", "crew members")."""
    lemma = tok.lemma_.lower()
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.head.i == tok.i and prev.dep_ in {"compound", "amod"}:
        for two in (f"{prev.lower_} {lemma}", f"{prev.lower_} {tok.lower_}"):
            if two in k.groups:
                return two, k.groups[two]
    for one in (lemma, tok.lower_):
        if one in k.groups:
            return one, k.groups[one]
    return None, None


def _named_by_country(kind: str, sector: str | None) -> bool:
    """Bodies, forces and the opposition are named after their country when the text leaves
    it implicit ("the army" in a Sudanese story: "Sudanese army"); crowds of people keep the
    text's words ("protesters")."""
    return sector in STATE_SECTORS if kind == "organization" else sector in {"MIL", "COP", "OPP"}


def _adjective(code: str, k: Knowledge) -> str | None:
    return NEWS_ADJECTIVES.get(code) or k.adjective_of.get(code)


def _owning_body(tok: Token, drafts: dict[str, _Draft], order: list[str]) -> _Draft | None:
    """"the church's peace commission": the organisation "the church" stands for, when it was
    named in full before ("the Catholic Church")."""
    poss = next((c for c in tok.lefts if c.dep_ == "poss" and c.pos_ == "NOUN"
                 and any(d.lower_ == "the" for d in c.children)), None)
    if poss is None:
        return None
    owner = next((drafts[key] for key in order if poss.i in drafts[key].tokens), None)
    if owner is None or owner.kind != "organization" or owner.name.lower() == poss.lower_:
        return None
    return owner


def _anaphoric_body(tok: Token, drafts: dict[str, _Draft], order: list[str]) -> _Draft | None:
    """"the bloc's leaders", "the alliance's members": the international body named last."""
    poss = next((c for c in tok.lefts if c.dep_ == "poss"), None)
    if poss is None or poss.lemma_.lower() not in BODY_ANAPHORS or not any(
            c.lower_ == "the" for c in poss.children):
        return None
    best: tuple[int, _Draft] | None = None
    for key in order:
        draft = drafts[key]
        if draft.kind != "organization" or draft.code not in NON_STATE:
            continue
        before = [i for i in draft.tokens if i < poss.i]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), draft)
    return best[1] if best else None


def _place_after(tok: Token, k: Knowledge) -> tuple[str, str] | None:
    """"police in Nantes": the named place and its country."""
    for prep in tok.rights:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN" and pobj.ent_type_ in {"GPE", "LOC"}:
                return _resolved(pobj, k)
    return None


def _resolved(tok: Token, k: Knowledge) -> tuple[str, str] | None:
    from .places import resolve_place

    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    text = ent.text if ent is not None else tok.text
    if text.startswith("the "):
        text = text[4:]
    if text in k.countries:
        return None
    place = resolve_place(text, knowledge=k)
    if place is None or not place.country:
        return None
    return text, place.country


def _city_of(tok: Token, k: Knowledge) -> tuple[str, str] | None:
    """"the city's prefecture": the city the sentence is about, named before it."""
    poss = next((c for c in tok.lefts if c.dep_ == "poss"), None)
    if poss is None or poss.lemma_.lower() not in {"city", "town"}:
        return None
    from .places import is_city_name

    start, _ = sent_bounds(tok)
    for cand in reversed(tok.doc[start : poss.i]):
        # the recogniser may take a city for a person ("In Lyon")
        if cand.pos_ == "PROPN" and (cand.ent_type_ == "GPE" or is_city_name(cand.text)):
            return _resolved(cand, k)
    return None


def _post_phrase(tok: Token) -> str:
    """What a group's name keeps after its noun: "relatives of kidnapped people",
    "displaced people in Tawila"; short phrases only."""
    for prep in tok.rights:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "in"}:
            continue
        tokens = list(prep.subtree)
        cut = next((n for n, t in enumerate(tokens) if t.is_punct), len(tokens))
        tokens = tokens[:cut]  # "ambassadors of 13 Western countries, including ..."
        if len(tokens) > 6 or any(t.pos_ in {"VERB", "AUX"} and t.dep_ != "amod"
                                  or t.dep_ in {"relcl", "acl"} for t in tokens):
            return ""
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return ""
        if prep.lower_ == "in" and not (pobj.pos_ == "PROPN" and pobj.ent_type_ in {
                "GPE", "LOC", "FAC"}):
            return ""  # "officials in the region" stays "officials"
        if prep.lower_ == "of" and (pobj.like_num or pobj.lower_ in {"them", "those", "whom"}):
            return ""  # "13 of its soldiers"
        return " " + tok.doc[prep.i : tokens[-1].i + 1].text
    return ""


def _split_nationalities(pieces: list[Token], k: Knowledge) -> list[tuple[list[Token], str]]:
    """"U.S. and South Korean marines" -> the words of each nationality, with its country."""
    chunks: list[list[Token]] = [[]]
    for t in sorted(pieces, key=lambda t: t.i):
        if t.dep_ == "cc" or t.text == ",":
            chunks.append([])
        else:
            chunks[-1].append(t)
    out: list[tuple[list[Token], str]] = []
    for chunk in chunks:
        if not chunk:
            continue
        found = None
        for size in (3, 2, 1):
            code = k.adjectives.get(" ".join(t.text for t in chunk[:size]))
            if code and code in k.country_names:
                found = (chunk[:size], code)
                break
        if found is None:
            return []
        if found[1] not in {c for _, c in out}:
            out.append(found)
    return out


def _owner(pronoun: Token, drafts: dict[str, _Draft], order: list[str], home: str | None
           ) -> tuple[_Draft, str] | None:
    """Whom a possessive pronoun points back to, with that actor's country: the nearest actor
    with a country in this sentence or the one before ("Baerbock ... Her ministry said"); a
    person whose country the text leaves to the document counts as the home country's."""
    people = pronoun.lower_ in {"his", "her"}
    floor = sent_bounds(pronoun)[0]
    # this sentence and the one before; a person may be two back, past their own quote
    for _ in range(2 if people else 1):
        floor = sent_bounds(pronoun.doc[floor - 1])[0] if floor > 0 else 0
    best: tuple[int, _Draft, str] | None = None
    for key in order:
        draft = drafts[key]
        code = draft.code or (_home_of_person(draft, home) if draft.kind == "person" else None)
        if not code or (people and draft.kind != "person"):
            continue
        before = [i for i in draft.tokens if floor <= i < pronoun.i]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), draft, code)
    return (best[1], best[2]) if best else None


def _home_of_person(draft: _Draft, home: str | None) -> str | None:
    """The home country for a person the text gives no country of their own (see
    `_fill_people`), or None when the words around the name point abroad."""
    if home is None or draft.code is not None:
        return None
    if draft.title is None:
        return home if draft.sector is None else None
    if (draft.title_key or "") in ABROAD_TITLES or draft.title.code is not None:
        return None
    return home


def _ministry_of(tok: Token, owner: _Draft) -> str | None:
    """"Her ministry" of a foreign minister: "foreign ministry"."""
    if tok.lemma_.lower() != "ministry" or owner.kind != "person" or not owner.role:
        return None
    words = owner.role.lower().split()
    if len(words) == 2 and words[1] == "minister" and words[0] not in {"prime", "deputy"}:
        return f"{words[0]} ministry"
    return None


def _frame_capital(tok: Token, k: Knowledge) -> str | None:
    """"In Beijing, the commerce ministry said": the capital framing the sentence."""
    start, end = sent_bounds(tok)
    sent = tok.doc[start:end]
    if len(sent) < 3 or sent[0].lower_ not in {"in", "from"}:
        return None
    name = []
    for t in sent[1:6]:
        if t.text == ",":
            break
        name.append(t.text)
    return k.capitals.get(" ".join(name))


def _frame_country(tok: Token, k: Knowledge) -> str | None:
    """The country of the town framing the sentence or its paragraph ("In Seoul, about 2,000
    protesters rallied ... 'They are waiting,' said Choi Mi-ran"): where the local people
    and bodies of that paragraph are, whatever the dateline."""
    from .places import resolve_place

    doc = tok.doc
    start = sent_bounds(tok)[0]
    starts = [start]
    i = start - 1
    while i >= 0 and "\n" not in doc[i].text and "\n" not in doc[i].whitespace_:
        i -= 1  # back to the paragraph's first sentence
    if i + 1 < start:
        starts.append(sent_bounds(doc[i + 1])[0])
    for first in starts:
        while first < len(doc) and doc[first].is_space:
            first += 1
        if first + 2 >= len(doc) or doc[first].lower_ != "in":
            continue
        name = []
        for t in doc[first + 1 : first + 5]:
            if t.text == ",":
                break
            name.append(t)
        else:
            continue
        if not name or not all(t.text[:1].isupper() for t in name):
            continue
        text = " ".join(t.text for t in name)
        code = k.capitals.get(text)
        if code is None and text not in k.countries:
            place = resolve_place(text, knowledge=k)
            code = place.country if place is not None and place.precision == "city" else None
        if code is not None:
            return code
    return None


def _foreign(tok: Token, pieces: list[Token], k: Knowledge) -> bool:
    """"foreign journalists", "Western diplomats", "ambassadors of 13 Western countries",
    "officials from Kenya": not (or not surely) the home side; "relatives of kidnapped people"
    are."""
    words = {t.lower_ for t in pieces} | {c.lower_ for c in tok.lefts}
    if words & FOREIGN_WORDS:
        return True
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in {"from", "of"}:
            inner = list(prep.subtree)
            if {t.lower_ for t in inner} & FOREIGN_WORDS or find_country_code(inner, k) or \
                    any(t.ent_type_ in {"GPE", "NORP", "ORG"} for t in inner):
                return True
    return False


def _fill_people(doc: Doc, k: Knowledge, drafts: dict[str, _Draft], order: list[str],
                 home: str | None) -> None:
    """Countries the words around a person's name left open."""
    token_draft = {i: drafts[key] for key in order for i in drafts[key].tokens}
    for key in order:
        draft = drafts[key]
        if draft.kind != "person":
            continue
        if draft.body_anaphor is not None:
            body = _antecedent_body(draft.body_anaphor, drafts, order)
            if body is not None and draft.code in {None, body.code}:
                # "Viv Ansanm ... the alliance's leader, Jimmy Chérizier": the body's leader
                draft.code = body.code
                if body.sector not in {None, "GOV"} and draft.sector in {None, "GOV"}:
                    draft.sector = body.sector
                elif body.code in INTERNATIONAL and draft.sector is None:
                    draft.sector = "GOV"
                continue
        if draft.code is not None and draft.sector is not None:
            continue
        body = _body_headed(doc, draft, token_draft)
        if body is not None:  # "Hélène Marchal, who heads MSF's emergency response"
            draft.code = draft.code or body.code
            if draft.sector is None and draft.code == body.code:
                # the head of a state's body serves the state; of a rebel movement's, the
                # movement ("who heads the Houthis' prisoner affairs committee": REB)
                if body.code in INTERNATIONAL or body.kind == "country":
                    draft.sector = "GOV"
                elif body.sector is not None:
                    draft.sector = body.sector
            continue
        if draft.code is not None:
            continue
        if draft.title is None:
            # Nothing around the name says who they are: a private person of the story's
            # country ("said Claudia Restrepo, who carried his photograph"), or of the town
            # framing the paragraph ("In Seoul, ... said Choi Mi-ran").
            if draft.sector is None and draft.possessor is None and not draft.commentator:
                where = _frame_country(doc[draft.first], k) or home
                if where is not None:
                    draft.code, draft.sector = where, "CVL"
            continue
        title_key = draft.title_key or ""
        if draft.home and home:
            draft.code = home
            continue
        if draft.possessor is not None:  # "his spokeswoman": the person named before
            owner = _possessor_actor(draft, token_draft)
            if owner is not None and owner.code:
                draft.code = owner.code
                continue
        if draft.head_word:  # "coast guard spokesman": the body of that name met last
            body = _recent_body(draft, drafts, order)
            if body is not None:
                draft.code = body.code
                continue
        if "spokes" in title_key:  # "Spokesman Liu Dejun": whose spokesman the text just quoted
            body = _recent_subject(doc, draft, token_draft)
            if body is not None:
                draft.code = body.code
                if body.kind == "organization" and body.sector and body.sector != "GOV" \
                        and draft.sector in {"GOV", None}:
                    draft.sector = body.sector
                continue
        if title_key not in ABROAD_TITLES and draft.title.code is None:
            # a local person ("one of the organisers") is where the paragraph is set
            frame = _frame_country(doc[draft.first], k) \
                if draft.sector in DOMESTIC_SECTORS else None
            draft.code = frame or home


def _antecedent_body(noun: Token, drafts: dict[str, _Draft], order: list[str]) -> _Draft | None:
    """The body "the alliance" or "the group" stands for: the named organisation met last,
    within the last three sentences, that is not a government (those are named, not
    referred to as "the group")."""
    start = sent_bounds(noun)[0]
    for _ in range(3):
        if start == 0:
            break
        start = sent_bounds(noun.doc[start - 1])[0]
    best: tuple[int, _Draft] | None = None
    for key in order:
        draft = drafts[key]
        if draft.kind != "organization" or not draft.code or (
                draft.sector in {None, "GOV"} and draft.code not in NON_STATE):
            continue
        before = [i for i in draft.tokens if start <= i < noun.i]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), draft)
    return best[1] if best else None


def _body_headed(doc: Doc, draft: _Draft, token_draft: dict[int, _Draft]) -> _Draft | None:
    """The body a person "heads", "leads" or "chairs", by a relative clause after the name."""
    root = next((doc[i] for i in draft.tokens if doc[i].head.i not in draft.tokens), None)
    if root is None:
        return None
    for clause in root.children:
        if clause.dep_ != "relcl" or clause.lemma_ not in {"head", "lead", "run", "chair",
                                                            "direct", "command"}:
            continue
        for obj in clause.children:
            if obj.dep_ != "dobj":
                continue
            for t in obj.subtree:
                owner = token_draft.get(t.i)
                if owner is not None and owner.kind != "person" and owner.code:
                    return owner
    return None


def _possessor_actor(draft: _Draft, token_draft: dict[int, _Draft]) -> _Draft | None:
    pron = draft.possessor
    assert pron is not None
    for i in range(pron.i - 1, sent_bounds(pron)[0] - 1, -1):
        owner = token_draft.get(i)
        if owner is not None and owner is not draft and (
                owner.kind == "person" or pron.lower_ in {"its", "their"}):
            return owner
    return None


def _recent_body(draft: _Draft, drafts: dict[str, _Draft], order: list[str]) -> _Draft | None:
    head = draft.head_word or ""
    best: tuple[int, _Draft] | None = None
    for key in order:
        other = drafts[key]
        if other.kind == "person" or not other.code or head not in other.name.lower():
            continue
        before = [i for i in other.tokens if i < draft.first]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), other)
    return best[1] if best else None


def _recent_subject(doc: Doc, draft: _Draft, token_draft: dict[int, _Draft]) -> _Draft | None:
    """The body that was the subject in this sentence (before the name) or the previous one."""
    first = doc[draft.first]
    start, _ = sent_bounds(first)
    bodies = {"organization", "country"}
    for tok in reversed(doc[start : first.i]):
        owner = token_draft.get(tok.i)
        if tok.dep_ in {"nsubj", "nsubjpass"} and owner and owner.kind in bodies and owner.code:
            return owner
    if start == 0:
        return None
    p_start, p_end = sent_bounds(doc[start - 1])
    for tok in doc[p_start:p_end]:
        owner = token_draft.get(tok.i)
        if tok.dep_ in {"nsubj", "nsubjpass"} and owner is not None and owner is not draft:
            return owner if owner.code and owner.kind in bodies else None
    return None


def _described(text: str, k: Knowledge) -> bool:
    """"Chinese coast guard": a nationality and common nouns describe a body, not name it."""
    words = text.split()
    return len(words) > 1 and k.adjectives.get(words[0]) in k.country_names and all(
        w.islower() for w in words[1:])


def _acronym(text: str) -> bool:
    return " " not in text and text.replace(".", "").replace("-", "").isupper()


def _squash(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _code_of_token(tok: Token, drafts: dict[str, _Draft], order: list[str]) -> str | None:
    for key in order:
        if tok.i in drafts[key].tokens:
            return drafts[key].code
    return None


def _index(doc: Doc, drafts: dict[str, _Draft], order: list[str], k: Knowledge,
           home: str | None = None) -> ActorIndex:
    actors: list[Actor] = []
    token_actor: dict[int, str] = {}
    ids = {key: f"a{n}" for n, key in enumerate(order, 1)}
    joint = {d.joint_at: [ids[key] for key in d.joint] for d in drafts.values() if d.joint}
    for n, key in enumerate(order, 1):
        d = drafts[key]
        actor_id = f"a{n}"
        name = d.name
        if d.table and d.mentions:
            # A table organisation is named by its fullest form in the article: a longer
            # name or alias ("Houthi movement", "Médecins Sans Frontières") or a form that
            # spells out the table's name ("U.N. Security Council"); an acronym ("RSF") or an
            # abbreviation used as an adjective ("U.N.", "EU") keeps the table's name.
            plain = _squash(name)
            forms = [t[4:] if t.lower().startswith("the ") else t for _, _, t in d.mentions]
            forms = [t for t in forms if t not in k.adjectives and not _acronym(t) and (
                k.organizations.get(t) is not None or plain in _squash(t))
                and not _described(t, k)]
            name = max([name, *forms], key=len)
        if d.kind == "country" and d.mentions and all(t != name for _, _, t in d.mentions):
            # "Congo", not "Democratic Republic of Congo", when that is what the article says;
            # abbreviations ("U.S.") keep the table's name.
            first = min(d.mentions)[2]
            if any(c.islower() for c in first) and first in k.countries:
                name = first
        actors.append(Actor(
            id=actor_id, name=name, kind=d.kind,  # type: ignore[arg-type]
            country=d.code, sector=d.sector,
            role=d.role,
            mentions=[Mention(s, e, t) for s, e, t in sorted(d.mentions)],
        ))
        for i in d.tokens:
            token_actor[i] = actor_id
    return ActorIndex(actors, token_actor, joint, home)


def load_tables() -> None:
    """Read every table this stage uses now, so a broken table fails before any article."""
    load_knowledge()
    load_offices()
    given_names()
