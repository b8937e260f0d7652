import type { DataRightsStatus } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { apiPost, type ApiError } from '../../shared/api';
import { formatDate, formatDateTime, type DateParts } from '../../shared/dates';
import { errorText } from '../../shared/error-text';
import { DateField, FieldError, TextField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { ScrollTable } from '../../shared/ScrollTable';

type Say = ReturnType<typeof useT<PractitionerKey>>;

/** 'YYYY-MM-DD' from Day/Month/Year, or null when it is not a real date. */
export function isoOf(parts: DateParts): string | null {
  const [d, m, y] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  if (!Number.isInteger(d) || !Number.isInteger(m) || !Number.isInteger(y) || y < 1900 || y > 2999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** The server's reason a request failed, or our words when none came back; nothing when there is no error. */
export function ErrorNotice({ error }: { error: ApiError | null }) {
  const t = useT<PractitionerKey>();
  return error ? (
    <p className="notice notice-warning" role="alert">
      {errorText(error, t)}
    </p>
  ) : null;
}

function ReasonField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange(v: string): void; error?: string }) {
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <FieldError id={id} text={error} />
      <textarea
        id={id}
        className="textarea"
        rows={3}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

/** One write of this panel: sends it, then shows the new state and says it is done, or the server's reason. */
function useAction(onStatus: (status: DataRightsStatus, done: PractitionerKey) => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (path: string, body: object, done: PractitionerKey) => {
    setBusy(true);
    setError(null);
    const result = await apiPost<DataRightsStatus>(path, body);
    setBusy(false);
    if (result.ok) onStatus(result.data, done);
    else setError(result.error);
  };
  return { error, busy, run };
}

function RestrictForm({ status, onStatus, t }: { status: DataRightsStatus; onStatus: (s: DataRightsStatus, done: PractitionerKey) => void; t: Say }) {
  const [requested, setRequested] = useState<DateParts>({ day: '', month: '', year: '' });
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ date?: string; reason?: string }>({});
  const { error, busy, run } = useAction(onStatus);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const iso = isoOf(requested);
    const found = { date: iso ? undefined : t('dataRights.field.date'), reason: reason.trim() ? undefined : t('dataRights.field.required') };
    setProblems(found);
    if (!iso || found.reason) return;
    void run(`/api/clients/${status.client.id}/processing-restriction`, { requestedOn: iso, reason }, 'dataRights.restrict.done');
  };
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('dataRights.restrict.heading')}</h3>
      <ErrorNotice error={error} />
      <DateField id="dr-requested" label={t('dataRights.restrict.requestedOn')} value={requested} onChange={setRequested} error={problems.date} />
      <ReasonField id="dr-restrict-reason" label={t('dataRights.restrict.reason')} value={reason} onChange={setReason} error={problems.reason} />
      <button type="submit" className="button" disabled={busy}>
        {t('dataRights.restrict.button')}
      </button>
    </form>
  );
}

function LiftForm({ status, onStatus, t }: { status: DataRightsStatus; onStatus: (s: DataRightsStatus, done: PractitionerKey) => void; t: Say }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const { error, busy, run } = useAction(onStatus);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(reason.trim() ? undefined : t('dataRights.field.required'));
    if (!reason.trim()) return;
    void run(`/api/clients/${status.client.id}/processing-restriction/lift`, { reason }, 'dataRights.lift.done');
  };
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('dataRights.lift.heading')}</h3>
      <ErrorNotice error={error} />
      <ReasonField id="dr-lift-reason" label={t('dataRights.lift.reason')} value={reason} onChange={setReason} error={problem} />
      <button type="submit" className="button button-secondary" disabled={busy}>
        {t('dataRights.lift.button')}
      </button>
    </form>
  );
}

function EraseForm({ status, onStatus, t }: { status: DataRightsStatus; onStatus: (s: DataRightsStatus, done: PractitionerKey) => void; t: Say }) {
  const [confirm, setConfirm] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ confirm?: string; reason?: string }>({});
  const { error, busy, run } = useAction(onStatus);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { confirm: confirm.trim() ? undefined : t('dataRights.field.required'), reason: reason.trim() ? undefined : t('dataRights.field.required') };
    setProblems(found);
    if (found.confirm || found.reason) return;
    const today = new Date().toISOString().slice(0, 10);
    void run(`/api/clients/${status.client.id}/erasure`, { requestedOn: status.restrictions[0]?.requestedOn ?? today, reason, confirmFamilyName: confirm }, 'dataRights.erase.done');
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorNotice error={error} />
      <TextField id="dr-confirm" label={t('dataRights.erase.confirm')} value={confirm} onChange={setConfirm} error={problems.confirm} autoComplete="off" spellCheck={false} />
      <ReasonField id="dr-erase-reason" label={t('dataRights.erase.reason')} value={reason} onChange={setReason} error={problems.reason} />
      <button type="submit" className="button button-danger" disabled={busy}>
        {t('dataRights.erase.button')}
      </button>
    </form>
  );
}

/**
 * One client's data-rights state for an admin (decision 0042): whether processing is restricted,
 * every restriction and its lifting, the forms to restrict or lift, and erasure — offered only when
 * the retention period has ended, otherwise the reason why not.
 */
export function DataRightsPanel({ status, timeZone, onStatus }: { status: DataRightsStatus; timeZone: string; onStatus: (s: DataRightsStatus, done: PractitionerKey) => void }) {
  const t = useT<PractitionerKey>();
  const when = (iso: string) => formatDateTime(iso, timeZone, t);
  const erased = status.erasure.erasedAt !== null;
  return (
    <section aria-labelledby="dr-client">
      <h2 id="dr-client">
        <span translate="no">
          {status.client.givenName} {status.client.familyName}
        </span>
      </h2>
      <p>{t('dataRights.client.born', { date: formatDate(status.client.dateOfBirth, t) })}</p>
      <p className={status.restricted ? 'notice notice-warning' : 'notice'}>{t(status.restricted ? 'dataRights.restricted' : 'dataRights.notRestricted')}</p>
      {status.restrictions.length ? (
        <ScrollTable caption={t('dataRights.history.caption')} columns={[t('dataRights.history.requested'), t('dataRights.history.recorded'), t('dataRights.history.reason'), t('dataRights.history.lifted')]}>
          {status.restrictions.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{formatDate(r.requestedOn, t)}</td>
              <td>{t('dataRights.history.recordedBy', { when: when(r.restrictedAt), name: r.restrictedBy })}</td>
              <td translate="no">{r.reason}</td>
              <td>{r.liftedAt ? t('dataRights.history.liftedBy', { when: when(r.liftedAt), name: r.liftedBy ?? '—', reason: r.liftReason ?? '' }) : t('dataRights.history.notLifted')}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
      {!erased && !status.restricted ? <RestrictForm key={status.restrictions.length} status={status} onStatus={onStatus} t={t} /> : null}
      {!erased && status.restricted ? <LiftForm key={status.restrictions[0]?.id} status={status} onStatus={onStatus} t={t} /> : null}
      <h3>{t('dataRights.erase.heading')}</h3>
      {erased ? <p>{t('dataRights.erase.erased', { date: when(status.erasure.erasedAt!) })}</p> : null}
      {!erased && status.erasure.reason === 'care_ongoing' ? <p>{t('dataRights.erase.careOngoing')}</p> : null}
      {!erased && status.erasure.reason === 'retention_period' ? (
        <p>{t('dataRights.erase.mustKeep', { date: formatDate(status.erasure.keepUntil!, t), years: status.erasure.retentionYears })}</p>
      ) : null}
      {!erased && status.erasure.allowed ? (
        <>
          <p>{t('dataRights.erase.allowed')}</p>
          <EraseForm status={status} onStatus={onStatus} t={t} />
        </>
      ) : null}
    </section>
  );
}
