import type { DueQuestionnaire, InstrumentId, QuestionnaireResponse, RiskNotice } from '@tandem/domain';
import type { OutboxItem } from '../outbox/outbox';

/**
 * Questionnaire writes go through the outbox, like check-ins: each answer is stored on the phone
 * and sent at once (PUT, one per question, keyed by response and question so a changed answer
 * replaces the one waiting), then the finished questionnaire (POST). Nothing is lost to a dropped
 * connection, and answers still waiting on the phone are shown when the client comes back.
 */
export interface AnswerBody {
  instrumentId: InstrumentId;
  appointmentId: string | null;
  value: number | null;
  recordedAt: string;
}

export interface CompleteBody {
  instrumentId: InstrumentId;
  appointmentId: string | null;
  answers: Record<string, number | null>;
  authoredAt: string;
}

/** What PUT …/answers/:linkId answers. */
export interface SaveAnswerResult {
  responseId: string;
  linkId: string;
  saved: boolean;
  risk: RiskNotice | null;
}

/** What POST …/complete answers. */
export interface CompleteResult {
  response: QuestionnaireResponse;
  risk: RiskNotice | null;
}

export function answerItemId(responseId: string, linkId: string): string {
  return `answer:${responseId}:${linkId}`;
}

export function completeItemId(responseId: string): string {
  return `complete:${responseId}`;
}

export function answerUrl(responseId: string, linkId: string): string {
  return `/api/questionnaire-responses/${responseId}/answers/${linkId}`;
}

export function completeUrl(responseId: string): string {
  return `/api/questionnaire-responses/${responseId}/complete`;
}

/** The response id and linkId of an answer waiting in the outbox, or null for other items. */
function answerKey(item: OutboxItem): { responseId: string; linkId: string } | null {
  if (item.kind !== 'answer') return null;
  const match = /^answer:([0-9a-f-]{36}):([a-z0-9-]+)$/.exec(item.id);
  return match ? { responseId: match[1]!, linkId: match[2]! } : null;
}

function isFor(body: unknown, due: Pick<DueQuestionnaire, 'instrumentId' | 'appointmentId'>): boolean {
  const b = body as Partial<AnswerBody> | null;
  return b?.instrumentId === due.instrumentId && (b.appointmentId ?? null) === due.appointmentId;
}

/**
 * Where to carry on: the server's unfinished response and its answers, with any answers still
 * waiting on this phone laid over them (they are newer). When the server knows of no response
 * but answers are waiting on the phone (given offline), their response id is used, so they are
 * not lost; otherwise `newResponseId` is used. The caller makes that id when one is needed.
 */
export function carryOn(due: DueQuestionnaire, waiting: readonly OutboxItem[], newResponseId: () => string): { responseId: string; answers: Record<string, number | null> } {
  const pending = waiting.filter((item) => item.state === 'waiting' && answerKey(item) && isFor(item.body, due));
  const responseId = due.responseId ?? pending.map((item) => answerKey(item)!.responseId)[0] ?? newResponseId();
  const answers: Record<string, number | null> = { ...due.answers };
  for (const item of pending) {
    const key = answerKey(item)!;
    if (key.responseId === responseId) answers[key.linkId] = (item.body as AnswerBody).value;
  }
  return { responseId, answers };
}

/** Whether a finished questionnaire is waiting on this phone to be sent. */
export function isWaitingToSend(waiting: readonly OutboxItem[], due: Pick<DueQuestionnaire, 'instrumentId' | 'appointmentId'>): boolean {
  return waiting.some((item) => item.kind === 'questionnaire' && item.state === 'waiting' && isFor(item.body, due));
}
