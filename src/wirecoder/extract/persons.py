"""People in an article: which names are people, and what the words around a name say of them.

A name is a person when the recogniser says so, when a mislabelled name follows a title
("Government spokeswoman Yolande Makolo" tagged ORG) or when it is a known office holder the
recogniser missed (names in capitals). Clues come from the words before the name ("French
President Emmanuel Macron", "Kremlin spokesman Dmitry Peskov", even when the parser attaches
them elsewhere), from an apposition in either order ("Peskov, the Kremlin's spokesman";
"Belgium's foreign minister, Maxime Prévot"), from a noun for a kind of person ("a 22-year-old
student") and from the body a title belongs to, which also sets the sector ("Hamas spokesman"
REB, "CGT leader" LAB, "coast guard spokesman" COP). `find_actors` (actors.py) combines these
with the office-holder table and the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..lexicon import load_table
from .knowledge import Code, Knowledge, sent_bounds
from .offices import OfficeIndex, fold_token

INTERNATIONAL = {"IGO", "UNO", "EUR"}  # their officials are GOV (ANNOTATION.md)
HONORIFICS = {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame"}
LEFT_DEPS = {"compound", "amod", "poss", "case", "nmod", "punct", "nummod"}
# Words a recogniser glues to the front of a name ("Inside Goma", "Meanwhile Lavrov").
NAME_PREFIX_NOISE = {"inside", "in", "outside", "near", "at", "from", "across", "around",
                     "within", "after", "before", "during", "meanwhile", "but", "and", "then",
                     "like", "unlike", "despite", "for", "on", "with", "by"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
# Nouns that stand for a body named before: "the alliance's leader", "the group's commander".
BODY_NOUNS = {"alliance", "bloc", "coalition", "gang", "group", "movement", "organisation",
              "organization", "party", "militia", "union", "federation", "network", "cartel",
              "faction", "agency"}
# Labels the small English model gives people's names by mistake.
PERSON_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}

_MATCHERS: dict[int, PhraseMatcher] = {}
# Last words that make "Victoria Island" or "Elizabeth Street" a place, not a person.
PLACE_WORDS = {"island", "islands", "street", "square", "avenue", "road", "bridge", "airport",
               "station", "park", "lake", "river", "mountain", "mount", "bay", "hall", "house",
               "palace", "stadium", "hospital", "university", "school", "college", "centre",
               "center", "city", "county", "province", "district", "valley", "strait"}


@cache
def given_names() -> frozenset[str]:
    """Given names from `first_names.tsv` (the gender column is the statements' business)."""
    return frozenset(r["name"] for r in load_table("first_names.tsv", key="name"))


def holder_matcher(doc: Doc, offices: OfficeIndex) -> PhraseMatcher:
    """Known office holders' full names, case-insensitive: found even in capitals."""
    key = id(doc.vocab)
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
            code = k.countries.get(chunk) or (
                None if chunk in k.shared_names else k.organizations.get(chunk))
            if code is not None and code.code:
                return code.code
            if chunk in k.demonyms:
                return k.demonyms[chunk]
            region = k.regions.get(chunk)  # "Gaza's health ministry", "Donetsk region's governor"
            if region is not None and region["country"] and region["kind"] == "region":
                return str(region["country"])
    return None


def breakaway_code(tokens: list[Token], k: Knowledge) -> str | None:
    """The state a breakaway region named among `tokens` belongs to ("Transnistrian leader"
    -> MDA): its authorities are coded with that state, sector REB (guidelines)."""
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            text = "".join(t.text_with_ws for t in tokens[i : i + size]).strip()
            if text in k.breakaway:
                return k.breakaway[text]
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


def _adjacent_words(span: Span) -> list[Token]:
    """The nouns, adjectives and possessives right before a name, whatever the parse says."""
    doc = span.doc
    out: list[Token] = []
    i = span.start - 1
    start = sent_bounds(span[0])[0]
    while i >= start and len(out) < 5 and (
            doc[i].pos_ in {"NOUN", "PROPN", "ADJ"} or doc[i].text in {"'s", "’s", "-", "."}):
        out.insert(0, doc[i])
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
        # "The commander of the Kenyan contingent, Godfrey Otunge": the parser hangs the name
        # on the nearest noun; the person is the noun the "of" phrase belongs to.
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN" \
                and head.pos_ != "PROPN":
            head = head.head.head
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
        if tok.dep_ == "pobj" and tok.head.lower_ in {"of", "at", "for", "to", "in"} \
                and tok.pos_ == "NOUN" and tok.lemma_.lower() in k.groups:
            # a body described by nationality: "commander of the Kenyan contingent"
            nationality = next((c.text for c in tok.children
                                if c.dep_ == "amod" and c.text in k.adjectives), None)
            if nationality is not None:
                return k.adjectives[nationality]
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
    kept = [t for t in tokens if t.text not in {"'s", "’s"}]
    for size in range(len(kept), 0, -1):
        for i in range(len(kept) - size + 1):
            # as written: "al-Shabaab" is three tokens with no space between them
            text = "".join(t.text_with_ws for t in kept[i : i + size]).strip()
            code = k.organizations.get(text)
            if code is not None and text in k.shared_names:
                # "Democratic Party leader": a party of that name in some country; which one,
                # the article says elsewhere
                return Code(None, code.sector, code.name, code.kind, code.role)
            if code is not None:
                return code
    return None


def _group_before(tokens: list[Token], k: Knowledge) -> tuple[str, Code] | None:
    """A generic body before a title: "coast guard spokesman", "commerce ministry spokeswoman"."""
    # Nouns only: "deputy executive director" has no business in it.
    # A capitalised word inside a name is no group of people: "National" in "Haitian
    # National Police spokesman" is not "nationals".
    nouns = [t for t in tokens if t.pos_ in {"NOUN", "PROPN"} and not (
        t.text[:1].isupper() and (g := k.groups.get(t.lemma_.lower())) is not None
        and g.kind == "group")]
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
class Clues:
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    title: Code | None = None
    title_key: str | None = None
    possessor: Token | None = None
    head_word: str | None = None
    sector_hint: str | None = None  # the sector of a body named after the title
    home: bool = False  # "the country's": the article's own country
    # "the alliance's leader": the noun standing for a body named before
    body_anaphor: Token | None = None
    # "an analyst in Lahore": an outside expert, whose country and sector stay unknown
    # unless the text gives them (guidelines on named analysts)
    commentator: bool = False
    context: list[Token] = field(default_factory=list)  # tokens that describe the person


def person_clues(span: Span, k: Knowledge) -> Clues:
    """Country, sector and role of a named person from the words around the name."""
    left = _left_context(span)
    title, at = find_title([t.text for t in left], k)
    if title is None and not _apposition(span):
        # The parser attached "Russian dissident" elsewhere: read the adjacent words.
        raw = _adjacent_words(span)
        raw_title, raw_at = find_title([t.text for t in raw], k)
        if raw_title is not None:
            left, title, at = raw, raw_title, raw_at
    clues = Clues(context=list(left))
    appos = _apposition(span)
    left_start = left[0].i if left else span.start
    if title is None and left:  # "Israeli hostage Eli Sharabi", "American student Jane Roe"
        noun, n_at, _ = _person_noun_in(left[-1:], k, require_head=False)
        if noun is not None:
            title, at = noun, len(left) - 1
    before = left[:at]
    if title is not None:
        clues.country = find_country_code(before, k) if before else None
        clues.title_key = " ".join(t.text.lower() for t in left[at:])
    else:
        if appos:
            clues.commentator = _commentator(appos, k)
            if clues.commentator:
                clues.country = _employer_country(appos, k)
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
                # "a spokesman for the ministry": the body after the title, met earlier
                if clues.country is None:
                    body = _body_after(appos[t_end:], k)
                    if body is not None:
                        clues.head_word = body[0]
                        if body[1].sector and body[1].sector != "GOV":
                            clues.sector_hint = body[1].sector
                if any(t.lower_ in {"country", "nation"} and any(
                        c.lower_ in {"'s", "’s"} for c in t.children) for t in before):
                    clues.home = True  # "the country's foreign minister"
    if title is None:
        # No title, but a nationality or a possessor: "Russian dissident", "the Kremlin's
        # Peskov", "Ukraine's Zelenskiy".
        if left:
            org = _org_before(left, k)
            clues.country = find_country_code(left, k) or (org.code if org else None)
            if org is not None and org.sector:
                clues.sector = org.sector
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
        # The body's name may end in the title's first word: "Haitian National Police
        # spokesman" is the Haitian National Police's "police spokesman".
        org = _org_before(before, k) or (_org_before(left[:-1], k) if len(left) > 1 else None)
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
    if clues.sector_hint and clues.sector in {"GOV", None}:
        clues.sector = clues.sector_hint
    breakaway = breakaway_code(before, k) if before else None
    if breakaway is not None:  # "Transnistrian leader Vadim Krasnoselsky"
        clues.country = breakaway
        if clues.sector in {"GOV", None}:
            clues.sector = "REB"
    clues.body_anaphor = next((t for t in before if t.lemma_.lower() in BODY_NOUNS and any(
        c.lower_ in {"'s", "’s"} for c in t.children) and any(
        c.lower_ == "the" for c in t.children)), None)
    if appos and clues.country not in INTERNATIONAL:
        # the words just before the name are its own title, not the apposition's
        _office_abroad(clues, [t for t in appos if t.i < left_start or t.i >= span.end], k)
    if clues.sector is None and (clues.country in INTERNATIONAL or clues.country == "NGO"):
        clues.sector = "GOV"  # an organisation's titled staff (guidelines)
    return clues


def _office_abroad(clues: Clues, appos: list[Token], k: Knowledge) -> None:
    """An office in an international body named in the other half of the apposition outranks
    a nationality: "The African Union's special envoy, former Nigerian President Olusegun
    Obasanjo" is the AU's envoy (IGO), not Nigeria's."""
    while appos and appos[-1].is_punct:
        appos = appos[:-1]
    title, t_at, t_end = _title_in(appos, k)
    if title is None:
        return
    if any(t.lower_ in {"former", "ex", "then"} for t in appos[:t_at]):
        return  # "a former envoy": a past office says nothing of the present
    # whose office: a word before the title ("the AU's envoy", "UN envoy") or "of" after
    # it; an envoy "to the UN" is a state's
    code = find_country_code(appos[:t_at], k) or _org_code(appos[:t_at], k)
    if code is None and t_end < len(appos) and appos[t_end].lower_ == "of":
        code = find_country_code(appos[t_end + 1 :], k) or _org_code(appos[t_end + 1 :], k)
    if code not in INTERNATIONAL or code == clues.country:
        return
    clues.country, clues.title = code, title
    clues.sector, clues.role = "GOV", title.role
    clues.title_key = " ".join(t.text.lower() for t in appos[t_at:t_end])


def _org_code(tokens: list[Token], k: Knowledge) -> str | None:
    org = _org_before(tokens, k)
    return org.code if org is not None else None


def _employer_country(tokens: list[Token], k: Knowledge) -> str | None:
    """The country of the body an expert works "at" or "with", by the town or country in its
    name ("an economist at a Lusaka research institute"); where the expert merely is ("an
    analyst in Seoul") says nothing of them (guidelines on named analysts)."""
    from .places import resolve_place

    for tok in tokens:
        if tok.dep_ != "pobj" or tok.head.lower_ not in {"at", "with", "for"}:
            continue
        for t in tok.subtree:
            if t.ent_type_ not in {"GPE", "NORP"} and t.pos_ != "PROPN":
                continue
            code = find_country_code([t], k) or k.capitals.get(t.text)
            if code is None:
                place = resolve_place(t.text, knowledge=k)
                code = place.country if place is not None and place.precision == "city" \
                    else None
            if code is not None:
                return code
    return None


def _commentator(tokens: list[Token], k: Knowledge) -> bool:
    """An apposition headed by a noun for an outside expert ("a security analyst")."""
    head = next((t for t in tokens if t.pos_ == "NOUN" and (
        t.dep_ == "appos" or t.head not in tokens)), None)
    return head is not None and k.person_nouns.get(head.lemma_.lower()) == "commentator"


def _body_after(tokens: list[Token], k: Knowledge) -> tuple[str, Code] | None:
    """The generic body a title is "for" or "of": "spokesman for the interior ministry"."""
    for tok in tokens:
        if tok.dep_ == "pobj" and tok.head.lower_ in {"for", "of", "at"}:
            words = [t for t in tok.subtree if t.i <= tok.i and t.pos_ in {"NOUN", "PROPN", "ADJ"}]
            return _group_before(words, k)
    return None


# --------------------------------------------------------------------------- person spans


def clean_person_name(span: Span, k: Knowledge | None = None) -> Span:
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


def is_known_non_person(text: str, k: Knowledge) -> bool:
    return (text in k.countries or text in k.organizations or text in k.adjectives
            or text in k.demonyms or text in k.regions or text in k.capitals)


def _looks_like_person(ent: Span, k: Knowledge, offices: OfficeIndex) -> bool:
    """A mislabelled entity that is a person's name: "Government spokeswoman Yolande Makolo"
    (ORG), "Belgium's foreign minister, Maxime Prévot" (ORG)."""
    span = ent[1:] if ent[0].lower_ == "the" else ent
    if len(span) < 2 or is_known_non_person(span.text, k):
        return False
    if not all(t.text[:1].isupper() or t.text in {"-", "'", "’"} or t.lower_ in {"al", "bin", "de", "van", "von"}
               for t in span):
        return False
    if offices.candidates(span.text):
        return True
    if 2 <= len(span) <= 3 and span[0].text in given_names() and not is_place_name(span, k) \
            and span[-1].lower_ not in PLACE_WORDS:
        return True  # "said Claudia Restrepo" tagged as a place: a known given name
    title, _ = find_title([t.text for t in _left_context(span)], k)
    if title is not None:
        return True
    appos = _apposition(span)
    return bool(appos) and (_title_in(appos, k)[0] is not None or _kind_of_person(appos, k))


def _kind_of_person(tokens: list[Token], k: Knowledge) -> bool:
    """Is the apposition headed by a noun for a kind of person ("a market vendor", "an
    economist", "a 22-year-old student")?"""
    for tok in tokens:
        if tok.pos_ != "NOUN" or (tok.dep_ != "appos" and tok.head in tokens):
            continue
        lemma = tok.lemma_.lower()
        group = k.groups.get(lemma)
        return lemma in k.person_nouns or (group is not None and group.kind == "group")
    return False


def person_spans(doc: Doc, k: Knowledge, offices: OfficeIndex, skip_before: int) -> list[Span]:
    spans: list[Span] = []
    surnames = {fold_token(e[-1].text) for e in doc.ents if e.label_ == "PERSON"}
    for ent in doc.ents:
        if ent.start_char < skip_before:
            continue
        if ent.label_ == "PERSON" or (ent.label_ in PERSON_LABELS
                                      and _looks_like_person(ent, k, offices)):
            spans.append(ent)
        elif (ent.label_ in PERSON_LABELS and len(ent) == 1 and ent.text[:1].isupper()
              and fold_token(ent.text) in surnames and not is_known_non_person(ent.text, k)):
            spans.append(ent)  # "Zelenskyy" tagged ORG after "Zelensky" tagged PERSON
    # Office holders the recogniser missed or mislabelled (names in capitals, "Zelenskyy" as ORG).
    for _, start, end in holder_matcher(doc, offices)(doc):
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


def is_place_name(span: Span, k: Knowledge, alternates: bool = False) -> bool:
    """A "person" or "organisation" the recogniser found that is really a place ("Inside
    Goma", "around Hodeidah")."""
    from .places import is_city_name

    text = span.text
    return (text in k.countries or text in k.regions or text in k.capitals
            or is_city_name(text, alternates=alternates))


def is_common_noun(span: Span, k: Knowledge) -> bool:
    """A one-word "person" that is a capitalised group noun or title ("Riot police", "Police")."""
    if len(span) != 1:
        return False
    word = span[0].lower_
    nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return word in k.groups or word in k.titles or f"{word} {nxt}" in k.groups
