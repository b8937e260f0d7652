import { contactChannels, newId, type ConsentChoices, type ConsentRecord } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../shared/api';
import { formatDateTime } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { CheckboxField } from '../shared/FormFields';
import type { Translate } from '../shared/i18n/i18n';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { LoadState } from '../shared/LoadState';
import { useApiGet } from '../shared/use-api-get';
import { useActionForm } from './episode-form';
import { FocusNotice } from './FocusNotice';

interface ConsentHistory {
  current: ConsentRecord | null;
  history: ConsentRecord[];
  wordingVersion: string;
}

const parts = ['blendedTreatment', 'messagingUnderstood', 'research'] as const;
const noChoices: ConsentChoices = { blendedTreatment: false, messagingUnderstood: false, channels: { email: false, sms: false, push: false }, research: false };

/** Each part of a consent record in words: "Using Tandem alongside sessions: Yes". */
function choiceLines(t: Translate<PractitionerKey>, choices: ConsentChoices): { key: string; label: string; given: boolean }[] {
  return [
    ...parts.map((part) => ({ key: part, label: t(`practitioner.consent.part.${part}`), given: choices[part] })),
    ...contactChannels.map((channel) => ({ key: channel, label: t(`practitioner.consent.channel.${channel}`), given: choices.channels[channel] })),
  ];
}

/**
 * The client's consent: the current record (when, to which wording, who recorded it), earlier
 * ones, and the choices the client gives in a session recorded by the practitioner — each a new
 * record, never an edit (UK GDPR Art. 7(1)).
 */
export function ClientConsent({ clientId, timeZone, names, canRecord }: { clientId: string; timeZone: string; names: ReadonlyMap<string, string>; canRecord: boolean }) {
  const t = useT<PractitionerKey>();
  const path = `/api/clients/${encodeURIComponent(clientId)}/consent`;
  const { resource, reload, replace } = useApiGet<ConsentHistory>(path);
  const [saved, setSaved] = useState(0);
  const who = (record: ConsentRecord) =>
    record.recordedBy.type === 'client' ? t('practitioner.consent.byClient') : (names.get(record.recordedBy.id) ?? t('practitioner.episodes.unknownPractitioner'));
  const data = resource.status === 'ok' ? resource.data : null;
  return (
    <section aria-labelledby="client-consent-heading">
      <h2 id="client-consent-heading">{t('practitioner.consent.heading')}</h2>
      <LoadState resource={resource} onRetry={reload} />
      <FocusNotice version={saved}>
        <p>{t('practitioner.consent.saved')}</p>
      </FocusNotice>
      {data && !data.current ? <p>{t('practitioner.consent.none')}</p> : null}
      {data?.current ? (
        <dl className="summary-list">
          <div>
            <dt>{t('practitioner.consent.recorded')}</dt>
            <dd>
              {t('practitioner.consent.recordedText', { when: formatDateTime(data.current.recordedAt, timeZone, t), who: who(data.current), version: data.current.wordingVersion })}
            </dd>
          </div>
          {choiceLines(t, data.current.choices).map((line) => (
            <div key={line.key}>
              <dt>{line.label}</dt>
              <dd>{line.given ? t('practitioner.outcome.yes') : t('practitioner.outcome.no')}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {data && data.history.length > 1 ? (
        <details className="disclosure">
          <summary>{t('practitioner.consent.history', { count: data.history.length })}</summary>
          <ol className="history-list">
            {data.history.map((record) => (
              <li key={record.id}>
                {t('practitioner.consent.recordedText', { when: formatDateTime(record.recordedAt, timeZone, t), who: who(record), version: record.wordingVersion })}{' '}
                <span className="history-reason">
                  {choiceLines(t, record.choices)
                    .filter((line) => line.given)
                    .map((line) => line.label)
                    .join('; ') || t('practitioner.consent.nothingGiven')}
                </span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {data && canRecord ? (
        <ConsentForm
          key={saved}
          path={path}
          wordingVersion={data.wordingVersion}
          initial={data.current?.choices ?? noChoices}
          onSaved={(record) => {
            replace({ ...data, current: record, history: [record, ...data.history] });
            setSaved((n) => n + 1);
          }}
        />
      ) : null}
    </section>
  );
}

function ConsentForm({ path, wordingVersion, initial, onSaved }: { path: string; wordingVersion: string; initial: ConsentChoices; onSaved(record: ConsentRecord): void }) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const [recordId] = useState(() => newId(new Date()));
  const [choices, setChoices] = useState(initial);
  const form = useActionForm({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const record = await form.run({}, () => apiPost<ConsentRecord>(path, { id: recordId, wordingVersion, choices }));
    if (record) onSaved(record);
  }

  return (
    <details className="disclosure">
      <summary>{t('practitioner.consent.record')}</summary>
      <form className="episode-form" noValidate onSubmit={submit} aria-busy={form.busy}>
        <ErrorSummary problems={form.problems} attempt={form.attempt} />
        <p>{t('practitioner.consent.recordIntro', { version: wordingVersion })}</p>
        {parts.map((part) => (
          <CheckboxField key={part} id={`${id}-${part}`} label={t(`practitioner.consent.part.${part}`)} checked={choices[part]} onChange={(given) => setChoices((c) => ({ ...c, [part]: given }))} />
        ))}
        <fieldset className="fieldset field">
          <legend className="label">{t('practitioner.consent.channels')}</legend>
          {contactChannels.map((channel) => (
            <CheckboxField
              key={channel}
              id={`${id}-${channel}`}
              label={t(`practitioner.consent.channel.${channel}`)}
              checked={choices.channels[channel]}
              onChange={(given) => setChoices((c) => ({ ...c, channels: { ...c.channels, [channel]: given } }))}
            />
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t('practitioner.consent.submit')}
        </button>
      </form>
    </details>
  );
}
