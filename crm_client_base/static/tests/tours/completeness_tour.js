/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// Opens the completeness control and drills down from a pivot cell to the clients behind it.
registry.category("web_tour.tours").add("crm_client_base_completeness", {
    url: "/odoo/action-crm_client_base.res_partner_action_completeness",
    steps: () => patientSteps([
        {
            trigger: ".o_pivot .o_pivot_cell_value",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(ООО Неполнота) td.o_data_cell",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:contains(ООО Неполнота)",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=client_missing_fields]:not(:empty)",
        },
    ]),
});
