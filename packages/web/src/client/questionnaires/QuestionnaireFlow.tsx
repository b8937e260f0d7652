import { instruments, isRiskAnswer, newId, type DueQuestionnaire, type Instrument, type Me } from '@tandem/domain';
import { useEffect, useState } from 'react';
import { apiGet, type ApiError } from '../../shared/api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link, navigate } from '../../shared/navigation';
import { ClientFrame } from '../ClientFrame';
import { afterAnswerHref, keepAfterAnswer, type AnswerDelivery } from '../help/after-answer';
import { dismissRefused, listOutbox, outcomeOf, type OutboxItem } from '../outbox/outbox';
import { useOutbox } from '../outbox/useOutbox';
import { CheckAnswersPage } from './CheckAnswersPage';
import { appointmentIdOf, firstUnanswered, questionnaireHref, stepAfter, type QuestionnaireAddress, type QuestionnaireStep } from './paths';
import { QuestionPage } from './QuestionPage';
import { answerItemId, answerUrl, carryOn, completeItemId, completeUrl, type AnswerBody, type CompleteBody, type CompleteResult, type SaveAnswerResult } from './saved-answers';
import { SentPage, type Sent } from './SentPage';

type Answers = Record<string, number | null>;

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'missing' }
  | { status: 'ready'; due: DueQuestionnaire; responseId: string; answers: Answers };

/**
 * How long to wait for the server's risk notice after a positive answer to PHQ-9 question 9
 * before showing the crisis page anyway: the crisis page never waits on the server.
 */
const riskNoticeWaitMs = 4000;

function wait(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

/** The highest total these answers could have had ("not applicable" items count for nothing). */
function maxTotal(instrument: Instrument, answers: Answers): number {
  return instrument.items.reduce((sum, item) => (answers[item.linkId] === null ? sum : sum + Math.max(...item.answerOptions.map((o) => o.value))), 0);
}

/**
 * A questionnaire due before a session, one question per page (see paths.ts for the addresses).
 * It starts from the server's unfinished response and any answers still waiting on the phone, so
 * a client who leaves midway comes back to the first question without an answer. Each answer is
 * saved as the client presses Continue; a positive answer to PHQ-9 question 9 then goes straight
 * to the crisis page, sent or not. The check page sends the whole questionnaire.
 */
export function QuestionnaireFlow({ me, address, onSessionEnded }: { me: Me; address: QuestionnaireAddress; onSessionEnded(): void }) {
  const t = useT<ClientKey>();
  const ownerId = me.actor.clientId ?? '';
  const outbox = useOutbox(ownerId);
  const instrument = instruments[address.instrumentId];
  const appointmentId = appointmentIdOf(address.appointmentKey);
  const { step } = address;
  const href = (to: QuestionnaireStep) => questionnaireHref(appointmentId, instrument.id, to);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  // A problem belongs to the page it happened on: it is not carried to the next one.
  const [problem, setProblemAt] = useState<{ at: string; message: string } | null>(null);
  const [sendAttempt, setSendAttempt] = useState(0);
  const [sent, setSent] = useState<Sent | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([apiGet<{ due: DueQuestionnaire[] }>('/api/questionnaires/due'), listOutbox().catch((): OutboxItem[] => [])]).then(([result, kept]) => {
      if (!live) return;
      if (!result.ok) return setLoaded({ status: 'error', error: result.error });
      const due = result.data.due.find((d) => d.instrumentId === instrument.id && d.appointmentId === appointmentId);
      if (!due) return setLoaded({ status: 'missing' });
      const mine = kept.filter((item) => item.ownerId === ownerId);
      setLoaded({ status: 'ready', due, ...carryOn(due, mine, () => newId(new Date())) });
    });
    return () => {
      live = false;
    };
  }, [attempt, instrument.id, appointmentId, ownerId]);

  const ready = loaded.status === 'ready' ? loaded : null;
  const unanswered = ready ? firstUnanswered(instrument, ready.answers) : null;

  // Carry on where the client left off; never show the check page with a question unanswered.
  const redirect: string | null = !ready
    ? null
    : step.kind === 'resume' || (step.kind === 'check' && unanswered !== null) || (step.kind === 'question' && step.number > instrument.items.length)
      ? href(unanswered === null ? { kind: 'check' } : { kind: 'question', number: unanswered })
      : step.kind === 'sent' && !sent
        ? href({ kind: 'resume' })
        : null;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (sent && step.kind === 'sent') return <SentPage instrument={instrument} sent={sent} onSignInAgain={onSessionEnded} />;

  if (loaded.status === 'error') {
    return (
      <ClientFrame title={t('client.title.questionnaire')} page="questionnaire-error">
        <h1>{t('common.unavailable.heading')}</h1>
        <p>{errorText(loaded.error, t)}</p>
        <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
          {t('common.tryAgain')}
        </button>
      </ClientFrame>
    );
  }
  if (loaded.status === 'missing') {
    return (
      <ClientFrame title={t('client.title.questionnaire')} page="questionnaire-missing">
        <h1>{t('client.questionnaire.notOpenHeading')}</h1>
        <p>{t('client.questionnaire.notOpen')}</p>
        <Link className="button" href="/">
          {t('client.checkIn.backHome')}
        </Link>
      </ClientFrame>
    );
  }
  if (!ready || redirect) {
    return (
      <ClientFrame page="questionnaire-loading">
        <p role="status">{t('common.loading')}</p>
      </ClientFrame>
    );
  }

  const { responseId, answers } = ready;
  const here = href(step);
  const setProblem = (message: string | null) => setProblemAt(message === null ? null : { at: here, message });
  const problemHere = problem?.at === here ? problem.message : null;

  async function answer(number: number, value: number | null) {
    if (!ready) return;
    const item = instrument.items[number - 1]!;
    const next = { ...answers, [item.linkId]: value };
    const id = answerItemId(responseId, item.linkId);
    const body: AnswerBody = { instrumentId: instrument.id, appointmentId, value, recordedAt: new Date().toISOString() };
    const risky = isRiskAnswer(instrument.id, item.linkId, value);
    const onward = href(stepAfter(instrument, next, number));
    setBusy(true);
    setProblem(null);
    let stored = true;
    try {
      await outbox.replace({ id, kind: 'answer', method: 'PUT', url: answerUrl(responseId, item.linkId), body, createdAt: body.recordedAt });
    } catch {
      stored = false;
    }
    if (!risky) {
      setBusy(false);
      if (!stored) return setProblem(t('client.questionnaire.storageFailed'));
      setLoaded({ ...ready, answers: next });
      void outbox.send();
      return navigate(onward);
    }
    // A warning sign: save it, but show the crisis page whatever happens to the save.
    let delivery: AnswerDelivery = { state: 'not-sent' };
    if (stored) {
      const flushed = await Promise.race([outbox.send(), wait(riskNoticeWaitMs)]);
      const outcome = outcomeOf(id);
      const risk = outcome?.state === 'delivered' ? (outcome.body as SaveAnswerResult | null)?.risk : null;
      if (risk) delivery = { state: 'sent', notice: risk, receivedAt: new Date().getTime() };
      else if (outcome?.state !== 'refused') delivery = { state: flushed?.stop === 'signed-out' ? 'signed-out' : 'offline' };
    }
    keepAfterAnswer({ returnHref: onward, outboxId: stored ? id : null, delivery });
    setLoaded({ ...ready, answers: next });
    setBusy(false);
    navigate(afterAnswerHref);
  }

  async function send() {
    if (!ready) return;
    const id = completeItemId(responseId);
    const body: CompleteBody = { instrumentId: instrument.id, appointmentId, answers, authoredAt: new Date().toISOString() };
    setBusy(true);
    setProblem(null);
    try {
      await outbox.replace({ id, kind: 'questionnaire', url: completeUrl(responseId), body, createdAt: body.authoredAt });
    } catch {
      setBusy(false);
      setSendAttempt((n) => n + 1);
      return setProblem(t('client.questionnaire.storageFailed'));
    }
    const flushed = await outbox.send();
    const outcome = outcomeOf(id);
    setBusy(false);
    if (outcome?.state === 'delivered') {
      const result = outcome.body as CompleteResult;
      setSent({ kind: 'sent', total: result.response.total, max: maxTotal(instrument, answers), risk: result.risk, at: new Date().getTime() });
    } else if (outcome?.state === 'refused') {
      // Shown here, so not kept: the refused send and this questionnaire's refused answers.
      await dismissRefused((item) => item.id === id || item.id.startsWith(`answer:${responseId}:`));
      setSendAttempt((n) => n + 1);
      return setProblem(outcome.problem);
    } else {
      setSent({ kind: 'kept', why: flushed.stop === 'signed-out' ? 'signed-out' : 'offline' });
    }
    navigate(href({ kind: 'sent' }));
  }

  if (step.kind === 'check') {
    return (
      <CheckAnswersPage
        instrument={instrument}
        answers={answers}
        questionHref={(number) => href({ kind: 'question', number })}
        backHref={href({ kind: 'question', number: instrument.items.length })}
        busy={busy}
        problem={problemHere}
        attempt={sendAttempt}
        onSend={() => void send()}
      />
    );
  }
  const number = step.kind === 'question' ? step.number : 1;
  const linkId = instrument.items[number - 1]!.linkId;
  return (
    <QuestionPage
      key={linkId}
      instrument={instrument}
      number={number}
      answer={answers[linkId]}
      backHref={number === 1 ? '/' : href({ kind: 'question', number: number - 1 })}
      busy={busy}
      problem={problemHere}
      onAnswer={(value) => void answer(number, value)}
    />
  );
}
