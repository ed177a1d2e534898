# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
from collections import defaultdict
from datetime import date, datetime, time, timedelta

import pytz
from markupsafe import escape

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.crm_client_base.tools.cron import cron_progress

# Occasions missed by a few days (a cron down over a weekend) are still reminded of.
GRACE_DAYS = 3
BATCH = 2000


def _occurrence(day_month, year):
    """The date of a yearly occasion (month, day) in ``year``: 29 February falls on the 28th in
    other years."""
    month, day = day_month
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


class CrmClientReminderEngine(models.AbstractModel):
    """Generates the client reminders that are due, as activities: birthdays, holidays,
    contact cadence and custom reminders, each at most once per occasion."""

    _name = "crm.client.reminder.engine"
    _description = "Client reminder generation"

    # ---------------------------------------------------------------------------------------------
    # entry points
    # ---------------------------------------------------------------------------------------------
    @api.model
    def _cron_generate_reminders(self):
        """Create the activities due today for every source. Idempotent: a rerun, a concurrent
        run or a run after a crash halfway creates no duplicate (see crm.client.reminder.log)."""
        planner = _Planner(self.env)
        occasions = []
        for source in self._reminder_sources():
            found = source(planner)
            planner.add(found)
            occasions += found
        created = planner.flush()
        # Custom reminders move on once their occasion is taken care of.
        due_custom = self.env["crm.client.reminder"].browse(
            {
                occasion["reminder_id"]
                for occasion in occasions
                if occasion.get("reminder_id") and occasion["key"] in planner.logged_keys
            }
        )
        due_custom._advance()
        return created

    @api.model
    def _reminder_sources(self):
        """The sources of reminders, in the order they are planned: methods taking the planner
        and returning occasion dicts (see ``_Planner.add``). An addon adds a source by
        extending this list."""
        return [self._birthday_occasions, self._holiday_occasions, self._cadence_occasions, self._custom_occasions]

    @api.model
    def _cron_send_digest(self):
        """Mail each salesperson the client reminders due today."""
        template = self.env.ref("crm_client_base_reminders.mail_template_reminder_digest", raise_if_not_found=False)
        if not template:
            return
        types = self._reminder_activity_types()
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("activity_type_id", "in", types.ids),
                ("date_deadline", "<=", fields.Date.context_today(self)),
            ]
        )
        for user, user_activities in activities.grouped("user_id").items():
            if not user.email or user.share:
                continue
            template.with_context(lang=user.lang, digest_activities=user_activities).send_mail(
                user.id, email_layout_xmlid="mail.mail_notification_light"
            )

    @api.model
    def _reminder_activity_types(self):
        return (
            self.env["mail.activity.type"].browse(
                [
                    self.env.ref(f"crm_client_base_reminders.mail_activity_type_client_{name}").id
                    for name in ("call", "congratulate", "gift", "follow_up")
                ]
            )
            | self.env["crm.client.reminder"].search([("active", "=", True)]).activity_type_id
        )

    # ---------------------------------------------------------------------------------------------
    # sources: each returns occasion dicts for the planner
    # ---------------------------------------------------------------------------------------------
    def _birthday_occasions(self, planner):
        occasions = []
        types = planner.birthday_types
        if not types:
            return occasions
        months = planner.months_ahead(max(types.mapped("client_reminder_lead_days") or [0]))
        Partner = self.env["res.partner"].with_context(active_test=True)
        # 152-FZ: greetings reach the people who consented to them, where the company asks.
        consented = Partner._client_consent_domain("greetings")
        people = Partner.search_fetch(
            Domain([("birthday_month", "in", months), ("birthday", "!=", False)]) & consented,
            ["birthday", "name", "commercial_partner_id", "parent_id"],
        )
        for person in people:
            for activity_type in types:
                occasions.append(
                    {
                        "source": "birthday",
                        "partner": person,
                        "day_month": (person.birthday.month, person.birthday.day),
                        "activity_type": activity_type,
                        "key": f"birthday:{person.id}:{activity_type.id}",
                        # Worded in the language of the user it goes to (see _create_activities).
                        "summary": lambda env, person=person: env._("Birthday of %s", person.name),
                    }
                )
        members = self.env["crm.client.family.member"].search_fetch(
            [("birthday", "!=", False), ("partner_id.active", "=", True), ("partner_id", "any", consented)],
            ["birthday", "name", "relation", "partner_id"],
        )
        for member in members:
            if member.birthday.month not in months:
                continue
            for activity_type in types:
                occasions.append(
                    {
                        "source": "birthday",
                        "partner": member.partner_id,
                        "day_month": (member.birthday.month, member.birthday.day),
                        "activity_type": activity_type,
                        "key": f"family:{member.id}:{activity_type.id}",
                        "summary": lambda env, member=member: env._(
                            "Birthday of %(name)s (%(relation)s of %(partner)s)",
                            name=member.name,
                            relation=dict(member._fields["relation"]._description_selection(env)).get(
                                member.relation, ""
                            ),
                            partner=member.partner_id.name,
                        ),
                    }
                )
        return occasions

    def _holiday_occasions(self, planner):
        occasions = []
        Partner = self.env["res.partner"]
        for holiday in self.env["crm.client.holiday"].search([("active", "=", True)]):
            lead = holiday.activity_type_id.client_reminder_lead_days
            if not planner.month_day_in_horizon((holiday.month, holiday.day), lead):
                continue
            if holiday.role_ids:
                domain = [("parent_id", "!=", False), ("contact_role_id", "in", holiday.role_ids.ids)]
                owner_domain = []
            else:
                domain = [("parent_id", "=", False), ("is_company", "in", (True, False))]
                owner_domain = [("user_id", "!=", False)] if not planner.has_fallback else []
            if holiday.client_type:
                field = "commercial_partner_id.client_type" if holiday.role_ids else "client_type"
                domain.append((field, "=", holiday.client_type))
            if holiday.stage_ids:
                field = "commercial_partner_id.client_stage_id" if holiday.role_ids else "client_stage_id"
                domain.append((field, "in", holiday.stage_ids.ids))
            if holiday.segment_ids:
                field = "commercial_partner_id.client_segment_ids" if holiday.role_ids else "client_segment_ids"
                domain.append((field, "in", holiday.segment_ids.ids))
            if holiday.company_id:
                domain.append(("company_id", "in", (holiday.company_id.id, False)))
            # Users' and companies' own partners are not clients.
            domain += [("partner_share", "=", True), *owner_domain]
            domain = Domain(domain) & Partner._client_consent_domain("greetings")
            for target in Partner.search_fetch(domain, ["name", "commercial_partner_id"]):
                occasions.append(
                    {
                        "source": "holiday",
                        "partner": target,
                        "day_month": (holiday.month, holiday.day),
                        "activity_type": holiday.activity_type_id,
                        "key": f"holiday:{holiday.id}:{target.id}",
                        "summary": lambda env, holiday=holiday, target=target: env._(
                            "%(holiday)s: greet %(name)s", holiday=holiday.with_env(env).name, name=target.name
                        ),
                    }
                )
        return occasions

    def _cadence_occasions(self, planner):
        occasions = []
        Partner = self.env["res.partner"]
        for rule in self.env["crm.client.cadence"].search([("active", "=", True)]):
            for partner in Partner.search_fetch(rule._domain(), ["name", "last_contact_date"]):
                cycle = partner.last_contact_date.date().isoformat() if partner.last_contact_date else "never"
                occasions.append(
                    {
                        "source": "cadence",
                        "partner": partner,
                        "date": planner.today(partner),
                        "activity_type": rule.activity_type_id,
                        "key": f"cadence:{rule.id}:{partner.id}:{cycle}",
                        "summary": lambda env, partner=partner, days=rule.days: env._(
                            "%(name)s: no contact for %(days)s days or more", name=partner.name, days=days
                        ),
                    }
                )
        return occasions

    def _custom_occasions(self, planner):
        occasions = []
        horizon = planner.utc_today + timedelta(days=max(planner.max_lead, 0) + 1)
        for reminder in self.env["crm.client.reminder"].search([("next_date", "<=", horizon)]):
            occasions.append(
                {
                    "source": "custom",
                    "partner": reminder.partner_id,
                    "date": reminder.next_date,
                    "activity_type": reminder.activity_type_id,
                    "user": reminder.user_id,
                    "key": f"custom:{reminder.id}:{reminder.next_date.isoformat()}",
                    "summary": reminder.name,
                    "note": reminder.note,
                    "reminder_id": reminder.id,
                    # A recurring reminder missed for longer than the grace period still comes.
                    "no_grace": True,
                }
            )
        return occasions


class _Planner:
    """Turns occasions into activities: due dates in each client's timezone and call window,
    on the company's working days, one activity per occasion key."""

    def __init__(self, env):
        self.env = env
        self.utc_today = fields.Date.context_today(env["res.partner"].with_context(tz="UTC"))
        self.birthday_types = env["res.company"].browse(env.company.id).client_reminder_birthday_type_ids
        self.max_lead = max([0, *env["mail.activity.type"].search([]).mapped("client_reminder_lead_days")])
        self.has_fallback = bool(env["res.company"].search([("client_reminder_fallback_user_id", "!=", False)]))
        self.pending = []
        self.logged_keys = set()
        self._unusual = {}

    # -- horizon -----------------------------------------------------------------------------------
    def months_ahead(self, lead):
        first = self.utc_today - timedelta(days=GRACE_DAYS + 1)
        last = self.utc_today + timedelta(days=lead + 1)
        months, day = set(), first
        while day <= last:
            months.add(day.month)
            day += timedelta(days=1)
        return sorted(months)

    def month_day_in_horizon(self, day_month, lead):
        first = self.utc_today - timedelta(days=GRACE_DAYS + 1)
        last = self.utc_today + timedelta(days=lead + 1)
        return any(first <= _occurrence(day_month, year) <= last for year in {first.year, last.year})

    # -- per partner ----------------------------------------------------------------------------------
    @staticmethod
    def _tz(partner):
        return pytz.timezone(
            partner.tz or partner.commercial_partner_id.tz or partner.company_id.partner_id.tz or "UTC"
        )

    def today(self, partner):
        """Today's date where the client is."""
        return datetime.now(self._tz(partner)).date()

    def _company(self, partner):
        return partner.company_id or self.env.company

    def _is_unusual(self, company, day):
        """Weekend or public holiday in the company's working calendar."""
        calendar_ = company.resource_calendar_id
        if not calendar_:
            return day.weekday() >= 5
        if company.id not in self._unusual:
            start = datetime.combine(self.utc_today - timedelta(days=GRACE_DAYS + 2), time.min).replace(tzinfo=pytz.UTC)
            end = datetime.combine(self.utc_today + timedelta(days=self.max_lead + 60), time.max).replace(
                tzinfo=pytz.UTC
            )
            self._unusual[company.id] = calendar_._get_unusual_days(start, end, company)
        unusual = self._unusual[company.id]
        key = fields.Date.to_string(day)
        return unusual[key] if key in unusual else day.weekday() >= 5

    def _callable_day(self, partner, day):
        """The first day from ``day`` on which the client can be called: a working day of the
        company and one of the client's call weekdays."""
        company = self._company(partner)
        client = partner.commercial_partner_id if not partner.call_weekday_ids else partner
        weekdays = set(client.call_weekday_ids.mapped("number"))
        for _ in range(21):
            if not self._is_unusual(company, day) and (not weekdays or day.isoweekday() in weekdays):
                return day
            day += timedelta(days=1)
        return day

    def _summary(self, occasion):
        """The activity's summary, in the language of the user it goes to (an occasion gives
        a text, or a function of the environment that words it)."""
        summary = occasion["summary"]
        if callable(summary):
            return summary(self.env(context=dict(self.env.context, lang=occasion["user"].lang or self.env.lang)))
        return summary

    def _window_note(self, partner, day, user):
        client = partner if partner.call_time_from or partner.call_time_to else partner.commercial_partner_id
        start, end = client.call_time_from, client.call_time_to
        if not (start or end):
            return ""
        tz = self._tz(partner)

        def local(hours):
            return tz.localize(datetime.combine(day, time(int(hours) % 24, round(hours % 1 * 60) % 60)))

        begin = local(start)
        finish = local(end) + (timedelta(days=1) if end <= start else timedelta())
        user_tz = pytz.timezone(user.tz or "UTC")
        return self.env._(
            "Call window: %(start)s–%(end)s client's time (%(tz)s), that is %(ustart)s–%(uend)s your time (%(utz)s).",
            start=begin.strftime("%H:%M"),
            end=finish.strftime("%H:%M") + (" +1" if finish.date() > begin.date() else ""),
            tz=tz.zone,
            ustart=begin.astimezone(user_tz).strftime("%d.%m %H:%M"),
            uend=finish.astimezone(user_tz).strftime("%d.%m %H:%M"),
            utz=user_tz.zone,
        )

    def _user(self, partner, occasion):
        company = self._company(partner)
        chosen = occasion.get("user")
        # A custom reminder's user who may no longer read the client (it changed hands since)
        # is not told of it: the client's salesperson is.
        if chosen and not partner.with_user(chosen).has_access("read"):
            chosen = None
        return (
            chosen
            or partner.commercial_partner_id.user_id
            or partner.user_id
            or company.client_reminder_fallback_user_id
        )

    # -- planning ---------------------------------------------------------------------------------------
    def add(self, occasions):
        for occasion in occasions:
            partner = occasion["partner"]
            lead = occasion["activity_type"].client_reminder_lead_days
            today = self.today(partner)
            if "day_month" in occasion:
                # The nearest occurrence of a yearly occasion around today.
                candidates = [
                    _occurrence(occasion["day_month"], year) for year in (today.year - 1, today.year, today.year + 1)
                ]
                when = min(candidates, key=lambda d: abs((d - today).days))
                occasion["key"] += f":{when.year}"
            else:
                when = occasion["date"]
            if when - timedelta(days=lead) > today:
                continue  # not due yet
            if when < today - timedelta(days=GRACE_DAYS) and not occasion.get("no_grace"):
                continue  # long past: too late to greet
            user = self._user(partner, occasion)
            if not user:
                continue
            occasion.update(
                when=when, user=user, deadline=self._callable_day(partner, max(when - timedelta(days=lead), today))
            )
            self.pending.append(occasion)

    def flush(self):
        """Log the occasions not logged yet and create their activities, in batches."""
        created = self.env["mail.activity"]
        model_id = self.env["ir.model"]._get_id("res.partner")
        for start in range(0, len(self.pending), BATCH):
            batch = self.pending[start : start + BATCH]
            rows = self.env.execute_query(
                SQL(
                    """
                    INSERT INTO crm_client_reminder_log
                           (key, source, partner_id, occasion_date, company_id,
                            create_uid, create_date, write_uid, write_date)
                    SELECT * FROM unnest(%s::varchar[], %s::varchar[], %s::int[], %s::date[], %s::int[],
                                         %s::int[], %s::timestamp[], %s::int[], %s::timestamp[])
                    ON CONFLICT (key) DO NOTHING
                    RETURNING key, id
                    """,
                    [o["key"] for o in batch],
                    [o["source"] for o in batch],
                    [o["partner"].id for o in batch],
                    [o["when"] for o in batch],
                    [self._company(o["partner"]).id for o in batch],
                    [self.env.uid] * len(batch),
                    [fields.Datetime.now()] * len(batch),
                    [self.env.uid] * len(batch),
                    [fields.Datetime.now()] * len(batch),
                )
            )
            new = dict(rows)
            todo = [o for o in batch if o["key"] in new]
            self.logged_keys.update(new)
            values = []
            for occasion in todo:
                note = occasion.get("note") or ""
                window = self._window_note(occasion["partner"], occasion["deadline"], occasion["user"])
                values.append(
                    {
                        "res_model_id": model_id,
                        "res_id": occasion["partner"].id,
                        "activity_type_id": occasion["activity_type"].id,
                        "summary": self._summary(occasion),
                        "note": "<br/>".join(filter(None, [self._escape(note), self._escape(window)])),
                        "date_deadline": occasion["deadline"],
                        "user_id": occasion["user"].id,
                    }
                )
            activities = self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(values)
            by_log = defaultdict(list)
            for occasion, activity in zip(todo, activities, strict=True):
                by_log[activity.id].append(new[occasion["key"]])
            for activity_id, log_ids in by_log.items():
                self.env["crm.client.reminder.log"].browse(log_ids).activity_id = activity_id
            created |= activities
            cron_progress(self.env, len(batch), remaining=len(self.pending) - start - len(batch))
        return created

    @staticmethod
    def _escape(text):
        return str(escape(text)) if text else ""
