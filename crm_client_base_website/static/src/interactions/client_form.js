// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { Interaction } from "@web/public/interaction";
import { registry } from "@web/core/registry";
import { rpc } from "@web/core/network/rpc";

/**
 * The contact form's tokens, fresh for each page shown (a snippet is saved in the page once):
 * the session's CSRF token, the signed moment the form was shown (the minimum fill time), and the
 * UTM campaign and medium of the page's address.
 */
export class ClientForm extends Interaction {
    static selector = "form.o_client_form";

    async willStart() {
        const data = await this.waitFor(rpc("/client-form/token", {}));
        this.el.querySelector("input[name='csrf_token']").value = data.csrf_token;
        this.el.querySelector("input[name='form_token']").value = data.token;
        const params = new URLSearchParams(window.location.search);
        for (const key of ["utm_campaign", "utm_medium"]) {
            const input = this.el.querySelector(`input[name='${key}']`);
            if (params.get(key) && input && !input.value) {
                input.value = params.get(key);
            }
        }
    }

    start() {
        this.el.classList.add("o_client_form_ready");
    }
}

registry.category("public.interactions").add("crm_client_base_website.client_form", ClientForm);
