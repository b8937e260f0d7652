import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { ClientKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';

/**
 * "Get help now": where to get urgent help in England, reachable signed in or out, from every
 * free-text field's notice. Services NHS England lists for urgent mental health help: 999 and A&E
 * for danger to life; NHS 111, mental health option; Samaritans 116 123; Shout, text 85258; Relay
 * UK 18001 999 and the 999 BSL service for people who are deaf or cannot speak. The organisation's
 * own version, its review record and offline use come with the risk pathway (measures issue).
 */
export function HelpPage({ backHref }: { backHref: string }) {
  const t = useT<ClientKey>();
  return (
    <AppFrame title={t('client.title.help')} page="help">
      <h1>{t('client.help.heading')}</h1>
      <div className="help-urgent">
        <p>{t('client.help.emergency')}</p>
        <p>
          <a className="button button-danger" href="tel:999">
            {t('client.help.call999')}
          </a>
        </p>
      </div>
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
      <p className="notice">{t('client.help.notMonitored')}</p>
      <p>
        <Link href={backHref}>{t('client.help.back')}</Link>
      </p>
    </AppFrame>
  );
}
