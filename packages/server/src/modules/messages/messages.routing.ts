import { isAwayAt, type MessageRoute } from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';
import { listAwayPeriods } from '../duty/duty.repo';
import { coverFor } from '../risk/risk.cover';
import { loadRiskPolicy } from '../risk/risk.repo';
import { listCareTeamPractitioners } from './messages.repo';

type Db = Kysely<Schema> | Transaction<Schema>;

const dayMs = 24 * 3600_000;

/**
 * Who reads a client's message written at `at` (decision 0027; HAZ-065): the episode's assigned
 * practitioner unless they are marked away; else a colleague on the client's care team who is not
 * away (they know the client); else whoever the duty function names — the duty rota or the site's
 * lead, found exactly as risk alerts find cover (`coverFor`, decision 0015). Nobody is left out:
 * with no site hours set, the assigned practitioner keeps it (they read it on return).
 */
export async function routeClientMessage(
  db: Db,
  input: { organisationId: string; clientId: string; assignedPractitionerId: string; at: Date },
): Promise<{ staffId: string; route: MessageRoute }> {
  const team = (await listCareTeamPractitioners(db, input.clientId)).map((r) => r.id);
  const people = [...new Set([input.assignedPractitionerId, ...team])];
  const away = (await listAwayPeriods(db, people, new Date(input.at.getTime() - dayMs))).map((a) => ({ staffId: a.staff_id, from: a.away_from, until: a.away_until }));
  if (!isAwayAt(input.assignedPractitionerId, input.at, away)) return { staffId: input.assignedPractitionerId, route: 'assigned_practitioner' };
  const colleague = team.find((id) => id !== input.assignedPractitionerId && !isAwayAt(id, input.at, away));
  if (colleague) return { staffId: colleague, route: 'care_team' };
  const { policy } = await loadRiskPolicy(db, input.organisationId);
  const cover = await coverFor(db, { organisationId: input.organisationId, clientId: input.clientId, assignedPractitionerId: input.assignedPractitionerId, at: input.at, policy });
  return { staffId: cover.recipient, route: cover.reason === 'duty' ? 'duty' : cover.reason === 'site_lead' ? 'site_lead' : 'assigned_practitioner' };
}
