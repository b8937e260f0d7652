import { FieldError } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { exerciseSpecs, fieldLabelKey, type FieldSpec } from './exercise-forms';
import { ListField, RowsField } from './RowsField';
import { SimpleField, type FieldsContext } from './SimpleField';

type Data = Record<string, unknown>;

/** Problem solving's "Which idea will you try?": one of the ideas written above, or none yet. */
function ChoiceField({ spec, data, onChange, ctx }: { spec: Extract<FieldSpec, { kind: 'choice' }>; data: Data; onChange(value: number | null): void; ctx: FieldsContext }) {
  const t = useT<ClientKey>();
  const id = `${ctx.base}-${spec.key}`;
  const error = ctx.errors.get(id);
  const rows = (data[spec.of] as Data[] | undefined) ?? [];
  // An idea is shown in the client's own words (not translated), or as "Idea 2" before it has any.
  const choices: { value: number | null; label: string; own: boolean }[] = [
    ...rows.map((row, i) => {
      const own = (row[spec.labelKey] as string | undefined)?.trim();
      return { value: i, label: own || t('client.exercise.problem-solving.optionsRow', { n: i + 1 }), own: !!own };
    }),
    { value: null, label: t('client.exercise.problem-solving.chosenNone'), own: false },
  ];
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="label">{t(fieldLabelKey(ctx.exercise, spec.key))}</legend>
        <FieldError id={id} text={error} />
        <div className="radios">
          {choices.map((c, i) => (
            <div className="radio" key={i}>
              <input id={i === 0 ? id : `${id}-${i}`} type="radio" name={id} checked={(data[spec.key] ?? null) === c.value} onChange={() => onChange(c.value)} />
              <label htmlFor={i === 0 ? id : `${id}-${i}`} translate={c.own ? 'no' : undefined}>
                {c.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** Every field of an exercise, from its description (exercise-forms.ts). */
export function ExerciseFields({ data, onChange, ctx }: { data: Data; onChange(data: Data): void; ctx: FieldsContext }) {
  const t = useT<ClientKey>();
  const set = (key: string, value: unknown) => onChange({ ...data, [key]: value });
  return exerciseSpecs[ctx.exercise].map((spec) => {
    const label = t(fieldLabelKey(ctx.exercise, spec.key));
    if (spec.kind === 'rows') return <RowsField key={spec.key} spec={spec} rows={(data[spec.key] as Data[] | undefined) ?? []} onChange={(rows) => set(spec.key, rows)} ctx={ctx} />;
    if (spec.kind === 'list') return <ListField key={spec.key} spec={spec} items={(data[spec.key] as string[] | undefined) ?? []} onChange={(items) => set(spec.key, items)} ctx={ctx} />;
    if (spec.kind === 'choice') return <ChoiceField key={spec.key} spec={spec} data={data} onChange={(v) => set(spec.key, v)} ctx={ctx} />;
    return <SimpleField key={spec.key} spec={spec} path={spec.key} label={label} value={data[spec.key]} onChange={(v) => set(spec.key, v)} ctx={ctx} />;
  });
}
