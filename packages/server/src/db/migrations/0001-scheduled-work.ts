import { sql, type Kysely } from 'kysely';

/**
 * Scheduled work lives in Tandem's own table, read through the injected clock (STACK-NOTES, "Jobs
 * and time"). A job is enqueued in the same transaction as the change that causes it; its unique
 * delivery key makes enqueueing idempotent (one reminder per appointment and kind, for example).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scheduled_job')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('delivery_key', 'text', (c) => c.notNull().unique())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'running', 'done', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .execute();
  // The worker's claim query: due work that is pending, or running with an expired lease.
  await sql`create index scheduled_job_due on scheduled_job (due_at) where status in ('pending', 'running')`.execute(db);
}
