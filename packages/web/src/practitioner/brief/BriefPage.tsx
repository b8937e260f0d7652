import type { BriefResponse, ClientRecord } from '@tandem/domain';
import { formatDate, formatDateTime } from '../../shared/dates';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { IdentityBanner } from '../IdentityBanner';
import { staffPaths } from '../routes';
import { StaffFrame, type StaffContext } from '../StaffFrame';
import { BriefAgenda, BriefFlagged, BriefHomework, BriefMeasures, BriefMood, BriefPlan } from './BriefSections';
import { useActiveTime } from '../figures/use-active-time';

const enc = encodeURIComponent;

/**
 * The one-minute pre-session brief for a client's next appointment (issue 9 item 2; decision
 * 0026): at most 250 words, built by the domain's `buildBrief`. Who the client is comes first
 * (every clinical screen); "as of" says when it was read, so an old printout is seen as old
 * (HAZ-059). Printable: the print stylesheet drops the navigation and the buttons.
 */
export function BriefPage({ staff, clientId }: { staff: StaffContext; clientId: string }) {
  const t = useT<PractitionerKey>();
  const client = useApiGet<ClientRecord>(`/api/clients/${enc(clientId)}`);
  const brief = useApiGet<BriefResponse>(`/api/clients/${enc(clientId)}/brief`);
  // Reading the brief is time in the client's record (value and burden, decision 0028).
  useActiveTime(clientId, client.resource.status === 'ok');
  const timeZone = staff.me.actor.timeZone;
  const page = `brief ${clientId}`;

  if (client.resource.status === 'loading') {
    return (
      <StaffFrame staff={staff} title={t('practitioner.brief.title')} page={page}>
        <p role="status">{t('practitioner.brief.loading')}</p>
      </StaffFrame>
    );
  }
  if (client.resource.status === 'error') {
    const notFound = client.resource.error.code === 'client.not_found' || client.resource.error.status === 400;
    return (
      <StaffFrame staff={staff} title={t('practitioner.title.clientProblem')} page={page}>
        <h1>{notFound ? t('practitioner.client.notFoundHeading') : t('practitioner.client.problemHeading')}</h1>
        <p>{notFound ? t('practitioner.client.notFoundText') : errorText(client.resource.error, t)}</p>
        <p>
          <Link href={staffPaths.caseload}>{t('practitioner.notFound.back')}</Link>
        </p>
      </StaffFrame>
    );
  }
  const loaded = brief.resource.status === 'ok' ? brief.resource.data.brief : undefined;
  return (
    <StaffFrame staff={staff} title={t('practitioner.brief.title')} page={page}>
      <IdentityBanner client={client.resource.data} />
      <div className="brief-toolbar no-print" role="group" aria-label={t('practitioner.brief.toolbar')}>
        <Link href={staffPaths.client(clientId)}>{t('practitioner.brief.backToRecord')}</Link>
        <button type="button" className="button" onClick={() => window.print()} disabled={!loaded}>
          {t('practitioner.brief.print')}
        </button>
        <button type="button" className="button button-secondary" onClick={brief.reload}>
          {t('practitioner.brief.refresh')}
        </button>
      </div>
      <LoadState resource={brief.resource} onRetry={brief.reload} />
      {loaded === null ? <p>{t('practitioner.brief.noEpisode')}</p> : null}
      {loaded ? (
        <article className="brief" aria-labelledby="brief-heading">
          <h2 id="brief-heading">{t('practitioner.brief.heading')}</h2>
          <p className="brief-as-of">{t('practitioner.brief.asOf', { when: formatDateTime(loaded.generatedAt, timeZone, t) })}</p>
          <p className="brief-next">
            {loaded.nextAppointment
              ? t('practitioner.brief.next', { when: formatDateTime(loaded.nextAppointment.startsAt, timeZone, t), purpose: t(`practitioner.purpose.${loaded.nextAppointment.purpose}`) })
              : t('practitioner.brief.noNext')}
          </p>
          <p>
            {t(loaded.period.since === 'last_session' ? 'practitioner.brief.periodSession' : 'practitioner.brief.periodReferral', {
              from: formatDate(loaded.period.fromDay, t),
              to: formatDate(loaded.period.toDay, t),
              days: loaded.period.days,
            })}
          </p>
          <div className="brief-grid">
            <BriefFlagged brief={loaded} timeZone={timeZone} />
            <BriefHomework brief={loaded} timeZone={timeZone} />
            <BriefMood brief={loaded} timeZone={timeZone} />
            <BriefMeasures brief={loaded} timeZone={timeZone} />
            <BriefAgenda brief={loaded} timeZone={timeZone} />
            <BriefPlan brief={loaded} timeZone={timeZone} />
          </div>
        </article>
      ) : null}
    </StaffFrame>
  );
}
