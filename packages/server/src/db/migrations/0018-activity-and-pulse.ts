import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Value and burden (issue 9 items 5 and 6, decision 0028).
 * - `activity_beat`: one row per beat the practitioner's page sent, keyed by the page's beat id so
 *   a retried beat counts once; it also gives the time of the person's previous beat, which caps
 *   the next one (two tabs cannot count one minute twice). Only ids, seconds and times.
 * - `active_time_day`: the totals shown — seconds per staff member × client × day (the
 *   organisation's calendar date).
 * - `practitioner_pulse`: the monthly check, one row per person per month ('YYYY-MM'); a
 *   dismissal is a row with no answer. Scores 1–5 or null, a comment of at most 1000 characters.
 * Times from the app's clock; SQL for PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table activity_beat (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      staff_id uuid not null references staff (id),
      client_id uuid not null references client (id),
      day date not null,
      claimed_seconds integer not null check (claimed_seconds >= 0),
      credited_seconds integer not null check (credited_seconds >= 0),
      received_at timestamptz not null
    );
    create index activity_beat_staff_received on activity_beat (staff_id, received_at desc);

    create table active_time_day (
      organisation_id uuid not null references organisation (id),
      staff_id uuid not null references staff (id),
      client_id uuid not null references client (id),
      day date not null,
      seconds integer not null check (seconds >= 0),
      updated_at timestamptz not null,
      primary key (staff_id, client_id, day)
    );
    create index active_time_day_org_day on active_time_day (organisation_id, day);

    create table practitioner_pulse (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      staff_id uuid not null references staff (id),
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      value smallint check (value between 1 and 5),
      burden smallint check (burden between 1 and 5),
      comment text check (length(comment) <= 1000),
      dismissed boolean not null default false,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (staff_id, month)
    );
    create index practitioner_pulse_org_month on practitioner_pulse (organisation_id, month);
  `,
  );
}
