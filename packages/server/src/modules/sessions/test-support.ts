import { newId } from '@tandem/domain';

/**
 * Two seeded cases for the protocol map, made through the API only (decision 0024, "Seeding"), so
 * the later end-to-end test can make the same with its own HTTP client: one that follows its plan
 * (no flags) and one that drifts (every kind of flag). Both use the UK trial example, which
 * requires the four core components and plans no weeks. Times are relative to `now`, so the cases
 * work on a test clock and on a real one.
 */

/** One signed-in person's requests: method, path, body → status and parsed body. */
export type Api = (method: 'GET' | 'POST' | 'PUT', url: string, body?: object) => Promise<{ status: number; body: unknown }>;

export interface SeededCase {
  episodeId: string;
  /** The attended sessions, oldest first. */
  appointmentIds: string[];
  planStepIds: string[];
}

const day = 86_400_000;

async function ok(api: Api, method: 'GET' | 'POST' | 'PUT', url: string, body?: object): Promise<Record<string, unknown>> {
  const res = await api(method, url, body);
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${url} → ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

async function openUkExampleEpisode(practitioner: Api, who: { clientId: string; practitionerId: string }, now: Date): Promise<{ episodeId: string; steps: { id: string; mode: string }[] }> {
  const episodeId = newId(now);
  await ok(practitioner, 'POST', `/api/clients/${who.clientId}/episodes`, {
    id: episodeId,
    referralDate: new Date(now.getTime() - 70 * day).toISOString().slice(0, 10),
    referralSource: 'gp',
    problemDescriptor: 'Low mood',
    step: 'low_intensity',
    assignedPractitionerId: who.practitionerId,
    planTemplateId: 'example-uk-low-intensity',
  });
  const plan = await ok(practitioner, 'GET', `/api/episodes/${episodeId}/plan`);
  return { episodeId, steps: plan.steps as { id: string; mode: string }[] };
}

interface Session {
  at: Date;
  note: Record<string, unknown>;
}

/** Records an attended treatment session in the past and saves its note. */
async function attend(practitioner: Api, episodeId: string, session: Session, now: Date): Promise<string> {
  const id = newId(now);
  const booked = await ok(practitioner, 'POST', `/api/episodes/${episodeId}/appointments`, {
    id,
    startsAt: session.at.toISOString(),
    durationMinutes: 35,
    purpose: 'treatment',
    contactMethod: 'face_to_face',
    recordingPast: true,
  });
  await ok(practitioner, 'POST', `/api/appointments/${id}/status`, { status: 'attended', version: booked.version });
  await ok(practitioner, 'PUT', `/api/appointments/${id}/session-note`, { agenda: 'Review the week; plan the next.', savedAt: new Date(session.at.getTime() + 30 * 60_000).toISOString(), ...session.note });
  return id;
}

/** The client finishes every step of a programme module at `at`. */
async function finishModule(client: Api, moduleId: string, stepIds: string[], at: Date): Promise<void> {
  for (const stepId of stepIds) await ok(client, 'PUT', `/api/me/programme/steps/${moduleId}/${stepId}`, { contentVersion: '1.0.0', recordedAt: at.toISOString() });
}

/**
 * A case that follows its plan: weekly sessions 21, 14 and 7 days ago, each naming the plan's next
 * face-to-face step, setting homework and reviewing the last; the client finishes the first two
 * modules between sessions. Expected: three face-to-face and three online steps delivered, no flags.
 */
export async function seedOnPlanCase(practitioner: Api, client: Api, who: { clientId: string; practitionerId: string }, now: Date): Promise<SeededCase> {
  const { episodeId, steps } = await openUkExampleEpisode(practitioner, who, now);
  const faceToFace = steps.filter((s) => s.mode === 'face_to_face');
  const ago = (days: number) => new Date(now.getTime() - days * day);
  const appointmentIds: string[] = [];
  for (const [i, days] of [21, 14, 7].entries()) {
    appointmentIds.push(
      await attend(practitioner, episodeId, { at: ago(days), note: { planStepId: faceToFace[i]!.id, homeworkReviewed: i === 0 ? null : true, homeworkSet: 'The next online step', riskReviewed: true } }, now),
    );
    if (i === 0) await finishModule(client, 'understanding-depression', ['what-depression-is', 'how-low-mood-keeps-going', 'how-tandem-works', 'setting-goals'], ago(18));
    if (i === 1) {
      await finishModule(client, 'getting-active', ['why-doing-helps', 'noticing-what-you-do', 'what-matters-to-you', 'planning-small-activities', 'when-motivation-is-low', 'looking-back'], ago(11));
    }
  }
  return { episodeId, appointmentIds, planStepIds: steps.map((s) => s.id) };
}

/**
 * A case that drifts from its plan (sessions 56, 49, 42 and 21 days ago, two hours later in the
 * day than the on-plan case's so one practitioner can hold both):
 * 1. psychoeducation, homework set;
 * 2. psychoeducation again, the homework recorded as not reviewed → `homework_not_reviewed`;
 * 3. behavioural activation, due by session 2 → `required_component_overdue` (delivered late);
 * 4. three weeks later, the note naming no step or component → `gap_longer_than_planned` and
 *    `component_not_recorded`; and 21 days since → `gap_longer_than_planned` again.
 */
export async function seedDriftingCase(practitioner: Api, who: { clientId: string; practitionerId: string }, now: Date): Promise<SeededCase> {
  const { episodeId, steps } = await openUkExampleEpisode(practitioner, who, now);
  const ago = (days: number) => new Date(now.getTime() - days * day + 2 * 3_600_000);
  const sessions: Session[] = [
    { at: ago(56), note: { componentDelivered: 'psychoeducation', homeworkSet: 'Read about low mood' } },
    { at: ago(49), note: { componentDelivered: 'psychoeducation', homeworkReviewed: false } },
    { at: ago(42), note: { componentDelivered: 'behavioural_activation', homeworkReviewed: null } },
    { at: ago(21), note: { reviewed: 'Mood and the weeks missed.' } },
  ];
  const appointmentIds: string[] = [];
  for (const session of sessions) appointmentIds.push(await attend(practitioner, episodeId, session, now));
  return { episodeId, appointmentIds, planStepIds: steps.map((s) => s.id) };
}
