#!/usr/bin/env python3
"""Scores the whole-process comparison (benches/job.sh): recall on the
perturbed listed names (a hit on the entity the name came from) and the share
of real vendor names with any hit, for vendor-screen's JSON Lines output and
for rapidfuzz's hits at several cutoffs.

Usage: python3 score_job.py TRUTH.csv OURS.jsonl RAPIDFUZZ_HITS.csv
"""
import csv
import json
import sys
from collections import defaultdict


def main():
    truth_path, ours_path, theirs_path = sys.argv[1:4]
    with open(truth_path, encoding="utf-8", newline="") as f:
        truth = {r["id"]: r for r in csv.DictReader(f)}
    ours, vendors = defaultdict(set), []
    with open(ours_path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            vid = o["input"]["id"]
            vendors.append(vid)
            for h in o["hits"]:
                if h["status"] in ("match", "review"):
                    ours[vid].add(h["entity_id"])
    theirs = defaultdict(list)
    with open(theirs_path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            theirs[r["id"]].append((r["entity_id"], float(r["score"])))
    negatives = [v for v in vendors if v not in truth]

    def line(label, hits):
        found = sum(1 for v, t in truth.items() if t["entity_id"] in hits(v))
        flagged = sum(1 for v in negatives if hits(v))
        print(f"{label:<32} recall {found}/{len(truth)} = {100 * found / len(truth):5.1f}%   "
              f"real vendor names flagged {flagged}/{len(negatives)} = {100 * flagged / len(negatives):5.2f}%")

    line("vendor-screen (default)", lambda v: ours.get(v, set()))
    for cutoff in (85, 90, 95):
        line(f"rapidfuzz token_set_ratio >= {cutoff}",
             lambda v, c=cutoff: {e for e, s in theirs.get(v, []) if s >= c})
    by_kind = defaultdict(lambda: [0, 0, 0])
    for v, t in truth.items():
        k = by_kind[t["variation"]]
        k[0] += 1
        k[1] += t["entity_id"] in ours.get(v, set())
        k[2] += any(e == t["entity_id"] and s >= 90 for e, s in theirs.get(v, []))
    print("recall by variation (vendor-screen / rapidfuzz >= 90):")
    for kind, (n, a, b) in sorted(by_kind.items()):
        print(f"  {kind:<18} {a:>3}/{n:<3} {b:>3}/{n:<3}")


if __name__ == "__main__":
    main()
