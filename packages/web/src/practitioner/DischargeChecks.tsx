import type { EpisodeMeasures } from '@tandem/domain';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';
import { RecordAnswers } from './RecordAnswers';
import { staffPaths } from './routes';

/**
 * What must be seen before a referral ends: a risk alert nobody has acknowledged (discharge is
 * refused until it is — HAZ-030), and the final measures still due, so the referral's last scores
 * reflect the end of treatment (BRIEF.md, "Measures": outcomes use the first and last scores).
 * PHQ-9 and GAD-7 answers given in the session can be recorded here.
 */
export function DischargeChecks({ measures, clientId, onRecorded }: { measures: EpisodeMeasures; clientId: string; onRecorded(): void }) {
  const t = useT<PractitionerKey>();
  const due = measures.finalMeasuresDue;
  return (
    <>
      {measures.openRiskAlerts ? (
        <div className="notice notice-warning discharge-alerts">
          <p className="notice-heading">{t('practitioner.discharge.openAlerts', { count: measures.openRiskAlerts })}</p>
          <p>
            {t('practitioner.discharge.openAlertsText')} <Link href={staffPaths.alerts}>{t('practitioner.discharge.openAlertsLink')}</Link>
          </p>
        </div>
      ) : null}
      {due.length ? (
        <div className="notice discharge-due">
          <p className="notice-heading">{t('practitioner.discharge.due', { names: due.map((id) => t(`practitioner.measures.short.${id}`)).join(', ') })}</p>
          <p>{t('practitioner.discharge.dueText')}</p>
        </div>
      ) : (
        <p>{t('practitioner.discharge.noneDue')}</p>
      )}
      {due.length ? <RecordAnswers clientId={clientId} onRecorded={onRecorded} /> : null}
    </>
  );
}
