# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Client Base: Website contact form",
    "summary": "A website contact form feeding the client base: matched, normalized, consent recorded, no spam",
    "version": "19.0.1.0.1",
    "category": "Website",
    "author": "crm_client_base developers",
    "license": "AGPL-3",
    "depends": ["crm_client_base_dedup", "website"],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_client_website_security.xml",
        "data/crm_client_website_data.xml",
        "views/crm_client_website_templates.xml",
        "views/snippets.xml",
        "views/crm_client_website_spam_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "uninstall_hook": "uninstall_hook",
    "assets": {
        "web.assets_frontend": [
            "crm_client_base_website/static/src/interactions/*.js",
        ],
        "web.assets_tests": [
            "crm_client_base_website/static/tests/tours/**/*",
        ],
    },
}
