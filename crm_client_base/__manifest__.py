# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Client Base",
    "summary": "A complete, clean client card on res.partner, shared by sales and accounting",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "author": "crm_client_base developers",
    "license": "AGPL-3",
    "depends": ["contacts", "mail", "account", "sales_team", "phone_validation", "base_vat", "utm"],
    "external_dependencies": {"python": ["phonenumbers"]},
    "pre_init_hook": "pre_init_hook",
    "data": [
        "views/res_partner_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_client_base/static/tests/tours/**/*",
        ],
    },
}
