"""Faults: a production server (``--workers``) killed with ``kill -9`` in the middle of a long
background job leaves a consistent database, and the job goes on after a restart; PostgreSQL
restarted under a running server is recovered from without anyone's help."""

import os
import signal
import subprocess

import requests
from conftest import HTTP_TIMEOUT, ONLY_OUR_CRONS, admin_session, odoo_processes, odoo_shell, psql, wait_until

# Seconds a background job may take to make its first commits, or to finish after a restart,
# on a busy machine: the test waits on the job's own progress, this only bounds a stuck one.
JOB_DEADLINE = 900
IMPORT_LINES = 4000  # eight batches of 500, in the background (over 2,000 lines)
MERGE_GROUPS = 300  # six batches of 50
RETENTION_CLIENTS = 3000  # three batches of 1,000


def wake_crons(db):
    """What a cron trigger does after a commit: tell the cron worker to look at ``db`` now
    (it sleeps a minute between looks, and only hears what comes after it started)."""
    psql(f"SELECT pg_notify('cron_trigger', '{db}')")
    return True


def kill_hard(server):
    """``kill -9`` of the server and every process of it (workers, cron worker, gevent)."""
    os.killpg(server.proc.pid, signal.SIGKILL)
    server.proc.wait(timeout=60)


def count(db, sql):
    return int(psql(sql, db))


def test_import_and_completeness_killed_mid_way_resume_without_losing_or_doubling(db_copy):
    odoo_shell(
        db_copy,
        ONLY_OUR_CRONS
        + f"""
import base64
rows = "Наименование;Город;Телефон\\n" + "".join(
    f"ООО «Сбой {{i}}»;Тверь;+7 4822 {{i // 10000 % 10}}{{i % 10000:04d}}0\\n" for i in range({IMPORT_LINES})
)
job = env["crm.client.import"].create({{"file": base64.b64encode(rows.encode()), "file_name": "faults.csv"}})
job.action_preview()
job.action_import()
result(job.state)
""",
        commit=True,
    )
    state = "SELECT state FROM crm_client_import WHERE file_name = 'faults.csv'"
    done = "SELECT count(*) FROM crm_client_import_line WHERE done"
    created = "SELECT count(*) FROM res_partner WHERE name LIKE 'ООО «Сбой %'"
    assert psql(state, db_copy) == "running", "more than 2,000 lines go to the background"
    with odoo_processes(db_copy, workers=2) as server:
        # Killed once the first batches are in, long before the last.
        wait_until(lambda: wake_crons(db_copy) and count(db_copy, done) >= 500, server.proc, server, JOB_DEADLINE)
        kill_hard(server)
    lines_done = count(db_copy, done)
    assert psql(state, db_copy) == "running", "killed in the middle: the import is still to finish"
    assert 0 < lines_done < IMPORT_LINES and lines_done % 500 == 0, "a batch is imported whole or not at all"
    assert count(db_copy, created) == lines_done, "every line marked imported has its client, no other"
    with odoo_processes(db_copy, workers=2) as server:
        wait_until(lambda: wake_crons(db_copy) and psql(state, db_copy) == "done", server.proc, server, JOB_DEADLINE)
    assert count(db_copy, done) == IMPORT_LINES
    assert count(db_copy, created) == IMPORT_LINES
    distinct = "SELECT count(DISTINCT name) FROM res_partner WHERE name LIKE 'ООО «Сбой %'"
    assert count(db_copy, distinct) == IMPORT_LINES, "no line imported twice"

    # A policy change recomputes every client in the background, 1,000 a commit; killed after
    # the first, each client is computed under the new policy or still under the old one.
    version = odoo_shell(
        db_copy,
        """
env["res.partner"]._client_completeness_policy_changed()
result(int(env["ir.config_parameter"].get_param("crm_client_base.completeness_version")))
""",
        commit=True,
    )
    pending = f"SELECT count(*) FROM res_partner WHERE parent_id IS NULL AND client_completeness_version < {version}"
    current = f"SELECT count(*) FROM res_partner WHERE parent_id IS NULL AND client_completeness_version = {version}"
    clients = count(db_copy, "SELECT count(*) FROM res_partner WHERE parent_id IS NULL")
    assert count(db_copy, pending) == clients > 3000
    with odoo_processes(db_copy, workers=2) as server:
        wait_until(lambda: wake_crons(db_copy) and count(db_copy, current) >= 1000, server.proc, server, JOB_DEADLINE)
        kill_hard(server)
    recomputed = count(db_copy, current)
    assert recomputed % 1000 == 0 and recomputed < clients, "a batch is stored whole or not at all"
    assert count(db_copy, pending) == clients - recomputed
    with odoo_processes(db_copy, workers=2) as server:
        wait_until(lambda: wake_crons(db_copy) and count(db_copy, pending) == 0, server.proc, server, JOB_DEADLINE)
    assert count(db_copy, current) == clients


def test_bulk_merge_killed_mid_way_leaves_no_half_merged_group(db_copy):
    odoo_shell(
        db_copy,
        ONLY_OUR_CRONS
        + f"""
Partner = env["res.partner"].with_context(tracking_disable=True)
ru = env.ref("base.ru").id
values = []
for i in range({MERGE_GROUPS}):
    phone = f"+7 4822 {{i // 10000 % 10}}{{i % 10000:04d}}9"
    for name in (f"ООО «Слияние {{i}}»", f"Слияние {{i}} ООО"):
        values.append({{"name": name, "is_company": True, "phone": phone, "city": "Тверь", "country_id": ru}})
partners = Partner.create(values)
env["crm.client.duplicate"].create([
    {{"partner_ids": [(6, 0, partners[i : i + 2].ids)], "score": 100}} for i in range(0, len(partners), 2)
])
job = env["crm.client.merge.job"].create({{"min_score": 100}})
job.action_start()
result(job.total)
""",
        commit=True,
    )
    job = "SELECT state, total, coalesce(done_count, 0), coalesce(failed_count, 0) FROM crm_client_merge_job"
    merged = "SELECT count(*) FROM crm_client_duplicate WHERE state = 'merged'"
    with odoo_processes(db_copy, workers=2) as server:
        wait_until(lambda: wake_crons(db_copy) and count(db_copy, merged) >= 50, server.proc, server, JOB_DEADLINE)
        kill_hard(server)
    state, total, done_count, failed = psql(job, db_copy).split("|")
    assert (state, int(total), int(failed)) == ("running", MERGE_GROUPS, 0)
    assert int(done_count) == count(db_copy, merged) < MERGE_GROUPS, "the job's count is what was merged"
    # Every group is merged whole (one card left, the log written) or not touched at all.
    rows = psql(
        """
        SELECT d.state, count(p.id), count(p.id) FILTER (WHERE p.active)
          FROM crm_client_duplicate d
          JOIN crm_client_duplicate_res_partner_rel r ON r.crm_client_duplicate_id = d.id
          LEFT JOIN res_partner p ON p.id = r.res_partner_id
         GROUP BY d.id, d.state
        """,
        db_copy,
    ).splitlines()
    shapes = {tuple(row.split("|")) for row in rows}
    assert shapes <= {("merged", "1", "1"), ("open", "2", "2")}, shapes
    assert count(db_copy, "SELECT count(*) FROM crm_client_merge_log") == count(db_copy, merged)
    with odoo_processes(db_copy, workers=2) as server:
        wait_until(
            lambda: wake_crons(db_copy) and psql(job, db_copy).startswith("done|"), server.proc, server, JOB_DEADLINE
        )
    assert psql(job, db_copy) == f"done|{MERGE_GROUPS}|{MERGE_GROUPS}|0"
    assert count(db_copy, "SELECT count(*) FROM res_partner WHERE name LIKE '%Слияние %'") == MERGE_GROUPS


def test_retention_killed_mid_way_archives_the_rest_after_a_restart(db_copy):
    odoo_shell(
        db_copy,
        ONLY_OUR_CRONS
        + f"""
from odoo import fields
Partner = env["res.partner"].with_context(tracking_disable=True)
partners = Partner.create([{{"name": f"ООО «Давний {{i}}»", "is_company": True}} for i in range({RETENTION_CLIENTS})])
env.flush_all()
env.cr.execute("UPDATE res_partner SET create_date = '2015-01-01', write_date = '2015-01-01' WHERE id = ANY(%s)",
               [partners.ids])
env.company.client_retention_years = 3
env.ref("crm_client_base.ir_cron_client_retention").nextcall = fields.Datetime.now()
result(len(partners))
""",
        commit=True,
    )
    batch = (
        "SELECT state, (SELECT count(*) FROM crm_client_retention_batch_res_partner_rel)"
        " FROM crm_client_retention_batch"
    )
    archived = "SELECT count(*) FROM res_partner WHERE name LIKE 'ООО «Давний %' AND NOT active"
    with odoo_processes(db_copy, workers=2) as server:
        wait_until(lambda: wake_crons(db_copy) and count(db_copy, archived) >= 1000, server.proc, server, JOB_DEADLINE)
        kill_hard(server)
    assert psql(batch, db_copy) == f"running|{RETENTION_CLIENTS}", (
        "the run's clients are recorded before any is archived"
    )
    done = count(db_copy, archived)
    assert done % 1000 == 0 and done < RETENTION_CLIENTS, "a batch is archived whole or not at all"
    with odoo_processes(db_copy, workers=2) as server:
        wait_until(
            lambda: wake_crons(db_copy) and psql(batch, db_copy).startswith("archived|"),
            server.proc,
            server,
            JOB_DEADLINE,
        )
    assert psql(batch, db_copy) == f"archived|{RETENTION_CLIENTS}", "one batch to undo, not two"
    assert count(db_copy, archived) == RETENTION_CLIENTS


def _cluster():
    version, name = subprocess.run(
        ["pg_lsclusters", "--no-header"], check=True, capture_output=True, text=True
    ).stdout.split()[:2]
    return version, name


def test_server_survives_postgresql_stopped_and_started_again(db_copy):
    odoo_shell(db_copy, ONLY_OUR_CRONS + "result(True)", commit=True)

    def read_admin(session, url):
        answer = session.post(
            f"{url}/web/dataset/call_kw/res.users/read",
            json={
                "jsonrpc": "2.0",
                "params": {"model": "res.users", "method": "read", "args": [[2], ["login"]], "kwargs": {}},
            },
            timeout=HTTP_TIMEOUT,
        ).json()
        return answer.get("result") == [{"id": 2, "login": "admin"}]

    with odoo_processes(db_copy, workers=2) as server:
        session = admin_session(server.url, db_copy)
        assert read_admin(session, server.url)
        # PostgreSQL stopped: the cron worker loses its connection and dies; the main process
        # tries to respawn it and finds no database. It must keep trying, not stop the server.
        subprocess.run(["pg_ctlcluster", *_cluster(), "stop"], check=True, timeout=300)
        try:
            wait_until(
                lambda: "PostgreSQL does not answer" in server.log.read_text(errors="replace"),
                server.proc,
                server,
                JOB_DEADLINE,
            )
        finally:
            subprocess.run(["pg_ctlcluster", *_cluster(), "start"], check=True, timeout=300)
        # The pooled connections died with PostgreSQL: the server opens new ones by itself.
        wait_until(lambda: read_admin(session, server.url), server.proc, server, JOB_DEADLINE)
        for _attempt in range(5):
            assert read_admin(session, server.url), "every request after the recovery is answered"
        assert requests.get(f"{server.url}/web/login", timeout=HTTP_TIMEOUT).status_code == 200
