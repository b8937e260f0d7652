import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * What a finished job did when it had a choice (decision 0032): "sent by push", "sent by email",
 * "not sent: quiet hours, moved to 07:30", "not sent: the device is gone". The delivery log shows
 * it, so an admin can tell a reminder that was sent from one that rightly sent nothing. Fixed
 * words from the handlers, never data. SQL for PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    alter table scheduled_job add column outcome text check (length(outcome) <= 200);
    create index scheduled_job_kind_created on scheduled_job (kind, created_at);
  `,
  );
}
