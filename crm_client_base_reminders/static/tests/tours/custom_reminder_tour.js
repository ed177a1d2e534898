/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// From a client card: open its reminders and create one that comes back every week.
registry.category("web_tour.tours").add("crm_client_base_reminders_custom", {
    steps: () => patientSteps([
        {
            trigger: ".o_breadcrumb:contains(ООО Напоминание)",
        },
        {
            // Smart buttons beyond the first few sit in the "More" menu.
            trigger: ".o-form-buttonbox",
            run() {
                const more = document.querySelector(".o-form-buttonbox .o_button_more");
                if (more && !document.querySelector("button[name=action_open_client_reminders]")) {
                    more.click();
                }
            },
        },
        {
            trigger: "button[name=action_open_client_reminders]",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Уточнить план закупок",
        },
        {
            trigger: ".o_field_widget[name=recurrence] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_item:contains(Каждую неделю)",
            run: "click",
        },
        ...stepUtils.saveForm(),
    ]),
});
