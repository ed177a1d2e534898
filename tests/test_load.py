"""``make load`` in small: a multi-worker server under a few simulated salespeople and a manager,
with the suite's crons running, loses no write and answers no error (tools/load.py)."""

import json
import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parent.parent / "tools" / "load.py"
# The load goes on until every cron ran once (about a minute); this bounds the whole run.
RUN_DEADLINE = 1800


def test_load_loses_nothing_and_runs_the_crons(installed_db):
    run = subprocess.run(
        [sys.executable, str(TOOL), "--db", installed_db, "--users", "4", "--managers", "1", "--seconds", "20"],
        capture_output=True,
        text=True,
        timeout=RUN_DEADLINE,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["errors"] == 0 and summary["problems"] == 0
    assert summary["requests"] > 100, run.stdout
    ran = [line for line in run.stdout.splitlines() if line.startswith("load: cron ")]
    assert len(ran) == 4 and all(" 0 times" not in line for line in ran), run.stdout
    assert "pool clients taken" in run.stdout and "load: nothing lost, no error" in run.stdout
