import { instrumentIds, type Instrument, type InstrumentId } from '@tandem/domain';

/**
 * Addresses of a questionnaire's pages. Each question has its own address, so the phone's back
 * button, a reload and a screen reader's "new page" all work as on any other page:
 *
 *   /questionnaires/:appointmentId/:instrumentId          carry on (first unanswered question)
 *   /questionnaires/:appointmentId/:instrumentId/3        question 3
 *   /questionnaires/:appointmentId/:instrumentId/check    check your answers
 *   /questionnaires/:appointmentId/:instrumentId/sent     sent
 */
export type QuestionnaireStep = { kind: 'resume' } | { kind: 'question'; number: number } | { kind: 'check' } | { kind: 'sent' };

export interface QuestionnaireAddress {
  /** The appointment's id, or 'none' for a questionnaire due without one. */
  appointmentKey: string;
  instrumentId: InstrumentId;
  step: QuestionnaireStep;
}

const noAppointment = 'none';

export function questionnaireHref(appointmentId: string | null, instrumentId: InstrumentId, step: QuestionnaireStep = { kind: 'resume' }): string {
  const base = `/questionnaires/${appointmentId ?? noAppointment}/${instrumentId}`;
  if (step.kind === 'resume') return base;
  if (step.kind === 'question') return `${base}/${step.number}`;
  return `${base}/${step.kind}`;
}

export function appointmentIdOf(appointmentKey: string): string | null {
  return appointmentKey === noAppointment ? null : appointmentKey;
}

function isInstrumentId(value: string): value is InstrumentId {
  return (instrumentIds as readonly string[]).includes(value);
}

/** The questionnaire page an address names, or null when it names none. */
export function parseQuestionnairePath(path: string): QuestionnaireAddress | null {
  const match = /^\/questionnaires\/([0-9a-z-]{1,40})\/([a-z0-9]+)(?:\/([a-z0-9]+))?\/?$/.exec(path);
  if (!match || !isInstrumentId(match[2]!)) return null;
  const [, appointmentKey, instrumentId, rest] = match as unknown as [string, string, InstrumentId, string | undefined];
  if (rest === undefined) return { appointmentKey, instrumentId, step: { kind: 'resume' } };
  if (rest === 'check' || rest === 'sent') return { appointmentKey, instrumentId, step: { kind: rest } };
  if (/^[1-9]\d?$/.test(rest)) return { appointmentKey, instrumentId, step: { kind: 'question', number: Number(rest) } };
  return null;
}

/** The first question without an answer (1-based), or null when every question has one. */
export function firstUnanswered(instrument: Instrument, answers: Readonly<Record<string, number | null>>): number | null {
  const index = instrument.items.findIndex((item) => !Object.hasOwn(answers, item.linkId));
  return index === -1 ? null : index + 1;
}

/**
 * Where to go after answering question `number`: the next question without an answer after it,
 * else the check page once every question has one.
 */
export function stepAfter(instrument: Instrument, answers: Readonly<Record<string, number | null>>, number: number): QuestionnaireStep {
  const later = instrument.items.findIndex((item, i) => i >= number && !Object.hasOwn(answers, item.linkId));
  if (later !== -1) return { kind: 'question', number: later + 1 };
  const first = firstUnanswered(instrument, answers);
  return first === null ? { kind: 'check' } : { kind: 'question', number: first };
}
