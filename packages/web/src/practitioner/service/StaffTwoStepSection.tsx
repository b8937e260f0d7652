import type { StaffSummary } from '@tandem/domain';
import { useEffect, useRef, useState } from 'react';
import { apiPost, type ApiError } from '../../shared/api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { ScrollTable } from '../../shared/ScrollTable';
import { FocusNotice } from '../FocusNotice';
import { useStaffList } from './StaffSelect';

type Result = { name: string; sessionsEnded: number };

/**
 * The organisation's staff, for admins, with "Reset two-step sign-in" for each other member of
 * staff (HAZ-094: someone who has lost their phone is locked out of the workspace; the reset is
 * the way back in). A confirmation step says what happens first: their sessions end, and they set
 * up two-step sign-in again at their next sign-in. Admins cannot reset their own: another admin
 * must (the server refuses too).
 */
export function StaffTwoStepSection({ ownStaffId }: { ownStaffId: string | null }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useStaffList();
  const [confirming, setConfirming] = useState<StaffSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [done, setDone] = useState(0);
  const confirmBox = useRef<HTMLDivElement>(null);

  // The confirmation appears above the table: focus goes to it, so the person hears what will happen.
  useEffect(() => {
    if (confirming) confirmBox.current?.focus();
  }, [confirming]);

  async function reset(person: StaffSummary) {
    if (busy) return;
    setBusy(true);
    const answer = await apiPost<{ sessionsEnded: number }>(`/api/staff/${person.id}/mfa-reset`);
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setConfirming(null);
    setError(null);
    setResult({ name: person.displayName, sessionsEnded: answer.data.sessionsEnded });
    setDone((n) => n + 1);
  }

  return (
    <section aria-labelledby="staff-two-step-heading">
      <h2 id="staff-two-step-heading">{t('service.staff.heading')}</h2>
      <p>{t('service.staff.intro')}</p>
      <LoadState resource={resource} onRetry={reload} />
      <FocusNotice version={done}>
        {result ? <p>{t('service.staff.resetDone', { name: result.name, count: result.sessionsEnded })}</p> : null}
      </FocusNotice>
      {confirming ? (
        <div ref={confirmBox} tabIndex={-1} className="notice notice-warning focus-notice" role="group" aria-labelledby="staff-two-step-confirm">
          <h3 id="staff-two-step-confirm" className="notice-heading">
            {t('service.staff.confirmHeading', { name: confirming.displayName })}
          </h3>
          <p>{t('service.staff.confirmWhat')}</p>
          <p>{t('service.staff.confirmCheck')}</p>
          {error ? (
            <p role="alert" className="error-text">
              {errorText(error, t)}
            </p>
          ) : null}
          <div className="button-row">
            <button type="button" className="button button-danger" onClick={() => void reset(confirming)}>
              {t('service.staff.confirm')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setConfirming(null);
                setError(null);
              }}
            >
              {t('service.staff.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {resource.status === 'ok' ? (
        <ScrollTable caption={t('service.staff.caption')} columns={[t('service.staff.name'), t('service.staff.email'), t('service.staff.status'), t('service.staff.action')]}>
          {resource.data.staff.map((person) => (
            <tr key={person.id}>
              <td translate="no">{person.displayName}</td>
              <td translate="no">{person.email}</td>
              <td>{t(`service.staff.account.${person.accountStatus}`)}</td>
              <td>
                {person.id === ownStaffId || person.accountStatus !== 'active' ? null : (
                  <button
                    type="button"
                    className="button-link"
                    aria-label={t('service.staff.resetFor', { name: person.displayName })}
                    onClick={() => {
                      setConfirming(person);
                      setError(null);
                    }}
                  >
                    {t('service.staff.reset')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
    </section>
  );
}
