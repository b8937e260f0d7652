import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Web push (decision 0030): the server's own VAPID key pair, made once and shared by every app
 * instance (one row), and each device's push subscription, owned by the account signed in on it.
 * An endpoint is unique: a phone passed to another person belongs to whoever subscribed last.
 * SQL for PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table push_vapid_key (
      id integer primary key check (id = 1),
      public_key text not null,
      private_key text not null,
      created_at timestamptz not null
    );

    create table push_subscription (
      id uuid primary key,
      account_id uuid not null references account (id),
      endpoint text not null unique check (length(endpoint) <= 2000),
      p256dh text not null,
      auth text not null,
      created_at timestamptz not null,
      last_sent_at timestamptz
    );
    create index push_subscription_account on push_subscription (account_id);
  `,
  );
}
