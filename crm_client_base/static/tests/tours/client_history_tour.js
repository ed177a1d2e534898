/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// On an open client card: log a call in two clicks, then restore the phone a colleague wiped.
registry.category("web_tour.tours").add("crm_client_base_log_call_restore_phone", {
    steps: () => patientSteps([
        {
            trigger: ".o_breadcrumb:contains(ООО Тур)",
        },
        {
            trigger: "button[name=action_log_interaction].btn-primary",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=summary] input",
            run: "edit Обсудили поставку",
        },
        {
            trigger: ".modal footer button.btn-primary",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: "button[name=action_restore_history]",
            run: "click",
        },
        {
            trigger: ".modal .o_data_row:contains(Телефон) button[name=action_restore]",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_field_widget[name=phone] input",
            run: function () {
                if (this.anchor.value !== "+7 495 123-45-67") {
                    throw new Error(`phone not restored: ${this.anchor.value}`);
                }
            },
        },
    ]),
});
