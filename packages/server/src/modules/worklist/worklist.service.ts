import { buildWorklist, DomainError, localDate, type Worklist, type WorklistClientFacts } from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { checkInOverviews } from '../checkins/checkins.service';
import { listVisibleClients } from '../clients/clients.repo';
import { presentClientSummary } from '../clients/clients.service';
import { itemStates } from '../homework/homework.present';
import { loadCareSettings } from '../organisation/organisation.repo';
import {
  awaitingFeedback,
  bookedBetween,
  careFacts,
  currentScores,
  doneFactsOf,
  homeworkDueBefore,
  lastActivity,
  openAlerts,
  openMissedAfterAlert,
  staffTimeZone,
} from './worklist.repo';

const dayMs = 24 * 3600_000;

function requireClinicalStaff(ctx: ServiceContext) {
  const actor = ctx.actor;
  if (actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff have a worklist.');
  return { actor, clinical: actor.roles.includes('practitioner') || actor.roles.includes('supervisor') };
}

/**
 * Whether the staff member may see this client on their worklist: exactly the caseload that
 * GET /api/clients lists (own care teams, and supervisees' for supervisors). Used by the event
 * stream before it forwards a client's id.
 */
export async function mayListClient(ctx: Pick<ServiceContext, 'actor' | 'db'>, clientId: string): Promise<boolean> {
  const actor = ctx.actor;
  if (actor.type !== 'staff' || !(actor.roles.includes('practitioner') || actor.roles.includes('supervisor'))) return false;
  const rows = await listVisibleClients(ctx.db, actor.organisationId, actor.staffId, actor.roles.includes('supervisor'), clientId);
  return rows.length > 0;
}

/** Homework rows with whether every item is done (homework.present's rule), per client. */
async function openHomeworkOf(ctx: ServiceContext, clientIds: string[], now: Date) {
  // Due before tomorrow in UTC covers "before today" in every time zone; the domain decides.
  const rows = await homeworkDueBefore(ctx.db, clientIds, localDate(new Date(now.getTime() + 2 * dayMs), 'UTC'));
  const open = new Map<string, { dueOn: string }[]>();
  if (rows.length === 0) return open;
  const since = new Date(Math.min(...rows.map((r) => r.set_at.getTime())));
  const facts = await doneFactsOf(ctx.db, [...new Set(rows.map((r) => r.client_id))], since);
  for (const row of rows) {
    const mine = { steps: facts.steps.filter((s) => s.client_id === row.client_id), submissions: facts.submissions.filter((s) => s.client_id === row.client_id) };
    if (itemStates(row, mine).every((s) => s.done)) continue;
    open.set(row.client_id, [...(open.get(row.client_id) ?? []), { dueOn: row.due_on }]);
  }
  return open;
}

const group = <T extends { client_id: string }>(rows: readonly T[]) => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.client_id, [...(map.get(row.client_id) ?? []), row]);
  return map;
};

/**
 * The caller's caseload ordered by need, each client with its reasons (domain/worklist). The same
 * caseload as GET /api/clients; the clients listed are audited in one event. A fixed number of
 * queries whatever the caseload's size.
 */
export async function getWorklist(ctx: ServiceContext): Promise<Worklist> {
  const { actor, clinical } = requireClinicalStaff(ctx);
  const now = ctx.clock.now();
  const { settings } = await loadCareSettings(ctx.db, actor.organisationId);
  const rows = clinical ? await listVisibleClients(ctx.db, actor.organisationId, actor.staffId, actor.roles.includes('supervisor')) : [];
  const ids = rows.map((r) => r.id);
  await writeAudit(ctx.db, ctx, { action: 'worklist.read', entityType: 'client', subjectIds: ids });
  if (ids.length === 0) return { at: now.toISOString(), noActivityDays: settings.noActivityDays, lines: [] };

  // The facts are independent reads: on PostgreSQL they go out together on the pool's connections
  // (the wait is the slowest, not the sum); on the embedded database they queue as ever.
  const [timeZone, overviews, care, alertRows, followUpRows, scoreRows, activity, homework, feedbackRows, bookedRows] = await Promise.all([
    staffTimeZone(ctx.db, actor.staffId),
    checkInOverviews(ctx, rows.map((r) => ({ id: r.id, timeZone: r.time_zone }))),
    careFacts(ctx.db, ids),
    openAlerts(ctx.db, ids),
    openMissedAfterAlert(ctx.db, ids),
    currentScores(ctx.db, ids),
    lastActivity(ctx.db, ids),
    openHomeworkOf(ctx, ids, now),
    awaitingFeedback(ctx.db, ids),
    bookedBetween(ctx.db, ids, new Date(now.getTime() - 2 * dayMs), new Date(now.getTime() + 3 * dayMs)),
  ]);
  const alerts = group(alertRows);
  const followUps = group(followUpRows);
  const scores = group(scoreRows);
  const feedback = group(feedbackRows);
  const booked = group(bookedRows);

  const facts: WorklistClientFacts[] = rows.map((r) => {
    const totals = (instrument: string) => (scores.get(r.id) ?? []).filter((s) => s.instrument === instrument && s.total !== null).map((s) => s.total!);
    return {
      clientId: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      timeZone: r.time_zone,
      inActiveCare: care.active.has(r.id),
      openAlerts: (alerts.get(r.id) ?? []).map((a) => ({ tier: a.tier, dueAt: a.due_at, raisedAt: a.raised_at })),
      openMissedAfterAlert: (followUps.get(r.id) ?? []).map((t) => ({ dueAt: t.due_at })),
      scores: { phq9: totals('phq9'), gad7: totals('gad7') },
      lastActivityAt: activity.get(r.id) ?? null,
      activeSince: care.accounts.find((a) => a.client_id === r.id)?.activated_at ?? null,
      openHomework: homework.get(r.id) ?? [],
      awaitingFeedback: (feedback.get(r.id) ?? []).map((f) => f.recorded_at),
      bookedAppointments: (booked.get(r.id) ?? []).map((a) => ({ id: a.id, startsAt: a.starts_at })),
    };
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const lines = buildWorklist(facts, { now, timeZone, noActivityDays: settings.noActivityDays }).map((line) => {
    const r = byId.get(line.clientId)!;
    const client = presentClientSummary(r, overviews.get(r.id));
    return { client, reasons: line.reasons };
  });
  return { at: now.toISOString(), noActivityDays: settings.noActivityDays, lines };
}
