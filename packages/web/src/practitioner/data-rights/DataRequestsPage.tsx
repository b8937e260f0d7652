import type { DataRightsStatus } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { apiPost, type ApiError } from '../../shared/api';
import { TextField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import { staffPaths } from '../routes';
import { StaffFrame, type StaffContext } from '../StaffFrame';
import { DataRightsPanel, ErrorNotice } from './DataRightsPanel';

/**
 * Requests about a client's data (admins; decision 0042): find the client by email or NHS number,
 * then restrict processing (the default answer to a request to remove data), lift it, or erase
 * where the retention period has ended. Admins do not read the clinical record here.
 */
export function DataRequestsPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<DataRightsStatus | null>(null);
  const [done, setDone] = useState<PractitionerKey | null>(null);
  const find = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(query.trim() ? undefined : t('dataRights.field.required'));
    if (!query.trim()) return;
    setError(null);
    setDone(null);
    const result = await apiPost<DataRightsStatus>('/api/data-rights/find', { query });
    if (result.ok) setStatus(result.data);
    else {
      setStatus(null);
      setError(result.error);
    }
  };
  return (
    <StaffFrame staff={staff} title={t('dataRights.title')} page="data-requests">
      <p>
        <Link className="back-link" href={staffPaths.service}>
          {t('dataRights.back')}
        </Link>
      </p>
      <h1>{t('dataRights.heading')}</h1>
      <p>{t('dataRights.intro')}</p>
      <form onSubmit={(event) => void find(event)} noValidate>
        <TextField id="dr-query" label={t('dataRights.find.label')} value={query} onChange={setQuery} error={problem} autoComplete="off" spellCheck={false} />
        <button type="submit" className="button">
          {t('dataRights.find.button')}
        </button>
      </form>
      <ErrorNotice error={error} />
      {done ? (
        <p className="notice notice-success" role="status">
          {t(done)}
        </p>
      ) : null}
      {status ? (
        <DataRightsPanel
          status={status}
          timeZone={staff.me.actor.timeZone}
          onStatus={(next, said) => {
            setStatus(next);
            setDone(said);
          }}
        />
      ) : null}
    </StaffFrame>
  );
}
