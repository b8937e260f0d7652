import { homeworkItemKey, newId, type ExerciseId, type HomeworkItem } from '@tandem/domain';
import type { ClientContext, Story } from './client-context';
import { minutes } from './client-context';
import { activities, clientMessages, feedbackTexts, staffMessages } from './texts';

const dayMs = 86_400_000;

/**
 * The programme as the client worked through it: a step every two to seven days, in the order of
 * their plan's modules then the other core modules; for a step that opens an exercise, usually a
 * submitted entry (a quarter sent twice), mostly shared, most shared ones answered with feedback
 * after a day or two. Returns what the client had not read yet on a given day, for homework.
 */
export function writeProgramme(ctx: ClientContext, story: Story, planModules: string[]): (afterDay: number) => HomeworkItem[] {
  const { random, calendar, rows } = ctx;
  const order = [...planModules.flatMap((id) => ctx.modules.filter((m) => m.id === id)), ...ctx.modules.filter((m) => m.core && !planModules.includes(m.id))];
  const steps = order.flatMap((module) => module.steps.map((step) => ({ module, step })));
  const readOn: number[] = [];
  let day = story.firstDay + random.int(0, 3);
  for (const { module, step } of steps) {
    if (day > story.lastDay) break;
    const recordedAt = calendar.at(day, random.int(19 * 60, 22 * 60));
    if (recordedAt > calendar.now) break;
    readOn.push(day);
    rows.step_progress.push({ client_id: story.clientId, module_id: module.id, step_id: step.id, content_version: module.version, recorded_at: recordedAt, received_at: new Date(recordedAt.getTime() + 1_000) });
    if (step.exercise && random.chance(0.7)) writeEntry(ctx, story, { exercise: step.exercise, moduleId: module.id, stepId: step.id, version: module.version, at: new Date(recordedAt.getTime() + 10 * minutes) });
    day += random.int(2, 7);
  }
  return (afterDay) => {
    const next = steps.findIndex((_, i) => !(readOn[i]! <= afterDay));
    if (next < 0) return [];
    const items = steps.slice(next, next + 3).map(({ module, step }): HomeworkItem =>
      step.exercise ? { kind: 'exercise', exerciseId: step.exercise, moduleId: module.id } : { kind: 'step', moduleId: module.id, stepId: step.id },
    );
    // Two steps of a module may open the same exercise: homework lists each thing once.
    return items.filter((item, i) => items.findIndex((other) => homeworkItemKey(other) === homeworkItemKey(item)) === i);
  };
}

function writeEntry(ctx: ClientContext, story: Story, entry: { exercise: ExerciseId; moduleId: string; stepId: string; version: string; at: Date }): void {
  const { random, calendar, rows } = ctx;
  const id = newId(entry.at);
  const shared = random.chance(0.8);
  const revisions = random.chance(0.25) && entry.at.getTime() + dayMs < calendar.now.getTime() ? 2 : 1;
  let data = '';
  let recordedAt = entry.at;
  for (let revision = 1; revision <= revisions; revision++) {
    recordedAt = new Date(entry.at.getTime() + (revision - 1) * dayMs);
    data = JSON.stringify(exerciseData(ctx, entry.exercise, recordedAt));
    rows.exercise_entry_submission.push({ entry_id: id, revision, data, content_version: entry.version, recorded_at: recordedAt, received_at: new Date(recordedAt.getTime() + 2_000) });
  }
  rows.exercise_entry.push({
    id,
    organisation_id: ctx.organisationId,
    client_id: story.clientId,
    exercise: entry.exercise,
    module_id: entry.moduleId,
    step_id: entry.stepId,
    content_version: entry.version,
    status: 'submitted',
    shared,
    data,
    revision: revisions,
    submissions: revisions,
    recorded_at: recordedAt,
    received_at: new Date(recordedAt.getTime() + 2_000),
    created_at: new Date(entry.at.getTime() + 2_000),
    first_submitted_at: new Date(entry.at.getTime() + 2_000),
  });
  const answeredAt = new Date(recordedAt.getTime() + random.int(18, 48) * 60 * minutes);
  if (shared && answeredAt < calendar.now && random.chance(0.75)) {
    rows.exercise_feedback.push({ id: newId(answeredAt), entry_id: id, revision: revisions, staff_id: story.practitionerId, text: random.pick(feedbackTexts), created_at: answeredAt });
  }
}

/** A submitted entry of each exercise, in the shape its form requires (exerciseForms in the domain). */
function exerciseData(ctx: ClientContext, exercise: ExerciseId, at: Date): Record<string, unknown> {
  const { random } = ctx;
  const date = at.toISOString().slice(0, 10);
  const time = () => `${String(random.int(8, 20)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`;
  const rowsOf = <T>(make: () => T) => Array.from({ length: random.int(1, 4) }, make);
  switch (exercise) {
    case 'activity-diary':
      return { rows: rowsOf(() => ({ date, time: time(), activity: random.pick(activities), mood: random.int(2, 8), achievement: random.int(0, 10), enjoyment: random.int(0, 10) })) };
    case 'activity-planner':
      return { rows: rowsOf(() => ({ date, time: random.chance(0.7) ? time() : null, activity: random.pick(activities), remind: random.chance(0.5) })) };
    case 'thought-record':
      return {
        situation: 'A friend did not answer my message.',
        feelings: [{ name: 'Sad', intensity: random.int(40, 90) }],
        automaticThought: 'Nobody wants to talk to me.',
        evidenceFor: 'No answer all afternoon.',
        evidenceAgainst: 'She is often busy at work and usually answers in the evening.',
        balancedThought: 'She is probably busy; she has always answered before.',
        feelingsAfter: [{ name: 'Sad', intensity: random.int(10, 40) }],
      };
    case 'problem-solving':
      return {
        problem: 'Bills are piling up and I keep avoiding them.',
        options: [
          { idea: 'Open one letter a day', pros: 'Small enough to do', cons: 'Slow' },
          { idea: 'Ask my brother to help on Saturday', pros: 'Company', cons: 'Feels embarrassing' },
        ],
        chosen: random.chance(0.8) ? 0 : null,
        plan: 'Open one letter each morning after breakfast.',
        review: '',
      };
    case 'relapse-prevention-plan':
      return {
        whatHelped: ['Planning one small activity a day', 'Walking in the morning'],
        warningSigns: ['Staying in bed late', 'Not answering messages'],
        whatToDo: ['Go back to the activity planner', 'Call my GP if it lasts two weeks'],
        people: [{ name: 'My sister', how: 'Phone in the evening' }],
      };
    case 'goals':
      return { goals: [{ text: 'Walk to the park twice a week', progress: random.int(0, 10) }] };
  }
}

/**
 * The conversation with the practitioner: a message from the client every five to fifteen days,
 * usually answered the next morning. The client's messages are read when answered (the last two
 * days' may still be unread); the practitioner's are read by the client a few hours later.
 */
export function writeMessages(ctx: ClientContext, story: Story): void {
  const { random, calendar, rows } = ctx;
  const message = (author: 'client' | 'staff', text: string, at: Date, readAt: Date | null) =>
    rows.message.push({
      id: newId(at),
      organisation_id: ctx.organisationId,
      client_id: story.clientId,
      episode_id: story.episodeId,
      author_type: author,
      author_staff_id: author === 'staff' ? story.practitionerId : null,
      text,
      recorded_at: at,
      received_at: new Date(at.getTime() + 1_000),
      routed_to_staff_id: author === 'client' ? story.practitionerId : null,
      route: author === 'client' ? 'assigned_practitioner' : null,
      quick_reply_id: null,
      read_at: readAt,
      read_by_staff_id: readAt && author === 'client' ? story.practitionerId : null,
    });
  for (let day = story.firstDay + random.int(1, 7); day <= Math.min(story.lastDay, 0); day += random.int(5, 15)) {
    const sentAt = calendar.at(day, random.int(17 * 60, 21 * 60));
    if (sentAt > calendar.now) break;
    const replyAt = calendar.at(calendar.weekdayOnOrAfter(day + 1), random.int(9 * 60, 11 * 60));
    const replied = replyAt < calendar.now && random.chance(0.85);
    const readAt = replied ? new Date(replyAt.getTime() - 5 * minutes) : sentAt.getTime() < calendar.now.getTime() - 2 * dayMs ? new Date(sentAt.getTime() + dayMs) : null;
    message('client', random.pick(clientMessages), sentAt, readAt);
    if (!replied) continue;
    const seenAt = new Date(replyAt.getTime() + random.int(1, 8) * 60 * minutes);
    message('staff', random.pick(staffMessages), replyAt, seenAt < calendar.now ? seenAt : null);
  }
}
