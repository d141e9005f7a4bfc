#!/usr/bin/env python3
"""The peer of the whole-process comparison (benches/job.sh): what a Python
user of rapidfuzz would write to screen a vendor CSV against the trade.gov
Consolidated Screening List CSV. Every listed name and alias is scored with
fuzz.token_set_ratio after rapidfuzz's default_process (lower case, non
alphanumerics to spaces), by process.cdist (vectorised C++, one worker), and
every pair scoring at least the cutoff is written out.

Usage: python3 rapidfuzz_job.py CSL.csv VENDORS.csv OUT_HITS.csv [CUTOFF]
"""
import csv
import sys

from rapidfuzz import fuzz, process, utils


def main():
    csl_path, vendors_path, out_path = sys.argv[1:4]
    cutoff = float(sys.argv[4]) if len(sys.argv) > 4 else 80
    names, ids = [], []
    with open(csl_path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        ni, ai, ii = header.index("name"), header.index("alt_names"), header.index("_id")
        for r in rows:
            if len(r) != len(header) or r[ni] == "name":
                continue  # the repeated header and the truncated last record
            for n in [r[ni]] + [a for a in r[ai].split("; ") if a]:
                names.append(n)
                ids.append(r[ii])
    with open(vendors_path, encoding="utf-8", newline="") as f:
        vendors = list(csv.DictReader(f))
    scores = process.cdist([v["name"] for v in vendors], names, scorer=fuzz.token_set_ratio,
                           processor=utils.default_process, workers=1, score_cutoff=cutoff)
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "entity_id", "score"])
        for vi, ni in zip(*scores.nonzero()):
            w.writerow([vendors[vi]["id"], ids[ni], scores[vi, ni]])


if __name__ == "__main__":
    main()
