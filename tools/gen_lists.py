#!/usr/bin/env python3
"""Regenerate lists/dod-1260h.toml and lists/ofac-ns-cmic.toml from the real
source files in ../shared/data (see each PROVENANCE.md).

The generated files state facts (names, aliases, parents, dates, identifiers)
in this crate's own format, each entity citing the official publication it
comes from. No note text from the transcriptions is copied.

Each generated file states two dates besides `as_of` (see lists/README.md):
`verified`, the date of the source snapshot it was generated from (per
PROVENANCE.md; update VERIFIED_* when the snapshot is refreshed), and
`amended`, the date its content last changed: kept from the existing file when
the regenerated content is the same, today's date otherwise.

Usage: python3 tools/gen_lists.py [SHARED_DATA_DIR]
"""
import datetime
import collections
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
LATEST_1260H = "2026-06-08"
# Dates of the source snapshots in ../shared/data (PROVENANCE.md): the
# opensanctions HEAD the 1260H transcription was taken from, and the commit of
# OFAC's consolidated non-SDN CSV set.
VERIFIED_1260H = "2026-08-22"
VERIFIED_CMIC = "2025-12-19"
RELEASES_1260H = "https://www.defense.gov/News/Releases/Search/1260H/"


def q(s):
    """A TOML basic string."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qlist(items):
    return "[" + ", ".join(q(i) for i in items) + "]"


def slug(name):
    s = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("’", "'").replace("'", ""))
    return s.strip("-")


def key(name):
    """Grouping key: case, quotes, punctuation and parentheticals ignored."""
    n = name.rstrip("*").replace("’", "'")
    n = re.sub(r"\s*\((?!formerly)[A-Za-z0-9 -]*\)\s*$", " ", n)  # a trailing alias
    n = re.sub(r"\b(co|company|corp|corporation|ltd|limited|inc)\b", " ", n.lower())
    return re.sub(r"[^a-z0-9]+", "", n)


def clean(name):
    return re.sub(r"\s+", " ", name.rstrip("*").replace("’", "'")).strip()


def gen_1260h():
    src = DATA / "dod-1260h" / "chinese_military_companies_1260h.csv"
    rows = list(csv.DictReader(open(src, encoding="utf-8")))
    groups = collections.OrderedDict()
    for r in rows:
        groups.setdefault(key(r["Clean Name"]), []).append(r)
    # Renamed entities: the old name's group is merged into the new one.
    renamed = {}
    for k, rs in groups.items():
        for r in rs:
            for prev in filter(None, (p.strip() for p in r["Previous Name"].split(";"))):
                pk = key(prev)
                # "Chen Du Westone" in the 2026 edition is the 2025 "Cheng Du Westone".
                for other in groups:
                    if other != k and (other == pk or other.replace("cheng", "chen") == pk):
                        renamed[other] = k
    for old, new in renamed.items():
        groups[new].extend(groups.pop(old))

    names_by_key = {}
    entities = []
    for k, rs in groups.items():
        rs.sort(key=lambda r: r["Start date"])
        latest = [r for r in rs if r["Start date"] == LATEST_1260H]
        main = latest[-1] if latest else rs[-1]
        name = clean(re.sub(r"\s*\((?!formerly)[^)]*\)\s*$", "", main["Clean Name"]))
        aliases, former = [], []
        for r in rs:
            for a in filter(None, (x.strip() for x in r["Alias"].split(";"))):
                if a not in aliases:
                    aliases.append(clean(a))
            for p in filter(None, (x.strip() for x in r["Previous Name"].split(";"))):
                if clean(p) not in former:
                    former.append(clean(p))
            cn = clean(r["Clean Name"])
            base = clean(re.sub(r"\s*\([^)]*\)\s*$", "", cn))
            for n in (base,):
                if key(n) != key(name) and n not in former and n != name:
                    former.append(n)
                elif n != name and n not in aliases and key(n) == key(name) and n.lower() != name.lower():
                    aliases.append(n)
        aliases = [a for a in dict.fromkeys(aliases) if a != name]
        former = [f for f in former if f not in aliases]
        editions = sorted({r["Start date"] for r in rs})
        urls = sorted({r["Source Url"] for r in rs if r["Source Url"]})
        start = editions[0]
        ends = sorted({r["End date"] for r in rs if r["End date"]})
        end = None
        note = None
        # Listing periods: from an edition naming the company to a removal
        # (or, for a company the complete latest edition leaves out, to that
        # edition); a later edition naming it again opens a new period.
        periods = []
        open_from, prev = None, None
        for ed in editions:
            if open_from is None:
                open_from = ed
            else:
                removed = [x for x in ends if prev < x <= ed]
                if removed:
                    periods.append((open_from, max(removed), prev))
                    open_from = ed
            prev = ed
        after = [x for x in ends if x > prev]
        if after:
            periods.append((open_from, max(after), prev))
        elif not latest:
            periods.append((open_from, LATEST_1260H, prev))
        else:
            periods.append((open_from, None, prev))
        if not latest:
            end = periods[-1][1]
            if ends:
                note = f"Removed from the list on {end}."
            else:
                note = ("Not named in the 2026-06-08 edition, which is published as the complete list; "
                        "no separate removal notice is recorded.")
        elif len(periods) > 1:
            gaps = ", ".join(f"removed on {p[1]}" for p in periods[:-1])
            note = f"Listed again in the {periods[-1][0]} edition ({gaps})."
        parents = []
        for r in rs:
            p = clean(r["Parent Name"])
            if p and key(p) not in [key(x) for x in parents]:
                parents.append(p)
        cite = "DoD Section 1260H list (Pub. L. 116-283 §1260H), edition(s) " + ", ".join(editions)
        if urls:
            cite += "; " + " ".join(urls)
        else:
            cite += "; " + RELEASES_1260H
        entities.append(dict(id=slug(name), name=name, aliases=aliases, former=former, start=start,
                             end=end, periods=periods, parents=parents, citation=cite, notes=note,
                             key=k))
        names_by_key[k] = slug(name)
    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids)), "duplicate ids"

    out = [HEADER_1260H]
    for e in entities:
        out.append("[[entity]]")
        out.append(f"id = {q(e['id'])}")
        out.append(f"name = {q(e['name'])}")
        if e["aliases"]:
            out.append(f"aliases = {qlist(e['aliases'])}")
        if e["former"]:
            out.append(f"former_names = {qlist(e['former'])}")
        out.append('countries = ["CN"]')
        if len(e["periods"]) == 1:
            out.append(f"start = {q(e['start'])}")
            if e["end"]:
                out.append(f"end = {q(e['end'])}")
        out.append(f"citation = {q(e['citation'])}")
        if e["notes"]:
            out.append(f"notes = {q(e['notes'])}")
        if len(e["periods"]) > 1:
            for (s0, e0, last_ed) in e["periods"]:
                out.append("[[entity.periods]]")
                out.append(f"start = {q(s0)}")
                if e0:
                    out.append(f"end = {q(e0)}")
                out.append(f"citation = {q(f'DoD Section 1260H list, edition of {s0}')}")
                action = "named" if e0 is None else f"named; removed on {e0}"
                out.append(f"action = {q(action)}")
        for p in e["parents"]:
            out.append("[[entity.relations]]")
            out.append('kind = "parent"')
            target = names_by_key.get(key(p))
            if target and target != e["id"]:
                out.append(f"target = {q(target)}")
            out.append(f"name = {q(p)}")
            out.append(f"citation = {q('DoD Section 1260H list: listed under this parent')}")
        out.append("")
    write_list(ROOT / "lists" / "dod-1260h.toml", "\n".join(out), VERIFIED_1260H)
    print(f"dod-1260h: {len(entities)} entities, "
          f"{sum(1 for e in entities if not e['end'])} in force")


HEADER_1260H = f'''# DoD Section 1260H list: "Chinese military companies operating in the United States".
# Generated by tools/gen_lists.py from the edition data described in
# ../shared/data/dod-1260h/PROVENANCE.md. Each entity cites the DoD edition(s) naming it.
# Entities not named in the latest edition ({LATEST_1260H}) keep their history with an end date.

[list]
id = "dod-1260h"
name = "DoD Section 1260H list of Chinese military companies"
authority = "US Department of Defense (Department of War)"
legal_basis = "Section 1260H of the William M. (Mac) Thornberry NDAA for FY2021 (Pub. L. 116-283), as amended; contracting prohibition in Section 805 of the NDAA for FY2024 (Pub. L. 118-31)"
effect = "DoD may not contract, directly or indirectly, with listed entities (from June 30, 2026) or buy their products (from June 30, 2027), FY2024 NDAA §805."
source_urls = ["{RELEASES_1260H}"]
as_of = "{LATEST_1260H}"
reach = "named_with_listed_parents"
'''


def write_list(path, text, verified):
    """Writes a generated list, with `amended` kept when the content is unchanged."""
    def body(t):
        return re.sub(r"^(amended|verified) = .*\n", "", t, flags=re.M)
    amended = datetime.date.today().isoformat()
    if path.exists():
        old = path.read_text(encoding="utf-8")
        m = re.search(r'^amended = "([0-9-]+)"', old, flags=re.M)
        if m and body(old) == body(text):
            amended = m.group(1)
    text = re.sub(r"^(as_of = .*)$", rf'\1\namended = "{amended}"\nverified = "{verified}"',
                  text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


def ofac_rows(path, ncols):
    data = path.read_bytes().rstrip(b"\x1a").decode("utf-8")
    for row in csv.reader(data.splitlines()):
        if not row:
            continue
        row = [("" if c.strip() == "-0-" else c.strip()) for c in row]
        assert len(row) == ncols, (path, row)
        yield row


def ofac_date(s):
    import datetime
    return datetime.datetime.strptime(s, "%d %b %Y").date().isoformat()


def gen_ns_cmic():
    d = DATA / "ofac-non-sdn"
    prim = [r for r in ofac_rows(d / "cons_prim.csv", 12) if "CMIC-EO13959" in r[3]]
    alt = collections.defaultdict(list)
    for r in ofac_rows(d / "cons_alt.csv", 5):
        alt[r[0]].append(r)
    add = collections.defaultdict(list)
    for r in ofac_rows(d / "cons_add.csv", 6):
        add[r[0]].append(r)
    comments = {r[0]: r[1] for r in ofac_rows(d / "cons_comments.csv", 2)}
    by_name = {key(r[1]): r[0] for r in prim}
    out = [HEADER_CMIC]
    for r in prim:
        ent, name = r[0], r[1]
        remarks = r[11] + comments.get(ent, "")
        aliases = [a[3] for a in alt[ent] if a[2] == "aka"]
        former = [a[3] for a in alt[ent] if a[2] in ("fka", "nka")]
        for a in re.findall(r"a\.k\.a\. '([^']+)'", remarks):
            if a not in aliases:
                aliases.append(a)
        ids = []
        for part in remarks.split(";"):
            part = part.strip().rstrip(".")
            part = re.sub(r"^alt\. ", "", part)
            m = re.match(r"(Equity Ticker|ISIN|Unified Social Credit Code \(USCC\)) (\S+(?: \S+)?)", part)
            if m:
                kind, value = m.group(1), m.group(2)
                country = None
                cm = re.match(r"(\S+) \((\w+)\)$", value)
                if kind.startswith("Unified"):
                    kind = "USCC"
                    value = value.split(" ")[0]
                    country = "CN"
                elif kind == "Equity Ticker" and " " in value:
                    value, country = value.rsplit(" ", 1)
                    if not re.fullmatch(r"[A-Z]{2}", country):
                        value, country = value + " " + country, None
                ids.append((kind, value, country))
        listing = re.search(r"Listing Date \(CMIC\) (\d\d \w{3} \d{4})", remarks)
        linked = re.findall(r"Linked To: ([^;]+?)\.?(?:;|$)", remarks)
        addresses = [", ".join(x for x in a[2:5] if x) for a in add[ent]]
        addresses = [a for a in addresses if a]
        countries = sorted({a[4] for a in add[ent] if a[4]})
        out.append("[[entity]]")
        out.append(f"id = {q(ent)}")
        out.append(f"name = {q(name)}")
        if aliases:
            out.append(f"aliases = {qlist(aliases)}")
        if former:
            out.append(f"former_names = {qlist(former)}")
        cc = {"China": "CN", "Hong Kong": "HK", "Bermuda": "BM", "Cayman Islands": "KY",
              "United States": "US", "Singapore": "SG"}
        codes = sorted({cc.get(c, c) for c in countries}) or ["CN"]
        out.append(f"countries = {qlist(codes)}")
        if addresses:
            out.append(f"addresses = {qlist(addresses)}")
        out.append('programs = ["CMIC-EO13959"]')
        if listing:
            out.append(f"start = {q(ofac_date(listing.group(1)))}")
        out.append(f"citation = {q(f'OFAC Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC), consolidated list entry {ent}')}")
        for kind, value, country in ids:
            out.append("[[entity.identifiers]]")
            out.append(f"kind = {q(kind)}")
            out.append(f"value = {q(value)}")
            if country:
                out.append(f"country = {q(country)}")
        for p in linked:
            # OFAC's "Linked To" does not say which way control runs.
            out.append("[[entity.relations]]")
            out.append('kind = "affiliate"')
            t = by_name.get(key(p))
            if t and t != ent:
                out.append(f"target = {q(t)}")
            out.append(f"name = {q(p.strip())}")
            out.append(f"citation = {q(f'OFAC NS-CMIC entry {ent} remarks: Linked To')}")
        out.append("")
    write_list(ROOT / "lists" / "ofac-ns-cmic.toml", "\n".join(out), VERIFIED_CMIC)
    print(f"ofac-ns-cmic: {len(prim)} entities")


HEADER_CMIC = '''# OFAC Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC), program CMIC-EO13959.
# Generated by tools/gen_lists.py from OFAC's consolidated (non-SDN) CSV set described in
# ../shared/data/ofac-non-sdn/PROVENANCE.md. Entity ids are OFAC's ent_num.

[list]
id = "ofac-ns-cmic"
name = "OFAC Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC)"
authority = "US Department of the Treasury, Office of Foreign Assets Control"
legal_basis = "Executive Order 13959, as amended by Executive Order 14032; 31 CFR Part 586"
effect = "US persons may not purchase or sell publicly traded securities of listed companies (or securities derivative of them); it is not a blocking or procurement ban by itself, and OFAC's 50 Percent Rule does not apply to it (OFAC FAQ 857): a subsidiary is covered only once listed itself."
source_urls = ["https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists/ns-cmic-list", "https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv"]
as_of = "2023-12-15"
reach = "named_only"
'''

if __name__ == "__main__":
    gen_1260h()
    gen_ns_cmic()
