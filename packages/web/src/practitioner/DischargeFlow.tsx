import { endingReasons, type Episode, type EpisodeMeasures } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../shared/api';
import { formatDate, localToday, type DateParts } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { DateField } from '../shared/FormFields';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { LoadState } from '../shared/LoadState';
import { useApiGet } from '../shared/use-api-get';
import { DischargeChecks } from './DischargeChecks';
import type { EpisodeContext } from './episode-context';
import { calendarDate, dateParts, useActionForm, type FieldErrors } from './episode-form';
import { RadioField, SelectField, TextAreaField } from './EpisodeFields';

type Field = 'endingReason' | 'endedOn' | 'relapsePlanOffered' | 'reason';
type Props = { episode: Episode; context: EpisodeContext; onDischarged(episode: Episode): void };

/**
 * Discharge, the one way a referral ends: first what is still due (final measures, unacknowledged
 * risk alerts), then the ending reason, date, whether a staying-well plan was offered (asked every
 * time: NICE NG222) and an optional note; then a check of the answers before it is confirmed —
 * after it the referral is read-only and the client keeps crisis information only.
 */
export function DischargeFlow(props: Props) {
  const t = useT<PractitionerKey>();
  const [open, setOpen] = useState(false);
  return (
    <details className="disclosure" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('practitioner.discharge.summary')}</summary>
      {open ? <DischargePanel {...props} /> : null}
    </details>
  );
}

function DischargePanel({ episode, context, onDischarged }: Props) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const fieldIds: Record<Field, string> = { endingReason: `${id}-reason`, endedOn: `${id}-ended-day`, relapsePlanOffered: `${id}-relapse`, reason: `${id}-note` };
  const measures = useApiGet<EpisodeMeasures>(`/api/episodes/${encodeURIComponent(episode.id)}/measures`);
  const [endingReason, setEndingReason] = useState<(typeof endingReasons)[number] | ''>('');
  const [endedOn, setEndedOn] = useState<DateParts>(() => dateParts(localToday(new Date())));
  const [relapse, setRelapse] = useState<'yes' | 'no' | ''>('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const form = useActionForm(fieldIds, context.onStale);
  const ended = calendarDate(endedOn);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: FieldErrors<Field> = {};
    if (!endingReason) errors.endingReason = t('practitioner.discharge.reasonMissing');
    if (!ended) errors.endedOn = t('practitioner.episode.dateInvalid');
    if (!relapse) errors.relapsePlanOffered = t('practitioner.discharge.relapseMissing');
    if (!confirming) {
      // The first press only checks the answers and shows them for confirmation.
      if (form.check(errors)) setConfirming(true);
      return;
    }
    const body = { endingReason, endedOn: ended, version: episode.version, relapsePlanOffered: relapse === 'yes', ...(note.trim() ? { reason: note.trim() } : {}) };
    const updated = await form.run({}, () => apiPost<Episode>(`/api/episodes/${encodeURIComponent(episode.id)}/discharge`, body));
    if (updated) onDischarged(updated);
    else setConfirming(false);
  }

  return (
    <div className="discharge">
      <LoadState resource={measures.resource} onRetry={measures.reload} />
      {measures.resource.status === 'ok' ? (
        <DischargeChecks
          measures={measures.resource.data}
          clientId={context.clientId}
          onRecorded={() => {
            measures.reload();
            context.onRecorded();
          }}
        />
      ) : null}
      <form className="episode-form" noValidate onSubmit={submit} aria-busy={form.busy}>
        <ErrorSummary problems={confirming ? [] : form.problems} attempt={form.attempt} />
        {confirming ? (
          <>
            <h4 className="appointments-heading">{t('practitioner.discharge.checkHeading')}</h4>
            <dl className="summary-list">
              <div>
                <dt>{t('practitioner.discharge.reason')}</dt>
                <dd>{endingReason ? t(`practitioner.endingReason.${endingReason}`) : null}</dd>
              </div>
              <div>
                <dt>{t('practitioner.discharge.endedOn')}</dt>
                <dd>{ended ? formatDate(ended, t) : null}</dd>
              </div>
              <div>
                <dt>{t('practitioner.discharge.relapse')}</dt>
                <dd>{relapse === 'yes' ? t('practitioner.outcome.yes') : t('practitioner.outcome.no')}</dd>
              </div>
              <div>
                <dt>{t('practitioner.discharge.note')}</dt>
                <dd className="note-text">{note.trim() || t('practitioner.discharge.noNote')}</dd>
              </div>
            </dl>
            <p>{t('practitioner.discharge.confirmText')}</p>
            <div className="button-group">
              <button type="submit" className="button">
                {t('practitioner.discharge.confirm')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                {t('practitioner.discharge.change')}
              </button>
            </div>
          </>
        ) : (
          <>
            <SelectField
              id={fieldIds.endingReason}
              label={t('practitioner.discharge.reason')}
              placeholder={t('practitioner.discharge.reasonChoose')}
              options={endingReasons.map((value) => ({ value, label: t(`practitioner.endingReason.${value}`) }))}
              value={endingReason}
              onChange={setEndingReason}
              error={form.errors.endingReason}
            />
            <DateField id={`${id}-ended`} label={t('practitioner.discharge.endedOn')} value={endedOn} onChange={setEndedOn} error={form.errors.endedOn} />
            <RadioField
              id={fieldIds.relapsePlanOffered}
              label={t('practitioner.discharge.relapse')}
              hint={t('practitioner.discharge.relapseHint')}
              options={[
                { value: 'yes', label: t('practitioner.outcome.yes') },
                { value: 'no', label: t('practitioner.outcome.no') },
              ]}
              value={relapse}
              onChange={setRelapse}
              error={form.errors.relapsePlanOffered}
              inline
            />
            <TextAreaField id={fieldIds.reason} label={t('practitioner.discharge.note')} hint={t('practitioner.discharge.noteHint')} value={note} onChange={setNote} error={form.errors.reason} />
            <button type="submit" className="button">
              {t('practitioner.discharge.continue')}
            </button>
          </>
        )}
      </form>
    </div>
  );
}
