import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Edits of one exercise entry made on two devices (decision 0033): the version that is not kept as
 * the current entry is kept here, never dropped, until the client chooses between them. Each
 * entry also records the device that wrote its current text (a random id the phone makes), so a
 * device's own later save is never taken for an edit made elsewhere. SQL for PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    alter table exercise_entry add column device_id uuid;

    create table exercise_entry_other_version (
      id uuid primary key,
      entry_id uuid not null references exercise_entry (id),
      data jsonb not null,
      shared boolean not null,
      status text not null check (status in ('draft', 'submitted')),
      recorded_at timestamptz not null,
      received_at timestamptz not null,
      resolved_at timestamptz
    );
    create index exercise_entry_other_version_entry on exercise_entry_other_version (entry_id) where resolved_at is null;
  `,
  );
}
