/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// The review queue: open the best candidate, compare, then merge keeping the Latin name.
registry.category("web_tour.tours").add("crm_client_base_dedup_review_merge", {
    url: "/odoo/action-crm_client_base_dedup.crm_client_duplicate_action",
    steps: () => patientSteps([
        {
            trigger: ".o_data_row:contains(Турбо) .o_data_cell[name=name]",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=partner_ids] .o_data_row:contains(Turbo LLC)",
        },
        {
            trigger: ".o_form_view button[name=action_open_merge]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=survivor_id] input",
            run: "edit Турбо",
        },
        {
            trigger: ".dropdown-item:contains(Турбо)",
            run: "click",
        },
        {
            // The survivor is chosen; a click outside closes the search if its results came late
            // and opened it again (seen on a busy machine).
            trigger: ".modal .o_field_widget[name=survivor_id] input:value(ООО «Турбо»)",
            run: "click .modal-title",
        },
        {
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:first .o_data_cell[name=source_id]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:first .o_field_widget[name=source_id] input",
            run: "edit Turbo",
        },
        {
            trigger: ".dropdown-item:contains(Turbo LLC)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:first .o_data_cell[name=preview]:contains(Turbo LLC)",
        },
        {
            trigger: ".modal footer button[name=action_merge]",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input:value(Turbo LLC)",
        },
    ]),
});
