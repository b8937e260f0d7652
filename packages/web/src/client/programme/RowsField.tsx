import type { ReactNode } from 'react';
import { FieldError } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { fieldLabelKey, type FieldSpec } from './exercise-forms';
import { SimpleField, type FieldsContext } from './SimpleField';

type Data = Record<string, unknown>;

/** A repeating part's group: its legend and error, its rows, and "Add" (which a "add at least one" error points at). */
function Repeating({ specKey, ctx, addLabel, onAdd, children }: { specKey: string; ctx: FieldsContext; addLabel: string | null; onAdd(): void; children: ReactNode }) {
  const t = useT<ClientKey>();
  const id = `${ctx.base}-${specKey}`;
  const error = ctx.errors.get(id);
  return (
    <fieldset className={error ? 'fieldset field field-has-error exercise-rows' : 'fieldset field exercise-rows'}>
      <legend className="label">{t(fieldLabelKey(ctx.exercise, specKey))}</legend>
      <FieldError id={id} text={error} />
      {children}
      {addLabel ? (
        <button id={id} type="button" className="button button-secondary" onClick={onAdd}>
          {addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}

/** A repeating part (diary rows, feelings, ideas, people, goals): each row its own group, with "Remove" and "Add". */
export function RowsField({ spec, rows, onChange, ctx }: { spec: Extract<FieldSpec, { kind: 'rows' }>; rows: Data[]; onChange(rows: Data[]): void; ctx: FieldsContext }) {
  const t = useT<ClientKey>();
  const key = fieldLabelKey(ctx.exercise, spec.key);
  return (
    <Repeating specKey={spec.key} ctx={ctx} addLabel={rows.length < spec.max ? t(`${key}Add` as ClientKey) : null} onAdd={() => onChange([...rows, {}])}>
      {rows.map((row, i) => {
        const rowName = t(`${key}Row` as ClientKey, { n: i + 1 });
        return (
          <fieldset className="fieldset exercise-row" key={i}>
            <legend className="exercise-row-legend">{rowName}</legend>
            {spec.fields.map((f) => (
              <SimpleField
                key={f.key}
                spec={f}
                path={`${spec.key}-${i}-${f.key}`}
                label={t(fieldLabelKey(ctx.exercise, f.key))}
                value={row[f.key]}
                onChange={(v) => onChange(rows.map((r, j) => (j === i ? { ...r, [f.key]: v } : r)))}
                ctx={ctx}
              />
            ))}
            <button type="button" className="button-link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('client.exercise.remove')} <span className="visually-hidden">{rowName}</span>
            </button>
          </fieldset>
        );
      })}
    </Repeating>
  );
}

/** A list of short answers (the staying-well plan's "what helped", "warning signs", "what to do"). */
export function ListField({ spec, items, onChange, ctx }: { spec: Extract<FieldSpec, { kind: 'list' }>; items: string[]; onChange(items: string[]): void; ctx: FieldsContext }) {
  const t = useT<ClientKey>();
  const listName = t(fieldLabelKey(ctx.exercise, spec.key));
  return (
    <Repeating specKey={spec.key} ctx={ctx} addLabel={items.length < spec.max ? t('client.exercise.addItem') : null} onAdd={() => onChange([...items, ''])}>
      {items.map((item, i) => {
        const name = t('client.exercise.item', { n: i + 1 });
        return (
          <div className="exercise-item" key={i}>
            <SimpleField spec={{ kind: 'text', key: 'item', max: spec.itemMax }} path={`${spec.key}-${i}`} label={name} value={item} onChange={(v) => onChange(items.map((s, j) => (j === i ? (v as string) : s)))} ctx={ctx} />
            <button type="button" className="button-link" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('client.exercise.remove')} <span className="visually-hidden">{`${listName}: ${name}`}</span>
            </button>
          </div>
        );
      })}
    </Repeating>
  );
}
