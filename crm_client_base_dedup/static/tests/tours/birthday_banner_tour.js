/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { patientSteps } from "@crm_client_base/../tests/tours/patient_steps";
import { bannerShowsNothingOf, newPrivateCardSteps } from "@crm_client_base_dedup/../tests/tours/banner_steps";

// A salesperson types a private client with another phone and no city, under the name and
// birthday of a colleague's client: the banner says the client exists and who holds it, and
// nothing of the client's city, street, phone or mailbox.
registry.category("web_tour.tours").add("crm_client_base_dedup_birthday_banner", {
    url: "/odoo/action-crm_client_base.res_partner_action",
    steps: () => patientSteps([
        ...newPrivateCardSteps(),
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Алла Викторовна Зарецкая",
        },
        {
            trigger: ".o_field_widget[name=phone] input",
            run: "edit +7 986 999-12-05",
        },
        {
            trigger: ".o_notebook a.nav-link[name=client_relationship]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=birthday] input",
            run: "edit 19.07.1961",
        },
        {
            // Leaving the field sends the change to the server, as a user moving on does.
            trigger: ".o_field_widget[name=favourite_team] input",
            run: "click",
        },
        {
            trigger: ".o_dedup_candidates:contains(Борис Петров):contains(уже есть в базе):contains(тот же день рождения)",
        },
        bannerShowsNothingOf(["Казань", "Баумана", "220-45", "alla.z@"]),
        ...stepUtils.discardForm(),
    ]),
});
