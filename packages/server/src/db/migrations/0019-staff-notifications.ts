import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Staff notifications (decision 0029): the in-app notification centre's rows and each staff
 * member's own choices for the daily summary email. A risk alert's row is urgent (its email is
 * sent by the risk pathway at once); every other row waits for the summary, which stamps
 * `digested_at` on the rows it counted so none is counted twice. SQL for PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table staff_notification (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      staff_id uuid not null references staff (id),
      kind text not null check (kind in ('risk-alert', 'message', 'entry-shared', 'questionnaire-completed')),
      urgent boolean not null,
      client_id uuid references client (id),
      link text not null check (length(link) <= 500),
      -- What caused it (an alert, a message, an entry): one notification per cause, kind and person.
      source_id uuid not null,
      created_at timestamptz not null,
      read_at timestamptz,
      digested_at timestamptz,
      unique (staff_id, kind, source_id)
    );
    create index staff_notification_recent on staff_notification (staff_id, created_at desc);
    create index staff_notification_digest on staff_notification (staff_id) where digested_at is null and read_at is null and not urgent;

    create table staff_notification_settings (
      staff_id uuid primary key references staff (id),
      digest_email boolean not null,
      digest_time text not null check (digest_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      quiet_start text check (quiet_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      quiet_end text check (quiet_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      check ((quiet_start is null) = (quiet_end is null)),
      version integer not null check (version >= 1),
      updated_at timestamptz not null
    );
  `,
  );
}
