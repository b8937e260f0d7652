import type { ClientRecord, Programme, QuestionnaireResponse } from '@tandem/domain';
import { useEffect, useState } from 'react';
import { apiPost, type ApiError } from '../shared/api';
import { errorText } from '../shared/error-text';
import { useLocale, useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';
import { useApiGet } from '../shared/use-api-get';
import { IdentityBanner } from './IdentityBanner';
import { RestrictionBanner } from './data-rights/RestrictionBanner';
import { staffPaths } from './routes';
import { ClientCheckIns } from './ClientCheckIns';
import { ClientConsent } from './ClientConsent';
import { ClientEpisodes } from './ClientEpisodes';
import { ClientFhirDownload } from './ClientFhirDownload';
import { ClientExercises } from './ClientExercises';
import { ClientMoodSchedule } from './ClientMoodSchedule';
import { ClientProgramme } from './ClientProgramme';
import { ClientQuestionnaires } from './ClientQuestionnaires';
import { ClientRiskAlerts } from './ClientRiskAlerts';
import { ClientMessages } from './messages/ClientMessages';
import { StaffFrame, type StaffContext } from './StaffFrame';
import { useActiveTime } from './figures/use-active-time';

/**
 * One client's record: the identity banner first, then their risk alerts (open ones prominent),
 * questionnaire scores, check-ins, online work and exercises, referrals, mood prompts, consent,
 * contact details, care team and account.
 */
export function ClientPage({ staff, clientId }: { staff: StaffContext; clientId: string }) {
  const t = useT<PractitionerKey>();
  // Answers recorded in a session may raise an alert (recorded as seen): the alert list reloads.
  const [recorded, setRecorded] = useState(0);
  const { resource, reload, replace } = useApiGet<ClientRecord>(`/api/clients/${encodeURIComponent(clientId)}`);
  // One load of the scores for the measures section and each appointment's scores.
  const scores = useApiGet<{ responses: QuestionnaireResponse[] }>(`/api/clients/${encodeURIComponent(clientId)}/questionnaire-responses`);
  // One load of the programme's titles (no client data) for the online work and the exercises.
  const { locale } = useLocale();
  const programme = useApiGet<Programme>(`/api/programme?locale=${encodeURIComponent(locale)}`);
  // A link from the pre-session brief names a section (#client-exercises-heading): go there once the record shows.
  const loaded = resource.status === 'ok';
  useEffect(() => {
    if (loaded && window.location.hash) document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
  }, [loaded]);
  // Active time in this record counts towards the practitioner's own week (decision 0028).
  useActiveTime(clientId, resource.status === 'ok');
  if (resource.status === 'loading') {
    return (
      <StaffFrame staff={staff} page={`client ${clientId}`}>
        <p role="status">{t('common.loading')}</p>
      </StaffFrame>
    );
  }
  if (resource.status === 'error') {
    // 400: the address does not hold a client id at all — for the person, the same as not found.
    const notFound = resource.error.code === 'client.not_found' || resource.error.status === 400;
    return (
      <StaffFrame staff={staff} title={t('practitioner.title.clientProblem')} page={`client ${clientId}`}>
        <h1>{notFound ? t('practitioner.client.notFoundHeading') : t('practitioner.client.problemHeading')}</h1>
        <p>{notFound ? t('practitioner.client.notFoundText') : errorText(resource.error, t)}</p>
        {notFound ? (
          <p>
            <Link href={staffPaths.caseload}>{t('practitioner.notFound.back')}</Link>
          </p>
        ) : (
          <button type="button" className="button" onClick={reload}>
            {t('common.tryAgain')}
          </button>
        )}
      </StaffFrame>
    );
  }
  const client = resource.data;
  const timeZone = staff.me.actor.timeZone;
  const careTeamNames = new Map(client.careTeam.map((member) => [member.staffId, member.displayName]));
  // Answers recorded in a session: the scores and the risk alerts reload.
  const onRecorded = () => {
    scores.reload();
    setRecorded((n) => n + 1);
  };
  return (
    // The title names no client: it shows in tabs, history and taskbars on shared computers.
    <StaffFrame staff={staff} title={t('practitioner.title.client')} page={`client ${clientId}`}>
      <IdentityBanner client={client} />
      <RestrictionBanner clientId={clientId} />
      <p>
        <Link href={staffPaths.brief(client.id)}>{t('practitioner.brief.open')}</Link>
      </p>
      <ClientRiskAlerts key={recorded} client={client} staff={staff} />
      <ClientQuestionnaires client={client} scores={scores} timeZone={timeZone} onRecorded={onRecorded} />
      <ClientMessages clientId={client.id} timeZone={timeZone} />
      <ClientCheckIns clientId={client.id} timeZone={timeZone} />
      <ClientProgramme clientId={client.id} timeZone={timeZone} programme={programme} />
      <ClientExercises client={client} timeZone={timeZone} programme={programme.resource} />
      <ClientEpisodes client={client} timeZone={timeZone} responses={scores.resource.status === 'ok' ? scores.resource.data.responses : []} onRecorded={onRecorded} />
      <ClientMoodSchedule clientId={client.id} timeZone={timeZone} canChange={client.allowed.manageEpisodes} />
      <ClientConsent clientId={client.id} timeZone={timeZone} names={careTeamNames} canRecord={client.allowed.manageEpisodes} />
      <ContactDetails client={client} />
      <h2>{t('practitioner.client.careTeam')}</h2>
      <ul className="plain-list">
        {client.careTeam.map((member) => (
          <li key={member.staffId} translate="no">
            {member.displayName}
          </li>
        ))}
      </ul>
      <ClientFhirDownload clientId={client.id} />
      <h2>{t('practitioner.client.account')}</h2>
      <p>{t(`practitioner.accountStatusLong.${client.accountStatus}`)}</p>
      {client.allowed.invite && client.accountStatus !== 'active' && client.accountStatus !== 'disabled' ? (
        <InviteButton clientId={client.id} onSent={() => replace({ ...client, accountStatus: 'invited' })} />
      ) : null}
    </StaffFrame>
  );
}

function ContactDetails({ client }: { client: ClientRecord }) {
  const t = useT<PractitionerKey>();
  const none = <dd>{t('practitioner.client.notRecorded')}</dd>;
  const contact = client.emergencyContact;
  return (
    <>
      <h2>{t('practitioner.client.contact')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('practitioner.client.email')}</dt>
          <dd translate="no">{client.email}</dd>
        </div>
        <div>
          <dt>{t('practitioner.client.phone')}</dt>
          {client.phone ? <dd translate="no">{client.phone}</dd> : none}
        </div>
        <div>
          <dt>{t('practitioner.client.gpPractice')}</dt>
          {client.gpPractice ? <dd translate="no">{client.gpPractice}</dd> : none}
        </div>
        <div>
          <dt>{t('practitioner.client.emergencyContact')}</dt>
          {contact ? (
            <dd translate="no">
              {[contact.name, contact.relationship, contact.phone].filter(Boolean).join(', ')}
            </dd>
          ) : (
            none
          )}
        </div>
      </dl>
    </>
  );
}

/** "Email an invitation": the link works once, for 7 days. */
function InviteButton({ clientId, onSent }: { clientId: string; onSent(): void }) {
  const t = useT<PractitionerKey>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={async () => {
          if (busy) return;
          setBusy(true);
          setSent(false);
          setError(null);
          const result = await apiPost<{ expiresAt: string }>(`/api/clients/${encodeURIComponent(clientId)}/invitation`);
          setBusy(false);
          if (result.ok) {
            setSent(true);
            onSent();
          } else {
            setError(result.error);
          }
        }}
      >
        {t('practitioner.client.invite')}
      </button>
      <p role="status" className="confirmation">
        {sent ? t('practitioner.client.inviteSent') : null}
      </p>
      <p role="alert" className="error-text">
        {error ? errorText(error, t) : null}
      </p>
    </>
  );
}
