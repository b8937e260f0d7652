import { auditActorIdOf, auditRoleOf, newId, type Actor, type Clock } from '@tandem/domain';
import { sql, type Insertable, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import type { Schema } from '../db/schema';

/**
 * The audit writer. Every read and write of client data calls it inside the same transaction as
 * the access, so there is no access without its record (STYLE practice 5). The table is
 * append-only in the database itself (migration 0002). Details hold codes and counts only —
 * never anything a client wrote.
 */
export interface AuditContext {
  actor: Actor | null;
  clock: Clock;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  clientId?: string | null;
  organisationId?: string | null;
  /** For list reads: the ids returned. */
  subjectIds?: string[];
  outcome?: 'success' | 'denied' | 'failed';
  details?: Record<string, string | number | boolean | null>;
}

/** The audit_event row for `entry`, as of the context's clock. */
function auditRow(ctx: AuditContext, entry: AuditEntry) {
  const now = ctx.clock.now();
  return {
    id: newId(now),
    occurred_at: now,
    organisation_id: entry.organisationId ?? ctx.actor?.organisationId ?? null,
    actor_type: ctx.actor?.type ?? 'anonymous',
    actor_id: ctx.actor ? auditActorIdOf(ctx.actor) : null,
    actor_role: ctx.actor ? auditRoleOf(ctx.actor) : 'anonymous',
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    client_id: entry.clientId ?? null,
    request_id: ctx.requestId,
    subject_ids: entry.subjectIds ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  } satisfies Insertable<Schema['audit_event']>;
}

export async function writeAudit(db: Kysely<Schema> | Transaction<Schema>, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_event').values(auditRow(ctx, entry)).execute();
}

/** Each audit_event column's type, for parameters that have no column beside them to infer it from. */
const auditColumnTypes = {
  id: 'uuid',
  occurred_at: 'timestamptz',
  organisation_id: 'uuid',
  actor_type: 'text',
  actor_id: 'uuid',
  actor_role: 'text',
  action: 'text',
  outcome: 'text',
  entity_type: 'text',
  entity_id: 'uuid',
  client_id: 'uuid',
  request_id: 'text',
  subject_ids: 'uuid[]',
  details: 'jsonb',
} as const satisfies Record<keyof ReturnType<typeof auditRow>, string>;

/**
 * `INSERT INTO audit_event … SELECT … FROM <source>`: the entry once for each row of `source`, a
 * data-modifying CTE of the same statement. A write, its audit and its other effects then take
 * one round trip instead of a transaction of several, and an idempotent replay (which inserts no
 * row) writes no entry. Use as `.with('audited', auditFor(ctx, entry, 'inserted'))`.
 */
export function auditFor<Source extends string>(ctx: AuditContext, entry: AuditEntry, source: Source) {
  const row = auditRow(ctx, entry);
  const names = Object.keys(auditColumnTypes) as (keyof typeof auditColumnTypes)[];
  const values = names.map((name) => sql`cast(${row[name]} as ${sql.raw(auditColumnTypes[name])})`);
  // Generic so it fits any statement's CTE list (which adds its own tables to Schema); the insert
  // itself needs only audit_event.
  return <DB extends Schema>(db: QueryCreator<DB>) =>
    (db as unknown as QueryCreator<Schema>)
      .insertInto('audit_event')
      .columns(names)
      .expression(sql`select ${sql.join(values)} from ${sql.table(source)}`);
}
