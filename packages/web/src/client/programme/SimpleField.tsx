import type { ExerciseId } from '@tandem/domain';
import type { ChangeEvent } from 'react';
import { FieldError } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import type { FieldSpec } from './exercise-forms';

export interface FieldsContext {
  exercise: ExerciseId;
  /** Field ids are `${base}-${path}`: a server error at `body/data/goals/0/text` finds `${base}-goals-0-text`. */
  base: string;
  errors: ReadonlyMap<string, string>;
}

const range = (min: number, max: number, step = 1) => Array.from({ length: Math.floor((max - min) / step) + 1 }, (_, i) => min + i * step);

/** One field of an exercise (text, scale, date, time or switch) with its label and any error. */
export function SimpleField({ spec, path, value, onChange, label, ctx }: { spec: FieldSpec; path: string; value: unknown; onChange(value: unknown): void; label: string; ctx: FieldsContext }) {
  const t = useT<ClientKey>();
  const id = `${ctx.base}-${path}`;
  const error = ctx.errors.get(id);
  const common = { id, 'aria-describedby': error ? `${id}-error` : undefined, 'aria-invalid': error ? true : undefined };
  if (spec.kind === 'check') {
    return (
      <div className="checkbox field">
        <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  }
  let input;
  if (spec.kind === 'scale') {
    input = (
      <select {...common} className="select" value={typeof value === 'number' ? String(value) : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}>
        <option value="">{t('client.exercise.choose')}</option>
        {range(spec.min, spec.max, spec.step).map((n) => (
          <option key={n} value={n} translate="no">
            {n}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'text' && spec.max > 300) {
    input = <textarea {...common} className="textarea" rows={4} maxLength={spec.max} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value)} />;
  } else {
    const type = spec.kind === 'date' ? 'date' : spec.kind === 'time' ? 'time' : 'text';
    const max = spec.kind === 'text' ? spec.max : undefined;
    input = <input {...common} className={type === 'text' ? 'input' : 'input input-medium'} type={type} maxLength={max} value={(value as string) ?? ''} onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />;
  }
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <FieldError id={id} text={error} />
      {input}
    </div>
  );
}
