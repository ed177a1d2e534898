# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The import proper, after the dry run: the planned lines written all or nothing, at once or
in background batches that a cron resumes after a crash."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.crm_client_base.tools.cron import cron_progress

from ..tools import values as values_io

BATCH = 500
# Up to this many lines to write, the import runs at once; more go to the background.
INLINE_LINES = 2000


class CrmClientImport(models.Model):
    _inherit = "crm.client.import"

    # -- the import ----------------------------------------------------------------------------

    def action_import(self):
        """Import the lines to create and update. Up to INLINE_LINES lines, at once and all or
        nothing; more, in the background, each batch of BATCH lines all or nothing."""
        self.ensure_one()
        if self.state != "checked":
            raise UserError(self.env._("Check the file first."))
        if self.assign_mode == "spread" and not self.user_ids:
            raise UserError(self.env._("Choose the salespeople to spread the new clients over."))
        if self.pending_count <= INLINE_LINES or self.env.context.get("crm_client_import_inline"):
            # At once means all or nothing: on a failing line everything is rolled back.
            with self.env.cr.savepoint():
                self.state = "running"
                self._run()
                if self.state == "failed":
                    raise UserError(self.env._("Nothing was imported. %s", self.error))
        else:
            self.state = "running"
            self.env.ref("crm_client_base_import.ir_cron_client_import")._trigger()
        return True

    def action_resume(self):
        """Go on with a stopped import, from its first line not imported."""
        self.filtered(lambda record: record.state == "failed").write({"state": "running", "error": False})
        self.env.ref("crm_client_base_import.ir_cron_client_import")._trigger()

    @api.model
    def _cron_run(self):
        """Imports waiting in the background, each as the user who confirmed it."""
        for record in self.search([("state", "=", "running")], order="id"):
            record = record.with_user(record.user_id).with_company(record.company_id)
            record = record.with_context(allowed_company_ids=record.user_id.company_ids.ids)
            if not record._run():
                return

    def _run(self):
        """Import the pending lines a batch at a time (committed after each batch when run as a
        scheduled action). Returns False when the scheduled action ran out of time."""
        self.ensure_one()
        Line = self.env["crm.client.import.line"]
        pending = Line.search(
            [("import_id", "=", self.id), ("done", "=", False), ("action", "in", ("create", "update"))],
            order="line_number",
        )
        for start in range(0, len(pending), BATCH):
            batch = pending[start : start + BATCH]
            try:
                with self.env.cr.savepoint():
                    partners = self._import_batch(batch)
            except UserError as exc:
                # The batch is rolled back whole; the batches before it stay imported.
                self.write({"state": "failed", "error": exc.args[0]})
                cron_progress(self.env, 0)
                return True
            batch.done = True
            self.partner_ids = [fields.Command.link(pid) for pid in partners.ids]
            if not cron_progress(self.env, len(batch), remaining=len(pending) - start - len(batch)):
                return False
        self.write(
            {
                "state": "done",
                "summary": self.env._(
                    "%(created)s clients created, %(updated)s updated, %(refused)s lines refused.",
                    created=self.create_count,
                    updated=self.update_count,
                    refused=self.refuse_count,
                ),
            }
        )
        cron_progress(self.env, 0)
        return True

    def _import_batch(self, lines):
        """Write one batch of lines; raise a UserError naming the first line that fails."""
        created = self._import_creations(lines.filtered(lambda line: line.action == "create"))
        updated = self._import_updates(lines.filtered(lambda line: line.action == "update"))
        self._assign(created)
        return created | updated

    def _import_creations(self, lines):
        Partner = self.env["res.partner"]
        if not lines:
            return Partner
        partners = self._guarded(
            lines,
            lambda b: Partner.with_context(
                client_standard_changes=[values_io.rewritten(line, "partner") for line in b]
            ).create([values_io.from_json(line.values["partner"]) for line in b]),
        )
        company_of = dict(zip(lines.ids, partners.ids, strict=True))

        def create_contacts(batch):
            found = [(line, *item) for line in batch for item in values_io.contacts(line)]
            return Partner.with_context(client_standard_changes=[changes for _l, _c, changes in found]).create(
                [{**values_io.from_json(contact), "parent_id": company_of[line.id]} for line, contact, _c in found]
            )

        with_contact = lines.filtered(lambda line: values_io.contacts(line))
        contacts_of = {}
        if with_contact:
            contacts = self._guarded(with_contact, create_contacts)
            owners = [line.id for line in with_contact for _item in values_io.contacts(line)]
            for line_id, contact in zip(owners, contacts, strict=True):
                contacts_of[line_id] = contacts_of.get(line_id, Partner) | contact
        self._record_consents(
            [(line, partner, contacts_of.get(line.id, Partner)) for line, partner in zip(lines, partners, strict=True)]
        )
        return partners

    def _import_updates(self, lines):
        for line in lines:
            self._guarded(line, self._update_line)
        return lines.partner_id

    def _update_line(self, line):
        partner = line.partner_id
        if line.values["partner"]:
            partner.write(values_io.from_json(line.values["partner"]))
            # The values came rewritten by the dry run: say what the file had, as the form does.
            rewritten = {
                f: pair for f, pair in values_io.rewritten(line, "partner").items() if f in line.values["partner"]
            }
            if rewritten:
                partner._client_log_changes({partner.id: rewritten})
        found = values_io.contacts(line)
        contacts = self.env["res.partner"]
        if found:
            contacts = contacts.with_context(client_standard_changes=[changes for _c, changes in found]).create(
                [{**values_io.from_json(contact), "parent_id": partner.id} for contact, _changes in found]
            )
        self._record_consents([(line, partner, contacts)])

    def _guarded(self, lines, action):
        """Run ``action(lines)``; on an error, find the failing line (one by one, each in a
        savepoint) and raise a UserError naming it: the caller's savepoint drops the batch."""
        try:
            with self.env.cr.savepoint():
                return action(lines)
        except (UserError, ValidationError) as exc:
            failing, error = lines[:1], exc
            if len(lines) > 1:
                for line in lines:
                    try:
                        with self.env.cr.savepoint():
                            action(line)
                    except (UserError, ValidationError) as line_exc:
                        failing, error = line, line_exc
                        break
            raise UserError(
                self.env._(
                    "Line %(line)s (%(name)s) could not be imported: %(reason)s",
                    line=failing.line_number,
                    name=failing.name,
                    reason=error.args[0],
                )
            ) from exc

    def _assign(self, partners):
        if not partners:
            return
        if self.assign_mode == "me":
            partners.write({"user_id": self.user_id.id})
        elif self.assign_mode == "spread":
            self.env["crm.client.assign.wizard"].create(
                {
                    "partner_ids": [fields.Command.set(partners.ids)],
                    "user_ids": [fields.Command.set(self.user_ids.ids)],
                    "balance": True,
                }
            ).action_assign()
        else:
            partners.filtered("user_id").write({"user_id": False})
