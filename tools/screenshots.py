#!/usr/bin/env python3
"""Screenshots of the suite for the readme and the Apps pages, taken from the demo database in a
real browser, so that they show the product as it is: ``make screenshots``.

The demo database is built when missing (tools/demo.py), served on a free loopback port, and
headless Chromium is driven over its DevTools protocol, logged in as the demo's salesperson
(sales) or sales manager (manager), in Russian:

- ``crm_client_base/static/description/client_card.png``: one of the salesperson's client cards;
- ``crm_client_base_dedup/static/description/duplicate_banner.png``: a new card typed with the
  name and phone of a client already in the base, and the banner that says so;
- ``crm_client_base_import/static/description/import_result.png``: a small file checked, line
  by line, before anything is written;
- ``crm_client_base_dedup/static/description/merge_wizard.png``: the merge wizard of a
  duplicate group, with its table of cards.

``--out DIR`` writes the files there (flat) instead of into the addons, for a check.
"""

import argparse
import base64
import json
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import requests
import websocket

sys.path.insert(0, str(Path(__file__).resolve().parent))

from odoo_env import LOG_DIR, ROOT, odoo_cmd

# Seconds to wait for a condition: the first page of a fresh server builds its web assets, which
# takes minutes on a busy machine.
DEADLINE = 600
WIDTH, HEIGHT = 1400, 900
SHOTS = {
    "client_card": "crm_client_base",
    "duplicate_banner": "crm_client_base_dedup",
    "import_result": "crm_client_base_import",
    "merge_wizard": "crm_client_base_dedup",
}
IMPORT_FILE = (
    "Наименование;ИНН;Телефон;Эл. почта;Город;Telegram\n"
    "ООО «Новый горизонт»;7728168971;8 (495) 765-12-34;info@horizon.example;Москва;@horizon_msk\n"
    "ООО «Опечатка»;7707083894;+7 495 111-00-00;;Москва;\n"
    "ИП Звонков;;позвонить завтра;;Тверь;\n"
    "ООО «Новый Горизонт»;7728168971;;;Москва;\n"
)


def wait(condition, what, deadline=DEADLINE):
    """Retry ``condition`` until it returns a true value (returned); a request may fail meanwhile."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            value = condition()
        except (requests.RequestException, OSError):
            value = None
        if value:
            return value
        time.sleep(0.3)
    raise SystemExit(f"screenshots: {what} did not happen within {deadline} s")


@contextmanager
def server(db):
    port = free_port()
    LOG_DIR.mkdir(exist_ok=True)
    log = LOG_DIR / f"screenshots-{db}.log"
    cmd = odoo_cmd(db, f"--http-port={port}", "--http-interface=127.0.0.1", f"--db-filter=^{db}$")
    proc = subprocess.Popen([*cmd, f"--logfile={log}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:

        def up():
            if proc.poll() is not None:
                raise SystemExit(f"screenshots: Odoo exited with {proc.returncode}; see {log}")
            return requests.get(f"{url}/web/health", timeout=30).ok

        wait(up, "the server's start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Session:
    """A logged-in JSON-RPC session of one demo user."""

    def __init__(self, url, db, login):
        self.url = url
        self.http = requests.Session()
        answer = self.http.post(
            f"{url}/web/session/authenticate",
            json={"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": login}},
            timeout=300,
        ).json()
        if "error" in answer:
            raise SystemExit(f"screenshots: {login} cannot log in: {answer['error']['data']['message']}")
        self.uid = answer["result"]["uid"]
        # As the web client: every call carries the user's language and timezone.
        self.context = answer["result"]["user_context"]

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", self.context)
        answer = self.http.post(
            f"{self.url}/web/dataset/call_kw/{model}/{method}",
            json={"jsonrpc": "2.0", "params": {"model": model, "method": method, "args": args, "kwargs": kwargs}},
            timeout=300,
        ).json()
        if "error" in answer:
            raise SystemExit(f"screenshots: {model}.{method}: {answer['error']['data']['message']}")
        return answer["result"]


class Browser:
    """Headless Chromium driven over the DevTools protocol."""

    def __init__(self):
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            raise SystemExit("screenshots: chromium is missing: run make setup")
        port = free_port()
        self.profile = tempfile.mkdtemp(prefix="ccb_shots_")
        self.proc = subprocess.Popen(
            [
                chromium,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--window-size={WIDTH},{HEIGHT}",
                f"--remote-debugging-port={port}",
                "--remote-allow-origins=*",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        pages = wait(
            lambda: [
                t for t in requests.get(f"http://127.0.0.1:{port}/json/list", timeout=5).json() if t["type"] == "page"
            ],
            "Chromium's start",
        )
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=300)
        self.next_id = 0
        self.send("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT, deviceScaleFactor=1, mobile=False)

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise SystemExit(f"screenshots: {method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    def open(self, url, selector):
        """Go to ``url`` and wait until an element matches the CSS ``selector`` and Odoo has
        nothing more to load."""
        self.send("Page.navigate", url=url)
        self.wait_for(selector, f"{url} to show {selector}")

    def wait_for(self, selector, what):
        condition = (
            f"!!document.querySelector({json.dumps(selector)})"
            " && !document.querySelector('.o_loading_indicator, .o_blockUI')"
        )
        # A script error (a page half loaded) answers nothing: it is retried as not yet.
        wait(lambda: self.evaluate(condition), what)

    def type(self, selector, value):
        """Type ``value`` into an input of an Odoo form and leave it, as a user does."""
        self.evaluate(
            f"""(() => {{
                const input = document.querySelector({json.dumps(selector)});
                input.focus();
                input.value = {json.dumps(value)};
                input.dispatchEvent(new Event("input", {{bubbles: true}}));
                input.dispatchEvent(new Event("change", {{bubbles: true}}));
                input.blur();
            }})()"""
        )

    def shot(self, path):
        # Let the last repaint land (fonts, the banner's fade-in): a picture, not a check.
        time.sleep(1)
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        print(f"screenshots: wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=60)
        shutil.rmtree(self.profile, ignore_errors=True)


def best(session, domains, order="id"):
    """The first partner (id, name, phone) found by the first of ``domains`` that finds one."""
    for domain in domains:
        found = session.call("res.partner", "search_read", domain, ["name", "phone"], order=order, limit=1)
        if found:
            return found[0]
    raise SystemExit(f"screenshots: the demo has no partner for {domains[-1]}")


def login(browser, url, session):
    browser.send("Network.enable")
    browser.send("Network.setCookie", name="session_id", value=session.http.cookies["session_id"], url=url)


def take(db, out):
    def target(name):
        if out:
            return out / f"{name}.png"
        return ROOT / SHOTS[name] / "static" / "description" / f"{name}.png"

    with server(db) as url:
        sales = Session(url, db, "sales")
        manager = Session(url, db, "manager")
        browser = Browser()
        try:
            login(browser, url, sales)
            mine = [("user_id", "=", sales.uid), ("is_company", "=", True)]
            # The best-kept of the salesperson's firms with key people (any of theirs on a small demo).
            card = best(sales, [[*mine, ("child_ids", "!=", False)], mine], order="client_completeness desc, id")
            browser.open(
                f"{url}/odoo/action-crm_client_base.res_partner_action/{card['id']}",
                ".o_form_view .o_field_widget[name=name]",
            )
            browser.shot(target("client_card"))

            # A Russian firm of theirs with a phone, typed again on a new card.
            with_phone = [*mine, ("phone", "!=", False)]
            known = best(sales, [[*with_phone, ("name", "ilike", "ООО")], with_phone])
            browser.open(
                f"{url}/odoo/action-crm_client_base.res_partner_action/new",
                ".o_form_view .o_field_widget[name=name] input",
            )
            browser.type(".o_field_widget[name=name] input", known["name"])
            browser.type(".o_field_widget[name=phone] input", known["phone"])
            browser.wait_for(".o_dedup_candidates a", "the duplicate banner")
            browser.shot(target("duplicate_banner"))
            browser.evaluate("document.querySelector('.o_form_button_cancel, .o_form_discard')?.click()")

            wizard = sales.call(
                "crm.client.import",
                "create",
                {"file": base64.b64encode(IMPORT_FILE.encode()).decode(), "file_name": "клиенты.csv"},
            )
            sales.call("crm.client.import", "action_preview", [wizard])
            browser.open(
                f"{url}/odoo/action-crm_client_base_import.crm_client_import_action/{wizard}",
                ".o_form_view .o_field_widget[name=line_ids] .o_data_row",
            )
            browser.shot(target("import_result"))

            login(browser, url, manager)
            group = manager.call(
                "crm.client.duplicate", "search", [("state", "=", "open")], order="score desc", limit=1
            )
            browser.open(
                f"{url}/odoo/action-crm_client_base_dedup.crm_client_duplicate_action/{group[0]}",
                ".o_form_view button[name=action_open_merge]",
            )
            browser.evaluate("document.querySelector('.o_form_view button[name=action_open_merge]').click()")
            browser.wait_for(".modal .o_crm_client_merge_cards", "the merge wizard")
            browser.shot(target("merge_wizard"))
        finally:
            browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="crm_client_base_demo")
    parser.add_argument("--out", type=Path, help="write the files into this folder instead of the addons")
    args = parser.parse_args()
    subprocess.run([sys.executable, str(ROOT / "tools" / "demo.py"), "--db", args.db, "--create-only"], check=True)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    take(args.db, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
