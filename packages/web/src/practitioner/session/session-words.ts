import { defaultDueDate, homeworkItemKey, localDate, sessionGapToleranceDays, zonedParts, type DriftFlag, type HomeworkItem, type ProgrammeModuleSummary, type ProtocolMapResponse } from '@tandem/domain';
import type { Translate } from '../../shared/i18n/i18n';
import type { PractitionerKey } from '../../shared/i18n/keys';

type T = Translate<PractitionerKey>;

/** Which weekday a calendar date 'YYYY-MM-DD' falls on (0 = Sunday), whatever the reader's zone. */
function weekday(iso: string): number {
  return new Date(`${iso}T12:00:00Z`).getUTCDay();
}

/** A calendar date in full words, as people say it: "Tuesday 3 December". */
export function longDate(t: T, iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return t('practitioner.session.longDate', {
    weekday: t(`practitioner.weekday.${weekday(iso)}` as PractitionerKey),
    day: Number(match[3]),
    month: t(`practitioner.monthLong.${Number(match[2])}` as PractitionerKey),
  });
}

/** An instant as a day and time on the clocks of `timeZone`: "Tuesday 3 December at 14:00". */
export function longDateTime(t: T, instant: string, timeZone: string): string {
  const p = zonedParts(new Date(instant), timeZone);
  return t('practitioner.session.longDateTime', { date: longDate(t, `${p.year}-${p.month}-${p.day}`), time: `${p.hour}:${p.minute}` });
}

/**
 * The due date homework gets when none is typed — as the server works it out (decision 0023): the
 * day before the next appointment in the client's time zone, never before today.
 */
export function defaultDue(nextStartsAt: string, timeZone: string, now: Date): string {
  const before = defaultDueDate(new Date(nextStartsAt), timeZone);
  const today = localDate(now, timeZone);
  return before < today ? today : before;
}

/** A week after `startsAt`, at the same time on the client's clocks (the next session's first guess). */
export function weekLater(startsAt: string, timeZone: string): { date: string; time: string } {
  const p = zonedParts(new Date(startsAt), timeZone);
  const day = new Date(`${p.year}-${p.month}-${p.day}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 7);
  return { date: day.toISOString().slice(0, 10), time: `${p.hour}:${p.minute}` };
}

/** One tap in the homework chooser: a label and the things it sets. */
export interface HomeworkChoice {
  key: string;
  label: string;
  hint: string;
  items: HomeworkItem[];
}

type ModuleInfo = Pick<ProgrammeModuleSummary, 'id' | 'title' | 'steps'>;

/**
 * The one-tap homework choices (BRIEF.md B3, "homework set in ≤ 3 actions"): the plan's next online
 * module — its steps the client has not done yet, as one choice — then each exercise of a module the
 * client has opened, to do again. Steps done already are left out; nothing is offered twice.
 */
export function homeworkSuggestions(
  t: T,
  input: { modules: readonly ModuleInfo[]; steps: readonly Pick<ProtocolMapResponse['steps'][number], 'mode' | 'moduleId' | 'status'>[]; done: readonly { moduleId: string; stepId: string }[]; openModules: readonly string[] },
): HomeworkChoice[] {
  const done = new Set(input.done.map((d) => `${d.moduleId}/${d.stepId}`));
  const choices: HomeworkChoice[] = [];
  const nextOnline = input.steps.find((s) => s.mode === 'online' && s.status !== 'delivered' && s.moduleId);
  const module = nextOnline ? input.modules.find((m) => m.id === nextOnline.moduleId) : undefined;
  if (module) {
    const left = module.steps.filter((s) => !done.has(`${module.id}/${s.id}`)).slice(0, 10);
    if (left.length) {
      choices.push({
        key: `module:${module.id}`,
        label: t('practitioner.homework.suggestModule', { module: module.title }),
        hint: t(left.length === 1 ? 'practitioner.homework.stepsOne' : 'practitioner.homework.stepsMany', { count: left.length, minutes: left.reduce((sum, s) => sum + s.minutes, 0) }),
        items: left.map((s) => ({ kind: 'step', moduleId: module.id, stepId: s.id })),
      });
    }
  }
  for (const moduleId of input.openModules) {
    const open = input.modules.find((m) => m.id === moduleId);
    for (const step of open?.steps ?? []) {
      if (!open || !step.exercise || !done.has(`${open.id}/${step.id}`)) continue;
      const item: HomeworkItem = { kind: 'exercise', exerciseId: step.exercise, moduleId: open.id };
      if (choices.some((c) => c.key === homeworkItemKey(item))) continue;
      choices.push({ key: homeworkItemKey(item), label: t('practitioner.homework.suggestExercise', { exercise: step.title }), hint: open.title, items: [item] });
    }
  }
  return choices;
}

/** "2 things, due Monday 2 December" and the like: how many things there are to do. */
export function thingsText(t: T, count: number): string {
  return t(count === 1 ? 'practitioner.homework.thingsOne' : 'practitioner.homework.thingsMany', { count });
}

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** A day 'YYYY-MM-DD' as the practitioner app shows dates in sentences: "3 Nov". */
function shortDay(t: T, iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${Number(match[3])} ${t(`common.month.${Number(match[2])}` as PractitionerKey)}` : iso;
}

/** What the map says about the sessions: the day of each attended session, by appointment id, oldest first. */
export interface SessionDays {
  days: readonly { appointmentId: string; on: string }[];
}

/**
 * A drift flag in plain, non-judgemental words (decision 0024; HAZ-050): what the plan expected and
 * what the record shows, never who is to blame. Written from the flag's facts, not its English reason.
 */
export function flagWords(t: T, flag: DriftFlag, map: Pick<ProtocolMapResponse, 'steps' | 'today'>, sessions: SessionDays): string {
  const component = flag.component ? t(`practitioner.component.${flag.component}`) : '';
  switch (flag.code) {
    case 'required_component_overdue': {
      const index = map.steps.findIndex((s) => s.planStepId === flag.planStepId);
      const step = map.steps[index];
      const sessionNumber = (upTo: number) => map.steps.slice(0, upTo + 1).filter((s) => s.mode === 'face_to_face').length;
      let planned: string;
      if (step && step.plannedWeek !== null) planned = t('practitioner.drift.byWeek', { week: step.plannedWeek });
      else if (step?.mode === 'face_to_face') planned = t('practitioner.drift.bySession', { session: sessionNumber(index) });
      else {
        const following = map.steps.findIndex((s, i) => i > index && s.mode === 'face_to_face');
        planned = following < 0 ? t('practitioner.drift.online') : t('practitioner.drift.beforeSession', { session: sessionNumber(following) });
      }
      return flag.deliveredOn
        ? t('practitioner.drift.overdueDelivered', { component, planned, date: shortDay(t, flag.deliveredOn) })
        : t('practitioner.drift.overdue', { component, planned });
    }
    case 'homework_not_reviewed':
      return t('practitioner.drift.homework', { date: shortDay(t, flag.on) });
    case 'component_not_recorded':
      return t('practitioner.drift.notRecorded', { date: shortDay(t, flag.on) });
    case 'gap_longer_than_planned': {
      // The flag's day is the first day past what the plan allows after the session before.
      const at = flag.appointmentId ? sessions.days.findIndex((s) => s.appointmentId === flag.appointmentId) : -1;
      const previous = at > 0 ? sessions.days[at - 1] : flag.appointmentId ? undefined : sessions.days[sessions.days.length - 1];
      if (!previous) return t('practitioner.drift.gapPlain');
      const expected = Math.max(1, dayNumber(flag.on) - dayNumber(previous.on) - 1 - sessionGapToleranceDays);
      if (at > 0) return t('practitioner.drift.gap', { days: dayNumber(sessions.days[at]!.on) - dayNumber(previous.on), expected });
      return t('practitioner.drift.gapSince', { days: dayNumber(map.today) - dayNumber(previous.on), date: shortDay(t, previous.on), expected });
    }
  }
}
