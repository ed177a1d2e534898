# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def cron_progress(env, done, remaining=None):
    """Commit a batch and report progress when running as a scheduled action (never in a
    request, a shell or a test, which own their transaction). Returns False when the scheduled
    action has run out of time with work left (``remaining``): it should stop, and Odoo runs it
    again soon. With nothing left it returns True, so that the caller finishes its work (marks
    a job done) instead of leaving that to the next run, an interval later."""
    if not env.context.get("ir_cron_progress_id"):
        return True
    time_left = env["ir.cron"]._commit_progress(done, remaining=remaining)
    return time_left > 0 or remaining == 0
