/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// A salesperson records a client's consent given on paper, then its withdrawal.
registry.category("web_tour.tours").add("crm_client_base_consent", {
    steps: () => patientSteps([
        {
            trigger: ".o_notebook .nav-link:contains(Персональные данные)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=client_consent_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=purpose_id] input",
            run: "edit Договор",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Договор)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=source_ref] input",
            run: "edit Бланк №17",
        },
        {
            trigger: ".modal footer .btn-primary",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            trigger: ".o_form_readonly, .o_form_saved",
        },
        {
            trigger: ".o_field_widget[name=client_consent_ids] .o_data_row:contains(Договор) button[name=action_withdraw]",
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=client_consent_ids] .o_data_row.text-muted:contains(Договор)",
        },
    ]),
});

// A sales manager forgets a person at their request: what will be cleared is shown first.
registry.category("web_tour.tours").add("crm_client_base_forget", {
    steps: () => patientSteps([
        {
            trigger: ".o_notebook .nav-link:contains(Персональные данные)",
            run: "click",
        },
        {
            trigger: "button:contains(Забыть этого человека)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=preview]:contains(Члены семьи: 1)",
        },
        {
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Просьба человека",
        },
        {
            trigger: ".modal footer button[name=action_forget]",
            run: "click",
        },
        {
            // The confirmation.
            trigger: ".modal:not(:has(.o_field_widget[name=reason])) .modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:contains(Забытое лицо)",
        },
    ]),
});
