import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Secure messages between a client and their care team, one conversation per episode, and each
 * practitioner's saved quick replies (decision 0027). A message keeps the phone's time and the
 * server's; a client's message keeps who it was routed to read it (the assigned practitioner, or
 * cover while they are away) and when it was read, by whom. Messages are never deleted: they are
 * part of the record. A deleted quick reply keeps its row (`deleted_at`), so a stale use of it is
 * recognised and refused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table message (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      client_id uuid not null references client (id),
      episode_id uuid not null references episode (id),
      author_type text not null check (author_type in ('client', 'staff')),
      author_staff_id uuid references staff (id),
      text text not null check (length(text) between 1 and 2000),
      recorded_at timestamptz not null,
      received_at timestamptz not null,
      routed_to_staff_id uuid references staff (id),
      route text check (route is null or route in ('assigned_practitioner', 'care_team', 'duty', 'site_lead')),
      quick_reply_id uuid,
      read_at timestamptz,
      read_by_staff_id uuid references staff (id),
      check ((author_type = 'staff') = (author_staff_id is not null)),
      check ((author_type = 'client') = (route is not null))
    );
    create index message_episode on message (episode_id, received_at);
    create index message_unread_client on message (client_id) where read_at is null;
    create index message_unread_routed on message (routed_to_staff_id) where read_at is null;

    create table quick_reply (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      staff_id uuid not null references staff (id),
      text text not null check (length(text) between 1 and 2000),
      created_at timestamptz not null,
      deleted_at timestamptz
    );
    create index quick_reply_staff on quick_reply (staff_id, created_at);
  `,
  );
}
