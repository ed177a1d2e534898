# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import http
from odoo.http import request


class ClientPersonalData(http.Controller):
    @http.route("/crm_client_base/personal_data/<int:partner_id>", type="http", auth="user")
    def personal_data(self, partner_id):
        """A person's personal data as a JSON file: to whoever may read the person's card only."""
        partner = request.env["res.partner"].browse(partner_id).exists()
        # A card one may not read is answered as one that does not exist: nothing said of it.
        if not partner or not partner.has_access("read"):
            raise request.not_found()
        data = partner._client_personal_data_json()
        return request.make_response(
            json.dumps(data, ensure_ascii=False, indent=2),
            headers=[
                ("Content-Type", "application/json; charset=utf-8"),
                ("Content-Disposition", http.content_disposition(f"personal_data_{partner.id}.json")),
            ],
        )
