# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CrmClientVisibilityMixin(models.AbstractModel):
    """A record that carries a client's data follows that client's visibility.

    A model inheriting this mixin lists in ``_client_visibility_fields`` the fields (or dotted
    paths) that hold its clients. Whoever may not read a client may not read, create, write or
    delete a record of it: ``ir.rule._compute_domain`` adds, for every user and every operation,
    the access rules of ``res.partner`` for the same user, taken through those fields:

    - a many2one: the record follows its client (a record without one is not restricted);
    - an x2many: the record is visible only when all its clients are.

    Reading the record follows the client's read rules; creating, writing and deleting it follow
    its write rules (changing what one knows of a client is changing the client).

    Every other field to ``res.partner`` of such a model is listed, with the reason it does not
    carry a client, in ``_client_visibility_exempt`` (``{field: reason}``): a test enumerates the
    suite's models and fails for a partner field in neither.
    """

    _name = "crm.client.visibility.mixin"
    _description = "Follows the visibility of its clients"

    _client_visibility_fields = ("partner_id",)
    _client_visibility_exempt = {}

    @classmethod
    def _client_visibility_field(cls, path):
        """The field a path of ``_client_visibility_fields`` ends on."""
        model, field = cls, None
        for name in path.split("."):
            field = model._fields[name]
            model = model.pool[field.comodel_name] if field.relational else None
        return field
