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

NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
INTERNATIONAL = {"IGO", "UNO", "EUR"}  # their officials are GOV (ANNOTATION.md)
HONORIFICS = {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame"}
LEFT_DEPS = {"compound", "amod", "poss", "case", "nmod", "punct", "nummod"}
# Words a recogniser glues to the front of a name ("Inside Goma", "Meanwhile Lavrov").
NAME_PREFIX_NOISE = {"inside", "in", "outside", "near", "at", "from", "across", "around",
                     "within", "after", "before", "during", "meanwhile", "but", "and", "then",
                     "like", "unlike", "despite", "for", "on", "with", "by"}
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
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
# Government bodies whose unqualified proper names ("Department of Foreign Affairs", "the
# Senate") belong to the dateline country.
HOME_BODIES = {"department", "ministry", "commission", "prefecture", "government", "cabinet",
               "presidency", "senate", "parliament", "assembly", "congress", "court", "police"}
# Heads that take their sector from the body they are part of: "union leaders" LAB,
# "police officials" COP, "party leaders" PTY.
GENERIC_HEADS = {"leader", "official", "member", "representative", "spokesman", "spokeswoman",
                 "spokesperson", "chief", "head", "delegation", "delegate"}
PERSON_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}


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


def _holder_matcher(doc: Doc, offices: OfficeIndex) -> PhraseMatcher:
    """Known office holders' full names, case-insensitive: found even in capitals."""
    key = (id(doc.vocab), "holders")
    if key not in _MATCHERS:
        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        patterns = []
        for words in offices.full_names():
            split = [p for w in words for p in _hyphen_split(w)]
            patterns.append(Doc(doc.vocab, words=[w.lower() for w in split]))
        matcher.add("HOLDER", patterns)
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def _hyphen_split(word: str) -> list[str]:
    # spaCy splits "Duck-soo" into "Duck", "-", "soo" between letters.
    parts = word.split("-")
    out: list[str] = []
    for i, part in enumerate(parts):
        if i:
            out.append("-")
        if part:
            out.append(part)
    return out


# --------------------------------------------------------------------------- clue readers


def find_country_code(tokens: list[Token], k: Knowledge) -> str | None:
    """The first country or non-state code named by adjacent tokens ("Russian", "Russia's", "U.S.")."""
    texts = [t.text for t in tokens]
    for size in (3, 2, 1):
        for i in range(len(texts) - size + 1):
            chunk = " ".join(texts[i : i + size]).replace(" 's", "").replace(" ’s", "")
            if chunk in k.adjectives:
                return k.adjectives[chunk]
            code = k.countries.get(chunk) or k.organizations.get(chunk)
            if code is not None and code.code:
                return code.code
            if chunk in k.demonyms:
                return k.demonyms[chunk]
            region = k.regions.get(chunk)  # "Gaza's health ministry", "Donetsk region's governor"
            if region is not None and region["country"] and region["kind"] == "region":
                return str(region["country"])
    return None


def find_title(words: list[str], k: Knowledge) -> tuple[Code | None, int]:
    """The longest title ending the word list, and where it starts ("Foreign Minister")."""
    lower = [w.lower() for w in words]
    for size in range(min(k.max_title_words, len(lower)), 0, -1):
        phrase = " ".join(lower[len(lower) - size :]).replace(" - ", "-")
        if phrase in k.titles:
            return k.titles[phrase], len(lower) - size
    return None, len(lower)


def _title_in(tokens: list[Token], k: Knowledge) -> tuple[Code | None, int, int]:
    """The longest title inside `tokens`, with its start and end positions in the list."""
    words = [t.text for t in tokens]
    for end in range(len(words), 0, -1):
        title, start = find_title(words[:end], k)
        if title is not None:
            return title, start, end
    return None, 0, 0


def _left_context(span: Span) -> list[Token]:
    """Tokens before a name that belong to its noun phrase ("French President", "Kremlin spokesman")."""
    doc = span.doc
    out: list[Token] = []
    i = span.start - 1
    sent_start = sent_bounds(span[0])[0]
    while i >= sent_start:
        tok = doc[i]
        stop = tok.pos_ in {"DET", "VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ"} or tok.text in {
            ",", "(", '"', "“", "”", ":", ";", "\n", "\n\n"}
        # "acting president": a participle inside a title is part of it
        if stop and not (tok.pos_ == "VERB" and tok.dep_ == "amod"):
            break
        if tok.dep_ not in LEFT_DEPS and not (span.start <= tok.head.i < span.end):
            break
        out.insert(0, tok)
        i -= 1
    return out


def _apposition(span: Span) -> list[Token]:
    """The words of an apposition describing the name, in either order:
    "Peskov, the Kremlin's spokesman," and "Belgium's foreign minister, Maxime Prévot,"."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            return [t for t in child.subtree if t.i >= span.end]
    if root.dep_ == "appos" and root.head.i < span.start:
        head = root.head
        return [t for t in head.subtree if head.left_edge.i <= t.i < span.start]
    return []


def _phrase_country(tokens: list[Token], title_at: int, title_end: int, k: Knowledge
                    ) -> str | None:
    """The country of a title phrase: a word before the title ("Belgium's foreign minister")
    or the object of "of"/"at" naming a country or body ("foreign minister of Iran"); not an
    adjective buried in some other noun ("professor of North Korean studies")."""
    code = find_country_code(tokens[:title_at], k) if title_at else None
    if code is not None:
        return code
    for tok in tokens[title_end:]:
        if tok.dep_ == "pobj" and tok.head.lower_ in {"of", "at", "for", "to", "in"} and (
                tok.ent_type_ in {"GPE", "ORG", "NORP"} or tok.text in k.countries):
            words = [t for t in tok.subtree if t.ent_type_ in {"GPE", "ORG", "NORP"}
                     or t.text in k.countries or t.text in {"'s", "’s"}]
            code = find_country_code(words, k)
            if code is not None:
                return code
    return None


def _person_noun_in(tokens: list[Token], k: Knowledge, *, require_head: bool = True
                    ) -> tuple[Code | None, int, int]:
    """A noun for a kind of person heading an apposition ("a 22-year-old student") or standing
    before a name ("Israeli hostage Eli Sharabi"), read as a title with that noun's sector."""
    for n, tok in enumerate(tokens):
        if require_head and tok.dep_ != "appos" and tok.head not in tokens or tok.pos_ != "NOUN":
            continue
        group = k.groups.get(tok.lemma_.lower())
        if group is not None and group.kind == "group" and group.sector:
            return Code(group.code, group.sector, tok.lemma_.lower(), "person",
                        tok.lemma_.lower()), n, n + 1
    return None, 0, 0


def _org_before(tokens: list[Token], k: Knowledge) -> Code | None:
    texts = [t.text for t in tokens if t.text not in {"'s", "’s"}]
    for size in range(len(texts), 0, -1):
        for i in range(len(texts) - size + 1):
            code = k.organizations.get(" ".join(texts[i : i + size]))
            if code is not None:
                return code
    return None


def _group_before(tokens: list[Token], k: Knowledge) -> tuple[str, Code] | None:
    """A generic body before a title: "coast guard spokesman", "commerce ministry spokeswoman"."""
    # Nouns only: "deputy executive director" has no business in it.
    nouns = [t for t in tokens if t.pos_ in {"NOUN", "PROPN"}]
    words = [t.text.lower() for t in nouns]
    lemmas = [t.lemma_.lower() for t in nouns]
    for size in (3, 2, 1):
        for i in range(len(words) - size, -1, -1):
            for seq in (words, lemmas):
                phrase = " ".join(seq[i : i + size])
                if phrase in k.groups:
                    return " ".join(words[i : i + size]), k.groups[phrase]
    return None


@dataclass
class _Clues:
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    title: Code | None = None
    title_key: str | None = None
    possessor: Token | None = None
    head_word: str | None = None
    context: list[Token] = field(default_factory=list)  # tokens that describe the person


def _person_clues(span: Span, k: Knowledge) -> _Clues:
    """Country, sector and role of a named person from the words around the name."""
    left = _left_context(span)
    clues = _Clues(context=list(left))
    title, at = find_title([t.text for t in left], k)
    if title is None and left:  # "Israeli hostage Eli Sharabi", "American student Jane Roe"
        noun, n_at, _ = _person_noun_in(left[-1:], k, require_head=False)
        if noun is not None:
            title, at = noun, len(left) - 1
    before = left[:at]
    if title is not None:
        clues.country = find_country_code(before, k) if before else None
        clues.title_key = " ".join(t.text.lower() for t in left[at:])
    else:
        appos = _apposition(span)
        if appos:
            title, t_at, t_end = _title_in(appos, k)
            if title is None:
                title, t_at, t_end = _person_noun_in(appos, k)
            if title is not None:
                # Only the title phrase is the person's; "who was among the protesters"
                # after it still names others.
                clues.context += appos[:t_end]
                before = appos[:t_at]
                clues.title_key = " ".join(t.text.lower() for t in appos[t_at:t_end])
                clues.country = _phrase_country(appos, t_at, t_end, k)
    if title is None:
        return clues
    clues.title = title
    clues.sector, clues.role = title.sector, title.role
    if title.code and clues.country is None:
        clues.country = title.code
    if before:
        clues.possessor = next((t for t in before if t.lower_ in POSSESSIVE_PRONOUNS), None)
        # An organisation before a title gives the person its code ("Kremlin spokesman" -> RUS).
        # The body a title belongs to sets the sector: "Hamas spokesman" REB, "CGT leader" LAB,
        # "ELN commander" REB, "coast guard spokesman" COP.
        org = _org_before(before, k)
        if org is not None:
            clues.country = clues.country or org.code
            if org.sector and org.sector != "GOV":
                clues.sector = org.sector
        else:
            group = _group_before(before, k)
            if group is not None:
                clues.head_word = group[0] if clues.country is None else None
                if group[1].sector and group[1].sector != "GOV":
                    clues.sector = group[1].sector
                clues.country = clues.country or group[1].code
    if clues.country in INTERNATIONAL and clues.sector is None:
        clues.sector = "GOV"
    return clues


# --------------------------------------------------------------------------- person spans


def _clean_person_name(span: Span, k: Knowledge | None = None) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in HONORIFICS
                           or doc[start].lower_ in NAME_PREFIX_NOISE):
        start += 1
    if k is not None:  # "Spokesman Liu Dejun", "President Ruto": the title is not the name
        for size in range(min(k.max_title_words, end - start - 1), 0, -1):
            words = " ".join(t.lower_ for t in doc[start : start + size]).replace(" - ", "-")
            if words in k.titles:
                start += size
                break
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’", ",", "."}:
        end -= 1
    return doc[start:end]


def _is_known_non_person(text: str, k: Knowledge) -> bool:
    return (text in k.countries or text in k.organizations or text in k.adjectives
            or text in k.demonyms or text in k.regions or text in k.capitals)


def _looks_like_person(ent: Span, k: Knowledge, offices: OfficeIndex) -> bool:
    """A mislabelled entity that is a person's name: "Government spokeswoman Yolande Makolo"
    (ORG), "Belgium's foreign minister, Maxime Prévot" (ORG)."""
    span = ent[1:] if ent[0].lower_ == "the" else ent
    if len(span) < 2 or _is_known_non_person(span.text, k):
        return False
    if not all(t.text[:1].isupper() or t.text in {"-", "'", "’"} or t.lower_ in {"al", "bin", "de", "van", "von"}
               for t in span):
        return False
    if offices.candidates(span.text):
        return True
    title, _ = find_title([t.text for t in _left_context(span)], k)
    if title is not None:
        return True
    appos = _apposition(span)
    return bool(appos) and _title_in(appos, k)[0] is not None


def _person_spans(doc: Doc, k: Knowledge, offices: OfficeIndex, skip_before: int) -> list[Span]:
    spans: list[Span] = []
    surnames = {fold_token(e[-1].text) for e in doc.ents if e.label_ == "PERSON"}
    for ent in doc.ents:
        if ent.start_char < skip_before:
            continue
        if ent.label_ == "PERSON" or (ent.label_ in PERSON_LABELS
                                      and _looks_like_person(ent, k, offices)):
            spans.append(ent)
        elif (ent.label_ in PERSON_LABELS and len(ent) == 1 and ent.text[:1].isupper()
              and fold_token(ent.text) in surnames and not _is_known_non_person(ent.text, k)):
            spans.append(ent)  # "Zelenskyy" tagged ORG after "Zelensky" tagged PERSON
    # Office holders the recogniser missed or mislabelled (names in capitals, "Zelenskyy" as ORG).
    for _, start, end in _holder_matcher(doc, offices)(doc):
        if doc[start:end].start_char >= skip_before:
            spans.append(Span(doc, start, end, label="PERSON"))
    # The longest name wins where two overlap.
    spans.sort(key=lambda s: (-(s.end - s.start), s.start))
    taken: set[int] = set()
    out: list[Span] = []
    for span in spans:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        out.append(span)
    return sorted(out, key=lambda s: s.start)


def _is_place_name(span: Span, k: Knowledge, alternates: bool = False) -> bool:
    """A "person" or "organisation" the recogniser found that is really a place ("Inside
    Goma", "around Hodeidah")."""
    from .places import is_city_name

    text = span.text
    return (text in k.countries or text in k.regions or text in k.capitals
            or is_city_name(text, alternates=alternates))


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
    people = _person_spans(doc, k, offices, dateline_stop)
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
        if _is_known_non_person(span.text, k) or not span.text[:1].isupper():
            continue
        if len(span) == 1 and span.root.dep_ == "pobj" and _is_place_name(span, k, True):
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
        span = _clean_person_name(ent, k)
        if len(span) == 0 or _is_known_non_person(span.text, k) or _is_common_noun(span, k):
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
        clues = _person_clues(span, k)
        folded = fold_token(span[-1].text)
        if folded in canon:
            key, name = canon[folded]
        else:
            name = _display(span, offices, on)
            key = f"person:{name}"
        if (len(span) == 1 and folded not in canon and clues.title is None
                and _is_place_name(span, k)):
            continue  # "Inside Goma": a place the recogniser took for a person
        draft = add(key, name, "person", span, clues.country, clues.sector, clues.role)
        if draft is None:
            continue
        draft.title = draft.title or clues.title
        draft.title_key = draft.title_key or clues.title_key
        draft.possessor = draft.possessor or clues.possessor
        draft.head_word = draft.head_word or clues.head_word
        # The title and nationality around a name belong to the person, not to a group.
        used.update(t.i for t in clues.context if t.i not in draft.tokens)
    for draft in drafts.values():
        if draft.kind != "person":
            continue
        match = offices.match(draft.name, on=on, countries=sorted(countries), role=draft.role)
        if match is None:
            continue
        holder = match.holder
        draft.code = draft.code or holder.country
        if match.current and (draft.code == holder.country):
            draft.sector = draft.sector or holder.sector
            draft.role = draft.role or holder.role
        if draft.code in INTERNATIONAL and draft.sector is None:
            draft.sector = "GOV"


def _is_common_noun(span: Span, k: Knowledge) -> bool:
    """A one-word "person" that is a capitalised group noun or title ("Riot police", "Police")."""
    if len(span) != 1:
        return False
    word = span[0].lower_
    nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return word in k.groups or word in k.titles or f"{word} {nxt}" in k.groups


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
        country = None
        if det[0].dep_ == "poss":
            country = find_country_code([det[0]], k)
            if country is None:
                continue
        best: tuple[int, _Draft] | None = None
        for draft in persons:
            if not roles_agree(draft.role, title.role) or (country and draft.code != country):
                continue
            if draft.first < tok.i and (best is None or draft.first > best[0]):
                best = (max(i for i in draft.tokens if i < tok.i), draft)
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
            if home and not _foreign(tok, pieces) and (
                    group.sector in DOMESTIC_SECTORS or lemma in HOME_BODIES):
                country = home
        key = f"group:{country or ''}:{lemma}:{name.lower()}"
        add(key, name, group.kind, span, country, group.sector)


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
            name = next((t for _, _, t in sorted(d.mentions, key=lambda m: -len(m[2]))
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
