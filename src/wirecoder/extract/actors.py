"""Actors: who is mentioned, with country, sector and role, clustered within the article.

Sources of actor mentions, in order of trust:
1. named institutions and metonyms from our tables ("NATO", "the Kremlin");
2. PERSON entities, with titles and country clues read from the words before the name
   ("French President Emmanuel Macron") or from an apposition ("Peskov, the Kremlin's spokesman");
3. country names (GPE entities found in the countries table);
4. group noun phrases headed by a noun from `groups.tsv` ("Russian forces", "protesters"),
   with the country taken from a nationality adjective, a country name or a possessive.
Later mentions of a person by surname ("Macron") join the first full mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Mention
from .knowledge import Code, Knowledge, load_knowledge

NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame"}
LEFT_DEPS = {"compound", "amod", "poss", "case", "nmod", "punct", "nummod"}


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
        """A person already named in full whose last name is `name` ("Zelenskiy")."""
        for actor in self.actors:
            if actor.kind == "person" and actor.name.split()[-1] == name:
                return actor.id
        return None

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


def _matcher(nlp_vocab, names: list[str], attr: str) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp_vocab, attr=attr)
    matcher.add("NAME", [Doc(nlp_vocab, words=_words(n)) for n in names])
    return matcher


def _words(text: str) -> list[str]:
    # A crude tokeniser that agrees with spaCy's on names: split on spaces and detach "'s".
    return text.replace("'s", " 's").split()


_MATCHERS: dict[int, PhraseMatcher] = {}


def _org_matcher(doc: Doc, k: Knowledge) -> PhraseMatcher:
    key = id(doc.vocab)
    if key not in _MATCHERS:
        _MATCHERS[key] = _matcher(doc.vocab, sorted(k.organizations), "ORTH")
    return _MATCHERS[key]


def find_country_code(tokens: list[Token], k: Knowledge) -> str | None:
    """The first country or non-state code named by adjacent tokens ("Russian", "Russia's", "U.S.")."""
    texts = [t.text for t in tokens]
    for size in (3, 2, 1):
        for i in range(len(texts) - size + 1):
            chunk = " ".join(texts[i : i + size]).replace(" 's", "")
            if chunk in k.adjectives:
                return k.adjectives[chunk]
            code = k.countries.get(chunk) or k.organizations.get(chunk)
            if code is not None and code.code:
                return code.code
            if chunk in k.demonyms:
                return k.demonyms[chunk]
    return None


def find_title(words: list[str], k: Knowledge) -> tuple[Code | None, int]:
    """The longest title ending the word list, and where it starts ("Foreign Minister")."""
    lower = [w.lower() for w in words]
    for size in range(min(k.max_title_words, len(lower)), 0, -1):
        phrase = " ".join(lower[len(lower) - size :]).replace(" - ", "-")
        if phrase in k.titles:
            return k.titles[phrase], len(lower) - size
    return None, len(lower)


def _find_title_anywhere(tokens: list[Token], k: Knowledge) -> Code | None:
    words = [t.text for t in tokens]
    for end in range(len(words), 0, -1):
        title, start = find_title(words[:end], k)
        if title is not None:
            return title
    return None


def _left_context(span: Span) -> list[Token]:
    """Tokens before a name that belong to its noun phrase ("French President", "Kremlin spokesman")."""
    doc = span.doc
    out: list[Token] = []
    i = span.start - 1
    while i >= span.sent.start:
        tok = doc[i]
        if tok.pos_ in {"DET", "VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ"} or tok.text in {
            ",", "(", '"', "“", "”", ":", ";"}:
            break
        if tok.dep_ not in LEFT_DEPS and not (span.start <= tok.head.i < span.end):
            break
        out.insert(0, tok)
        i -= 1
    return out


def _apposition(span: Span) -> list[Token]:
    """The words of an apposition describing the name ("Peskov, the Kremlin's spokesman,")."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            return [t for t in child.subtree]
    if root.dep_ == "appos" and root.head.i < span.start:
        head = root.head
        return [t for t in head.subtree if t.i < span.start and t.i >= head.left_edge.i]
    return []


def _person_clues(span: Span, k: Knowledge) -> tuple[str | None, str | None, str | None]:
    """Country, sector and role of a named person from the words around the name."""
    left = _left_context(span)
    title, at = find_title([t.text for t in left], k)
    before = left[:at]
    country = find_country_code(before, k) if before else None
    if title is None:
        appos = _apposition(span)
        if appos:
            title = _find_title_anywhere(appos, k)
            if country is None:
                country = find_country_code(appos, k)
    if title is None:
        return country, None, None
    sector = title.sector
    if title.code and country is None:
        country = title.code
    # An organisation before a title gives the person its code ("Kremlin spokesman" -> RUS).
    if before:
        org = _org_before(before, k)
        if org is not None:
            country = country or org.code
            if org.sector and org.sector != "GOV" and sector == "GOV":
                sector = org.sector
    return country, sector, title.role


def _org_before(tokens: list[Token], k: Knowledge) -> Code | None:
    texts = [t.text for t in tokens if t.text != "'s"]
    for size in range(len(texts), 0, -1):
        for i in range(len(texts) - size + 1):
            code = k.organizations.get(" ".join(texts[i : i + size]))
            if code is not None:
                return code
    return None


def _clean_person_name(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in HONORIFICS:
        start += 1
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    return doc[start:end]


def find_actors(doc: Doc, *, knowledge: Knowledge | None = None) -> ActorIndex:
    """Find and cluster the actors of a parsed article."""
    k = knowledge or load_knowledge()
    drafts: dict[str, _Draft] = {}
    order: list[str] = []
    used: set[int] = set()

    def add(key: str, name: str, kind: str, span: Span, code: str | None = None,
            sector: str | None = None, role: str | None = None) -> None:
        if any(t.i in used for t in span):
            return
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
        used.update(t.i for t in span)

    # 1. Named institutions and metonyms, longest match first.
    matches = sorted(_org_matcher(doc, k)(doc), key=lambda m: (m[1], -(m[2] - m[1])))
    person_spans = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
    for _, start, end in matches:
        span = doc[start:end]
        if any(s <= start and end <= e and (e - s) > (end - start) for s, e in person_spans):
            continue  # "Wagner" inside "Therese Kayikwamba Wagner" is a surname
        code = k.organizations[span.text]
        add(f"org:{code.name}", code.name, "organization", span, code.code, code.sector)

    # 2. People.
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    canon: dict[str, str] = {}  # surname -> key of the fullest name
    for ent in sorted(persons, key=lambda e: -len(e)):
        span = _clean_person_name(ent)
        if len(span) == 0 or span.text in k.countries or span.text in k.organizations:
            continue
        if len(span) > 1:
            canon.setdefault(span[-1].text, f"person:{span.text}")
    for ent in persons:
        span = _clean_person_name(ent)
        if len(span) == 0 or span.text in k.countries or span.text in k.organizations:
            continue
        key = canon.get(span[-1].text, f"person:{span.text}")
        country, sector, role = _person_clues(span, k)
        add(key, key.split(":", 1)[1], "person", span, country, sector, role)
        # The title and nationality before a name belong to the person, not to a group.
        used.update(t.i for t in _left_context(span))

    # 3. Countries named outright.
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "NORP", "LOC", "ORG"}:
            continue
        span = ent[1:] if ent[0].lower_ == "the" else ent
        code = k.countries.get(span.text)
        if code is not None:
            add(f"country:{code.code}", code.name, "country", span, code.code, "GOV")

    # 4. Other named organisations the entity recogniser found ("Kenya National Commission on
    #    Human Rights"); their country is the one their name mentions, if any.
    for ent in doc.ents:
        if ent.label_ != "ORG" or any(t.i in used for t in ent):
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        if span.text in k.adjectives or span.text in k.demonyms or not span.text[:1].isupper():
            continue
        country = find_country_code(list(span), k)
        group = k.groups.get(span.root.lemma_.lower())
        add(f"org:{span.text}", span.text, "organization", span, country,
            group.sector if group else None)

    # 5. Groups headed by a known noun ("Russian forces", "the foreign ministry", "protesters").
    for tok in doc:
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.i in used or tok.dep_ == "compound":
            continue
        group = k.groups.get(tok.lemma_.lower()) or k.groups.get(tok.lower_)
        if group is None:
            continue
        all_mods = [c for c in tok.lefts if c.dep_ in {"amod", "compound", "nmod", "poss"}
                    and c.pos_ not in {"PRON", "DET"}]
        mods = [c for c in all_mods if c.i not in used]
        pieces = [t for m in mods for t in m.subtree if t.i < tok.i and t.pos_ != "DET"]
        country = group.code or find_country_code(pieces, k)
        if country is None:
            for c in all_mods:
                if c.i in used:  # "Russia's army", "U.N. officials"
                    country = _code_of_token(c, drafts, order) or country
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
        key = f"group:{country or ''}:{lemma}:{name.lower()}"
        add(key, name, group.kind, span, country, group.sector)

    actors: list[Actor] = []
    token_actor: dict[int, str] = {}
    for n, key in enumerate(order, 1):
        d = drafts[key]
        actor_id = f"a{n}"
        actors.append(Actor(
            id=actor_id, name=d.name, kind=d.kind,  # type: ignore[arg-type]
            country=d.code, sector=d.sector,
            role=d.role,
            mentions=[Mention(s, e, t) for s, e, t in sorted(d.mentions)],
        ))
        for i in d.tokens:
            token_actor[i] = actor_id
    return ActorIndex(actors, token_actor)


def _code_of_token(tok: Token, drafts: dict[str, _Draft], order: list[str]) -> str | None:
    for key in order:
        if tok.i in drafts[key].tokens:
            return drafts[key].code
    return None
