import type { Me } from '@tandem/domain';
import { useState } from 'react';
import { AppFrame } from '../shared/AppFrame';
import { formatDate } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { ClientKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';
import { readAfterAnswer } from './help/after-answer';
import { AfterAnswerNotice } from './help/AfterAnswerNotice';
import { LocalContacts } from './help/LocalContacts';
import { useCrisisPage } from './help/crisis-page-data';
import { TellTheService } from './help/TellTheService';

/**
 * "Get help now": where to get urgent help in England, reachable signed in or out, from every
 * signed-in page's header and every free-text field's notice. Services NHS England lists for
 * urgent mental health help: 999 and A&E for danger to life; NHS 111, mental health option;
 * Samaritans 116 123; Shout, text 85258; Relay UK 18001 999 and the 999 BSL service for people who
 * are deaf or cannot speak. That national part is in the app itself, so the page shows it with no
 * network at all. Under it come the organisation's own contacts (kept on the device, so they show
 * offline and signed out too), and, for a signed-in client in care, "Let the service know I need
 * help". Opened from the questionnaire after a positive answer to PHQ-9 question 9, it starts with
 * a calm line saying when someone will see the answer, and the way back.
 */
export function HelpPage({ backHref, me }: { backHref: string; me: Me | null }) {
  const t = useT<ClientKey>();
  const [after] = useState(() => readAfterAnswer(window.location.search));
  const client = me?.actor.type === 'client' ? me : null;
  const page = useCrisisPage(client !== null);
  return (
    <AppFrame title={t('client.title.help')} page={after ? 'help-after-answer' : 'help'}>
      <h1>{t('client.help.heading')}</h1>
      {after ? <AfterAnswerNotice after={after} /> : null}
      <div className="help-urgent">
        <p>{t('client.help.emergency')}</p>
        <p>
          <a className="button button-danger" href="tel:999">
            {t('client.help.call999')}
          </a>
        </p>
      </div>
      {client ? <TellTheService me={client} /> : null}
      <h2>{t('client.help.urgentHeading')}</h2>
      <ul className="help-list">
        <li>
          {t('client.help.nhs111')}{' '}
          <a href="tel:111">{t('client.help.call111')}</a>
        </li>
        <li>
          {t('client.help.samaritans')}{' '}
          <a href="tel:116123">{t('client.help.callSamaritans')}</a>
        </li>
        <li>
          {t('client.help.shout')}{' '}
          <a href="sms:85258?body=SHOUT">{t('client.help.textShout')}</a>
        </li>
        <li>{t('client.help.relay')}</li>
      </ul>
      {page ? (
        <p className="hint">{t('client.help.checkedBy', { name: page.national.reviewedBy, date: formatDate(page.national.reviewedOn, t) })}</p>
      ) : null}
      {page?.local ? <LocalContacts local={page.local} /> : null}
      <p className="notice">{t('client.help.notMonitored')}</p>
      <p>
        <Link href={backHref}>{t('client.help.back')}</Link>
      </p>
    </AppFrame>
  );
}
