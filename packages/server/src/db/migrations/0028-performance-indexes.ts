import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script';

/**
 * Indexes for reads by client that scanned whole tables: the client's appointments (client home,
 * worklist, brief), when a client last finished a step (worklist's last activity, homework), and a
 * client's open follow-up tasks (worklist). Found with EXPLAIN on a generated organisation of
 * 10,000 clients (bench/); bench/budgets/budgets.test.ts keeps the worklist, brief and home on indexes.
 * SQL for PostgreSQL 15.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
    create index appointment_client on appointment (client_id, starts_at);
    create index step_progress_client_recorded on step_progress (client_id, recorded_at);
    create index follow_up_task_client on follow_up_task (client_id) where status = 'open';
    `,
  );
}
