/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// A client list checked (dry run), then imported: the refused line says why.
registry.category("web_tour.tours").add("crm_client_base_import_check_and_import", {
    steps: () => patientSteps([
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_preview]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains(Duplicate of line 2)",
        },
        {
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains(check digits)",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=create_count]:contains(2)",
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_import]",
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=summary]:contains(2 clients created)",
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_open_clients]",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(ООО «Турист»)",
        },
    ]),
});
