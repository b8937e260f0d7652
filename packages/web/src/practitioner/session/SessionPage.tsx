import type { Appointment, ClientRecord, EndSessionResult, Programme, ProgrammeProgress, ProtocolMapResponse, TogetherView, TreatmentPlan } from '@tandem/domain';
import { useMemo, useState, type ReactNode } from 'react';
import { AppFrame } from '../../shared/AppFrame';
import { errorText } from '../../shared/error-text';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { FocusNotice } from '../FocusNotice';
import { staffPaths } from '../routes';
import type { StaffContext } from '../StaffFrame';
import { EndSessionPanel } from './EndSessionPanel';
import { endedSummary } from './ended-summary';
import { SessionNotePanel } from './SessionNotePanel';
import { homeworkSuggestions } from './session-words';
import { TogetherSections } from './TogetherSections';

const enc = encodeURIComponent;

/**
 * Session mode's own frame (BRIEF.md B1, nothing in a session requires juggling screens): shown to
 * the client in the room or on a shared screen, so it has no staff navigation, alert counts, other
 * clients or names beyond the client's given name — only the way back to the client's page.
 */
function SessionFrame({ title, page, back, children }: { title?: string; page: string; back: string | null; children: ReactNode }) {
  const t = useT<PractitionerKey>();
  const header = (
    <div className="session-bar">
      <span className="session-bar-label">{t('practitioner.session.modeLabel')}</span>
      {back ? <Link className="header-link" href={back}>{t('practitioner.session.leave')}</Link> : null}
    </div>
  );
  return <AppFrame title={title} page={page} wide header={header}>{children}</AppFrame>;
}

/** The query of session mode's address: which client and referral the appointment is of. */
function sessionQuery(): { clientId: string; episodeId: string } | null {
  const query = new URLSearchParams(window.location.search);
  const clientId = query.get('client');
  const episodeId = query.get('episode');
  return clientId && episodeId ? { clientId, episodeId } : null;
}

/** Session mode at /staff/sessions/:appointmentId (issue 8 item 6; decision 0023). */
export function SessionPage({ appointmentId }: { staff: StaffContext; appointmentId: string }) {
  const t = useT<PractitionerKey>();
  const [ids] = useState(sessionQuery);
  const together = useApiGet<TogetherView>(`/api/appointments/${enc(appointmentId)}/together`);
  const page = `session ${appointmentId}`;
  const back = ids ? staffPaths.client(ids.clientId) : null;
  if (together.resource.status !== 'ok' || !ids) {
    const failed = together.resource.status === 'error' ? together.resource.error : null;
    return (
      // No title while loading: focus moves to the page once it is known (AppFrame).
      <SessionFrame title={together.resource.status === 'loading' ? undefined : t('practitioner.title.session')} page={page} back={back}>
        {together.resource.status === 'loading' ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <>
            <h1>{t('practitioner.session.notFoundHeading')}</h1>
            <p>{failed && failed.status !== 404 ? errorText(failed, t) : t('practitioner.session.notFoundText')}</p>
            <p>
              <Link href={staffPaths.caseload}>{t('practitioner.notFound.back')}</Link>
            </p>
          </>
        )}
      </SessionFrame>
    );
  }
  return <SessionMode together={together.resource.data} clientId={ids.clientId} episodeId={ids.episodeId} page={page} back={back!} />;
}

function SessionMode({ together, clientId, episodeId, page, back }: { together: TogetherView; clientId: string; episodeId: string; page: string; back: string }) {
  const t = useT<PractitionerKey>();
  const { locale } = useLocale();
  const client = useApiGet<ClientRecord>(`/api/clients/${enc(clientId)}`).resource;
  const appointments = useApiGet<{ appointments: Appointment[] }>(`/api/episodes/${enc(episodeId)}/appointments`).resource;
  const plan = useApiGet<TreatmentPlan>(`/api/episodes/${enc(episodeId)}/plan`).resource;
  const map = useApiGet<ProtocolMapResponse>(`/api/episodes/${enc(episodeId)}/protocol-map`).resource;
  const programme = useApiGet<Programme>(`/api/programme?locale=${enc(locale)}`).resource;
  const progress = useApiGet<ProgrammeProgress>(`/api/clients/${enc(clientId)}/programme`).resource;
  const [notesShown, setNotesShown] = useState(false);
  const [ending, setEnding] = useState(false);
  const [ended, setEnded] = useState<EndSessionResult | null>(null);
  const [discussed, setDiscussed] = useState<ReadonlySet<string>>(new Set());
  const onDiscussed = (id: string, on: boolean) =>
    setDiscussed((now) => {
      const next = new Set(now);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const modules = useMemo(() => (programme.status === 'ok' ? programme.data.modules : []), [programme]);
  const choices = useMemo(
    () =>
      homeworkSuggestions(t, {
        modules,
        steps: map.status === 'ok' ? map.data.steps : plan.status === 'ok' ? plan.data.steps.map((s) => ({ ...s, status: 'later' as const })) : [],
        done: progress.status === 'ok' ? progress.data.done : [],
        openModules: progress.status === 'ok' ? progress.data.openModules : [],
      }),
    [t, modules, map, plan, progress],
  );
  const timeZone = client.status === 'ok' ? client.data.timeZone : null;
  const appointment = appointments.status === 'ok' ? appointments.data.appointments.find((a) => a.id === together.appointment.id) : undefined;
  const faceToFace = plan.status === 'ok' ? plan.data.steps.filter((s) => s.mode === 'face_to_face') : [];
  const noteId = 'session-note';

  return (
    <SessionFrame title={t('practitioner.title.session')} page={page} back={back}>
      <div className={notesShown ? 'session-layout with-notes' : 'session-layout'}>
        <div className="together" aria-labelledby="together-heading">
          <h1 id="together-heading">
            {t('practitioner.session.heading')} <span translate="no">{together.client.givenName}</span>
          </h1>
          {timeZone ? <TogetherSections together={together} timeZone={timeZone} discussed={discussed} onDiscussed={onDiscussed} locked={Boolean(ended)} /> : <LoadState resource={client} onRetry={() => undefined} />}
        </div>
        <aside className="session-notes" aria-labelledby="session-notes-heading">
          <h2 id="session-notes-heading">{t('practitioner.note.heading')}</h2>
          <p className="hint">{t('practitioner.note.private')}</p>
          {/* The brief is the care team's (risk items, drift): opened in its own tab, off the shared screen. */}
          <p>
            <Link href={staffPaths.brief(clientId)} target="_blank" rel="noopener">
              {t('practitioner.brief.open')}
            </Link>
          </p>
          <button type="button" className="button button-secondary" aria-expanded={notesShown} aria-controls={noteId} onClick={() => setNotesShown(!notesShown)}>
            {notesShown ? t('practitioner.note.hide') : t('practitioner.note.show')}
          </button>
          <div id={noteId}>{notesShown ? <SessionNotePanel appointmentId={together.appointment.id} faceToFaceSteps={faceToFace} id="note" /> : null}</div>
        </aside>
      </div>
      <FocusNotice version={ended ? 1 : 0}>
        {ended && timeZone ? (
          <>
            <h2>{t('practitioner.endSession.doneHeading')}</h2>
            <p>{endedSummary(t, ended, timeZone)}</p>
            <p>
              <Link href={back}>{t('practitioner.session.leave')}</Link>
            </p>
          </>
        ) : null}
      </FocusNotice>
      {ended ? null : ending && appointment && timeZone ? (
        <EndSessionPanel
          appointment={appointment}
          timeZone={timeZone}
          agenda={together.agenda}
          discussed={discussed}
          onDiscussed={onDiscussed}
          choices={choices}
          modules={modules}
          onEnded={setEnded}
        />
      ) : together.appointment.status === 'booked' ? (
        <p>
          <button type="button" className="button" onClick={() => setEnding(true)} disabled={!appointment || !timeZone}>
            {t('practitioner.endSession.open')}
          </button>
        </p>
      ) : (
        <p>{t('practitioner.endSession.already')}</p>
      )}
    </SessionFrame>
  );
}
