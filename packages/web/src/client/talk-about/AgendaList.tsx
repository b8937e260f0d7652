import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import type { AgendaLine } from './talk-about-data';

/**
 * The client's open things to talk about: each with "Remove" once it has reached the server; one
 * still on this phone says "Waiting to send", and one the server refused says why, with a way to
 * take it off the phone (never silently dropped).
 */
export function AgendaList({ lines, busyId, onRemove, onDismiss }: { lines: AgendaLine[]; busyId: string | null; onRemove(id: string): void; onDismiss(id: string): void }) {
  const t = useT<ClientKey>();
  if (!lines.length) return <p>{t('client.talkAbout.none')}</p>;
  return (
    <ul className="agenda-list">
      {lines.map((line) => {
        const id = line.kind === 'sent' ? line.item.id : line.id;
        const textId = `agenda-text-${id}`;
        return (
          <li key={id} className={line.kind === 'kept' ? 'agenda-item agenda-waiting' : 'agenda-item'}>
            <span id={textId} className="agenda-text" translate="no" dir="auto">
              {line.kind === 'sent' ? line.item.text : line.text}
            </span>
            {line.kind === 'sent' ? (
              <button type="button" className="button-link" aria-describedby={textId} disabled={busyId === id} onClick={() => onRemove(id)}>
                {t('client.talkAbout.remove')}
              </button>
            ) : line.outbox.state === 'refused' ? (
              <span className="agenda-state">
                {t('client.home.refused', { problem: line.outbox.problem ?? '' })}{' '}
                <button type="button" className="button-link" aria-describedby={textId} onClick={() => onDismiss(id)}>
                  {t('client.home.dismiss')}
                </button>
              </span>
            ) : (
              <span className="agenda-state">{t('client.talkAbout.waiting')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
