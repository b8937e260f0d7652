import type { Appointment, Episode } from '@tandem/domain';
import { useState } from 'react';
import { apiGet } from '../shared/api';
import { formatDateTime } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { LoadState } from '../shared/LoadState';
import { useApiGet } from '../shared/use-api-get';
import { useNow } from './use-now';
import { AppointmentForm } from './AppointmentForm';
import { AppointmentHistory } from './calendar/AppointmentHistory';
import { AppointmentMoveForm } from './calendar/AppointmentMoveForm';
import { AppointmentOutcomeForm } from './AppointmentOutcomeForm';
import type { EpisodeContext } from './episode-context';
import { FocusNotice } from './FocusNotice';
import { Link } from '../shared/navigation';
import { staffPaths } from './routes';
import { summarisedInstruments } from './score-summary';

/** Session mode opens from an appointment within a day either side of now (today's, or the next). */
const startWindowMs = 24 * 3600_000;

/**
 * A referral's appointments in time order, on the client's clocks: what each was for, how, what
 * happened (recorded here once it has started), the questionnaire totals given for it — totals,
 * never a diagnosis — and its history on demand; then booking or recording another.
 */
export function AppointmentList({ episode, context }: { episode: Episode; context: EpisodeContext }) {
  const t = useT<PractitionerKey>();
  const path = `/api/episodes/${encodeURIComponent(episode.id)}/appointments`;
  const { resource, reload, replace } = useApiGet<{ appointments: Appointment[] }>(path);
  const [booked, setBooked] = useState(0);
  const [moved, setMoved] = useState(0);
  // Only an appointment still to come can move (the server refuses one that has started).
  const now = useNow().getTime();
  const appointments = resource.status === 'ok' ? resource.data.appointments : [];
  const editable = episode.status !== 'ended' && context.canManage;
  const put = (appointment: Appointment) =>
    replace({ appointments: [...appointments.filter((a) => a.id !== appointment.id), appointment].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)) });
  const refresh = () => void apiGet<{ appointments: Appointment[] }>(path).then((result) => result.ok && replace(result.data));
  return (
    <>
      <h4 className="appointments-heading">{t('practitioner.appointments.heading')}</h4>
      <p className="hint">{t('practitioner.appointments.timeZone', { zone: context.clientTimeZone })}</p>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' && !appointments.length ? <p>{t('practitioner.appointments.none')}</p> : null}
      {appointments.length ? (
        // Scrolls sideways on a phone rather than spilling over the forms below it.
        <div className="table-scroll">
          <table className="table appointments-table">
            <caption className="visually-hidden">{t('practitioner.appointments.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('practitioner.appointments.when')}</th>
                <th scope="col">{t('practitioner.appointments.purpose')}</th>
                <th scope="col">{t('practitioner.appointments.method')}</th>
                <th scope="col">{t('practitioner.appointments.status')}</th>
                <th scope="col">{t('practitioner.appointments.scores')}</th>
              </tr>
            </thead>
            <tbody>
              {appointments.map((a) => {
                const when = formatDateTime(a.startsAt, context.clientTimeZone, t);
                return (
                  <tr key={a.id}>
                    <td className="nowrap">
                      <span translate="no">{when}</span>
                      <span className="appointment-reference">{t('practitioner.appointment.reference', { reference: a.reference })}</span>
                    </td>
                    <td>{t(`practitioner.purpose.${a.purpose}`)}</td>
                    <td>{t(`practitioner.method.${a.contactMethod}`)}</td>
                    <td>
                      <span className="appointment-status">{t(`practitioner.appointmentStatus.${a.status}`)}</span>
                      {editable && a.status === 'booked' && Math.abs(Date.parse(a.startsAt) - now) < startWindowMs ? (
                        <Link className="button start-session" href={staffPaths.session(a.id, context.clientId, episode.id)}>
                          {t('practitioner.session.start')}
                          <span className="visually-hidden"> {t('practitioner.session.startFor', { when })}</span>
                        </Link>
                      ) : null}
                      {editable && a.status === 'booked' ? <AppointmentOutcomeForm appointment={a} when={when} onChanged={put} onStale={refresh} /> : null}
                      {editable && a.status === 'booked' && Date.parse(a.startsAt) > now ? (
                        <AppointmentMoveForm
                          key={a.version}
                          appointment={a}
                          when={when}
                          timeZone={context.clientTimeZone}
                          onMoved={(m) => {
                            put(m);
                            setMoved((n) => n + 1);
                          }}
                          onStale={refresh}
                        />
                      ) : null}
                      <AppointmentHistory appointment={a} context={context} when={when} />
                    </td>
                    <td>
                      <AppointmentScores appointmentId={a.id} context={context} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <FocusNotice version={moved}>
        <p>{t('practitioner.move.done')}</p>
      </FocusNotice>
      <FocusNotice version={booked}>
        <p>{t('practitioner.appointment.booked')}</p>
      </FocusNotice>
      {editable ? (
        <AppointmentForm
          key={booked}
          episodeId={episode.id}
          timeZone={context.clientTimeZone}
          onBooked={(appointment) => {
            put(appointment);
            setBooked((n) => n + 1);
          }}
        />
      ) : null}
    </>
  );
}

/** The totals of the questionnaires answered for this appointment ("PHQ-9 14, GAD-7 9"). */
function AppointmentScores({ appointmentId, context }: { appointmentId: string; context: EpisodeContext }) {
  const t = useT<PractitionerKey>();
  const scores = summarisedInstruments.flatMap((instrumentId) => {
    const response = context.responses.find((r) => r.appointmentId === appointmentId && r.instrumentId === instrumentId && r.status === 'completed' && r.total !== null);
    return response ? [t('practitioner.appointments.score', { name: t(`practitioner.measures.short.${instrumentId}`), total: response.total! })] : [];
  });
  return <>{scores.length ? scores.join(', ') : t('practitioner.appointments.noScores')}</>;
}
