import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * The calendar on the appointment record (decision 0021): every move of an appointment kept with
 * who, when, from, to and why; and each person's private calendar feed, of which only the SHA-256
 * of the secret is stored. A rotated or revoked feed keeps its row (revoked_at) as a record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    -- seq orders moves made in the same millisecond (ids made then sort randomly).
    create table appointment_change (
      seq bigint generated always as identity,
      id uuid primary key,
      appointment_id uuid not null references appointment (id),
      at timestamptz not null,
      by_staff_id uuid references staff (id),
      from_starts_at timestamptz not null,
      from_duration_minutes integer not null,
      to_starts_at timestamptz not null,
      to_duration_minutes integer not null check (to_duration_minutes between 5 and 180),
      reason text check (reason is null or length(reason) between 1 and 200)
    );
    create index appointment_change_appointment on appointment_change (appointment_id, seq);

    create table calendar_feed (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      account_id uuid not null references account (id),
      token_hash text not null unique,
      created_at timestamptz not null,
      revoked_at timestamptz,
      last_read_at timestamptz
    );
    -- One live feed per person; rotating revokes the old one in the same transaction.
    create unique index calendar_feed_live on calendar_feed (account_id) where revoked_at is null;
  `,
  );
}
