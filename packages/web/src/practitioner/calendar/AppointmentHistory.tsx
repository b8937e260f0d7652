import type { Appointment, AppointmentHistory as Moves } from '@tandem/domain';
import { useEffect, useState } from 'react';
import { apiGet, type ApiError } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import type { EpisodeContext } from '../episode-context';

interface Line {
  at: string;
  byStaffId: string | null;
  what: string;
  reason: string | null;
}

/**
 * An appointment's history on demand: booked, each move (from when to when, and why), then what
 * happened. Moves are read from the server when the history is opened (and again after a move).
 */
export function AppointmentHistory({ appointment, context, when }: { appointment: Appointment; context: EpisodeContext; when: string }) {
  const t = useT<PractitionerKey>();
  const [open, setOpen] = useState(false);
  const [moves, setMoves] = useState<{ data: Moves } | { error: ApiError } | null>(null);
  const zone = context.clientTimeZone;
  // Read when opened, and again when the appointment changes (a move) while open.
  useEffect(() => {
    if (!open) return;
    let live = true;
    void apiGet<Moves>(`/api/appointments/${encodeURIComponent(appointment.id)}/history`).then((result) => {
      if (live) setMoves(result.ok ? { data: result.data } : { error: result.error });
    });
    return () => {
      live = false;
    };
  }, [open, appointment.id, appointment.version]);
  const lines: Line[] = [
    ...appointment.history.map((event) => ({ at: event.at, byStaffId: event.byStaffId, what: t(`practitioner.appointmentStatus.${event.to as Appointment['status']}`), reason: null })),
    ...(moves && 'data' in moves
      ? moves.data.changes.map((c) => ({
          at: c.at,
          byStaffId: c.byStaffId,
          what: t('practitioner.move.historyLine', { from: formatDateTime(c.fromStartsAt, zone, t), to: formatDateTime(c.toStartsAt, zone, t), minutes: c.toDurationMinutes }),
          reason: c.reason,
        }))
      : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const who = (id: string | null) => (id ? t('practitioner.history.by', { name: context.names.get(id) ?? t('practitioner.episodes.unknownPractitioner') }) : t('practitioner.history.bySystem'));
  return (
    <details className="disclosure disclosure-compact" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        {t('practitioner.appointment.history')}
        <span className="visually-hidden"> {when}</span>
      </summary>
      <ol className="history-list">
        {lines.map((line, index) => (
          <li key={index}>
            <span className="history-when" translate="no">
              {formatDateTime(line.at, context.timeZone, t)}
            </span>{' '}
            <span className="history-what">{line.what}</span>
            {line.reason ? <span className="history-reason">{t('practitioner.history.reason', { reason: line.reason })}</span> : null}{' '}
            <span className="history-who">{who(line.byStaffId)}</span>
          </li>
        ))}
      </ol>
      {moves && 'error' in moves ? (
        <p role="alert" className="error-text">
          {errorText(moves.error, t)}
        </p>
      ) : null}
    </details>
  );
}
