import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Mood check-ins. The id is made on the client's phone and is the idempotency key; `recorded_at`
 * is the phone's time (for display), `received_at` the server's (for ordering what arrived).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table check_in (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      client_id uuid not null references client (id),
      mood smallint not null check (mood between 1 and 10),
      note text check (length(note) <= 1000),
      recorded_at timestamptz not null,
      received_at timestamptz not null
    );
    create index check_in_client_recorded on check_in (client_id, recorded_at desc);
  `,
  );
}
