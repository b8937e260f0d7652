import { useEffect, useRef } from 'react';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';

/** One problem in a form: its message, and the id of the input to fix when it is about a field. */
export interface FormProblem {
  message: string;
  fieldId?: string;
}

/**
 * The error summary at the top of a form (GOV.UK Design System pattern): it lists every problem,
 * each linking to its field, and takes focus after a failed submit so the person hears what went
 * wrong. `attempt` counts submits: focus moves on each failed one.
 */
export function ErrorSummary({ problems, attempt }: { problems: FormProblem[]; attempt: number }) {
  const t = useT<CommonKey>();
  const box = useRef<HTMLDivElement>(null);
  const shown = problems.length > 0;
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [shown, attempt]);
  if (!shown) return null;
  return (
    <div className="error-summary" ref={box} tabIndex={-1}>
      <div role="alert">
        <h2 className="error-summary-title">
          {t('common.errorSummary.title')}
        </h2>
        <ul className="error-summary-list">
          {problems.map((problem, index) => (
            <li key={index}>
              {problem.fieldId ? (
                <a
                  href={`#${problem.fieldId}`}
                  onClick={(event) => {
                    const field = document.getElementById(problem.fieldId!);
                    if (!field) return;
                    event.preventDefault();
                    field.focus();
                    field.scrollIntoView({ block: 'center' });
                  }}
                >
                  {problem.message}
                </a>
              ) : (
                problem.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
