import {
  consentWordingVersion,
  DomainError,
  mayContact,
  type ConsentChoices,
  type ConsentRecord,
  type ContactChannel,
  type RecordConsentRequestSchema,
} from '@tandem/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { Schema } from '../../db/schema';
import type { ServiceContext } from '../../context';
import { requireClientAccess } from '../clients/clients.policy';
import { enqueueNextMoodPrompt } from '../checkins/mood-prompt.jobs';
import { currentConsentRecord, findConsentRecord, listConsentRecords, type ConsentRow } from './consent.repo';

type RecordConsent = z.output<typeof RecordConsentRequestSchema>;

function sameChoices(a: ConsentChoices, b: ConsentChoices): boolean {
  return (
    a.blendedTreatment === b.blendedTreatment &&
    a.messagingUnderstood === b.messagingUnderstood &&
    a.research === b.research &&
    a.channels.email === b.channels.email &&
    a.channels.sms === b.channels.sms &&
    a.channels.push === b.channels.push
  );
}

function present(row: ConsentRow): ConsentRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    wordingVersion: row.wording_version,
    choices: row.choices,
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: { type: row.recorded_by_type, id: row.recorded_by_id },
  };
}

/**
 * Records the client's answers as a new version: by the client themself (at first sign-in, or any
 * time after), or by a practitioner on their care team (given in a session). Idempotent by id.
 */
export async function recordConsent(ctx: ServiceContext, clientId: string, input: RecordConsent): Promise<ConsentRecord> {
  const actor = ctx.actor;
  await requireClientAccess(ctx, clientId, 'consent.record', (a) => a.basis === 'self' || a.allowed.manageEpisodes);
  const existing = await findConsentRecord(ctx.db, input.id);
  if (existing) {
    if (existing.client_id !== clientId || !sameChoices(existing.choices, input.choices)) {
      throw new DomainError('write.id_conflict', 'A different consent record was already saved with this id.');
    }
    return present(existing);
  }
  const now = ctx.clock.now();
  const recordedBy = actor.type === 'client' ? { type: 'client' as const, id: actor.clientId } : { type: 'staff' as const, id: actor.type === 'staff' ? actor.staffId : '' };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('consent_record')
      .values({
        id: input.id,
        organisation_id: actor.organisationId!,
        client_id: clientId,
        wording_version: consentWordingVersion,
        choices: JSON.stringify(input.choices),
        recorded_at: now,
        recorded_by_type: recordedBy.type,
        recorded_by_id: recordedBy.id,
      })
      .execute();
    await writeAudit(trx, ctx, { action: 'consent.record', entityType: 'consent_record', entityId: input.id, clientId });
    // Agreeing to use Tandem starts the mood prompts (each then queues the next; decision 0032).
    if (input.choices.blendedTreatment) await enqueueNextMoodPrompt(trx, ctx.clock, clientId);
  });
  return present((await findConsentRecord(ctx.db, input.id))!);
}

/** The current consent and every earlier version, newest first. Audited. */
export async function getConsent(ctx: ServiceContext, clientId: string) {
  await requireClientAccess(ctx, clientId, 'consent.read');
  const rows = await listConsentRecords(ctx.db, clientId);
  await writeAudit(ctx.db, ctx, { action: 'consent.read', entityType: 'consent_record', clientId, subjectIds: rows.map((r) => r.id) });
  const history = rows.map(present);
  return { current: history[0] ?? null, history, wordingVersion: consentWordingVersion };
}

/**
 * Whether Tandem may contact a client by a channel right now — every reminder and notification
 * asks this just before sending, so a withdrawal takes effect at once.
 */
export async function mayContactClient(db: Kysely<Schema>, clientId: string, channel: ContactChannel): Promise<boolean> {
  const current = await currentConsentRecord(db, clientId);
  return mayContact(current?.choices ?? null, channel);
}
