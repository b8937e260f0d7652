import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Restriction of processing and erasure (UK GDPR Art. 18 and 17; decision 0042).
 * `processing_restriction` records a client's removal request handled as a restriction: Tandem
 * keeps the client's records but does not use them (no reminders, notices, prompts or jobs; left
 * out of figures and research exports; staff see "processing restricted"). A restriction is
 * active while `lifted_at` is null; at most one active restriction per client (partial unique
 * index). `requested_at` is when the client asked, `restricted_at` when an admin recorded it.
 * `client_erasure` records that a client's personal data was erased (once, where the retention
 * policy allowed it); the client row stays as a blanked tombstone so audit rows still point at it.
 * SQL for PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table processing_restriction (
      id uuid primary key,
      client_id uuid not null references client (id),
      organisation_id uuid not null references organisation (id),
      requested_at timestamptz not null,
      restricted_at timestamptz not null,
      restricted_by uuid not null references staff (id),
      reason text not null,
      lifted_at timestamptz,
      lifted_by uuid references staff (id),
      lift_reason text
    );
    create unique index processing_restriction_one_active
      on processing_restriction (client_id) where lifted_at is null;
    create index processing_restriction_organisation on processing_restriction (organisation_id);

    create table client_erasure (
      client_id uuid primary key references client (id),
      organisation_id uuid not null references organisation (id),
      requested_at timestamptz not null,
      erased_at timestamptz not null,
      erased_by uuid not null references staff (id),
      reason text not null
    );
  `,
  );
}
