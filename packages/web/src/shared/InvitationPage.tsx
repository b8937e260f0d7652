import type { AcceptInvitationRequest, InvitationInfo, Me, SecondStepNeeded } from '@tandem/domain';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { apiPost, type ApiError } from './api';
import { AppFrame, LoadingFrame } from './AppFrame';
import { checkDateOfBirth, emptyDate, localToday, type DateParts } from './dates';
import { bodyPath, errorText } from './error-text';
import { ErrorSummary, type FormProblem } from './ErrorSummary';
import { DateField, PasswordField } from './FormFields';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';
import { Link } from './navigation';
import { readMeAfterEnrolment, TwoStepEnrolment } from './TwoStepEnrolment';

let token: string | undefined;

/**
 * The invitation token travels in the link's fragment (#…), which browsers never send to a
 * server. It is read once, then removed from the address bar so it does not linger in history.
 */
function takeInvitationToken(): string {
  if (token === undefined) {
    token = window.location.hash.slice(1);
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return token;
}

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** `error` null: the link itself is incomplete, so the server was not asked. */
type View = { kind: 'checking' } | { kind: 'problem'; error: ApiError | null } | { kind: 'ready'; info: InvitationInfo } | { kind: 'enrol' };

/**
 * The page an invitation link opens (`/invite#<token>` for clients, `/staff/invite#<token>` for
 * staff): set a password — and, for a client, confirm the date of birth — and be signed in.
 * Staff then set up two-step sign-in before anything else (the server answers 202 `enrol`).
 */
export function InvitationPage({ signInHref, onAccepted }: { signInHref: string; onAccepted(me: Me): void }) {
  const t = useT<CommonKey>();
  const [invitation] = useState(takeInvitationToken);
  const [view, setView] = useState<View>(() => (tokenPattern.test(invitation) ? { kind: 'checking' } : { kind: 'problem', error: null }));

  useEffect(() => {
    if (!tokenPattern.test(invitation)) return;
    let live = true;
    void apiPost<InvitationInfo>('/api/invitations/inspect', { token: invitation }).then((result) => {
      if (!live) return;
      setView(result.ok ? { kind: 'ready', info: result.data } : { kind: 'problem', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [invitation]);

  if (view.kind === 'checking') return <LoadingFrame page="invite" />;
  if (view.kind === 'problem') {
    return (
      <AppFrame title={t('common.invite.problemTitle')} page="invite-problem">
        <h1>{t('common.invite.problemHeading')}</h1>
        <p>{view.error ? errorText(view.error, t) : t('common.invite.incomplete')}</p>
        {view.error?.code === 'invitation.used' ? (
          <p>
            <Link href={signInHref}>{t('common.invite.signIn')}</Link>
          </p>
        ) : null}
      </AppFrame>
    );
  }
  if (view.kind === 'enrol') {
    return (
      <AppFrame title={t('common.enrol.title')} page="enrol">
        <TwoStepEnrolment onComplete={() => void readMeAfterEnrolment(onAccepted)} />
      </AppFrame>
    );
  }
  return (
    <AppFrame title={t('common.invite.title')} page="invite">
      <h1>{t('common.invite.heading')}</h1>
      <p>{t('common.invite.intro', { organisation: view.info.organisationName })}</p>
      <AcceptForm
        invitation={invitation}
        info={view.info}
        onAccepted={onAccepted}
        onEnrol={() => setView({ kind: 'enrol' })}
        onProblem={(error) => setView({ kind: 'problem', error })}
      />
    </AppFrame>
  );
}

type Field = 'dateOfBirth' | 'password';

function AcceptForm({ invitation, info, onAccepted, onEnrol, onProblem }: {
  invitation: string;
  info: InvitationInfo;
  onAccepted(me: Me): void;
  onEnrol(): void;
  onProblem(error: ApiError): void;
}) {
  const t = useT<CommonKey>();
  const id = useId();
  const ids: Record<Field, string> = { dateOfBirth: `${id}-dob`, password: `${id}-password` };
  const [dateOfBirth, setDateOfBirth] = useState<DateParts>(emptyDate);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  function checkLocally(): { errors: Partial<Record<Field, string>>; dateOfBirth?: string } {
    const errors: Partial<Record<Field, string>> = {};
    let iso: string | undefined;
    if (info.needsDateOfBirth) {
      const date = checkDateOfBirth(dateOfBirth, localToday(new Date()));
      if (date.kind === 'empty') errors.dateOfBirth = t('common.invite.dobMissing');
      else if (date.kind === 'invalid') errors.dateOfBirth = t('common.invite.dobInvalid');
      else if (date.kind === 'future') errors.dateOfBirth = t('common.invite.dobFuture');
      else iso = date.iso;
    }
    // Length rules are the server's (NewPasswordSchema); an empty box is caught here.
    if (!password) errors.password = t('common.invite.passwordMissing');
    return { errors, dateOfBirth: iso };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const local = checkLocally();
    if (Object.keys(local.errors).length) {
      setFieldErrors(local.errors);
      setFormErrors([]);
      return;
    }
    setBusy(true);
    const body: AcceptInvitationRequest = { token: invitation, password, ...(local.dateOfBirth ? { dateOfBirth: local.dateOfBirth } : {}) };
    const result = await apiPost<Me | SecondStepNeeded>('/api/invitations/accept', body);
    setBusy(false);
    if (result.ok && result.status === 202) {
      onEnrol();
      return;
    }
    if (result.ok) {
      onAccepted(result.data as Me);
      return;
    }
    const { error } = result;
    if (error.code === 'invitation.invalid' || error.code === 'invitation.expired' || error.code === 'invitation.used') {
      onProblem(error);
      return;
    }
    const errors: Partial<Record<Field, string>> = {};
    if (error.code === 'invitation.date_of_birth_mismatch') errors.dateOfBirth = errorText(error, t);
    for (const detail of error.details) {
      if (detail.path === bodyPath('password')) errors.password = t('common.invite.passwordLength');
      if (detail.path === bodyPath('dateOfBirth')) errors.dateOfBirth = t('common.invite.dobInvalid');
    }
    setFieldErrors(errors);
    setFormErrors(Object.keys(errors).length ? [] : [errorText(error, t)]);
  }

  const problems: FormProblem[] = [
    ...formErrors.map((message) => ({ message })),
    ...(fieldErrors.dateOfBirth ? [{ message: fieldErrors.dateOfBirth, fieldId: `${ids.dateOfBirth}-day` }] : []),
    ...(fieldErrors.password ? [{ message: fieldErrors.password, fieldId: ids.password }] : []),
  ];

  return (
    <form noValidate onSubmit={submit} aria-busy={busy}>
      <ErrorSummary problems={problems} attempt={attempt} />
      {info.needsDateOfBirth ? (
        <DateField
          id={ids.dateOfBirth}
          label={t('common.invite.dobLabel')}
          hint={t('common.invite.dobHint')}
          value={dateOfBirth}
          onChange={setDateOfBirth}
          error={fieldErrors.dateOfBirth}
          autoCompletePrefix="bday"
        />
      ) : null}
      <PasswordField
        id={ids.password}
        label={t('common.invite.passwordLabel')}
        hint={t('common.invite.passwordHint')}
        value={password}
        onChange={setPassword}
        error={fieldErrors.password}
        autoComplete="new-password"
      />
      <button type="submit" className="button">
        {t('common.invite.submit')}
      </button>
    </form>
  );
}
