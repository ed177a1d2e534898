# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def cron_progress(env, done, remaining=None):
    """Commit a batch and report progress when running as a scheduled action (never in a
    request, a shell or a test, which own their transaction). Returns False when the scheduled
    action has run out of time and should stop."""
    if not env.context.get("ir_cron_progress_id"):
        return True
    return env["ir.cron"]._commit_progress(done, remaining=remaining) > 0
