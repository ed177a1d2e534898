# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Client Base: Duplicates",
    "summary": "Fuzzy duplicate detection, review queue and a merge that loses nothing",
    "version": "19.0.2.13.0",
    "category": "Sales/CRM",
    "author": "crm_client_base developers",
    "license": "AGPL-3",
    "depends": ["crm_client_base"],
    "external_dependencies": {"python": ["anyascii", "rapidfuzz"]},
    "data": [
        "security/ir.model.access.csv",
        "security/crm_client_duplicate_security.xml",
        "data/ir_cron.xml",
        "views/crm_client_card_views.xml",
        "views/crm_client_duplicate_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/crm_client_merge_wizard_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_client_base_dedup/static/tests/tours/**/*",
        ],
    },
}
