import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Single sign-on for staff (decision 0036). `oidc_attempt` holds one sign-in at the provider —
 * state, nonce and PKCE verifier — keyed by the SHA-256 of a random value kept in the browser's
 * short-lived cookie, so no app instance keeps it in memory and a callback in another browser
 * finds nothing. Each row is used once (deleted on use) and is void after 10 minutes.
 * `account_oidc_link` remembers which subject at an issuer first signed in to an account: later
 * sign-ins from that issuer must present the same subject. SQL for PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table oidc_attempt (
      key_hash text primary key,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index oidc_attempt_expires on oidc_attempt (expires_at);

    create table account_oidc_link (
      issuer text not null,
      subject text not null,
      account_id uuid not null references account (id),
      created_at timestamptz not null,
      last_used_at timestamptz not null,
      primary key (issuer, subject),
      unique (issuer, account_id)
    );
  `,
  );
}
