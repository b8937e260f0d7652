import type { ConsentChoices, ConsentRecord } from '@tandem/domain';

/** What GET /api/clients/:clientId/consent answers (ConsentHistorySchema in @tandem/domain). */
export interface ConsentHistory {
  current: ConsentRecord | null;
  history: ConsentRecord[];
  /** The wording the app shows now; only a record for this wording counts. */
  wordingVersion: string;
}

/**
 * Where the client stands: `agreed` lets the app open (using Tandem alongside sessions, and
 * understanding how messages work); `declined` means they said no to using Tandem; `needed` means
 * there is no answer to the current wording yet (first sign-in, or the wording changed).
 */
export type ConsentStanding = 'agreed' | 'declined' | 'needed';

/** The current record, when it answers the wording shown now. */
export function currentAnswer(consent: ConsentHistory): ConsentRecord | null {
  const current = consent.current;
  return current && current.wordingVersion === consent.wordingVersion ? current : null;
}

export function consentStanding(consent: ConsentHistory): ConsentStanding {
  const current = currentAnswer(consent);
  if (!current) return 'needed';
  if (!current.choices.blendedTreatment) return 'declined';
  return current.choices.messagingUnderstood ? 'agreed' : 'needed';
}

/** The history after a new record: it becomes the current one, newest first. */
export function withRecord(consent: ConsentHistory, record: ConsentRecord): ConsentHistory {
  return { ...consent, current: record, history: [record, ...consent.history.filter((r) => r.id !== record.id)] };
}

/** The form's answers. `useTandem` is a yes/no question, unanswered until the client chooses. */
export interface ConsentAnswers {
  useTandem: 'yes' | 'no' | null;
  understood: boolean;
  email: boolean;
  sms: boolean;
  push: boolean;
  research: boolean;
}

/**
 * The form as it starts: empty (nothing pre-ticked) without an answer to the current wording;
 * otherwise the client's current choices, to change. After a "no" the yes/no is asked afresh.
 */
export function startingAnswers(current: ConsentRecord | null): ConsentAnswers {
  if (!current) return { useTandem: null, understood: false, email: false, sms: false, push: false, research: false };
  const { blendedTreatment, messagingUnderstood, channels, research } = current.choices;
  return { useTandem: blendedTreatment ? 'yes' : null, understood: messagingUnderstood, ...channels, research };
}

/**
 * The choices to record. Saying no to using Tandem is also saying no to being contacted through it
 * and to research use, whatever was ticked (the page says so).
 */
export function choicesFrom(answers: ConsentAnswers): ConsentChoices {
  const agreed = answers.useTandem === 'yes';
  return {
    blendedTreatment: agreed,
    messagingUnderstood: answers.understood,
    channels: { email: agreed && answers.email, sms: agreed && answers.sms, push: agreed && answers.push },
    research: agreed && answers.research,
  };
}
