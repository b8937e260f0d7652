import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Integration access (decision 0041). A `service_account` is a named system of one organisation
 * (its patient record system, say) that calls the API without a person: it acts only through its
 * `api_token`s. A token is 32 random bytes shown once; only its SHA-256 is kept, with the scopes
 * it may use, an expiry it cannot outlive, and who revoked it when. SQL for PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table service_account (
      id uuid primary key,
      organisation_id uuid not null references organisation (id),
      name text not null,
      created_by uuid not null references staff (id),
      created_at timestamptz not null,
      received_at timestamptz not null,
      unique (organisation_id, name)
    );

    create table api_token (
      id uuid primary key,
      service_account_id uuid not null references service_account (id),
      token_hash text not null unique,
      hint text not null,
      scopes text[] not null,
      created_by uuid not null references staff (id),
      created_at timestamptz not null,
      received_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      revoked_by uuid references staff (id),
      last_used_at timestamptz,
      check (cardinality(scopes) > 0),
      check (expires_at > created_at)
    );
    create index api_token_service_account on api_token (service_account_id);
  `,
  );
}
