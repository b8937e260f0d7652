import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * An organisation's care settings (session limits, no-improvement session, questionnaire window),
 * versioned like its risk policy; and whether a staying-well plan was offered at discharge (null
 * until the episode ends, and for episodes that ended before this was asked).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table care_settings (
      organisation_id uuid primary key references organisation (id),
      settings jsonb not null,
      version integer not null check (version >= 1),
      updated_by uuid not null references staff (id),
      updated_at timestamptz not null
    );

    alter table episode add column relapse_plan_offered boolean;
  `,
  );
}
