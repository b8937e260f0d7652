import { apiTokenRules, apiTokenScopes, newId, type ApiTokenScope, type CreatedApiToken, type ServiceAccount, type ServiceAccountList } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { apiDelete, apiPost, type ApiError } from '../../shared/api';
import { formatDate } from '../../shared/dates';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { errorText } from '../../shared/error-text';
import { CheckboxField, FieldError, TextField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { ScrollTable } from '../../shared/ScrollTable';
import { useApiGet } from '../../shared/use-api-get';
import { FocusNotice } from '../FocusNotice';

/**
 * Integrations (decision 0041), for admins: the service's other systems that use Tandem's API,
 * each with its own tokens. A token is made with only the scopes it needs and a life of at most a
 * year; its secret is shown once, here, and never again. Revoking asks first and works at once.
 */
export function IntegrationsSection() {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<ServiceAccountList>('/api/service-accounts');
  const [name, setName] = useState('');
  const [accountId, setAccountId] = useState(() => newId(new Date()));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [nameError, setNameError] = useState<string | undefined>();
  // Kept here, not in the integration's own part: the list reloads after a token is made, and the
  // secret must stay on screen until the person leaves the page.
  const [created, setCreated] = useState<{ accountId: string; token: CreatedApiToken } | null>(null);
  const [shown, setShown] = useState(0);

  async function addAccount(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      const message = t('service.integrations.nameMissing');
      setNameError(message);
      setProblems([{ message, fieldId: 'integration-name' }]);
      setAttempt((n) => n + 1);
      return;
    }
    const answer = await apiPost<ServiceAccount>('/api/service-accounts', { id: accountId, name: trimmed });
    if (!answer.ok) {
      const message = answer.error.code === 'service_account.name_taken' ? t('service.integrations.nameTaken') : errorText(answer.error, t);
      setNameError(message);
      setProblems([{ message, fieldId: 'integration-name' }]);
      setAttempt((n) => n + 1);
      return;
    }
    setName('');
    setNameError(undefined);
    setProblems([]);
    setAccountId(newId(new Date()));
    reload();
  }

  return (
    <section aria-labelledby="integrations-heading">
      <h2 id="integrations-heading">{t('service.integrations.heading')}</h2>
      <p>{t('service.integrations.intro')}</p>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok'
        ? resource.data.serviceAccounts.map((account) => (
            <Integration
              key={account.id}
              account={account}
              onChange={reload}
              created={created?.accountId === account.id ? created.token : null}
              shown={shown}
              onCreated={(token) => {
                setCreated({ accountId: account.id, token });
                setShown((n) => n + 1);
                reload();
              }}
            />
          ))
        : null}
      <form onSubmit={(e) => void addAccount(e)} noValidate aria-labelledby="integration-add-heading">
        <h3 id="integration-add-heading">{t('service.integrations.addHeading')}</h3>
        <ErrorSummary problems={problems} attempt={attempt} />
        <TextField id="integration-name" label={t('service.integrations.name')} hint={t('service.integrations.nameHint')} error={nameError} value={name} onChange={setName} width="medium" />
        <button type="submit" className="button">
          {t('service.integrations.add')}
        </button>
      </form>
    </section>
  );
}

function Integration({
  account,
  onChange,
  created,
  shown,
  onCreated,
}: {
  account: ServiceAccount;
  onChange(): void;
  created: CreatedApiToken | null;
  shown: number;
  onCreated(token: CreatedApiToken): void;
}) {
  const t = useT<PractitionerKey>();
  const [scopes, setScopes] = useState<ApiTokenScope[]>([]);
  const [days, setDays] = useState(String(apiTokenRules.defaultDays));
  const [tokenId, setTokenId] = useState(() => newId(new Date()));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const idPrefix = `integration-${account.id}`;
  const scopeProblem = problems.find((p) => p.fieldId === `${idPrefix}-scope-${apiTokenScopes[0]}`)?.message;
  const daysProblem = problems.find((p) => p.fieldId === `${idPrefix}-days`)?.message;

  async function makeToken(event: FormEvent) {
    event.preventDefault();
    const found: FormProblem[] = [];
    const dayCount = Number(days);
    if (scopes.length === 0) found.push({ message: t('service.integrations.scopesMissing'), fieldId: `${idPrefix}-scope-${apiTokenScopes[0]}` });
    if (!/^\d+$/.test(days.trim()) || dayCount < 1 || dayCount > apiTokenRules.maxDays) found.push({ message: t('service.integrations.daysRange', { max: apiTokenRules.maxDays }), fieldId: `${idPrefix}-days` });
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    const answer = await apiPost<CreatedApiToken>(`/api/service-accounts/${account.id}/tokens`, { id: tokenId, scopes, days: dayCount });
    if (!answer.ok) {
      setProblems([{ message: errorText(answer.error, t) }]);
      return;
    }
    setScopes([]);
    setTokenId(newId(new Date()));
    onCreated(answer.data);
  }

  async function revoke(id: string) {
    const answer = await apiDelete<unknown>(`/api/service-accounts/${account.id}/tokens/${id}`);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setRevoking(null);
    setError(null);
    onChange();
  }

  const scopeNames = (list: readonly ApiTokenScope[]) => list.map((s) => t(`service.integrations.scope.${s}`)).join(', ');
  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="integration">
      <h3 id={`${idPrefix}-heading`} translate="no">
        {account.name}
      </h3>
      <FocusNotice version={shown}>
        {created ? (
          <div className="notice notice-warning">
            <p>{t('service.integrations.secretOnce')}</p>
            <p>
              <code className="secret-key" translate="no">
                {created.secret}
              </code>
            </p>
          </div>
        ) : null}
      </FocusNotice>
      {account.tokens.length === 0 ? (
        <p>{t('service.integrations.noTokens')}</p>
      ) : (
        <ScrollTable
          caption={t('service.integrations.tokensCaption', { name: account.name })}
          columns={[t('service.integrations.token'), t('service.integrations.mayDo'), t('service.integrations.expires'), t('service.integrations.lastUsed'), t('service.integrations.state'), t('service.integrations.action')]}
        >
          {account.tokens.map((token) => (
            <tr key={token.id}>
              <td translate="no">{`${apiTokenRules.prefix}${token.hint}…`}</td>
              <td>{scopeNames(token.scopes)}</td>
              <td translate="no">{formatDate(token.expiresAt.slice(0, 10), t)}</td>
              {token.lastUsedAt ? <td translate="no">{formatDate(token.lastUsedAt.slice(0, 10), t)}</td> : <td>{t('service.integrations.never')}</td>}
              <td>{t(`service.integrations.tokenState.${token.state}`)}</td>
              <td>
                {token.state !== 'active' ? null : revoking === token.id ? (
                  <div role="group" aria-label={t('service.integrations.confirmRevoke', { hint: token.hint })}>
                    <p>{t('service.integrations.revokeWhat')}</p>
                    {error ? (
                      <p role="alert" className="error-text">
                        {errorText(error, t)}
                      </p>
                    ) : null}
                    <div className="button-row">
                      <button type="button" className="button button-danger" onClick={() => void revoke(token.id)}>
                        {t('service.integrations.revokeNow')}
                      </button>
                      <button type="button" className="button button-secondary" onClick={() => setRevoking(null)}>
                        {t('service.integrations.cancel')}
                      </button>
                    </div>
                  </div>
                ) : (
                  <button type="button" className="button-link" aria-label={t('service.integrations.revokeFor', { hint: token.hint })} onClick={() => setRevoking(token.id)}>
                    {t('service.integrations.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <form onSubmit={(e) => void makeToken(e)} noValidate aria-label={t('service.integrations.makeFor', { name: account.name })}>
        <ErrorSummary problems={problems} attempt={attempt} />
        <fieldset className={scopeProblem ? 'fieldset field-has-error' : 'fieldset'}>
          <legend className="legend">{t('service.integrations.mayDoLegend')}</legend>
          <FieldError id={`${idPrefix}-scope`} text={scopeProblem} />
          {apiTokenScopes.map((scope) => (
            <CheckboxField
              key={scope}
              id={`${idPrefix}-scope-${scope}`}
              label={t(`service.integrations.scope.${scope}`)}
              checked={scopes.includes(scope)}
              onChange={(on) => setScopes((now) => (on ? [...now, scope] : now.filter((s) => s !== scope)))}
            />
          ))}
        </fieldset>
        <TextField id={`${idPrefix}-days`} label={t('service.integrations.days')} hint={t('service.integrations.daysHint', { max: apiTokenRules.maxDays })} error={daysProblem} value={days} onChange={setDays} inputMode="numeric" width="short" />
        <button type="submit" className="button">
          {t('service.integrations.make')}
        </button>
      </form>
    </section>
  );
}
