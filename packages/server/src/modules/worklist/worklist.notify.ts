import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

/** The one channel: its payload is a client's id and nothing else (no names, no clinical detail). */
export const clientChangedChannel = 'tandem_client_changed';

/**
 * Tells every app instance that something on this client's worklist line may have changed. Call it
 * inside the writer's transaction: PostgreSQL delivers NOTIFY on commit and drops it on rollback,
 * so a listener never hears of a change that did not happen. Ids only (HAZ-056).
 */
export async function notifyClientChanged(db: Kysely<Schema> | Transaction<Schema>, clientId: string): Promise<void> {
  await sql`select pg_notify(${clientChangedChannel}, ${clientId})`.execute(db);
}

/**
 * The same notice as a select-list expression, for a statement that writes and notifies in one
 * round trip: `clientId` is a column of the row being returned (text result, always empty).
 */
export function clientChangedNotice(clientId: RawBuilder<string> | string) {
  const id = typeof clientId === 'string' ? sql.ref(clientId) : clientId;
  return sql<string>`pg_notify(${clientChangedChannel}, ${id}::text)::text`;
}
