#!/usr/bin/env python3
"""Peers for `examples/evaluate`: rapidfuzz's Jaro-Winkler and token_set_ratio
scored on the evaluation's own queries, the same way as vendor-screen.

`cargo run --release --example evaluate` writes the inputs and runs this script
(`pip install rapidfuzz numpy`); it is not meant to be run by hand, but can be:

  python3 benches/peer_eval.py DIR

DIR holds
  cases.tsv    one case a line: query, then the expected entity's names, tab-separated
  names.txt    every listed name screened for false positives, one a line
  vendors.txt  real vendor names, one a line (the evaluation passes a sample;
               token_set_ratio, slow, sees every 4th of them)
and receives peers.json:
  {"peers": [{"name", "threshold", "vendors", "vendors_hit", "cases": [score, ...]}]}

Scoring, as for vendor-screen: both strings go through rapidfuzz's
default_process (lower case, punctuation to spaces, trimmed); a case's score is
the best score of its query against any of its expected entity's names; a
vendor's score is its best score against any listed name (process.cdist, both
cores). Each peer's threshold is the lowest at which at most 1% of the vendor
names score at or above it, the rule the evaluation applies to vendor-screen.
"""
import json
import sys
import time
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import JaroWinkler

# (name, scorer, scale, cutoff, vendor sub-sample): token_set_ratio scores
# about 30 vendor names a second against 50,000 listed names on this machine,
# so it sees every 4th of the vendor names passed.
PEERS = [
    ("rapidfuzz JW", JaroWinkler.normalized_similarity, 1.0, 0.80, 1),
    ("rapidfuzz token_set", fuzz.token_set_ratio, 100.0, 80.0, 4),
]
CHUNK = 512


def threshold(best, share=0.01, floor=0.0):
    scores = sorted(best, reverse=True)
    allowed = int(share * len(scores))
    if allowed < len(scores) and scores[allowed] >= floor:
        return min(scores[allowed] + 1e-9, 1.0 + 1e-9)
    return floor


def main():
    d = Path(sys.argv[1])
    cases = [l.split("\t") for l in (d / "cases.tsv").read_text(encoding="utf-8").split("\n") if l]
    names = [utils.default_process(n) for n in (d / "names.txt").read_text(encoding="utf-8").split("\n") if n]
    vendors = [utils.default_process(v) for v in (d / "vendors.txt").read_text(encoding="utf-8").split("\n") if v]
    out = []
    for label, scorer, scale, cutoff, every in PEERS:
        t = time.perf_counter()
        best = []
        sample = vendors[::every]
        for i in range(0, len(sample), CHUNK):
            m = process.cdist(sample[i:i + CHUNK], names, scorer=scorer, processor=None,
                              score_cutoff=cutoff, dtype=np.float32, workers=-1)
            best.extend(float(x) / scale for x in m.max(axis=1))
        th = threshold(best, floor=cutoff / scale)
        scores = []
        for c in cases:
            query, expected = utils.default_process(c[0]), [utils.default_process(n) for n in c[1:]]
            hit = process.extractOne(query, expected, scorer=scorer, processor=None) if expected else None
            scores.append(hit[1] / scale if hit else 0.0)
        out.append({
            "name": label,
            "threshold": th,
            "vendors": len(sample),
            "vendors_hit": sum(1 for b in best if b >= th),
            "vendors_at_1": sum(1 for b in best if b >= 1.0),
            "seconds": time.perf_counter() - t,
            "cases": scores,
        })
        print(f"{label}: threshold {th:.3f} from {len(sample)} vendor names "
              f"in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    (d / "peers.json").write_text(json.dumps({"peers": out}), encoding="utf-8")


if __name__ == "__main__":
    main()
