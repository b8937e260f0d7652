import type { ClientRecord, Episode, PlanHistory as History, Programme, StaffSummary, TreatmentPlan } from '@tandem/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { apiGet } from '../../shared/api';
import { formatDate } from '../../shared/dates';
import { errorText } from '../../shared/error-text';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { FocusNotice } from '../FocusNotice';
import { IdentityBanner } from '../IdentityBanner';
import { staffPaths } from '../routes';
import { StaffFrame, type StaffContext } from '../StaffFrame';
import { useActiveTime } from '../figures/use-active-time';
import { fromDraft, toDraft } from './plan-draft';
import type { ModuleTitles } from './plan-words';
import { PlanCreate } from './PlanCreate';
import { PlanEditor, type EditStart } from './PlanEditor';
import { PlanHistory } from './PlanHistory';
import { PlanSteps } from './PlanSteps';
import { PlanSummary } from './PlanSummary';
import { ProtocolMap } from './ProtocolMap';

const enc = encodeURIComponent;

/**
 * One referral's treatment plan (BRIEF.md V3, "a plan both can see"): who the client is, the plan
 * at a glance, its steps in order, changing it (the care team, while the referral is open) and
 * its history. A save refused because someone else saved first shows their version and keeps
 * this person's list on screen, so nothing typed is lost (HAZ-037).
 */
export function PlanPage({ staff, clientId, episodeId }: { staff: StaffContext; clientId: string; episodeId: string }) {
  const t = useT<PractitionerKey>();
  const { locale } = useLocale();
  const client = useApiGet<ClientRecord>(`/api/clients/${enc(clientId)}`);
  const episodes = useApiGet<{ episodes: Episode[] }>(`/api/clients/${enc(clientId)}/episodes`);
  const planPath = `/api/episodes/${enc(episodeId)}/plan`;
  const plan = useApiGet<TreatmentPlan>(planPath);
  const history = useApiGet<History>(`${planPath}/history`);
  const programme = useApiGet<Programme>(`/api/programme?locale=${enc(locale)}`);
  const staffList = useApiGet<{ staff: StaffSummary[] }>('/api/staff').resource;
  // Active time on the plan counts towards the practitioner's own week (decision 0028).
  useActiveTime(clientId, client.resource.status === 'ok');
  const [editing, setEditing] = useState<EditStart | null>(null);
  const [unsaved, setUnsaved] = useState<EditStart | null>(null);
  const [notice, setNotice] = useState({ version: 0, kind: 'saved' as 'saved' | 'stale' | 'created' });
  const changeButton = useRef<HTMLButtonElement>(null);
  const [cancelled, setCancelled] = useState(0);
  // Back from the editor without saving: focus returns to "Change the plan".
  useEffect(() => {
    if (cancelled) changeButton.current?.focus();
  }, [cancelled]);
  const page = `plan ${episodeId}`;
  const timeZone = staff.me.actor.timeZone;

  const modules: ModuleTitles = useMemo(() => new Map(programme.resource.status === 'ok' ? programme.resource.data.modules.map((m) => [m.id, m]) : []), [programme.resource]);
  const names = useMemo(() => {
    const map = new Map(client.resource.status === 'ok' ? client.resource.data.careTeam.map((m) => [m.staffId, m.displayName]) : []);
    if (staffList.status === 'ok') for (const person of staffList.data.staff) map.set(person.id, person.displayName);
    return map;
  }, [client.resource, staffList]);

  if (client.resource.status === 'loading' || episodes.resource.status === 'loading') {
    return (
      <StaffFrame staff={staff} title={t('practitioner.title.plan')} page={page}>
        <p role="status">{t('common.loading')}</p>
      </StaffFrame>
    );
  }
  const episode = episodes.resource.status === 'ok' ? episodes.resource.data.episodes.find((e) => e.id === episodeId) : undefined;
  if (client.resource.status === 'error' || !episode) {
    const failed = client.resource.status === 'error' ? client.resource.error : episodes.resource.status === 'error' ? episodes.resource.error : null;
    const notFound = !failed || failed.code === 'client.not_found' || failed.status === 400;
    return (
      <StaffFrame staff={staff} title={t('practitioner.title.plan')} page={page}>
        <h1>{notFound ? t('practitioner.plan.notFoundHeading') : t('practitioner.client.problemHeading')}</h1>
        <p>{notFound || !failed ? t('practitioner.plan.notFoundText') : errorText(failed, t)}</p>
        <p>
          <Link href={staffPaths.caseload}>{t('practitioner.notFound.back')}</Link>
        </p>
      </StaffFrame>
    );
  }

  const record = client.resource.data;
  const canChange = record.allowed.manageEpisodes && episode.status !== 'ended';
  const announce = (kind: 'saved' | 'stale' | 'created') => setNotice((n) => ({ version: n.version + 1, kind }));
  // The newest plan without the "loading" state in between, so what is on screen stays put.
  const refresh = () => {
    void apiGet<TreatmentPlan>(planPath).then((result) => result.ok && plan.replace(result.data));
    history.reload();
  };
  const current = plan.resource.status === 'ok' ? plan.resource.data : null;
  const noPlan = plan.resource.status === 'error' && plan.resource.error.code === 'plan.not_found';
  const editable = Boolean(current?.editable) && canChange;

  return (
    // The title names no client: it shows in tabs, history and taskbars on shared computers.
    <StaffFrame staff={staff} title={t('practitioner.title.plan')} page={page}>
      <IdentityBanner client={record} />
      <p>
        <Link className="back-link" href={staffPaths.client(clientId)}>
          {t('practitioner.plan.back')}
        </Link>
      </p>
      <h2>{t('practitioner.plan.heading')}</h2>
      <p className="hint">{t('practitioner.plan.referral', { date: formatDate(episode.referralDate, t), status: t(`practitioner.episodeStatus.${episode.status}`) })}</p>
      <FocusNotice version={notice.version} tone={notice.kind === 'stale' ? 'warning' : 'success'}>
        <p>{t(`practitioner.plan.notice.${notice.kind}`)}</p>
      </FocusNotice>
      {noPlan ? (
        canChange ? (
          <PlanCreate
            episode={episode}
            onCreated={(made) => {
              plan.replace(made);
              history.reload();
              announce('created');
            }}
          />
        ) : (
          <p>{t('practitioner.plan.noneYet')}</p>
        )
      ) : (
        <LoadState resource={plan.resource} onRetry={plan.reload} />
      )}
      {current ? (
        <>
          <PlanSummary plan={current} names={names} timeZone={timeZone} />
          <ProtocolMap key={current.version} clientId={clientId} episodeId={episodeId} modules={modules} timeZone={record.timeZone} />
          {current.editable ? null : <p className="notice">{t('practitioner.plan.readOnly')}</p>}
          {unsaved ? (
            <section className="plan-unsaved" aria-labelledby="plan-unsaved-heading">
              <h3 id="plan-unsaved-heading">{t('practitioner.plan.unsavedHeading')}</h3>
              <p>{t('practitioner.plan.unsavedText')}</p>
              <PlanSteps steps={unsaved.steps.map(fromDraft)} modules={modules} caption={t('practitioner.plan.unsavedCaption')} />
              {unsaved.reason.trim() ? (
                <p>
                  {t('practitioner.plan.unsavedReason')}{' '}
                  <q translate="no" dir="auto">
                    {unsaved.reason}
                  </q>
                </p>
              ) : null}
              {editable && !editing ? (
                <div className="button-group">
                  <button type="button" className="button" onClick={() => setEditing({ steps: current.steps.map(toDraft), reason: unsaved.reason })}>
                    {t('practitioner.plan.changeTheirs')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setEditing({ steps: unsaved.steps, reason: unsaved.reason })}>
                    {t('practitioner.plan.useMine')}
                  </button>
                </div>
              ) : null}
            </section>
          ) : null}
          {editing && editable ? (
            <PlanEditor
              key={current.version}
              plan={current}
              modules={modules}
              start={editing}
              onSaved={(saved) => {
                plan.replace(saved);
                history.reload();
                setEditing(null);
                setUnsaved(null);
                announce('saved');
              }}
              onStale={(mine) => {
                setUnsaved(mine);
                setEditing(null);
                refresh();
                announce('stale');
              }}
              onClosed={() => {
                episodes.reload();
                refresh();
              }}
              onCancel={() => {
                setEditing(null);
                setCancelled((n) => n + 1);
              }}
            />
          ) : (
            <>
              <PlanSteps steps={current.steps} modules={modules} caption={t('practitioner.plan.caption')} />
              {editable && !unsaved ? (
                <button type="button" className="button" ref={changeButton} onClick={() => setEditing({ steps: current.steps.map(toDraft), reason: '' })}>
                  {t('practitioner.plan.change')}
                </button>
              ) : null}
            </>
          )}
          <PlanHistory history={history.resource} onRetry={history.reload} modules={modules} names={names} timeZone={timeZone} />
        </>
      ) : null}
    </StaffFrame>
  );
}
