/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// The merge log: open the merge, undo it, and see it undone.
registry.category("web_tour.tours").add("crm_client_base_dedup_undo_merge", {
    url: "/odoo/action-crm_client_base_dedup.crm_client_merge_log_action",
    steps: () => patientSteps([
        {
            trigger: ".o_data_row:contains(Турбо) .o_data_cell[name=survivor_name]",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=merged_names]:contains(Turbo LLC)",
        },
        {
            trigger: ".o_form_view button[name=action_undo]",
            run: "click",
        },
        {
            // Odoo's confirmation of a button with a confirm message.
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=undone_uid]",
        },
        {
            trigger: ".o_form_view:not(:has(button[name=action_undo]))",
        },
    ]),
});
