import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Each client's mood-prompt schedule, once the client or their practitioner changes the default;
 * and whether an alert's "person on hand from" is known (no site had service hours when it was raised).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table mood_prompt_schedule (
      client_id uuid primary key references client (id),
      schedule jsonb not null,
      version integer not null check (version >= 1),
      updated_by_type text not null check (updated_by_type in ('client', 'staff')),
      updated_by_id uuid not null,
      updated_at timestamptz not null
    );

    alter table risk_alert add column cover_known boolean not null default true;
  `,
  );
}
