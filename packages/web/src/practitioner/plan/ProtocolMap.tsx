import { localDate, type Appointment, type ProtocolMapResponse } from '@tandem/domain';
import { formatDate } from '../../shared/dates';
import type { Translate } from '../../shared/i18n/i18n';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { ScrollTable } from '../../shared/ScrollTable';
import { useApiGet } from '../../shared/use-api-get';
import { staffPaths } from '../routes';
import { flagWords, type SessionDays } from '../session/session-words';
import { stepTitle, type ModuleTitles } from './plan-words';

const enc = encodeURIComponent;

/** The attended sessions' days on the client's clocks, oldest first (to put gaps in days). */
export function attendedDays(appointments: readonly Appointment[], timeZone: string): SessionDays {
  return {
    days: appointments
      .filter((a) => a.status === 'attended' || a.status === 'attended_late')
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
      .map((a) => ({ appointmentId: a.id, on: localDate(new Date(a.startsAt), timeZone) })),
  };
}

/**
 * The protocol map (decision 0024; BRIEF.md V3): each step's status — delivered on a day, now, next,
 * later — and the things to look at where the sessions have moved away from this client's own plan,
 * in plain words with a link to the session concerned. Support for planning and supervision, not a
 * score (HAZ-050).
 */
export function ProtocolMap({ clientId, episodeId, modules, timeZone }: { clientId: string; episodeId: string; modules: ModuleTitles; timeZone: string }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<ProtocolMapResponse>(`/api/episodes/${enc(episodeId)}/protocol-map`);
  const appointments = useApiGet<{ appointments: Appointment[] }>(`/api/episodes/${enc(episodeId)}/appointments`).resource;
  if (resource.status !== 'ok') return <LoadState resource={resource} onRetry={reload} />;
  const map = resource.data;
  if (!map.hasPlan) return null;
  const sessions = attendedDays(appointments.status === 'ok' ? appointments.data.appointments : [], timeZone);
  const status = (step: ProtocolMapResponse['steps'][number]) =>
    step.status === 'delivered' && step.deliveredOn ? t('practitioner.map.deliveredOn', { date: formatDate(step.deliveredOn, t) }) : t(`practitioner.map.status.${step.status}`);
  return (
    <section className="protocol-map" aria-labelledby="protocol-map-heading">
      <h3 id="protocol-map-heading">{t('practitioner.map.heading')}</h3>
      <p>{t('practitioner.map.sessions', { count: map.sessionsAttended })}</p>
      <ScrollTable caption={t('practitioner.map.caption')} columns={[t('practitioner.plan.colStep'), t('practitioner.map.colWhat'), t('practitioner.map.colWhere')]}>
        {map.steps.map((step, index) => (
          <tr key={step.planStepId} className={step.status === 'current' ? 'map-current' : undefined}>
            <td translate="no">{index + 1}</td>
            <td>{stepTitle(t, step, modules)}</td>
            <td className="nowrap">{status(step)}</td>
          </tr>
        ))}
      </ScrollTable>
      <h3 id="drift-heading">{t('practitioner.map.flagsHeading')}</h3>
      <p className="hint">{t('practitioner.map.flagsIntro')}</p>
      {map.flags.length ? (
        <ul className="drift-flags">
          {map.flags.map((flag, index) => (
            <li key={`${flag.code} ${flag.on} ${index}`}>
              {flagWords(t, flag, map, sessions)}
              {flag.appointmentId ? (
                <>
                  {' '}
                  <Link href={staffPaths.session(flag.appointmentId, clientId, episodeId)}>{t('practitioner.map.openSession')}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="drift-none">{t('practitioner.map.flagsNone')}</p>
      )}
    </section>
  );
}

/** "Plan: step 3 of 11 · 2 things to look at", for the episode card. */
export function mapLine(t: Translate<PractitionerKey>, map: ProtocolMapResponse): string {
  const current = map.steps.findIndex((s) => s.status === 'current');
  const where = current < 0 ? t('practitioner.map.lineDone', { steps: map.steps.length }) : t('practitioner.map.line', { step: current + 1, steps: map.steps.length });
  const flags = map.flags.length === 0 ? t('practitioner.map.lineNoFlags') : t(map.flags.length === 1 ? 'practitioner.map.lineFlagsOne' : 'practitioner.map.lineFlags', { count: map.flags.length });
  return `${where} · ${flags}`;
}
