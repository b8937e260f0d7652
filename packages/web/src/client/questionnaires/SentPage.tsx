import type { Instrument, RiskNotice } from '@tandem/domain';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import { ClientFrame } from '../ClientFrame';
import { whenSomeoneSees } from '../when-seen';

export type Sent =
  | { kind: 'sent'; total: number | null; max: number; risk: RiskNotice | null; at: number }
  | { kind: 'kept'; why: 'offline' | 'signed-out' };

/**
 * After Send: a kind confirmation. The total is shown as a number only, with plain words that it
 * is something to talk about with the practitioner — no severity band or label: a word such as
 * "severe" read alone on a phone, with no one to explain it, can alarm and reads like a
 * diagnosis; the practitioner talks the score through in the session.
 */
export function SentPage({ instrument, sent, onSignInAgain }: { instrument: Instrument; sent: Sent; onSignInAgain(): void }) {
  const t = useT<ClientKey>();
  const { locale } = useLocale();
  if (sent.kind === 'kept') {
    return (
      <ClientFrame title={t('client.title.sent')} page={`questionnaire-${instrument.id}-kept`}>
        <h1>{t('client.questionnaire.keptHeading')}</h1>
        <p role="status">{t(sent.why === 'signed-out' ? 'client.questionnaire.keptSignIn' : 'client.questionnaire.keptOffline')}</p>
        {sent.why === 'signed-out' ? (
          <button type="button" className="button" onClick={onSignInAgain}>
            {t('client.checkIn.signInAgain')}
          </button>
        ) : (
          <Link className="button" href="/">
            {t('client.checkIn.backHome')}
          </Link>
        )}
      </ClientFrame>
    );
  }
  return (
    <ClientFrame title={t('client.title.sent')} page={`questionnaire-${instrument.id}-sent`}>
      <h1>{t('client.questionnaire.sentHeading')}</h1>
      {sent.total !== null ? (
        <>
          <p>{t('client.questionnaire.score', { total: sent.total, max: sent.max })}</p>
          <p>{t('client.questionnaire.scoreMeaning')}</p>
        </>
      ) : null}
      {sent.risk ? (
        <p className="notice">
          {t('client.questionnaire.riskLine')} {whenSomeoneSees(sent.risk, new Date(sent.at), locale, t)}{' '}
          <Link href="/help">{t('client.checkIn.helpLink')}</Link>
        </p>
      ) : null}
      <Link className="button" href="/">
        {t('client.checkIn.backHome')}
      </Link>
    </ClientFrame>
  );
}
