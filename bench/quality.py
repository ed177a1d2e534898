#!/usr/bin/env python3
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The duplicate detector's quality on a labeled base, in seconds and without a database.

Runs the detector's own pure functions (crm_client_base_dedup/tools/matching.py: profiles,
candidate pairs, pair scores, groups) on a generated base and prints pairwise precision and
recall against the generator's labels. ``make bench`` measures the same on real databases, after
the card's data standards; this is the quick loop for working on the rules::

    .venv/bin/python bench/quality.py --generator generator --size 20000 --errors 20
    .venv/bin/python bench/quality.py --generator generator_b --size 100000

``--errors`` prints missed and false pairs, for the suite's own generator only: the rules are
tuned on it, and generator_b (another design) stays data they were never tuned on.
"""

import argparse
import importlib
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import odoo.addons  # noqa: E402

odoo.addons.__path__.append(str(ROOT))

from odoo.addons.crm_client_base_dedup.tools import blocking, matching  # noqa: E402

TUNED_ON = "generator"
FIELDS = ("name", "phone", "mobile", "email", "vat", "kpp", "city", "birthday", "client_type", "street", "zip")


def profiles_of(records):
    """Profiles as the scan builds them from the stored partners (ids are list positions)."""
    index_of = {record["ref"]: index for index, record in enumerate(records)}
    profiles = []
    for index, record in enumerate(records):
        values = {name: record.get(name) for name in (*FIELDS, "website", "is_company")}
        values["parent_id"] = index_of.get(record.get("parent_ref"))
        profiles.append(matching.profile_from_values(index, values))
    return profiles


def evaluate(records):
    """(precision, recall, predicted pairs, true pairs, seconds) of a full scan of ``records``."""
    start = time.perf_counter()
    profiles = profiles_of(records)
    by_id = {profile.id: profile for profile in profiles}
    accepted = {}
    for pair in blocking.candidate_pairs(profiles):
        score, reasons = matching.score_pair(by_id[pair[0]], by_id[pair[1]])
        if score:
            accepted[pair] = (score, reasons)
    groups = matching.group_pairs(accepted, by_id)
    seconds = time.perf_counter() - start
    # A group is a claim of one client when its weakest link is likely; the others are for review.
    claimed = [group for group in groups if matching.group_score(group, accepted) >= matching.LIKELY]
    predicted = {pair for group in claimed for pair in combinations(sorted(group), 2)}
    review = {pair for group in groups for pair in combinations(sorted(group), 2)} - predicted
    clusters = defaultdict(list)
    for index, record in enumerate(records):
        clusters[record["cluster"]].append(index)
    truth = {pair for members in clusters.values() for pair in combinations(sorted(members), 2)}
    return predicted, review, truth, accepted, seconds


def show(records, pairs, accepted, limit):
    for a, b in sorted(pairs)[:limit]:
        score, reasons = accepted.get((a, b), (0, []))
        print(f"  score {score} {[code for code, _value in reasons]} ({records[a]['kind']}/{records[b]['kind']})")
        for index in (a, b):
            record = records[index]
            shown = {name: record.get(name) for name in FIELDS if record.get(name)}
            print(f"    {record['ref']}{' (contact)' if record.get('parent_ref') else ''}: {shown}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generator", default=TUNED_ON, help="generator (default) or generator_b")
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--errors", type=int, default=0, help="print this many missed and false pairs")
    args = parser.parse_args(argv)
    if args.errors and args.generator != TUNED_ON:
        parser.error(f"--errors is for {TUNED_ON} only: the other base checks rules never tuned on it")
    records = importlib.import_module(args.generator).generate(args.size, seed=args.seed)
    predicted, review, truth, accepted, seconds = evaluate(records)
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(truth) if truth else 0.0
    print(
        f"{args.generator} size {args.size} seed {args.seed}: {len(records)} partners, precision {precision:.4f}, "
        f"recall {recall:.4f} ({len(predicted)} pairs predicted, {len(truth)} true, {seconds:.1f} s); "
        f"for review: {len(review)} pairs, {len(review & truth)} of them true"
    )
    if args.errors:
        print("missed:")
        show(records, truth - predicted, accepted, args.errors)
        print("false:")
        show(records, predicted - truth, accepted, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
