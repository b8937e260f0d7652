import type { ExerciseEntryOtherVersion, ExerciseId } from '@tandem/domain';
import { useId, type ReactNode } from 'react';
import { formatDateTime } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { exerciseSpecs, fieldLabelKey, type FieldSpec } from './exercise-forms';

type Data = Record<string, unknown>;
const blank = (v: unknown) => v === undefined || v === null || v === '' || v === false;

/** One version's answers, read-only: each field written, in the client's own words. */
function Answers({ exercise, fields, data }: { exercise: ExerciseId; fields: FieldSpec[]; data: Data }) {
  const t = useT<ClientKey>();
  const items = fields.flatMap((f): { label: string; value: ReactNode }[] => {
    const value = data[f.key];
    const label = t(fieldLabelKey(exercise, f.key));
    if (f.kind === 'rows') {
      const rows = ((value as Data[] | undefined) ?? []).filter((row) => Object.values(row).some((v) => !blank(v)));
      return rows.length ? [{ label, value: rows.map((row, i) => <Answers key={i} exercise={exercise} fields={f.fields} data={row} />) }] : [];
    }
    if (f.kind === 'list') {
      const list = ((value as string[] | undefined) ?? []).filter((s) => s.trim());
      return list.length ? [{ label, value: <ul className="plain-list">{list.map((s, i) => <li key={i} className="note-text" translate="no">{s}</li>)}</ul> }] : [];
    }
    if (f.kind === 'choice') {
      const chosen = typeof value === 'number' ? ((data[f.of] as Data[] | undefined)?.[value]?.[f.labelKey] as string | undefined) : undefined;
      return chosen ? [{ label, value: <span className="note-text" translate="no">{chosen}</span> }] : [];
    }
    if (f.kind === 'check') return value === true ? [{ label, value: t('client.choices.yes') }] : [];
    return blank(value) ? [] : [{ label, value: <span className="note-text" translate="no">{String(value)}</span> }];
  });
  return (
    <dl className="other-version-answers">
      {items.map((item, i) => (
        <div key={i}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * "You changed this on two devices. We kept both." (decision 0033): the other version's answers,
 * read-only, and the client's choice — use it instead of the one shown, or keep the one shown.
 * Nothing is lost until they choose; a calm notice, never an error.
 */
export function OtherVersion({ exercise, version, timeZone, readOnly, onChoose }: { exercise: ExerciseId; version: ExerciseEntryOtherVersion; timeZone: string; readOnly: boolean; onChoose(use: boolean): void }) {
  const t = useT<ClientKey>();
  const id = useId().replace(/:/g, '');
  const tags = [t(version.status === 'submitted' ? 'client.exercise.stateSent' : 'client.exercise.stateDraft'), version.shared ? '' : t('client.exercise.statePrivate')].filter(Boolean);
  return (
    <section className="notice other-version" aria-labelledby={`${id}-heading`} data-testid="other-version">
      <h2 id={`${id}-heading`} className="notice-heading">
        {t('client.exercise.twoDevices.heading')}
      </h2>
      <p>{t('client.exercise.twoDevices.intro')}</p>
      <h3 className="notice-heading">{t('client.exercise.twoDevices.otherMade', { when: formatDateTime(version.recordedAt, timeZone, t) })}</h3>
      <p className="hint entry-state">
        {tags.map((tag) => (
          <span key={tag} className="entry-part">
            {tag}
          </span>
        ))}
      </p>
      <Answers exercise={exercise} fields={exerciseSpecs[exercise]} data={version.data} />
      {readOnly ? null : (
        <p>
          <button type="button" className="button" onClick={() => onChoose(true)}>
            {t('client.exercise.twoDevices.use')}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => onChoose(false)}>
            {t('client.exercise.twoDevices.keep')}
          </button>
        </p>
      )}
    </section>
  );
}
