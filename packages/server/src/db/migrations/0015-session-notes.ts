import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * The structured session note (decision 0024): one per appointment, the care team's internal
 * record of what a session covered and which plan step and component it delivered. Saved as the
 * practitioner types: `saved_at` (the device's time) orders saves, `revision` counts those applied.
 * Episode and client are kept on the row so the protocol map and the supervisor's fidelity view
 * read an episode's notes with one query. Ids come from the appointment; times from the app's
 * clock; SQL for PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table session_note (
      appointment_id uuid primary key references appointment (id),
      organisation_id uuid not null references organisation (id),
      episode_id uuid not null references episode (id),
      client_id uuid not null references client (id),
      -- A step of the episode's plan (plan steps live in treatment_plan.steps, so no foreign key).
      plan_step_id uuid,
      component_delivered text,
      agenda text not null check (length(agenda) <= 2000),
      reviewed text not null check (length(reviewed) <= 2000),
      homework_reviewed boolean,
      homework_set text not null check (length(homework_set) <= 1000),
      risk_reviewed boolean,
      next_steps text not null check (length(next_steps) <= 2000),
      saved_at timestamptz not null,
      revision integer not null check (revision >= 1),
      created_at timestamptz not null,
      created_by uuid references staff (id),
      updated_at timestamptz not null,
      updated_by uuid references staff (id)
    );
    create index session_note_episode on session_note (episode_id);
  `,
  );
}
