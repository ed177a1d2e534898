/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";
import { bannerShowsNothingOf } from "@crm_client_base_dedup/../tests/tours/banner_steps";

// A salesperson types a colleague's client on a new card: the banner says the client exists and
// who holds it, without an access error and without losing what was typed.
registry.category("web_tour.tours").add("crm_client_base_dedup_hidden_banner", {
    url: "/odoo/action-crm_client_base.res_partner_action",
    steps: () => patientSteps([
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit ООО «Секретный клиент»",
        },
        {
            trigger: ".o_field_widget[name=phone] input",
            run: "edit +7 495 765-43-21",
        },
        {
            // Leaving the field sends the change to the server, as a user moving on does.
            trigger: ".o_field_widget[name=email] input",
            run: "click",
        },
        {
            // The banner names the holder, in Russian.
            trigger: ".o_dedup_candidates:contains(Борис Петров):contains(уже есть в базе)",
        },
        {
            trigger: ".o_field_widget[name=phone] input",
            run() {
                if (!this.anchor.value.includes("765-43-21")) {
                    throw new Error(`the typed phone was lost: ${this.anchor.value}`);
                }
            },
        },
        bannerShowsNothingOf(["Тайная"]),
        ...stepUtils.discardForm(),
    ]),
});
