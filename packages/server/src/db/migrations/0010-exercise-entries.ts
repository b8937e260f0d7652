import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * The client's exercise entries (drafts and submissions, with each submission kept as history),
 * practitioners' feedback on them, and reusable feedback wording.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table exercise_entry (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      client_id uuid not null references client (id),
      exercise text not null,
      module_id text,
      step_id text,
      content_version text,
      status text not null check (status in ('draft', 'submitted')),
      shared boolean not null,
      data jsonb not null,
      revision integer not null check (revision >= 1),
      submissions integer not null default 0,
      recorded_at timestamptz not null,
      received_at timestamptz not null,
      created_at timestamptz not null,
      first_submitted_at timestamptz
    );
    create index exercise_entry_client on exercise_entry (client_id, recorded_at);

    create table exercise_entry_submission (
      entry_id uuid not null references exercise_entry (id),
      revision integer not null,
      data jsonb not null,
      content_version text,
      recorded_at timestamptz not null,
      received_at timestamptz not null,
      primary key (entry_id, revision)
    );

    create table feedback_template (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      owner_staff_id uuid references staff (id),
      title text not null,
      text text not null,
      created_at timestamptz not null
    );
    create index feedback_template_org on feedback_template (organisation_id);

    create table exercise_feedback (
      id uuid primary key,
      entry_id uuid not null references exercise_entry (id),
      revision integer not null,
      staff_id uuid not null references staff (id),
      text text not null,
      created_at timestamptz not null
    );
    create index exercise_feedback_entry on exercise_feedback (entry_id);
  `,
  );
}
