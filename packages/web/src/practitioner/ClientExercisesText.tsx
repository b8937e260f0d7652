import type { ReactNode } from 'react';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';

/**
 * The client's own words, as text — React escapes it, so it is never read as HTML — keeping their
 * line breaks; `dir="auto"` so words in a right-to-left language read the right way. An empty
 * optional part says so rather than leaving a gap.
 */
export function ClientText({ text }: { text: string }) {
  const t = useT<PractitionerKey>();
  if (!text.trim()) return <span className="hint-inline">{t('practitioner.exercises.leftEmpty')}</span>;
  return (
    <span className="client-text" dir="auto">
      {text}
    </span>
  );
}

/** The client's list of short items (what helped, warning signs…), or "Left empty". */
export function ClientList({ items }: { items: readonly string[] }) {
  if (!items.length) return <ClientText text="" />;
  return (
    <ul className="plain-list exercise-list">
      {items.map((item, index) => (
        <li key={index}>
          <ClientText text={item} />
        </li>
      ))}
    </ul>
  );
}

export interface EntryPart {
  key: string;
  label: string;
  value: ReactNode;
}

/** An entry's parts, each under its label, in the order the exercise asks for them. */
export function EntryParts({ parts }: { parts: readonly EntryPart[] }) {
  return (
    <dl className="summary-list exercise-parts">
      {parts.map((part) => (
        <div key={part.key}>
          <dt>{part.label}</dt>
          <dd>{part.value}</dd>
        </div>
      ))}
    </dl>
  );
}

