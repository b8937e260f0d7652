import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/** Which programme steps each client has finished, against which content version. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create table step_progress (
      client_id uuid not null references client (id),
      module_id text not null,
      step_id text not null,
      content_version text not null,
      recorded_at timestamptz not null,
      received_at timestamptz not null,
      primary key (client_id, module_id, step_id)
    );
  `,
  );
}
