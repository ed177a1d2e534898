/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

// How long a step of the suite's tours waits for its trigger: a minute instead of Odoo's 10 s
// (the most a step may ask). On a busy 2-core machine one server answer alone can take longer
// than 10 s; a step that is really stuck still fails, a minute later.
export const STEP_TIMEOUT = 60000;

/** The steps, each waiting up to STEP_TIMEOUT unless it says otherwise. */
export function patientSteps(steps) {
    return steps.map((step) => ({ timeout: STEP_TIMEOUT, ...step }));
}
