# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Companies that existed before the install greet birthdays too (a new company gets the
    default from the field)."""
    congratulate = env.ref("crm_client_base_reminders.mail_activity_type_client_congratulate")
    companies = env["res.company"].search([("client_reminder_birthday_type_ids", "=", False)])
    companies.write({"client_reminder_birthday_type_ids": [(4, congratulate.id)]})
