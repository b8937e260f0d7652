import { describedBy, FieldFrame, HintAndError, type FieldText } from './service/FieldFrame';

/**
 * Choice and free-text fields for the episode screens, after the GOV.UK Design System like
 * shared/FormFields: visible label or legend, optional hint, the error above the input, tied to
 * it with aria-describedby. Labelled inputs share the service pages' `FieldFrame`.
 */
interface Choice<V extends string> {
  value: V;
  label: string;
  /** The label is data (a person's name), not interface text: never machine-translated. */
  isData?: boolean;
}

interface ChoiceProps<V extends string> extends FieldText {
  options: readonly Choice<V>[];
  /** Inferred from `options` only, so a state of `V | ''` fits. */
  value: NoInfer<V> | '';
  onChange(value: NoInfer<V>): void;
}

/** Radios in a fieldset. The first radio's id is `id`, so an error summary link lands on it. */
export function RadioField<V extends string>({ id, label, hint, error, options, value, onChange, inline }: ChoiceProps<V> & { inline?: boolean }) {
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="label">{label}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className={inline ? 'radios radios-inline' : 'radios'}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div className="radio" key={option.value}>
                <input id={optionId} type="radio" name={id} checked={value === option.value} onChange={() => onChange(option.value)} />
                <label htmlFor={optionId}>{option.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A drop-down list, for choices too many for radios (practitioners, ending reasons). */
export function SelectField<V extends string>({ id, label, hint, error, options, value, onChange, placeholder }: ChoiceProps<V> & { placeholder: string }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value as V)} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
        <option value="" disabled>
          {placeholder}
        </option>
        {options.map((option) => (
          <option key={option.value} value={option.value} translate={option.isData ? 'no' : undefined}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A multi-line note. */
export function TextAreaField({ id, label, hint, error, value, onChange }: FieldText & { value: string; onChange(value: string): void }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        className="textarea"
        rows={3}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        spellCheck
      />
    </FieldFrame>
  );
}
