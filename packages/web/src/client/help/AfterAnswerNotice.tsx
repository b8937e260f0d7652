import { useEffect, useState } from 'react';
import type { Translate } from '../../shared/i18n/i18n';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import { onOutcome, outcomeOf } from '../outbox/outbox';
import type { SaveAnswerResult } from '../questionnaires/saved-answers';
import { whenSomeoneSees } from '../when-seen';
import { keepAfterAnswer, type AfterAnswer, type AnswerDelivery } from './after-answer';

/**
 * At the top of the crisis page after a positive answer to PHQ-9 question 9: a calm line; when a
 * person from the service will see the answer (from the server's notice), or, if it has not
 * reached the server, that it will be sent when the phone is back online and to use the numbers
 * on the page if they need help now; and the way back to finish the questionnaire. If the answer
 * is sent while the page is open, the line changes to say when it will be seen.
 */
export function AfterAnswerNotice({ after }: { after: AfterAnswer }) {
  const t = useT<ClientKey>();
  const { locale } = useLocale();
  const [delivery, setDelivery] = useState<AnswerDelivery>(after.delivery);
  const pendingId = delivery.state === 'sent' || delivery.state === 'not-sent' ? null : after.outboxId;

  useEffect(() => {
    if (!pendingId) return;
    return onOutcome((id) => {
      if (id !== pendingId) return;
      const outcome = outcomeOf(id);
      const risk = outcome?.state === 'delivered' ? (outcome.body as SaveAnswerResult | null)?.risk : null;
      if (!risk) return;
      const next: AnswerDelivery = { state: 'sent', notice: risk, receivedAt: Date.now() };
      keepAfterAnswer({ ...after, delivery: next });
      setDelivery(next);
    });
  }, [pendingId, after]);

  return (
    <div className="notice after-answer">
      <p>{t('client.help.afterAnswer')}</p>
      <p role="status">{deliveryLine(delivery, locale, t)}</p>
      <p>
        <Link href={after.returnHref}>{t('client.help.backToQuestionnaire')}</Link>
      </p>
    </div>
  );
}

function deliveryLine(delivery: AnswerDelivery, locale: string, t: Translate<ClientKey>): string {
  switch (delivery.state) {
    case 'sent':
      return `${whenSomeoneSees(delivery.notice, new Date(delivery.receivedAt), locale, t)} ${t('client.help.beforeThen')}`;
    case 'offline':
      return t('client.help.answerKeptOffline');
    case 'signed-out':
      return t('client.help.answerKeptSignIn');
    case 'not-sent':
      return t('client.help.answerNotSent');
  }
}
