import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Homework tied to the next appointment, and the client's "things I want to talk about"
 * (decision 0023). Homework keeps its items as JSON (checked against the programme when set) and
 * is never deleted: a cancelled one keeps who, when and why. Agenda items keep the phone's time and
 * the server's; discussed or removed ones stay as the record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table homework (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      client_id uuid not null references client (id),
      episode_id uuid not null references episode (id),
      appointment_id uuid references appointment (id),
      items jsonb not null,
      due_on date not null,
      status text not null check (status in ('active', 'cancelled')),
      set_by uuid references staff (id),
      set_at timestamptz not null,
      cancelled_at timestamptz,
      cancelled_by uuid references staff (id),
      cancel_reason text check (cancel_reason is null or length(cancel_reason) between 1 and 200)
    );
    create index homework_client on homework (client_id, set_at);
    create index homework_episode on homework (episode_id, set_at);

    create table agenda_item (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      client_id uuid not null references client (id),
      text text not null check (length(text) between 1 and 500),
      status text not null check (status in ('open', 'discussed', 'removed')),
      recorded_at timestamptz not null,
      received_at timestamptz not null,
      discussed_at timestamptz,
      discussed_by uuid references staff (id),
      discussed_appointment_id uuid references appointment (id),
      removed_at timestamptz
    );
    create index agenda_item_client on agenda_item (client_id, status, recorded_at);
  `,
  );
}
