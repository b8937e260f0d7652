import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';
import { staffPaths } from './routes';
import { StaffFrame, type StaffContext } from './StaffFrame';
import { Worklist } from './worklist/Worklist';

/**
 * The practitioner's home: their caseload as a worklist, ordered by need, each client with the
 * reasons it needs them and a link to the pre-session brief (worklist/, decision 0025).
 */
export function CaseloadPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  return (
    <StaffFrame staff={staff} title={t('practitioner.title.caseload')} page="caseload">
      <h1>{t('practitioner.caseload.heading')}</h1>
      {staff.me.allowed.registerClients ? (
        <p>
          <Link className="button" href={staffPaths.register}>
            {t('practitioner.caseload.register')}
          </Link>
        </p>
      ) : null}
      <Worklist timeZone={staff.me.actor.timeZone} empty={t('practitioner.caseload.empty')} />
    </StaffFrame>
  );
}
