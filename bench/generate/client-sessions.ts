import { newId, type HomeworkItem } from '@tandem/domain';
import type { ClientContext, Story } from './client-context';
import { minutes } from './client-context';

const dayMs = 86_400_000;

/**
 * The appointment record: an assessment when the client starts, then treatment sessions weekly or
 * fortnightly (a review every sixth), a closing review for a discharged client, and the next one
 * or two booked ahead for a client in care (a waiting client has only the assessment ahead). Past
 * ones were mostly attended; some missed or cancelled. A missed appointment within a fortnight of
 * a risk alert has its follow-up task, open while recent.
 */
export function writeAppointments(ctx: ClientContext, story: Story): void {
  const { random, calendar, rows } = ctx;
  const cadence = random.chance(0.6) ? 7 : 14;
  const duration = story.step === 'low_intensity' ? 35 : 50;
  const contact = random.pick(['face_to_face', 'phone', 'video', 'video'] as const);
  const time = random.int(9 * 2, 16 * 2) * 30;
  const days: number[] = [];
  if (story.status === 'waiting') days.push(calendar.weekdayOnOrAfter(random.int(1, 10)));
  else {
    const end = story.status === 'ended' ? story.lastDay : random.int(1, cadence) + cadence * random.int(0, 1);
    for (let day = calendar.weekdayOnOrAfter(story.firstDay); day <= end; day = calendar.weekdayOnOrAfter(day + cadence)) days.push(day);
  }
  let bookedAt = calendar.at(story.firstDay - 1, 600);
  days.forEach((day, i) => {
    const startsAt = calendar.at(day, time);
    const past = startsAt.getTime() + duration * minutes < calendar.now.getTime();
    const purpose = i === 0 ? 'assessment' : story.status === 'ended' && i === days.length - 1 ? 'review' : i % 6 === 0 ? 'review' : 'treatment';
    const roll = random.next();
    const status = !past ? 'booked' : roll < 0.84 ? 'attended' : roll < 0.87 ? 'attended_late' : roll < 0.95 ? 'did_not_attend' : roll < 0.98 ? 'cancelled_by_client' : 'cancelled_by_service';
    const id = newId(bookedAt);
    const changedAt = new Date(startsAt.getTime() + duration * minutes);
    rows.appointment.push({
      id,
      organisation_id: ctx.organisationId,
      episode_id: story.episodeId,
      client_id: story.clientId,
      practitioner_id: story.practitionerId,
      starts_at: startsAt,
      duration_minutes: duration,
      purpose,
      contact_method: contact,
      status,
      version: past ? 2 : 1,
      created_at: bookedAt,
      updated_at: past ? changedAt : bookedAt,
    });
    rows.appointment_event.push({ id: newId(bookedAt), appointment_id: id, at: bookedAt, by_staff_id: story.practitionerId, from_status: null, to_status: 'booked' });
    if (past) rows.appointment_event.push({ id: newId(changedAt), appointment_id: id, at: changedAt, by_staff_id: story.practitionerId, from_status: 'booked', to_status: status });
    story.appointments.push({ id, day, startsAt, status, purpose });
    // Each appointment is booked at the end of the one before.
    bookedAt = past ? changedAt : bookedAt;
  });
  writeFollowUps(ctx, story);
}

function writeFollowUps(ctx: ClientContext, story: Story): void {
  for (const appointment of story.appointments) {
    if (appointment.status !== 'did_not_attend') continue;
    const alert = story.alerts.find((a) => a.raisedAt < appointment.startsAt && appointment.startsAt.getTime() - a.raisedAt.getTime() < 14 * dayMs);
    if (!alert) continue;
    const createdAt = new Date(appointment.startsAt.getTime() + 60 * minutes);
    const dueAt = new Date(appointment.startsAt.getTime() + dayMs);
    const open = dueAt > ctx.calendar.now;
    ctx.rows.follow_up_task.push({
      id: newId(createdAt),
      organisation_id: ctx.organisationId,
      client_id: story.clientId,
      episode_id: story.episodeId,
      kind: 'missed_appointment_after_alert',
      appointment_id: appointment.id,
      alert_id: alert.id,
      assigned_staff_id: story.practitionerId,
      due_at: dueAt,
      status: open ? 'open' : 'done',
      done_at: open ? null : new Date(appointment.startsAt.getTime() + 5 * 60 * minutes),
      done_by: open ? null : story.practitionerId,
      note: open ? null : 'Phoned; rebooked (generated).',
      created_at: createdAt,
    });
  }
}

/** The episode's treatment plan, made at the assessment from the England default template for its step. */
export function writePlan(ctx: ClientContext, story: Story): string[] {
  const template = ctx.templates[story.step];
  if (story.status === 'waiting') return [];
  const at = new Date(Math.min(story.appointments[0]!.startsAt.getTime(), ctx.calendar.now.getTime()));
  const steps = template.steps.map((s) => ({ id: newId(at), ...s }));
  const planId = newId(at);
  ctx.rows.treatment_plan.push({
    id: planId,
    organisation_id: ctx.organisationId,
    episode_id: story.episodeId,
    client_id: story.clientId,
    template_id: template.id,
    template_version: template.version,
    template_name: template.name,
    template_is_example: template.isExample,
    required_components: JSON.stringify(template.requiredComponents),
    steps: JSON.stringify(steps),
    version: 1,
    created_by: story.practitionerId,
    created_at: at,
    updated_by: story.practitionerId,
    updated_at: at,
  });
  ctx.rows.treatment_plan_change.push({ id: newId(at), plan_id: planId, version: 1, kind: 'created', steps_before: null, steps_after: JSON.stringify(steps), reason: `Made from “${template.name}”`, changed_by: story.practitionerId, changed_at: at });
  return [...new Set(steps.flatMap((s) => (s.moduleId ? [s.moduleId] : [])))];
}

/**
 * Homework set at the end of each attended session, for the next appointment: the next one or two
 * steps the client has not read yet, or an exercise, due the day before.
 */
export function writeHomework(ctx: ClientContext, story: Story, upcoming: (afterDay: number) => HomeworkItem[]): void {
  const { calendar, random } = ctx;
  story.appointments.forEach((appointment, i) => {
    const next = story.appointments[i + 1];
    if (!next || !appointment.status.startsWith('attended')) return;
    const items = upcoming(appointment.day).slice(0, random.int(1, 2));
    if (!items.length) return;
    const setAt = new Date(appointment.startsAt.getTime() + 30 * minutes);
    ctx.rows.homework.push({
      id: newId(setAt),
      organisation_id: ctx.organisationId,
      client_id: story.clientId,
      episode_id: story.episodeId,
      appointment_id: next.id,
      items: JSON.stringify(items),
      due_on: calendar.day(Math.max(appointment.day + 1, next.day - 1)).date,
      status: 'active',
      set_by: story.practitionerId,
      set_at: setAt,
      cancelled_at: null,
      cancelled_by: null,
      cancel_reason: null,
    });
  });
}
