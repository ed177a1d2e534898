"""Odoo's production mode (``--workers``): every process starts, and the websocket bus that
carries live chatter and notifications answers."""

import json
import time
import uuid

import websocket
from conftest import HTTP_TIMEOUT, ONLY_OUR_CRONS, admin_session, odoo_processes, odoo_shell
from run_tests import scan_log

# Seconds a bus notification may take to reach the browser's socket: it goes through a commit,
# PostgreSQL's NOTIFY and the gevent process; on a busy machine that is far below this.
BUS_DEADLINE = 300


def test_multi_worker_server_serves_the_websocket_bus(db_copy):
    # Odoo's own crons reach the internet (the VIES tax id service), which this machine may
    # not: only the suite's crons run, on the cron worker.
    odoo_shell(db_copy, ONLY_OUR_CRONS + "result(True)", commit=True)
    with odoo_processes(db_copy, workers=2) as server:
        session = admin_session(server.url, db_copy)
        origin = f"http://127.0.0.1:{server.gevent_port}"
        sock = websocket.create_connection(
            f"ws://127.0.0.1:{server.gevent_port}/websocket?version=19.0-2",
            cookie=f"session_id={session.cookies['session_id']}",
            origin=origin,
            timeout=HTTP_TIMEOUT,
        )
        try:
            sock.send(json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}}))
            token = uuid.uuid4().hex
            # Another process (as a cron or an HTTP worker would) notifies the admin.
            odoo_shell(
                db_copy,
                f"env.ref('base.user_admin')._bus_send('ccb_ping', {{'token': {token!r}}})\nresult(True)",
                commit=True,
            )
            received = []
            deadline = time.monotonic() + BUS_DEADLINE
            sock.settimeout(5)
            while time.monotonic() < deadline:
                try:
                    frame = sock.recv()
                except websocket.WebSocketTimeoutException:
                    continue
                received.extend(json.loads(frame))
                pings = [n["message"] for n in received if n["message"]["type"] == "ccb_ping"]
                if any(ping["payload"]["token"] == token for ping in pings):
                    break
            else:
                raise AssertionError(f"no bus notification within {BUS_DEADLINE} s; got {received}")
        finally:
            sock.close()
        log = server.log.read_text()
        crash = server.stderr.read_text(errors="replace")
    assert "Traceback" not in crash, crash[-3000:]
    problems, _records = scan_log(server.log)
    assert not problems, problems
    assert "Traceback" not in log
    # The gevent process started once: a crash loop restarts it again and again.
    assert log.count("Evented Service (longpolling) running") == 1, log[-3000:]
