import { auditActorIdOf, auditRoleOf, newId, type Actor, type Clock } from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
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

export async function writeAudit(db: Kysely<Schema> | Transaction<Schema>, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  const now = ctx.clock.now();
  await db
    .insertInto('audit_event')
    .values({
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
    })
    .execute();
}
