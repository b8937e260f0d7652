import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import { ClientFrame } from '../ClientFrame';

/** "Back to your programme", at the top of module, step and exercise pages. */
export function ProgrammeBackLink({ href = '/programme', label }: { href?: string; label?: string }) {
  const t = useT<ClientKey>();
  return (
    <p>
      <Link className="back-link" href={href}>
        {label ?? t('client.programme.back')}
      </Link>
    </p>
  );
}

/** A part of the programme that is not open yet (or does not exist): said kindly, with the way back. */
export function NotOpen() {
  const t = useT<ClientKey>();
  return (
    <ClientFrame title={t('client.title.programme')} page="programme-not-open">
      <ProgrammeBackLink />
      <h1>{t('client.programme.notOpenHeading')}</h1>
      <p>{t('client.programme.notOpen')}</p>
    </ClientFrame>
  );
}
