/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// A salesperson's first client: a phone written the Russian way, no country on the card.
registry.category("web_tour.tours").add("crm_client_base_first_client", {
    url: "/odoo/action-crm_client_base.res_partner_action",
    steps: () => patientSteps([
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit ООО «Первый клиент»",
        },
        {
            trigger: ".o_field_widget[name=phone] input",
            run: "edit 8 (495) 123-45-67",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_field_widget[name=phone] input",
            run() {
                if (this.anchor.value !== "+7 495 123-45-67") {
                    throw new Error(`the phone was read as ${this.anchor.value}`);
                }
            },
        },
        {
            // The salesperson holds the new client.
            trigger: ".o_field_widget[name=user_id]",
            run() {
                const input = this.anchor.querySelector("input");
                const shown = input ? input.value : this.anchor.textContent;
                if (!shown.includes("Анна Иванова")) {
                    throw new Error(`the salesperson shown is "${shown}"`);
                }
            },
        },
    ]),
});
