import { formatNhsNumber, type RiskAlert } from '@tandem/domain';
import { useId } from 'react';
import { apiPost } from '../shared/api';
import { formatDate, formatDateTime } from '../shared/dates';
import { errorText } from '../shared/error-text';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';
import { useAlertWords } from './alert-words';
import type { LoadedClient } from './client-records';
import { NoteForm } from './NoteForm';
import { staffPaths } from './routes';

export interface AlertCardProps {
  alert: RiskAlert;
  /** The signed-in person's staff id and time zone. */
  staffId: string | null;
  timeZone: string;
  now: Date;
  names: ReadonlyMap<string, string>;
  /** The client, on a list of many clients' alerts; leave out on the client's own page (its banner says who). */
  client?: LoadedClient | 'loading';
  headingLevel: 2 | 3;
  /**
   * Whether this person may acknowledge it (the server lets the client's care team and the person
   * it is sent to): others, such as a supervisor reading the record, see it without the form.
   */
  canAcknowledge: boolean;
  /** The server's answer after acknowledging. */
  onAcknowledged(alert: RiskAlert): void;
  /** Someone else acted first (or the alert was escalated): the caller reloads and says so. */
  onChangedElsewhere(alert: RiskAlert): void;
}

/**
 * One open risk alert: who the client is, what happened in plain words, how fast it must be seen,
 * when it was raised and is due, why it came to this person — and a form to acknowledge it with
 * a note of the action taken (required: the note is the record of what was done).
 */
export function AlertCard({ alert, staffId, timeZone, now, names, client, headingLevel, canAcknowledge, onAcknowledged, onChangedElsewhere }: AlertCardProps) {
  const t = useT<PractitionerKey>();
  const words = useAlertWords();
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const overdue = alert.dueAt !== null && Date.parse(alert.dueAt) < now.getTime();
  const what = words.whatHappened(alert);
  const why = words.whyMine(alert, staffId, names);

  async function acknowledge(note: string) {
    const result = await apiPost<RiskAlert>(`/api/risk-alerts/${encodeURIComponent(alert.id)}/acknowledge`, { note, version: alert.version });
    if (result.ok) {
      onAcknowledged(result.data);
      return null;
    }
    if (result.error.code === 'write.stale_version' || result.error.code === 'risk_alert.not_found') {
      onChangedElsewhere(alert);
      return 'handled' as const;
    }
    return result.error;
  }

  return (
    <section className={`alert-card alert-card-${alert.tier}`} aria-labelledby={`${id}-heading ${id}-what`}>
      {client === undefined ? (
        <Heading id={`${id}-heading`} className="alert-card-heading">
          {t('practitioner.alerts.cardHeading', { when: formatDateTime(alert.raisedAt, timeZone, t) })}
        </Heading>
      ) : (
        <AlertClient client={client} headingId={`${id}-heading`} Heading={Heading} />
      )}
      <p id={`${id}-what`} className="alert-what">
        {what}
      </p>
      <dl className="summary-list alert-facts">
        <div>
          <dt>{t('practitioner.alerts.urgency')}</dt>
          <dd>
            {words.tier(alert)}
            {overdue ? ' ' : null}
            {overdue ? <strong className="tag tag-overdue">{t('practitioner.alerts.overdue')}</strong> : null}
          </dd>
        </div>
        <div>
          <dt>{t('practitioner.alerts.raised')}</dt>
          <dd className="nowrap" translate="no">
            {formatDateTime(alert.raisedAt, timeZone, t)}
          </dd>
        </div>
        <div>
          <dt>{t('practitioner.alerts.dueBy')}</dt>
          {alert.dueAt ? (
            <dd className="nowrap" translate="no">
              {formatDateTime(alert.dueAt, timeZone, t)}
            </dd>
          ) : (
            <dd>{t('practitioner.alerts.noDeadline')}</dd>
          )}
        </div>
        {alert.outOfHours ? (
          <div>
            <dt>{t('practitioner.alerts.outOfHours')}</dt>
            <dd>{t('practitioner.alerts.onHandFrom', { when: formatDateTime(alert.personOnHandFrom, timeZone, t) })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('practitioner.alerts.why')}</dt>
          <dd>
            {why.text}
            {why.recipient ? (
              <>
                <br />
                {t('practitioner.alerts.why.recipient')} <span translate="no">{why.recipient}</span>
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      {canAcknowledge ? (
        <NoteForm
          label={t('practitioner.alerts.noteLabel')}
          hint={t('practitioner.alerts.noteHint')}
          missing={t('practitioner.alerts.noteMissing')}
          submitLabel={t('practitioner.alerts.acknowledge')}
          onSubmit={acknowledge}
        />
      ) : (
        <p>{t('practitioner.alerts.cannotAcknowledge')}</p>
      )}
    </section>
  );
}

/** The client's name (a link to their record), date of birth and NHS number, or why they cannot be shown. */
export function AlertClient({ client, headingId, Heading }: { client: LoadedClient | 'loading'; headingId: string; Heading: 'h2' | 'h3' }) {
  const t = useT<PractitionerKey>();
  if (client === 'loading') {
    return (
      <Heading id={headingId} className="alert-card-heading">
        {t('practitioner.alerts.clientLoading')}
      </Heading>
    );
  }
  if (client.status === 'error') {
    const gone = client.error.code === 'client.not_found';
    return (
      <>
        <Heading id={headingId} className="alert-card-heading">
          {gone ? t('practitioner.alerts.clientNotOpen') : t('practitioner.alerts.clientProblem')}
        </Heading>
        <p className="hint">{gone ? t('practitioner.alerts.clientNotOpenText') : errorText(client.error, t)}</p>
      </>
    );
  }
  const { record } = client;
  return (
    <>
      <Heading id={headingId} className="alert-card-heading">
        <Link href={staffPaths.client(record.id)} translate="no">
          {`${record.givenName} ${record.familyName}`}
        </Link>
      </Heading>
      <dl className="identity-facts alert-identity">
        <div>
          <dt>{t('practitioner.client.dateOfBirth')}</dt>
          <dd translate="no">{formatDate(record.dateOfBirth, t)}</dd>
        </div>
        <div>
          <dt>{t('practitioner.client.nhsNumber')}</dt>
          {record.nhsNumber ? <dd translate="no">{formatNhsNumber(record.nhsNumber)}</dd> : <dd>{t('practitioner.client.nhsNumberNone')}</dd>}
        </div>
      </dl>
    </>
  );
}
