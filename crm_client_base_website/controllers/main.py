# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request


class ClientFormController(http.Controller):
    """The website's contact form: shown on its page (or as a snippet on any page), sent here."""

    @http.route("/client-form", type="http", auth="public", website=True, sitemap=True)
    def client_form(self, **kwargs):
        return self._render_form({key: kwargs.get(key) for key in ("utm_campaign", "utm_medium")}, {})

    @http.route("/client-form/token", type="jsonrpc", auth="public", website=True)
    def client_form_token(self):
        return {"token": request.env["crm.client.website.form"]._token(), "csrf_token": request.csrf_token()}

    @http.route("/client-form/thanks", type="http", auth="public", website=True, sitemap=False)
    def client_form_thanks(self):
        return request.render("crm_client_base_website.client_form_thanks")

    @http.route("/client-form/submit", type="http", auth="public", website=True, methods=["POST"], sitemap=False)
    def client_form_submit(self, **post):
        website = request.website
        Form = request.env["crm.client.website.form"].sudo()
        spam = Form._spam_reason(post, website, request.httprequest.remote_addr)
        if spam:
            # Counted, never stored. A robot that filled the hidden field or made up the form
            # learns nothing; a person who was too fast or sent too many is told.
            request.env["crm.client.website.spam"].sudo()._count(website, spam)
            if spam in ("honeypot", "token"):
                return request.redirect("/client-form/thanks")
            message = {
                "fast": request.env._("The form was sent very quickly. Please check it and send it again."),
                "rate": request.env._("Too many requests from your network. Please try again in an hour."),
            }[spam]
            return self._render_form(post, {"form": message})
        values, errors = Form._check(post, website)
        if errors:
            return self._render_form(post, errors)
        # The page's address first (the form copies it), Odoo's UTM cookies otherwise.
        utm = {
            field[: -len("_id")]: post.get(parameter) or request.cookies.get(cookie)
            for parameter, field, cookie in request.env["utm.mixin"].tracking_fields()
            if field in ("campaign_id", "medium_id")
        }
        try:
            with request.env.cr.savepoint():
                Form._submit(values, website, utm=utm, page=request.httprequest.referrer or website.name)
        except (UserError, ValidationError) as error:
            # A value the card's standards refuse on saving (a company's own policy): said on the form.
            return self._render_form(post, {"form": error.args[0]})
        return request.redirect("/client-form/thanks")

    def _render_form(self, values, errors):
        return request.render(
            "crm_client_base_website.client_form_page",
            {
                "values": values,
                "errors": errors,
                "form_token": request.env["crm.client.website.form"]._token(),
            },
        )
