import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/** Versioned consent: every answer is a new row; the newest is the client's current consent. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table consent_record (
      seq bigint generated always as identity,
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      client_id uuid not null references client (id),
      wording_version text not null,
      choices jsonb not null,
      recorded_at timestamptz not null,
      recorded_by_type text not null check (recorded_by_type in ('client', 'staff')),
      recorded_by_id uuid not null
    );
    create index consent_record_client on consent_record (client_id, seq);
  `,
  );
}
