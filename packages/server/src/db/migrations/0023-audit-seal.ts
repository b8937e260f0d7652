import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Tamper evidence for the audit log (decision 0011): seals over the audit rows in `seq` order, each
 * holding the SHA-256 chain's last hash over its rows and the previous seal's hash. Append-only
 * like the rows themselves. SQL for PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table audit_seal (
      seq bigint generated always as identity primary key,
      -- The seal covers every audit row with after_seq < seq <= last_seq.
      after_seq bigint not null,
      last_seq bigint not null check (last_seq > after_seq),
      row_count integer not null check (row_count > 0),
      previous_hash text not null,
      last_hash text not null,
      sealed_at timestamptz not null
    );
    create unique index audit_seal_after on audit_seal (after_seq);

    create trigger audit_seal_no_update_delete before update or delete on audit_seal
      for each row execute function audit_event_refuse_change();
    create trigger audit_seal_no_truncate before truncate on audit_seal
      for each statement execute function audit_event_refuse_change();
    revoke update, delete, truncate on audit_seal from public;
  `,
  );
}
