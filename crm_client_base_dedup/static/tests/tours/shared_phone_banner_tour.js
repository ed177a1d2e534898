/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// A salesperson types a new firm with a phone already on another client's card: the banner says
// whose phone it is, linked, without claiming the two are one client.
registry.category("web_tour.tours").add("crm_client_base_dedup_shared_phone_banner", {
    url: "/odoo/action-crm_client_base.res_partner_action",
    steps: () => patientSteps([
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit ООО «Ласточка»",
        },
        {
            trigger: ".o_field_widget[name=phone] input",
            run: "edit +7 495 222-33-44",
        },
        {
            trigger: ".o_field_widget[name=email] input",
            run: "click",
        },
        {
            trigger: ".o_dedup_candidates:contains(Уже есть на других карточках):contains(ИП Смирнов Олег) a[href*='/odoo/contacts/']",
        },
        {
            trigger: ".o_dedup_candidates",
            run() {
                if (this.anchor.textContent.includes("уже есть в базе")) {
                    throw new Error("a shared phone is claimed as the same client");
                }
                if (!this.anchor.textContent.includes("телефон +74952223344")) {
                    throw new Error(`the banner does not say whose phone it is: ${this.anchor.textContent}`);
                }
            },
        },
        ...stepUtils.discardForm(),
    ]),
});
