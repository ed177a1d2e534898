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
    "post_init_hook": "post_init_hook",
    "data": [
        "security/ir.model.access.csv",
        "security/crm_client_base_security.xml",
        "data/crm_client_data.xml",
        "data/crm_client_stage_data.xml",
        "data/ir_cron_data.xml",
        "views/res_partner_views.xml",
        "views/crm_client_interaction_views.xml",
        "wizards/crm_client_history_wizard_views.xml",
        "wizards/crm_client_assign_wizard_views.xml",
        "views/crm_client_export_log_views.xml",
        "views/crm_team_views.xml",
        "views/crm_client_config_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_client_base/static/tests/tours/**/*",
        ],
    },
}
