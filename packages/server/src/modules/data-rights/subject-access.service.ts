import { DomainError, type DataSection, type SubjectAccessExport } from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import * as q from './subject-access.repo';

/**
 * A client's own download of what Tandem holds about them (UK GDPR Art. 15; decision 0042).
 * It holds their record, their own entries, their plan as they see it, messages, notices,
 * devices and sign-ins. Session notes and risk alerts are not in it: staff wrote them and the
 * service reviews them first (DPA 2018 Sch. 3 Part 2 para 5, the "serious harm" test); the
 * download says so and how to ask. Both forms are audited as one read.
 */
export const onRequestNote =
  'Some records your care team wrote, such as notes from your sessions and safety checks, are not in this download. ' +
  'You have a right to see them too. Ask your service and they will look at them with you first, then give you a copy.';

type Value = DataSection['rows'][number][string];

/** Dates become ISO text; everything else stays as it is stored. */
function plain(row: Record<string, unknown>): Record<string, Value> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : (v as Value) ?? null]));
}

const section = (key: string, title: string, rows: Record<string, unknown>[]): DataSection => ({ key, title, rows: rows.map(plain) });

/** Only what a plan step says to the client: how it is delivered, what it is for, when, which module. */
function planSteps(steps: unknown) {
  if (!Array.isArray(steps)) return [];
  return steps.map((s: Record<string, unknown>) => ({ mode: s.mode ?? null, purpose: s.purpose ?? null, plannedWeek: s.plannedWeek ?? null, moduleId: s.moduleId ?? null }));
}

/** The push service a device uses (its host), never the device's own address. */
function hostOf(endpoint: string) {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'unknown';
  }
}

export async function collectOwnData(ctx: ServiceContext, format: 'json' | 'html'): Promise<SubjectAccessExport> {
  const actor = ctx.actor;
  if (actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client can download their own data.');
  const clientId = actor.clientId;
  const db = ctx.db;
  const profile = await q.profileOf(db, clientId);
  const account = await q.accountOf(db, clientId);
  const accountId = account?.id ?? null;
  const schedule = await q.moodScheduleOf(db, clientId);
  const withheld = await q.withheldCounts(db, clientId);
  const sections: DataSection[] = [
    section('about_you', 'About you', [profile]),
    section('account', 'Your account', account ? [{ email: account.email, status: account.status, created_at: account.created_at, activated_at: account.activated_at }] : []),
    section('consent', 'Your choices about contact and research', await q.consentOf(db, clientId)),
    section('care', 'Your care (referrals and episodes)', await q.episodesOf(db, clientId)),
    section('appointments', 'Your appointments', await q.appointmentsOf(db, clientId)),
    section('plan', 'Your plan', (await q.plansOf(db, clientId)).map((p) => ({ episode_id: p.episode_id, steps: planSteps(p.steps), updated_at: p.updated_at }))),
    section('check_ins', 'Your mood check-ins', await q.checkInsOf(db, clientId)),
    section('questionnaires', 'Your questionnaires and scores', await q.questionnairesOf(db, clientId)),
    section('exercises', 'Your exercises', await q.exercisesOf(db, clientId)),
    section('exercise_other_versions', 'Other versions of your exercises (from another device)', await q.exerciseOtherVersionsOf(db, clientId)),
    section('exercise_feedback', 'Comments on your exercises', await q.exerciseFeedbackOf(db, clientId)),
    section('steps', 'Online steps you finished', await q.stepProgressOf(db, clientId)),
    section('homework', 'Your homework', await q.homeworkOf(db, clientId)),
    section('talk_about', 'Things you wanted to talk about', await q.agendaOf(db, clientId)),
    section('messages', 'Your messages', await q.messagesOf(db, clientId)),
    section('mood_prompts', 'Your mood reminders', schedule ? [schedule] : []),
    section('notices', 'Reminders and notices we sent you', (await q.noticesOf(db, clientId)).map((n) => ({ what: q.noticeWords[n.action] ?? n.action, at: n.occurred_at, how: (n.details as { channel?: string } | null)?.channel ?? null }))),
    section('emails', 'Emails we sent you', await q.emailsTo(db, actor.organisationId, profile.email)),
    section('devices', 'Phones and computers that get notifications', accountId ? (await q.pushDevicesOf(db, accountId)).map((d) => ({ service: hostOf(d.endpoint), created_at: d.created_at, last_sent_at: d.last_sent_at })) : []),
    section('sign_ins', 'Times you signed in', accountId ? await q.signInsOf(db, accountId) : []),
    section('calendar', 'Your calendar links', accountId ? await q.calendarFeedsOf(db, accountId) : []),
    section('restrictions', 'Times you asked us to stop using your data', await q.restrictionsOf(db, clientId)),
  ];
  await writeAudit(db, ctx, {
    action: 'data_rights.subject_access',
    entityType: 'client',
    entityId: clientId,
    clientId,
    details: { format, sections: sections.length, sessionNotesNotIncluded: withheld.sessionNotes, riskAlertsNotIncluded: withheld.riskAlerts },
  });
  return { format: 'tandem-subject-access/1', generatedAt: ctx.clock.now().toISOString(), service: profile.organisation, onRequest: onRequestNote, sections };
}
