# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class Base(models.AbstractModel):
    _inherit = "base"

    def onchange(self, values, field_names, fields_spec):
        """A partner the user may not read, set by id in a form (a contact's company, a lead's or a
        sale order's customer), is refused: Odoo's onchanges and computes copy the chosen partner's
        address, email and phone into the form, as superuser for stored computes. The field is
        emptied, with a warning that names the client's holder only."""
        if self.env.su:
            return super().onchange(values, field_names, fields_spec)
        changed = field_names or [name for name in values if name != "id"]
        chosen = {}
        for name in changed:
            field = self._fields.get(name)
            value = values.get(name)
            if isinstance(value, dict):
                value = value.get("id")
            if field and field.type == "many2one" and field.comodel_name == "res.partner" and isinstance(value, int):
                chosen[name] = value
        Partner = self.env["res.partner"]
        hidden = Partner._client_hidden_ids(list(chosen.values())) if chosen else set()
        if not hidden:
            return super().onchange(values, field_names, fields_spec)
        refused = {name: pid for name, pid in chosen.items() if pid in hidden}
        values = dict(values, **dict.fromkeys(refused, False))
        result = super().onchange(values, field_names, fields_spec)
        result.setdefault("value", {}).update(dict.fromkeys(refused, False))
        result["warning"] = {
            "title": self.env._("Another salesperson's client"),
            "message": Partner._client_hidden_message(next(iter(refused.values()))),
        }
        return result
