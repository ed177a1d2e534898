# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from ..tools import template

KINDS = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.xlsx),
    "csv": ("text/csv; charset=utf-8", template.csv_bytes),
}


class ClientImportTemplate(http.Controller):
    @http.route("/crm_client_base_import/template.<string:kind>", type="http", auth="user", readonly=True)
    def template(self, kind):
        """The import template, headed in the user's language."""
        if kind not in KINDS:
            raise request.not_found()
        mimetype, build = KINDS[kind]
        russian = (request.env.lang or "").startswith("ru")
        name = ("клиенты" if russian else "clients") + "." + kind
        # The company's card properties as columns too, after ours.
        extra = list(dict.fromkeys(label for _target, label in request.env["crm.client.import"]._property_columns()))
        return request.make_response(
            build(russian, extra),
            headers=[
                ("Content-Type", mimetype),
                ("Content-Disposition", http.content_disposition(name)),
            ],
        )
