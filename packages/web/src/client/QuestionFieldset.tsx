import type { ReactNode } from 'react';
import { FieldError } from '../shared/FormFields';

/**
 * A question made of several inputs (GOV.UK fieldset): the legend, a hint and the error, both
 * tied to the group with aria-describedby, then the inputs.
 */
export function QuestionFieldset({ id, legend, hint, error, children }: { id: string; legend: string; hint: string; error?: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend className="label">{legend}</legend>
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
        <FieldError id={id} text={error} />
        {children}
      </fieldset>
    </div>
  );
}
