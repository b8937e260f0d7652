import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Two-step sign-in and the client's app PIN (decision 0035). A session is either signed in
 * (`full`), or half-way: the password was right and a code is due (`mfa`), or a member of staff
 * must first set up an authenticator app (`enrol`). A remembered client session may carry an app
 * PIN. SQL for PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    alter table auth_session add column stage text not null default 'full' check (stage in ('full', 'mfa', 'enrol'));
    alter table auth_session add column second_step_failures integer not null default 0;
    alter table auth_session add column pin_hash text;
    alter table auth_session add column pin_failures integer not null default 0;

    create table account_totp (
      account_id uuid primary key references account (id),
      secret text not null,
      -- Null until the person proves their app has it by entering a code; only then does it count.
      confirmed_at timestamptz,
      -- The time step of the last code accepted: a code is never accepted twice.
      last_used_step bigint,
      created_at timestamptz not null
    );

    create table account_recovery_code (
      id uuid primary key,
      account_id uuid not null references account (id),
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null
    );
    create index account_recovery_code_account on account_recovery_code (account_id) where used_at is null;
  `,
  );
}
