import { consentWordingVersion, defaultRiskPolicy, instruments, newId, type InstrumentId, type RiskRule } from '@tandem/domain';
import type { ClientContext, Story } from './client-context';
import { minutes } from './client-context';
import { checkInNotes, familyNames, givenNames, problemDescriptors } from './texts';
import { account } from './organisation';

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));

export const clientEmail = (index: number, emailDomain: string) => `client-${String(index + 1).padStart(6, '0')}@${emailDomain}`;

/**
 * A client, their account, care team, consent and one episode of care: most active (referred in
 * the last seven months), a quarter ended (discharged in the year), a few waiting (referred in the
 * last fortnight). `forceActive` keeps the benchmark's own client in active care.
 */
export function writeClient(ctx: ClientContext, index: number, practitioner: { staffId: string; siteId: string }, forceActive: boolean): Story {
  const { random, calendar, rows, organisationId } = ctx;
  const roll = random.next();
  const status = forceActive || roll >= 0.28 ? 'active' : roll < 0.03 ? 'waiting' : 'ended';
  const step = random.chance(0.8) ? 'low_intensity' : 'high_intensity';
  const referralDay = -(status === 'active' ? random.int(14, 210) : status === 'ended' ? random.int(180, 360) : random.int(1, 14));
  const firstDay = Math.min(0, referralDay + random.int(1, 10));
  const endDay = status === 'ended' ? Math.min(-2, firstDay + random.int(56, 150)) : 0;
  // One active client in ten has gone quiet: no check-ins or answers for one to four weeks.
  const quiet = status === 'active' && !forceActive && random.chance(0.1);
  const lastDay = quiet ? Math.max(firstDay, -random.int(8, 30)) : endDay;

  const clientId = newId(calendar.at(referralDay, 600));
  const episodeId = newId(calendar.at(referralDay, 600));
  const referredAt = calendar.at(referralDay, 600);
  const startedAt = calendar.at(firstDay, 540);
  const email = clientEmail(index, ctx.emailDomain);
  rows.client.push({
    id: clientId,
    organisation_id: organisationId,
    site_id: practitioner.siteId,
    given_name: random.pick(givenNames),
    family_name: random.pick(familyNames),
    date_of_birth: `${random.int(1950, 2006)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    nhs_number: null,
    email,
    phone: null,
    gp_practice: 'Riverside Medical Practice (generated)',
    emergency_contact: null,
    preferred_language: 'en',
    time_zone: calendar.timeZone,
    created_by: practitioner.staffId,
    created_at: referredAt,
    updated_at: referredAt,
  });
  rows.account.push(account(organisationId, newId(startedAt), email, ctx.passwordHash, startedAt, { clientId }));
  rows.care_team_member.push({ client_id: clientId, staff_id: practitioner.staffId, organisation_id: organisationId, added_by: practitioner.staffId, added_at: referredAt });
  rows.consent_record.push({
    id: newId(startedAt),
    organisation_id: organisationId,
    client_id: clientId,
    wording_version: consentWordingVersion,
    choices: JSON.stringify({ blendedTreatment: true, messagingUnderstood: true, channels: { email: true, sms: false, push: random.chance(0.6) }, research: random.chance(0.3) }),
    recorded_at: startedAt,
    recorded_by_type: 'client',
    recorded_by_id: clientId,
  });

  const endedAt = calendar.at(endDay, 1020);
  const ended = status === 'ended';
  rows.episode.push({
    id: episodeId,
    organisation_id: organisationId,
    client_id: clientId,
    referral_date: calendar.day(referralDay).date,
    referral_source: random.pick(['self', 'gp', 'gp', 'other_primary_care', 'other'] as const),
    problem_descriptor: random.pick(problemDescriptors),
    step,
    assigned_practitioner_id: practitioner.staffId,
    status,
    ending_reason: ended ? random.pick(['completed', 'completed', 'completed', 'dropped_out', 'referred_on'] as const) : null,
    ended_on: ended ? calendar.day(endDay).date : null,
    relapse_plan_offered: ended ? random.chance(0.8) : null,
    version: status === 'waiting' ? 1 : ended ? 3 : 2,
    created_by: practitioner.staffId,
    created_at: referredAt,
    updated_at: ended ? endedAt : status === 'active' ? startedAt : referredAt,
  });
  const event = (at: Date, kind: 'referred' | 'status_changed' | 'ended', from: string | null, to: string) =>
    rows.episode_event.push({ id: newId(at), episode_id: episodeId, at, by_staff_id: practitioner.staffId, kind, from_value: from, to_value: to, reason: null });
  event(referredAt, 'referred', null, step);
  if (status !== 'waiting') event(startedAt, 'status_changed', 'waiting', 'active');
  if (ended) event(endedAt, 'ended', 'active', rows.episode.at(-1)!.ending_reason!);

  // Mood starts low and, for most, rises over treatment.
  const start = 2.5 + random.next() * 2.5;
  const gain = random.next() * 4 - 0.5;
  const span = Math.max(1, endDay - firstDay);
  return {
    clientId,
    episodeId,
    practitionerId: practitioner.staffId,
    status,
    step,
    firstDay,
    lastDay,
    moodOn: (day) => start + (gain * (day - firstDay)) / span,
    appointments: [],
    alerts: [],
  };
}

/** Daily-ish mood check-ins with the odd gap of a few days to two weeks, some with a note. */
export function writeCheckIns(ctx: ClientContext, story: Story): void {
  const { random, calendar, rows } = ctx;
  const adherence = 0.35 + random.next() * 0.6;
  for (let day = story.firstDay; day <= story.lastDay; day++) {
    if (random.chance(0.03)) day += random.int(3, 14);
    if (day > story.lastDay || !random.chance(adherence)) continue;
    const recordedAt = calendar.at(day, random.int(7 * 60 + 30, 22 * 60));
    if (recordedAt > calendar.now) continue;
    rows.check_in.push({
      id: newId(recordedAt),
      organisation_id: ctx.organisationId,
      client_id: story.clientId,
      mood: clamp(story.moodOn(day) + (random.next() - 0.5) * 2.5, 1, 10),
      note: random.chance(0.25) ? random.pick(checkInNotes) : null,
      recorded_at: recordedAt,
      received_at: new Date(recordedAt.getTime() + 2_000),
    });
  }
}

/** Item answers (0–3 each) adding up to `total`, spread at random over the first `items` items. */
function spread(ctx: ClientContext, total: number, items: number): number[] {
  const values = new Array<number>(items).fill(0);
  for (let left = Math.min(total, items * 3); left > 0; ) {
    const i = ctx.random.int(0, items - 1);
    if (values[i]! < 3) {
      values[i]!++;
      left--;
    }
  }
  return values;
}

/**
 * PHQ-9 and GAD-7 from the client app every two to four weeks, their totals the sums of their
 * items and following the client's mood. About one PHQ-9 in forty has a positive item 9, which
 * raises its alert as the app would (rule and tier from the default policy).
 */
export function writeQuestionnaires(ctx: ClientContext, story: Story): void {
  const { random, calendar } = ctx;
  let lastItem9 = 0;
  for (let day = story.firstDay; day <= story.lastDay; day += random.int(14, 28)) {
    const authoredAt = calendar.at(day, random.int(18 * 60, 21 * 60));
    if (authoredAt > calendar.now) break;
    const severity = (10 - story.moodOn(day)) * 2.4 + (random.next() - 0.5) * 6;
    const item9 = random.chance(0.025) ? (random.chance(0.8) ? 1 : 2) : 0;
    const phq9 = [...spread(ctx, clamp(severity, 0, 24), 8), item9];
    const responseId = writeResponse(ctx, story, 'phq9', phq9, authoredAt);
    writeResponse(ctx, story, 'gad7', spread(ctx, clamp(severity * 0.75 + (random.next() - 0.5) * 4, 0, 21), 7), new Date(authoredAt.getTime() + 4 * minutes));
    if (item9 > 0) {
      const rule: RiskRule = lastItem9 === 0 ? 'first_positive' : item9 > lastItem9 ? 'increase' : item9 >= 2 ? 'score_two_or_more' : 'unchanged_one_reviewed';
      writeAlert(ctx, story, { trigger: 'phq9_item9', responseId, answerValue: item9, rule, raisedAt: new Date(authoredAt.getTime() + 3 * minutes) });
      lastItem9 = item9;
    }
  }
  // A few clients in care asked for help: most were seen to, some within the last day and a half are still open.
  if (story.status === 'active' && story.lastDay === 0) {
    if (random.chance(0.03)) writeAlert(ctx, story, { trigger: 'help_button', responseId: null, answerValue: null, rule: 'help_button', raisedAt: calendar.at(-random.int(3, 60), random.int(8 * 60, 22 * 60)) });
    if (random.chance(0.01)) writeAlert(ctx, story, { trigger: 'help_button', responseId: null, answerValue: null, rule: 'help_button', raisedAt: new Date(calendar.now.getTime() - random.int(10, 36 * 60) * minutes) });
  }
}

function writeResponse(ctx: ClientContext, story: Story, instrument: InstrumentId, values: number[], authoredAt: Date): string {
  const id = newId(authoredAt);
  const receivedAt = new Date(authoredAt.getTime() + 2_000);
  const startedAt = new Date(authoredAt.getTime() - values.length * 20_000);
  ctx.rows.questionnaire_response.push({
    id,
    organisation_id: ctx.organisationId,
    client_id: story.clientId,
    episode_id: story.episodeId,
    appointment_id: null,
    instrument,
    instrument_version: instruments[instrument].version,
    status: 'completed',
    source: 'client_app',
    author_staff_id: null,
    total: values.reduce((a, b) => a + b, 0),
    authored_at: authoredAt,
    received_at: startedAt,
    completed_received_at: receivedAt,
    updated_at: receivedAt,
  });
  instruments[instrument].items.forEach((item, i) => {
    const recordedAt = new Date(startedAt.getTime() + i * 20_000);
    ctx.rows.questionnaire_answer.push({ response_id: id, link_id: item.linkId, value: values[i]!, recorded_at: recordedAt, received_at: new Date(recordedAt.getTime() + 1_000) });
  });
  return id;
}

/** An alert to the assigned practitioner, acknowledged within the hour unless raised in the last two days. */
function writeAlert(
  ctx: ClientContext,
  story: Story,
  alert: { trigger: 'phq9_item9' | 'help_button'; responseId: string | null; answerValue: number | null; rule: RiskRule; raisedAt: Date },
): void {
  const { rows, calendar } = ctx;
  const id = newId(alert.raisedAt);
  const tier = defaultRiskPolicy.rules[alert.rule];
  const dueAt = new Date(alert.raisedAt.getTime() + (tier === 'immediate' ? defaultRiskPolicy.immediateMinutes : defaultRiskPolicy.beforeNextContactMaxMinutes) * minutes);
  const open = calendar.now.getTime() - alert.raisedAt.getTime() < 2 * 86_400_000;
  const acknowledgedAt = open ? null : new Date(alert.raisedAt.getTime() + ctx.random.int(10, 55) * minutes);
  const note = 'Phoned the client; safety plan reviewed (generated).';
  rows.risk_alert.push({
    id,
    organisation_id: ctx.organisationId,
    client_id: story.clientId,
    episode_id: story.episodeId,
    trigger: alert.trigger,
    source: 'client_app',
    response_id: alert.responseId,
    answer_value: alert.answerValue,
    rule: alert.rule,
    tier,
    raised_at: alert.raisedAt,
    recipient_staff_id: story.practitionerId,
    recipient_reason: 'assigned_practitioner',
    person_on_hand_from: alert.raisedAt,
    due_at: dueAt,
    out_of_hours: false,
    cover_known: true,
    escalation_level: 0,
    status: open ? 'open' : 'acknowledged',
    acknowledged_at: acknowledgedAt,
    acknowledged_by: open ? null : story.practitionerId,
    action_note: open ? null : note,
    version: open ? 1 : 2,
    created_at: alert.raisedAt,
    updated_at: acknowledgedAt ?? alert.raisedAt,
  });
  rows.risk_alert_event.push({ id: newId(alert.raisedAt), alert_id: id, at: alert.raisedAt, kind: 'raised', staff_id: story.practitionerId, note: `${alert.rule} → ${tier}; assigned_practitioner` });
  if (acknowledgedAt) rows.risk_alert_event.push({ id: newId(acknowledgedAt), alert_id: id, at: acknowledgedAt, kind: 'acknowledged', staff_id: story.practitionerId, note });
  story.alerts.push({ id, raisedAt: alert.raisedAt });
}
