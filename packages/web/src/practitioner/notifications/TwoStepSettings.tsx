import type { RecoveryCodes, TotpConfirmRequest, TwoStepStatus } from '@tandem/domain';
import { useState } from 'react';
import { apiPost } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { CodeForm } from '../../shared/CodeForm';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { RecoveryCodeList } from '../../shared/TwoStepEnrolment';
import { useApiGet } from '../../shared/use-api-get';
import { useCodeForm } from '../../shared/use-code-form';

type Mode = { kind: 'summary' } | { kind: 'asking' } | { kind: 'codes'; codes: string[] };

/**
 * "Two-step sign-in" on the person's own settings page: it is on (staff must use it), since when,
 * how many recovery codes are left, and "Make new recovery codes" — which asks for a code from the
 * app, then shows the new set once (the old set stops working).
 */
export function TwoStepSettings({ timeZone }: { timeZone: string }) {
  const t = useT<PractitionerKey>();
  const status = useApiGet<TwoStepStatus>('/api/auth/mfa');
  const [mode, setMode] = useState<Mode>({ kind: 'summary' });
  const data = status.resource.status === 'ok' ? status.resource.data : null;

  return (
    <section aria-labelledby="two-step-heading" className="two-step-settings">
      <h2 id="two-step-heading">{t('practitioner.twoStep.heading')}</h2>
      <LoadState resource={status.resource} onRetry={status.reload} />
      {data ? (
        <dl className="summary-list">
          <div>
            <dt>{t('practitioner.twoStep.state')}</dt>
            <dd>{t(data.enrolled ? (data.required ? 'practitioner.twoStep.onRequired' : 'practitioner.twoStep.on') : 'practitioner.twoStep.off')}</dd>
          </div>
          {data.enrolledAt ? (
            <div>
              <dt>{t('practitioner.twoStep.since')}</dt>
              <dd>{formatDateTime(data.enrolledAt, timeZone, t)}</dd>
            </div>
          ) : null}
          {data.enrolled ? (
            <div>
              <dt>{t('practitioner.twoStep.codesLeft')}</dt>
              <dd>{t('practitioner.twoStep.codesLeftValue', { count: data.recoveryCodesLeft })}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {data?.enrolled && mode.kind === 'summary' ? (
        <>
          <p>{t('practitioner.twoStep.newCodesHint')}</p>
          <button type="button" className="button button-secondary" onClick={() => setMode({ kind: 'asking' })}>
            {t('practitioner.twoStep.newCodes')}
          </button>
        </>
      ) : null}
      {mode.kind === 'asking' ? (
        <NewCodesForm
          onMade={(codes) => {
            setMode({ kind: 'codes', codes });
            status.reload();
          }}
          onCancel={() => setMode({ kind: 'summary' })}
        />
      ) : null}
      {mode.kind === 'codes' ? (
        <RecoveryCodeList level={3} codes={mode.codes} continueLabel={t('practitioner.twoStep.done')} onContinue={() => setMode({ kind: 'summary' })} />
      ) : null}
    </section>
  );
}

function NewCodesForm({ onMade, onCancel }: { onMade(codes: string[]): void; onCancel(): void }) {
  const t = useT<PractitionerKey>();
  const form = useCodeForm<RecoveryCodes>({
    send: (code) => apiPost<RecoveryCodes>('/api/auth/mfa/recovery-codes', { code } satisfies TotpConfirmRequest),
    onDone: (data) => onMade(data.recoveryCodes),
  });
  return (
    <CodeForm
      form={form}
      intro={<p>{t('practitioner.twoStep.newCodesWarning')}</p>}
      label={t('common.secondStep.codeLabel')}
      hint={t('common.enrol.codeHint')}
      submitLabel={t('practitioner.twoStep.makeCodes')}
      actions={
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('practitioner.twoStep.cancel')}
        </button>
      }
    />
  );
}
