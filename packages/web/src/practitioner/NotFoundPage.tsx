import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';
import { staffPaths } from './routes';
import { StaffFrame, type StaffContext } from './StaffFrame';

/** An address the app does not know, or a page the person may not use. */
export function NotFoundPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  return (
    <StaffFrame staff={staff} title={t('practitioner.title.notFound')} page="not-found">
      <h1>{t('practitioner.notFound.heading')}</h1>
      <p>{t('practitioner.notFound.text')}</p>
      <p>
        <Link href={staffPaths.caseload}>{t('practitioner.notFound.back')}</Link>
      </p>
    </StaffFrame>
  );
}
