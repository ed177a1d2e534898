/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";

// A visitor writes through the contact form, once the interaction gave it its tokens.
function visitorSteps() {
    return [
        { trigger: "form.o_client_form_ready" },
        { trigger: "#ccb_name", run: "edit Пётр Листов" },
        { trigger: "#ccb_company", run: "edit ООО «Листопад»" },
        { trigger: "#ccb_phone", run: "edit 8 495 222 33 44" },
        { trigger: "#ccb_email", run: "edit petr@listopad.example" },
        { trigger: "#ccb_message", run: "edit Хотим стать вашими клиентами" },
        { trigger: "#ccb_consent", run: "check" },
        { trigger: ".o_client_form_send", run: "click", expectUnloadPage: true },
        { trigger: ".o_client_form_thanks" },
    ];
}

// On the form's page of the Russian site.
registry.category("web_tour.tours").add("crm_client_base_website_form", {
    steps: () => patientSteps([{ trigger: "label[for=ccb_name]:contains(Ваше имя)" }, ...visitorSteps()]),
});

// On a page holding the snippet as the editor saved it.
registry.category("web_tour.tours").add("crm_client_base_website_snippet", {
    steps: () => patientSteps(visitorSteps()),
});

// A salesperson takes the new client from the free pool.
registry.category("web_tour.tours").add("crm_client_base_website_take", {
    steps: () => patientSteps([
        { trigger: ".o_form_view .o_field_widget[name=name]:contains(Листопад), .o_form_view input:value(ООО «Листопад»)" },
        { trigger: "button[name=action_take_from_pool]:contains(Взять клиента)", run: "click" },
        { trigger: ".o_form_view:not(:has(button[name=action_take_from_pool]))" },
    ]),
});
