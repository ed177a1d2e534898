"""The benchmark's closing table (bench/run.py): every figure with its goal and verdict."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import run


def test_goals_table_says_which_goal_is_missed(capsys, monkeypatch):
    monkeypatch.setattr(run, "RESULTS", [])
    run.report("create 100 partners", 10.0, 12.0, goal=run.GOAL_CREATE)
    run.report("merge 10 groups", 5.0, 1.5, ("Odoo wizard", "ours"), goal=run.GOAL_MERGE)
    run.report("normalize 100 phone numbers", 0.5, 0.6)
    assert run.goals_table() == 1
    table = capsys.readouterr().out.split("every figure, its goal and whether it is met")[1]
    lines = {line.split("  ")[0]: line for line in table.splitlines() if line.strip()}
    assert lines["create 100 partners"].endswith("yes")
    assert lines["merge 10 groups"].endswith("NO"), "1.5 s against 5 s is 3.3x faster, not 5x"
    assert lines["normalize 100 phone numbers"].endswith("(no goal)")
    assert "1 goal(s) not met" in table
