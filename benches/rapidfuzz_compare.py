#!/usr/bin/env python3
"""The peer baseline of issue 6: Python rapidfuzz token_set_ratio scoring every
name (process.cdist, one worker), on the same names and queries as
benches/screen.rs.

Usage (from the repository root, ../shared beside it, `pip install rapidfuzz`):
  python3 benches/rapidfuzz_compare.py            # queries/s at ~10k and ~30k names
The whole-process job is benches/job.sh.
"""
import csv
import time
from pathlib import Path

from rapidfuzz import fuzz, process, utils

DATA = Path("../shared/data")


def csl_names():
    names = []
    with open(DATA / "csl/consolidated-2023-11-partial.csv", encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        ni, ai = header.index("name"), header.index("alt_names")
        for r in rows:
            if len(r) != len(header) or r[ni] == "name":
                continue
            names.append(r[ni])
            names.extend(a for a in r[ai].split("; ") if a)
    return names


def ofac_names(path, alt=None):
    names = []
    data = (DATA / path).read_bytes().rstrip(b"\x1a").decode("utf-8")
    for r in csv.reader(data.splitlines()):
        if len(r) >= 2:
            names.append(r[1])
    if alt:
        data = (DATA / alt).read_bytes().rstrip(b"\x1a").decode("utf-8")
        names.extend(r[3] for r in csv.reader(data.splitlines()) if len(r) >= 4)
    return names


def all_names():
    names = csl_names()
    names += ofac_names("ofac-sdn/2024-05-03/sdn.csv")
    names += ofac_names("ofac-non-sdn/cons_prim.csv", "ofac-non-sdn/cons_alt.csv")
    with open(DATA / "bis-dpl/dpl.txt", encoding="utf-8") as f:
        names += [l.split("\t")[0].strip('"').strip() for l in f.read().splitlines()[1:] if l]
    return names


def vendors(step):
    out = []
    for f in ["fpds-vendor-names.txt", "sec-company-names.txt"]:
        out += [l.strip() for l in (DATA / "vendors" / f).read_text(encoding="utf-8").splitlines() if l.strip()]
    return out[::step]


def rate(names, queries):
    t = time.perf_counter()
    process.cdist(queries, names, scorer=fuzz.token_set_ratio, processor=utils.default_process,
                  workers=1, score_cutoff=90)
    dt = time.perf_counter() - t
    return len(queries) / dt


def main():
    queries = vendors(64)[:1000]
    for label, names in [("csl_partial", csl_names()), ("all_shared_lists", all_names())]:
        print(f"rapidfuzz token_set_ratio cdist, {label} ({len(names)} names): "
              f"{rate(names, queries[:200]):.1f} queries/s on one core")


if __name__ == "__main__":
    main()
