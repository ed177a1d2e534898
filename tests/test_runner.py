"""The test runner's reading of Odoo's log: skips, failures and stray warnings all count."""

from run_tests import LOG_LINE, SKIPPED, SUMMARY, scan_log

HEAD = "2026-11-24 06:31:53,323 7814"


def test_skip_failure_and_warning_are_seen(tmp_path):
    log = tmp_path / "odoo.log"
    log.write_text(
        "\n".join(
            [
                f"{HEAD} INFO db odoo.addons.x.tests.test_a: Starting TestA.test_one ...",
                f"{HEAD} INFO db odoo.addons.x.tests.test_a: skipped TestA.test_two : no browser",
                f"{HEAD} WARNING ? odoo.tools.config: Running as user 'root' is a security risk.",
                f"{HEAD} WARNING db odoo.models: something odd",
                f"{HEAD} ERROR db odoo.tests.result: 1 failed, 0 error(s) of 3 tests when loading database 'db'",
                "Traceback (most recent call last):",
            ]
        )
        + "\n"
    )
    problems, records = scan_log(log)
    assert len(records) == 5
    assert [p.split(" ", 4)[3] for p in problems] == ["WARNING", "ERROR"]
    assert "something odd" in problems[0]
    skips = [r for r in records if SKIPPED.match(r["msg"])]
    assert len(skips) == 1
    summary = [SUMMARY.search(r["msg"]) for r in records if SUMMARY.search(r["msg"])]
    assert summary[0].groups() == ("1", "0", "3")


def test_log_line_format_matches_odoo():
    line = f"{HEAD} INFO ccb_test_1 odoo.addons.crm_client_base.tests.test_x: Starting T.test ..."
    match = LOG_LINE.match(line)
    assert match["level"] == "INFO" and match["db"] == "ccb_test_1"
