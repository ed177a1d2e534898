# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ClientBaseCase

SUITE = "crm_client_base"


@tagged("post_install", "-at_install")
class TestClientVisibility(ClientBaseCase):
    """Every model of the suite that carries a client's data follows that client's visibility,
    through crm.client.visibility.mixin: enumerated here, so a new model cannot forget it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.hidden = Partner.create({"name": "Клиент Бориса", "is_company": True, "user_id": cls.boris.id})
        cls.visible = Partner.create({"name": "Клиент Анны", "is_company": True, "user_id": cls.anna.id})

    def _suite_models_with_partner_fields(self):
        """{model name: [partner fields]} of the suite's models a salesperson may read."""
        Access = self.env["ir.model.access"].with_user(self.anna)
        found = {}
        for name, model in self.env.registry.items():
            if model._abstract or name == "res.partner" or not model._original_module.startswith(SUITE):
                continue
            fields = [
                fname
                for fname, field in model._fields.items()
                if field.type in ("many2one", "many2many")
                and field.comodel_name == "res.partner"
                and any(module.startswith(SUITE) for module in field._modules)
            ]
            if fields and Access.check(name, "read", raise_exception=False):
                found[name] = fields
        return found

    def test_every_model_with_a_client_follows_its_visibility(self):
        found = self._suite_models_with_partner_fields()
        # The enumeration sees the models it must: those of every installed addon of the suite.
        self.assertIn("crm.client.family.member", found)
        self.assertIn("crm.client.interaction", found)
        Rule = self.env["ir.rule"].with_user(self.anna)
        for name, fields in found.items():
            Model = self.env[name]
            paths = getattr(Model, "_client_visibility_fields", None)
            self.assertIsNotNone(paths, f"{name} has a field to res.partner but no crm.client.visibility.mixin")
            covered = {path.split(".")[0] for path in paths} | set(Model._client_visibility_exempt)
            self.assertFalse(
                set(fields) - covered,
                f"{name}: partner fields neither in _client_visibility_fields nor in _client_visibility_exempt",
            )
            if not paths:
                continue
            domain = Rule._compute_domain(name, "read")
            checked = {condition.field_expr.split(".")[0] for condition in domain.iter_conditions()}
            self.assertLessEqual({path.split(".")[0] for path in paths}, checked, f"{name}: not in its access rule")

    def test_visibility_condition_refuses_a_hidden_client(self):
        """The condition each model adds: a record of a hidden client fails it, one of a visible
        client passes (the control)."""
        Rule = self.env["ir.rule"].with_user(self.anna)
        for name in self._suite_models_with_partner_fields():
            Model = self.env[name]
            for path in Model._client_visibility_fields:
                field = Model._client_visibility_field(path)
                for mode in ("read", "write", "create", "unlink"):
                    condition = Rule._client_visibility_domain(name, mode)
                    self.assertIsNotNone(condition, name)
                    for partner, expected in ((self.hidden, 0), (self.visible, 1)):
                        value = partner.id if field.type == "many2one" else [(6, 0, partner.ids)]
                        record = self._new(Model, path, value)
                        self.assertEqual(len(record.filtered_domain(condition)), expected, f"{name}.{path} {mode}")

    def _new(self, Model, path, value):
        """A new record of ``Model`` whose ``path`` leads to ``value``."""
        names = path.split(".")
        if len(names) == 1:
            return Model.new({names[0]: value})
        first = Model._fields[names[0]]
        return Model.new({names[0]: self._new(self.env[first.comodel_name], ".".join(names[1:]), value)})

    def test_family_member_of_a_hidden_client(self):
        Family = self.env["crm.client.family.member"]
        theirs = Family.create({"partner_id": self.hidden.id, "name": "Супруга Бориса"})
        mine = Family.create({"partner_id": self.visible.id, "name": "Супруг Анны"})
        as_anna = Family.with_user(self.anna)
        self.assertEqual(as_anna.search([("id", "in", (theirs | mine).ids)]), mine)
        with self.assertRaises(AccessError):
            as_anna.create({"partner_id": self.hidden.id, "name": "Тёща"})
        with self.assertRaises(AccessError):
            theirs.with_user(self.anna).write({"note": "Анна"})
        mine.with_user(self.anna).write({"note": "Анна"})
        self.assertEqual(Family.with_user(self.boris).search([("id", "=", theirs.id)]), theirs)
