#!/usr/bin/env python3
"""Run every test of the suite on a fresh database and print one closing summary line.

Steps, each failing the run on its own:
1. create a fresh UTF-8 database and install the three addons (plus ``crm`` and ``sale`` so that
   cross-app tests run) without demo data; any ERROR in Odoo's log, or any WARNING not on
   ``LOG_ALLOWED`` below, fails the run;
2. run the addons' Odoo tests (unit, ``HttpCase`` browser tours) on that database;
3. run ``tests/`` (what spans the addons) with pytest.

A failed, errored or skipped test fails the run. The last line printed is
``tests: N passed, N failed, N skipped``.
"""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from odoo_env import (  # noqa: E402
    ADDONS,
    APPS,
    LOG_DIR,
    TEST_DB,
    TEST_MODULES,
    create_database,
    drop_database,
    odoo_cmd,
)

# Warnings that Odoo itself logs on a healthy install or test run of this suite. Each entry
# says why it is harmless; anything else at WARNING level fails the run.
LOG_ALLOWED = [
    # Development machines and CI run as root; Odoo only warns about it.
    re.compile(r"Running as user 'root' is a security risk"),
]

LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL) "
    r"(?P<db>\S+) (?P<logger>\S+): (?P<msg>.*)$"
)
SUMMARY = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
SKIPPED = re.compile(r"^skipped (\S+) : ")


def scan_log(path, allow_test_failures=False):
    """Return (problems, records) for an Odoo log file.

    ``problems`` lists the ERROR/CRITICAL lines and the WARNING lines not allowed.
    """
    problems = []
    records = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            match = LOG_LINE.match(line.rstrip("\n"))
            if not match:
                continue
            records.append(match)
            level, msg = match["level"], match["msg"]
            if level in ("ERROR", "CRITICAL"):
                problems.append(line.rstrip())
            elif level == "WARNING" and not any(p.search(msg) for p in LOG_ALLOWED):
                problems.append(line.rstrip())
    return problems, records


def run(cmd, **kwargs):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run(cmd, check=False, **kwargs).returncode


def step_install(db):
    log = LOG_DIR / "install.log"
    log.unlink(missing_ok=True)
    drop_database(db)
    create_database(db)
    modules = ",".join(APPS + ADDONS)
    rc = run(odoo_cmd(db, "-i", modules, "--stop-after-init", "--load-language=ru_RU", f"--logfile={log}"))
    problems, _records = scan_log(log)
    if rc:
        problems.append(f"odoo exited with {rc} while installing {modules}")
    return problems


def step_odoo_tests(db):
    log = LOG_DIR / "odoo-tests.log"
    log.unlink(missing_ok=True)
    tags = ",".join(f"/{m}" for m in TEST_MODULES)
    rc = run(
        odoo_cmd(
            db,
            f"--test-tags={tags}",
            "--stop-after-init",
            f"--http-port={os.environ.get('TEST_HTTP_PORT', '8169')}",
            f"--logfile={log}",
        )
    )
    problems, records = scan_log(log)
    failed = errors = total = 0
    skipped = []
    seen_summary = False
    for rec in records:
        summary = SUMMARY.search(rec["msg"])
        if summary and rec["logger"] == "odoo.tests.result":
            failed, errors, total = (int(x) for x in summary.groups())
            seen_summary = True
        skip = SKIPPED.match(rec["msg"])
        if skip:
            skipped.append(f"{rec['logger']}: {rec['msg']}")
    if rc:
        problems.append(f"odoo exited with {rc} while running the addons' tests")
    if not seen_summary:
        problems.append("Odoo printed no test summary: did the test run start?")
    counts = {
        "passed": total - failed - errors - len(skipped),
        "failed": failed + errors,
        "skipped": len(skipped),
    }
    print(f"Odoo tests: {total} run, {failed} failed, {errors} errors, {len(skipped)} skipped")
    for line in skipped:
        print("  SKIPPED", line)
    return problems, counts


def step_pytest():
    junit = LOG_DIR / "pytest.xml"
    junit.unlink(missing_ok=True)
    rc = run(
        [
            str(ROOT / ".venv/bin/python"),
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-rs",
            f"--junitxml={junit}",
            str(ROOT / "tests"),
        ],
        cwd=ROOT,
    )
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    problems = []
    if not junit.exists():
        problems.append(f"pytest wrote no report (exit code {rc})")
        return problems, counts
    suites = ET.parse(junit).getroot()
    for suite in suites.iter("testsuite"):
        tests = int(suite.get("tests", 0))
        failures = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skips = int(suite.get("skipped", 0))
        counts["failed"] += failures
        counts["skipped"] += skips
        counts["passed"] += tests - failures - skips
    if rc not in (0, 1):
        problems.append(f"pytest exited with {rc}")
    return problems, counts


def main():
    LOG_DIR.mkdir(exist_ok=True)
    db = TEST_DB
    all_problems = []
    totals = {"passed": 0, "failed": 0, "skipped": 0}

    problems = step_install(db)
    if problems:
        all_problems += ["install: " + p for p in problems]
    else:
        problems, counts = step_odoo_tests(db)
        all_problems += ["odoo tests: " + p for p in problems]
        for key in totals:
            totals[key] += counts[key]

    problems, counts = step_pytest()
    all_problems += ["pytest: " + p for p in problems]
    for key in totals:
        totals[key] += counts[key]

    if all_problems:
        print(f"\n{len(all_problems)} problem(s) (logs in {LOG_DIR.relative_to(ROOT)}/):")
        for p in all_problems[:60]:
            print("  " + p)
    if totals["skipped"]:
        print("Skipped tests count as failures here: make them run.")
    ok = not all_problems and not totals["failed"] and not totals["skipped"] and totals["passed"] > 0
    print(f"tests: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
