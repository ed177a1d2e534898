#!/usr/bin/env python3
"""A load test of the client base under Odoo's production mode: ``make load``.

A multi-worker server (``--workers``, a cron worker running the reminder, completeness,
incremental duplicate and client value crons every minute) serves a database of its own on the
loopback interface, while simulated salespeople and sales managers do what they do, each in a
thread of its own with its own session, over JSON-RPC as the web client:

- list and search clients, open cards, run the duplicate lookup of a card being typed;
- edit their clients' phones and log calls;
- take clients from the free pool, several racing for the same ones;
- managers also check and import a small client file.

The run is bounded in time (``--seconds``) and in requests (``--max-requests``). It reports the
requests done, the median and 95th percentile per kind and every error (a refusal the product
means, as "this client was just taken", is an answer, not an error; a serialization failure must
be retried by Odoo, never shown). Then it checks the database: every phone edit is there (the
last one written per client), every logged call is there, and each pool client taken has
exactly one taker, the one that was told it got it. Exit 0 only when there is no error and
nothing was lost.

``--db NAME`` runs on an existing database with the addons installed (a copy is made and
dropped); without it a database is built (about two minutes).
"""

import argparse
import base64
import json
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from odoo_env import (
    ADDONS,
    LOG_DIR,
    copy_database,
    create_database,
    drop_database,
    free_port,
    odoo_cmd,
    odoo_shell,
    psql,
    server_cmd,
)

# Seconds one request may take before it counts as an error: far above any answer of a loaded
# loopback server, so that only a hung request fails the run.
REQUEST_TIMEOUT = 120
START_DEADLINE = 600
# Seconds past --seconds that the load goes on for a cron that has not run yet (the cron worker
# polls about every minute; a busy machine delays it).
CRON_DEADLINE = 600
POOL = 60
# The answers of a pool client that another salesperson took first (Russian and English).
TAKEN = ("just taken", "только что взял", "right now", "прямо сейчас")

SEED = """
import os
from odoo import fields
users = env["res.users"].with_context(no_reset_password=True)
sales = env.ref("sales_team.group_sale_salesman")
managers = env.ref("sales_team.group_sale_manager")
count, bosses = int(os.environ["LOAD_USERS"]), int(os.environ["LOAD_MANAGERS"])
people = []
for index in range(count + bosses):
    login = f"load_{'manager' if index >= count else 'sales'}_{index}"
    people.append(users.create({
        "name": f"Нагрузка {index}", "login": login, "password": login, "lang": "ru_RU",
        "group_ids": [(4, (managers if index >= count else sales).id)],
    }))
env.company.country_id = env.ref("base.ru")
Partner = env["res.partner"].with_context(tracking_disable=True, mail_create_nolog=True)
clients = []
for index in range(40 * count):
    owner = people[index % count]
    clients.append({"name": f"ООО «Нагрузка {index}»", "is_company": True, "ref": f"LOAD-{index}",
                    "user_id": owner.id, "city": "Москва", "country_id": env.ref("base.ru").id})
for index in range(int(os.environ["LOAD_POOL"])):
    clients.append({"name": f"ООО «Пул {index}»", "is_company": True, "ref": f"LOAD-POOL-{index}",
                    "user_id": False, "city": "Тверь", "country_id": env.ref("base.ru").id})
Partner.create(clients)
# The crons a working day runs, every minute during the load; the others (some reach the
# internet) stay off.
wanted = [
    "crm_client_base_reminders.ir_cron_client_reminders",
    "crm_client_base.ir_cron_client_completeness",
    "crm_client_base_dedup.ir_cron_scan_changed",
    "crm_client_base.ir_cron_client_value",
]
# A policy change at the start: the completeness cron recomputes every client under the load.
env["res.partner"]._client_completeness_policy_changed()
crons = env["ir.cron"].browse([env.ref(xmlid).id for xmlid in wanted])
env["ir.cron"].search([("id", "not in", crons.ids)]).active = False
# Due now, not in a distant past: Odoo steps a late nextcall forward one interval at a time.
crons.write({"active": True, "interval_number": 1, "interval_type": "minutes", "nextcall": fields.Datetime.now()})
result({"users": [u.login for u in people[:count]], "managers": [u.login for u in people[count:]],
        "crons": {cron.id: cron.name for cron in crons}})
"""


class Client:
    """One simulated user: a JSON-RPC session with the context the web client sends."""

    def __init__(self, url, db, login, stats):
        self.url, self.stats = url, stats
        self.http = requests.Session()
        answer = self.http.post(
            f"{url}/web/session/authenticate",
            json={"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": login}},
            timeout=REQUEST_TIMEOUT,
        ).json()
        self.uid = answer["result"]["uid"]
        self.context = answer["result"]["user_context"]

    def call(self, kind, model, method, *args, expect=(), **kwargs):
        """Call ``model.method``; time it under ``kind``. A JSON-RPC error whose message holds
        one of ``expect`` is a refusal the product means: returned as None, not an error."""
        kwargs.setdefault("context", self.context)
        start = time.perf_counter()
        try:
            answer = self.http.post(
                f"{self.url}/web/dataset/call_kw/{model}/{method}",
                json={"jsonrpc": "2.0", "params": {"model": model, "method": method, "args": args, "kwargs": kwargs}},
                timeout=REQUEST_TIMEOUT,
            ).json()
        except (requests.RequestException, ValueError) as error:
            self.stats.record(kind, time.perf_counter() - start, f"{kind}: {type(error).__name__}: {error}")
            return None
        elapsed = time.perf_counter() - start
        error = answer.get("error")
        if error:
            message = error["data"].get("message", "")
            if any(words in message for words in expect):
                self.stats.record(kind, elapsed)
                return None
            self.stats.record(kind, elapsed, f"{kind}: {error['data'].get('name')}: {message[:300]}")
            return None
        self.stats.record(kind, elapsed)
        return answer["result"]


class CronWatch:
    """Which crons the server's log says ran to the end, and which failed, since the start."""

    def __init__(self, log, crons):
        self.log, self.names = log, crons
        self.offset = 0
        self.done = dict.fromkeys(crons, 0)
        self.failed = defaultdict(int)

    def read(self):
        with open(self.log, "rb") as stream:
            stream.seek(self.offset)
            data = stream.read()
        # A line still being written is read next time.
        data = data[: data.rfind(b"\n") + 1]
        self.offset += len(data)
        text = data.decode("utf-8", errors="replace")
        for cron_id in self.done:
            self.done[cron_id] += len(re.findall(rf"Job '[^\n]*' \({cron_id}\) fully done", text))
            failed = rf"Job '[^\n]*' \({cron_id}\) (?:server action #\d+ failed|timed out)"
            self.failed[cron_id] += len(re.findall(failed, text))

    def all_done(self):
        self.read()
        return all(self.done.values())

    def problems(self):
        return [f"cron {self.names[c]!r} did not run during the load" for c, n in self.done.items() if not n] + [
            f"cron {self.names[c]!r} failed {n} times" for c, n in self.failed.items() if n
        ]


class Stats:
    def __init__(self, max_requests):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.errors = []
        self.max_requests = max_requests
        self.count = 0

    def record(self, kind, seconds, error=None):
        with self.lock:
            self.times[kind].append(seconds)
            self.count += 1
            if error:
                self.errors.append(error)

    def exhausted(self):
        return self.count >= self.max_requests


class Ledger:
    """What the simulated users were told was written: checked against the database after."""

    def __init__(self):
        self.lock = threading.Lock()
        self.phones = {}  # partner id -> digits of the last phone its single writer wrote
        self.calls = 0
        self.takes = defaultdict(set)  # pool partner id -> the users told they took it
        self.imported = 0

    def phone(self, partner, digits):
        with self.lock:
            self.phones[partner] = digits

    def call(self):
        with self.lock:
            self.calls += 1

    def take(self, partner, uid):
        with self.lock:
            self.takes[partner].add(uid)

    def rows(self, count):
        with self.lock:
            self.imported += count


def salesperson(client, pool_ids, ledger, stop, stats, rng, manager=False):
    own = client.call("list", "res.partner", "search", [("user_id", "=", client.uid), ("parent_id", "=", False)])
    own = own or []
    serial = 0
    while not stop.is_set():
        action = rng.choices(
            ["list", "search", "open", "phone", "call", "take", "lookup", "import"],
            weights=[20, 15, 20, 12, 12, 6, 10, 3 if manager else 0],
        )[0]
        if action == "list":
            client.call(
                "list",
                "res.partner",
                "web_search_read",
                [("parent_id", "=", False)],
                {
                    "display_name": {},
                    "phone": {},
                    "user_id": {"fields": {"display_name": {}}},
                    "client_completeness": {},
                },
                limit=80,
                count_limit=10001,
            )
        elif action == "search":
            client.call(
                "search", "res.partner", "name_search", name=rng.choice(["Нагрузка", "Пул", "ООО", "1"]), limit=8
            )
        elif action == "open" and own:
            client.call(
                "open",
                "res.partner",
                "web_read",
                [rng.choice(own)],
                {
                    "display_name": {},
                    "phone": {},
                    "email": {},
                    "client_missing_fields": {},
                    "interaction_count": {},
                    "client_revenue": {},
                    "dedup_candidate_info": {},
                },
            )
        elif action == "phone" and own:
            serial += 1
            partner = own[serial % len(own)]
            # A Moscow mobile (+7 916) of the user's own: every number of the range is valid
            # (the user id once chose the range: +7 930 000... is not a Russian number).
            digits = f"7916{client.uid % 1000:03d}{serial % 10_000:04d}"
            done = client.call("phone", "res.partner", "write", [partner], {"phone": f"+{digits}"})
            if done:
                ledger.phone(partner, digits)
        elif action == "call" and own:
            done = client.call(
                "call",
                "crm.client.interaction",
                "create",
                {"partner_id": rng.choice(own), "interaction_type": "call", "summary": "Нагрузка"},
            )
            if done:
                ledger.call()
        elif action == "take":
            partner = rng.choice(pool_ids)
            done = client.call("take", "res.partner", "action_take_from_pool", [partner], expect=TAKEN)
            if done is not None:
                ledger.take(partner, client.uid)
        elif action == "lookup":
            client.call(
                "lookup",
                "res.partner",
                "onchange",
                [],  # a new card: no record ids, as the web client sends it
                {"name": "ООО «Нагрузка 1»", "phone": "+7 916 000-00-01"},
                ["phone"],
                {"name": {}, "phone": {}, "dedup_candidate_info": {}},
            )
        elif action == "import":
            name = uuid.uuid4().hex[:8]
            rows = "Наименование;Город\n" + "".join(f"ООО «Импорт {name} {i}»;Казань\n" for i in range(5))
            wizard = client.call(
                "import",
                "crm.client.import",
                "create",
                {"file": base64.b64encode(rows.encode()).decode(), "file_name": "load.csv"},
            )
            if wizard:
                client.call("import", "crm.client.import", "action_preview", [wizard])
                if client.call("import", "crm.client.import", "action_import", [wizard]) is not None:
                    ledger.rows(5)


def serve(db, workers):
    port = free_port()
    LOG_DIR.mkdir(exist_ok=True)
    log = LOG_DIR / f"load-{db}.log"
    log.unlink(missing_ok=True)
    cmd = server_cmd(db, port, log, workers, free_port())
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    end = time.monotonic() + START_DEADLINE
    while True:
        try:
            if requests.get(f"{url}/web/health", timeout=30).ok:
                return proc, url, log
        except requests.RequestException:
            pass
        if proc.poll() is not None or time.monotonic() > end:
            proc.kill()
            raise SystemExit(f"load: the server did not start; see {log}")
        time.sleep(0.3)


def check(db, ledger, pool_ids):
    """Problems found in the database after the run: lost writes, a pool client with two takers."""
    problems = []
    if ledger.phones:
        rows = psql(
            "SELECT id, regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') FROM res_partner"
            f" WHERE id IN ({','.join(map(str, ledger.phones))})",
            db,
        )
        stored = dict(line.split("|") for line in rows.splitlines())
        lost = [pid for pid, digits in ledger.phones.items() if stored.get(str(pid)) != digits]
        if lost:
            problems.append(f"{len(lost)} phone edits lost, e.g. partner {lost[0]}")
    calls = int(psql("SELECT count(*) FROM crm_client_interaction WHERE summary = 'Нагрузка'", db))
    if calls != ledger.calls:
        problems.append(f"{ledger.calls} calls logged, {calls} in the database")
    holders = dict(
        line.split("|")
        for line in psql(
            f"SELECT id, coalesce(user_id, 0) FROM res_partner WHERE id IN ({','.join(map(str, pool_ids))})", db
        ).splitlines()
    )
    for pid in pool_ids:
        takers = sorted(ledger.takes.get(pid, ()))
        if len(takers) > 1:
            problems.append(f"pool client {pid} was given to {len(takers)} users: {takers}")
        elif takers and int(holders[str(pid)]) != takers[0]:
            problems.append(f"pool client {pid} is held by {holders[str(pid)]}, not by its taker {takers[0]}")
        elif not takers and int(holders[str(pid)]):
            problems.append(f"pool client {pid} is held by {holders[str(pid)]}, though no one was told so")
    imported = int(psql("SELECT count(*) FROM res_partner WHERE name LIKE 'ООО «Импорт %'", db))
    if imported != ledger.imported:
        problems.append(f"{ledger.imported} clients imported, {imported} in the database")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="an installed database to copy (default: build one)")
    parser.add_argument("--users", type=int, default=20, help="simulated salespeople")
    parser.add_argument("--managers", type=int, default=2, help="simulated sales managers")
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--max-requests", type=int, default=50000)
    parser.add_argument("--workers", type=int, default=4, help="HTTP workers of the server")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    db = f"ccb_load_{uuid.uuid4().hex[:8]}"
    if args.db:
        copy_database(args.db, db)
    else:
        print(f"load: building {db} with the addons (about two minutes)", flush=True)
        create_database(db)
        subprocess.run(
            odoo_cmd(
                db,
                "-i",
                ",".join(ADDONS),
                "--stop-after-init",
                "--load-language=ru_RU",
                f"--logfile={LOG_DIR / f'load-install-{db}.log'}",
            ),
            check=True,
        )
    try:
        seeded = odoo_shell(
            db,
            SEED,
            commit=True,
            env={"LOAD_USERS": str(args.users), "LOAD_MANAGERS": str(args.managers), "LOAD_POOL": str(POOL)},
        )
        pool_ids = [
            int(i) for i in psql("SELECT id FROM res_partner WHERE ref LIKE 'LOAD-POOL-%' ORDER BY id", db).split()
        ]
        proc, url, log = serve(db, args.workers)
        try:
            stats, ledger = Stats(args.max_requests), Ledger()
            logins = [(login, False) for login in seeded["users"]] + [(login, True) for login in seeded["managers"]]
            clients = [(login, Client(url, db, login, stats), manager) for login, manager in logins]
            stop = threading.Event()
            started = time.monotonic()
            threads = [
                threading.Thread(
                    target=salesperson,
                    args=(client, pool_ids, ledger, stop, stats, random.Random(args.seed + n), manager),
                )
                for n, (_login, client, manager) in enumerate(clients)
            ]
            for thread in threads:
                thread.start()
            crons = CronWatch(log, seeded["crons"])
            # The users stop after --seconds once every cron has run under their load, or at the
            # cron deadline, or when the requests are spent.
            while not stop.wait(1):
                now = time.monotonic() - started
                if stats.exhausted() or now >= args.seconds + CRON_DEADLINE:
                    stop.set()
                elif now >= args.seconds and crons.all_done():
                    stop.set()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
        finally:
            proc.terminate()
            proc.wait(timeout=120)
        crons.read()
        problems = check(db, ledger, pool_ids) + crons.problems()
        report(args, seeded, stats, ledger, elapsed, problems, log, crons)
        return 1 if stats.errors or problems else 0
    finally:
        drop_database(db)


def report(args, seeded, stats, ledger, elapsed, problems, log, crons):
    print(
        f"\nload: {args.users} salespeople and {args.managers} managers for {elapsed:.0f} s on --workers={args.workers}"
    )
    print(f"load: {stats.count} requests ({stats.count / elapsed:.1f}/s), {len(stats.errors)} errors")
    print(f"{'kind':<10} {'requests':>9} {'p50 ms':>9} {'p95 ms':>9}")
    for kind, times in sorted(stats.times.items()):
        ordered = sorted(times)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(f"{kind:<10} {len(times):>9} {statistics.median(times) * 1000:>9.0f} {p95 * 1000:>9.0f}")
    taken = sum(1 for takers in ledger.takes.values() if takers)
    print(
        f"load: {len(ledger.phones)} clients' phones edited, {ledger.calls} calls logged, "
        f"{taken} pool clients taken, {ledger.imported} clients imported"
    )
    for cron_id, name in seeded["crons"].items():
        print(f"load: cron {name!r} ran {crons.done[cron_id]} times during the load")
    for error in stats.errors[:20]:
        print(f"  error: {error}")
    for problem in problems:
        print(f"  problem: {problem}")
    print("load: nothing lost, no error" if not (stats.errors or problems) else f"load: FAILED (server log {log})")
    print(json.dumps({"requests": stats.count, "errors": len(stats.errors), "problems": len(problems)}))


if __name__ == "__main__":
    sys.exit(main())
