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

from dataclasses import dataclass, field
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Mention
from .knowledge import Code, Knowledge, load_knowledge, sent_bounds
from .offices import OfficeIndex, fold_token, load_offices, parse_day, roles_agree
from .persons import (
    INTERNATIONAL,
    clean_person_name,
    find_country_code,
    find_title,
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
                    "AGR", "CRM"}
FOREIGN_WORDS = {"foreign", "international", "western", "european", "global", "overseas",
                 "regional", "world", "allied", "african", "arab", "asian", "gulf", "latin",
                 "other", "neighbouring", "neighboring", "un", "u.n."}
# Titles whose holders are often foreigners or international officials: no dateline guess.
ABROAD_TITLES = {"secretary-general", "deputy secretary-general", "envoy", "special envoy",
                 "special representative", "ambassador", "high commissioner", "director-general",
                 "commissioner", "special rapporteur", "high representative", "diplomat",
                 "top diplomat", "permanent representative",
                 "consul", "consul general", "chargé d'affaires", "foreign policy chief",
                 "counterpart"}
# Government bodies whose unqualified proper names ("Department of Foreign Affairs", "the
# Senate") belong to the dateline country.
HOME_BODIES = {"department", "ministry", "commission", "prefecture", "government", "cabinet",
               "presidency", "senate", "parliament", "assembly", "congress", "court", "police"}
# Heads that take their sector from the body they are part of: "union leaders" LAB,
# "police officials" COP, "party leaders" PTY.
GENERIC_HEADS = {"leader", "official", "member", "representative", "spokesman", "spokeswoman",
                 "spokesperson", "chief", "head", "delegation", "delegate"}


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
    first: int = 10**9  # token index of the first mention


@dataclass
class ActorIndex:
    """Actors of one document, and which token belongs to which actor."""

    actors: list[Actor]
    token_actor: dict[int, str]

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


def _words(text: str) -> list[str]:
    # A crude tokeniser that agrees with spaCy's on names: split on spaces and detach "'s".
    return text.replace("'s", " 's").split()


_MATCHERS: dict[tuple[int, str], PhraseMatcher] = {}


def _org_matcher(doc: Doc, k: Knowledge) -> PhraseMatcher:
    key = (id(doc.vocab), "org")
    if key not in _MATCHERS:
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        matcher.add("NAME", [Doc(doc.vocab, words=_words(n)) for n in sorted(k.organizations)])
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
    name = find_dateline(head)
    if not name:
        return None, end
    place = resolve_place(name, knowledge=k)
    return (place.country if place is not None else None), end


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
            sector: str | None = None, role: str | None = None) -> _Draft | None:
        if any(t.i in used for t in span):
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
        draft.tokens.update(t.i for t in span)
        draft.first = min(draft.first, span.start)
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
        code = k.organizations[span.text]
        add(f"org:{code.name}", code.name, "organization", span, code.code, code.sector)

    # 2. People.
    _add_people(doc, people, k, offices, on, add, drafts, used)

    # 3. Countries named outright; capitals standing for their government.
    mentioned: list[str] = []
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "NORP", "LOC", "ORG"}:
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        code = k.countries.get(span.text)
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
        if ent.label_ != "ORG" or any(t.i in used for t in ent) or ent.start_char < dateline_stop:
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        if is_known_non_person(span.text, k) or not span.text[:1].isupper():
            continue
        if len(span) == 1 and span.root.dep_ == "pobj" and is_place_name(span, k, True):
            continue  # "around Hodeidah": a place the recogniser took for an organisation
        # "Venezuela's National Electoral Council": the possessor outside the entity counts.
        owners = [t for c in span.root.children if c.dep_ == "poss" and c.i < span.start
                  for t in c.subtree]
        country = find_country_code(list(span), k) or find_country_code(owners, k)
        noun, group = _group_of_name(span, k)
        sector = group.sector if group else None
        if country is None and (sector in DOMESTIC_SECTORS or noun in HOME_BODIES):
            country = home
        add(f"org:{span.text}", span.text, "organization", span, country, sector)

    # 5. "the president": the most recent person with that role.
    _add_role_nouns(doc, k, drafts, order, used)

    # 6. Groups headed by a known noun ("Russian forces", "the foreign ministry", "protesters").
    _add_groups(doc, k, drafts, order, used, add, home)

    # 7. What the text left open about people: possessors, spokespeople, the dateline.
    _fill_people(doc, k, drafts, order, home)

    return _index(doc, drafts, order, k)


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
        # The title and nationality around a name belong to the person, not to a group.
        used.update(t.i for t in clues.context if t.i not in draft.tokens)
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
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.i in used or tok.dep_ == "compound":
            continue
        group = k.groups.get(tok.lemma_.lower()) or k.groups.get(tok.lower_)
        if group is None:
            continue
        all_mods = [c for c in tok.lefts if c.dep_ in {"amod", "compound", "nmod", "poss"}
                    and c.pos_ not in {"PRON", "DET", "ADP", "ADV", "PART", "SCONJ"}]
        mods = [c for c in all_mods if c.i not in used]
        pieces = [t for m in mods for t in m.subtree if t.i < tok.i and t.pos_ != "DET"]
        country = group.code or find_country_code(pieces, k)
        if country is None:
            for c in all_mods:
                if c.i in used:  # "Russia's army", "U.N. officials"
                    country = _code_of_token(c, drafts, order) or country
        if group.code is None and tok.lemma_.lower() in GENERIC_HEADS:
            body = next((g for m in mods if m.dep_ in {"compound", "amod"}
                         and (g := k.groups.get(m.lemma_.lower())) is not None
                         and g.sector and g.sector != group.sector), None)
            if body is not None:
                group = Code(group.code, body.sector, group.name, group.kind)
        if country is None and group.sector == "GOV":
            country = _frame_capital(tok, k)
        pronoun = next((c for c in tok.lefts if c.dep_ == "poss"
                        and c.lower_ in {"his", "her", "its", "their"}), None)
        if country is None and pronoun is not None:  # "Her ministry": Baerbock's
            country = _owner_code(pronoun, drafts, order)
        words = [t for t in pieces if t.pos_ in {"ADJ", "PROPN", "NOUN"} and t.text != "'s"]
        start = words[0].i if words else tok.i
        span = doc[start : tok.i + 1]
        lemma = tok.lemma_.lower()
        # The name keeps every modifier, even those that are actors of their own
        # ("Russia's Defence Ministry", "U.N. officials"); the mention covers only the rest.
        name_start = min([start, *(m.left_edge.i for m in all_mods)])
        while doc[name_start].pos_ == "DET":
            name_start += 1
        name = doc[name_start : tok.i + 1].text
        if country is None:
            # "the ministry", "the interior ministry": the group already named in full, if any.
            earlier = next((key for key in reversed(order) if key.startswith("group:")
                            and key.split(":")[2] == lemma
                            and drafts[key].name.lower().endswith(name.lower())), None)
            if earlier is not None:
                add(earlier, drafts[earlier].name, drafts[earlier].kind, span)
                continue
            if home and pronoun is None and not _foreign(tok, pieces) and (
                    group.sector in DOMESTIC_SECTORS or lemma in HOME_BODIES):
                country = home
        key = f"group:{country or ''}:{lemma}:{name.lower()}"
        add(key, name, group.kind, span, country, group.sector)


def _owner_code(pronoun: Token, drafts: dict[str, _Draft], order: list[str]) -> str | None:
    """The country of whoever a possessive pronoun points back to: the nearest actor with a
    country in this sentence or the one before ("Baerbock ... Her ministry said")."""
    start = sent_bounds(pronoun)[0]
    floor = sent_bounds(pronoun.doc[start - 1])[0] if start > 0 else 0
    people = pronoun.lower_ in {"his", "her"}
    best: tuple[int, str] | None = None
    for key in order:
        draft = drafts[key]
        if not draft.code or (people and draft.kind != "person"):
            continue
        before = [i for i in draft.tokens if floor <= i < pronoun.i]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), draft.code)
    return best[1] if best else None


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


def _foreign(tok: Token, pieces: list[Token]) -> bool:
    """"foreign journalists", "Western diplomats", "Palestinians in Gaza": not the home side."""
    words = {t.lower_ for t in pieces} | {c.lower_ for c in tok.lefts}
    if words & FOREIGN_WORDS:
        return True
    return any(c.dep_ == "prep" and c.lower_ in {"from", "of"} for c in tok.children)


def _fill_people(doc: Doc, k: Knowledge, drafts: dict[str, _Draft], order: list[str],
                 home: str | None) -> None:
    """Countries the words around a person's name left open."""
    token_draft = {i: drafts[key] for key in order for i in drafts[key].tokens}
    for key in order:
        draft = drafts[key]
        if draft.kind != "person" or draft.code is not None or draft.title is None:
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
        if home and title_key not in ABROAD_TITLES and draft.title.code is None:
            draft.code = home


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


def _squash(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _code_of_token(tok: Token, drafts: dict[str, _Draft], order: list[str]) -> str | None:
    for key in order:
        if tok.i in drafts[key].tokens:
            return drafts[key].code
    return None


def _index(doc: Doc, drafts: dict[str, _Draft], order: list[str], k: Knowledge) -> ActorIndex:
    actors: list[Actor] = []
    token_actor: dict[int, str] = {}
    for n, key in enumerate(order, 1):
        d = drafts[key]
        actor_id = f"a{n}"
        name = d.name
        if d.key.startswith("org:") and d.key[4:] == d.name and d.mentions and \
                d.code is not None and all(t != name for _, _, t in d.mentions):
            # A table organisation is named by its fullest form in the article when that
            # spells out the table's name ("U.N. Security Council", "U.S. State Department"),
            # not by an abbreviation ("U.N." stays "United Nations").
            plain = _squash(name)
            forms = [t[4:] if t.lower().startswith("the ") else t for _, _, t in d.mentions]
            name = next((t for t in sorted(forms, key=len, reverse=True)
                         if plain in _squash(t)), name)
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
    return ActorIndex(actors, token_actor)
