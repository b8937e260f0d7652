import type { Me, RecoveryCodes, TotpConfirmRequest, TotpEnrolment } from '@tandem/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { apiGet, apiPost, type ApiError } from './api';
import { CodeForm } from './CodeForm';
import { errorText } from './error-text';
import { ErrorSummary } from './ErrorSummary';
import { CheckboxField } from './FormFields';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';
import { startAgain } from './SecondStep';
import { useCodeForm } from './use-code-form';

/** The QR code's quiet zone: 4 light modules round the code (ISO/IEC 18004 §6.3.8). */
const quietZone = 4;

/**
 * The QR code drawn from the server's rows of '1' (dark) and '0' (light): one path, black on white
 * whatever the page's colours, so every camera can read it.
 */
export function QrCode({ rows, label }: { rows: string[]; label: string }) {
  const size = rows.length + 2 * quietZone;
  const path = rows
    .flatMap((row, y) => [...row].map((cell, x) => (cell === '1' ? `M${x + quietZone} ${y + quietZone}h1v1h-1z` : '')))
    .join('');
  return (
    <svg className="qr-code" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** The secret in groups of 4 characters, easier to read aloud and to type. */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * After setting up two-step sign-in during sign-in, the session is a full one: who is signed in
 * comes from GET /api/me. Should that fail, a reload asks again (and shows whatever step is due).
 */
export async function readMeAfterEnrolment(onSignedIn: (me: Me) => void): Promise<void> {
  const me = await apiGet<Me>('/api/me');
  if (me.ok) onSignedIn(me.data);
  else window.location.reload();
}

type View = { kind: 'loading' } | { kind: 'problem'; error: ApiError } | { kind: 'setup'; enrolment: TotpEnrolment } | { kind: 'codes'; codes: string[] };

/**
 * Setting up an authenticator app (POST /api/auth/mfa/enrolment, then …/confirm): numbered steps,
 * the QR code with the secret as text beside it (for typing by hand or with a screen reader),
 * then the recovery codes, shown once, which the person must say they have saved.
 * `onComplete` runs after that; a half-way sign-in is then a full one (read GET /api/me).
 * `onStartAgain`, when given, offers "Start again" (signs the half-way session out first).
 * Used inside the page's own AppFrame (title `common.enrol.title`).
 */
export function TwoStepEnrolment({ onComplete, onStartAgain }: { onComplete(): void; onStartAgain?: () => void }) {
  const t = useT<CommonKey>();
  const [view, setView] = useState<View>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void apiPost<TotpEnrolment>('/api/auth/mfa/enrolment').then((result) => {
      if (live) setView(result.ok ? { kind: 'setup', enrolment: result.data } : { kind: 'problem', error: result.error });
    });
    return () => {
      live = false;
    };
  }, []);

  const again = onStartAgain ? (
    <p>
      <button type="button" className="button-link" onClick={() => void startAgain(onStartAgain)}>
        {t('common.secondStep.startAgain')}
      </button>
    </p>
  ) : null;

  switch (view.kind) {
    case 'loading':
      return <p role="status">{t('common.loading')}</p>;
    case 'problem':
      return (
        <>
          <h1>{t('common.enrol.heading')}</h1>
          <p role="alert">{errorText(view.error, t)}</p>
          {again}
        </>
      );
    case 'setup':
      return (
        <>
          <EnrolmentSteps enrolment={view.enrolment} onConfirmed={(codes) => setView({ kind: 'codes', codes })} />
          {again}
        </>
      );
    case 'codes':
      return <RecoveryCodeList codes={view.codes} onContinue={onComplete} />;
  }
}

function EnrolmentSteps({ enrolment, onConfirmed }: { enrolment: TotpEnrolment; onConfirmed(codes: string[]): void }) {
  const t = useT<CommonKey>();
  const form = useCodeForm<RecoveryCodes>({
    send: (code) => apiPost<RecoveryCodes>('/api/auth/mfa/enrolment/confirm', { code } satisfies TotpConfirmRequest),
    onDone: (data) => onConfirmed(data.recoveryCodes),
  });

  return (
    <>
      <h1>{t('common.enrol.heading')}</h1>
      <p>{t('common.enrol.intro')}</p>
      <ol className="enrol-steps">
        <li>
          <h2 className="enrol-step-title">{t('common.enrol.step1')}</h2>
          <p>{t('common.enrol.step1Detail')}</p>
        </li>
        <li>
          <h2 className="enrol-step-title">{t('common.enrol.step2')}</h2>
          <QrCode rows={enrolment.qr} label={t('common.enrol.qrLabel')} />
          <p>{t('common.enrol.secretIntro')}</p>
          <p className="secret-key" translate="no">
            {groupSecret(enrolment.secret)}
          </p>
          <p className="hint">{t('common.enrol.secretHint')}</p>
        </li>
        <li>
          <h2 className="enrol-step-title">{t('common.enrol.step3')}</h2>
          <CodeForm form={form} label={t('common.enrol.codeLabel')} hint={t('common.enrol.codeHint')} submitLabel={t('common.enrol.confirm')} />
        </li>
      </ol>
    </>
  );
}

/**
 * New recovery codes, shown once: copy, print, and a checkbox the person must tick before going
 * on (the codes are the only way back in without the phone). Also used when making a new set.
 */
export function RecoveryCodeList({ codes, onContinue, continueLabel, level = 1 }: {
  codes: string[];
  onContinue(): void;
  continueLabel?: string;
  /** The heading's level: 1 on a page of its own, 2 inside a section of a settings page. */
  level?: 1 | 2 | 3;
}) {
  const t = useT<CommonKey>();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const Heading = `h${level}` as const;
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!saved) {
      setError(t('common.enrol.savedMissing'));
      return;
    }
    onContinue();
  }

  return (
    <>
      <Heading ref={heading} tabIndex={-1}>
        {t('common.enrol.codesHeading')}
      </Heading>
      <p>{t('common.enrol.codesIntro')}</p>
      <p>
        <strong>{t('common.enrol.codesOnce')}</strong>
      </p>
      <ul className="recovery-codes" translate="no" aria-label={t('common.enrol.codesListLabel')}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="button-row no-print">
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {t('common.enrol.copy')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('common.enrol.print')}
        </button>
      </div>
      <p role="status">{copied === 'yes' ? t('common.enrol.copied') : copied === 'no' ? t('common.enrol.copyFailed') : ''}</p>
      <form noValidate onSubmit={submit} className="no-print">
        <ErrorSummary problems={error && !saved ? [{ message: error, fieldId: `${id}-saved` }] : []} attempt={attempt} />
        <CheckboxField id={`${id}-saved`} label={t('common.enrol.saved')} checked={saved} onChange={setSaved} />
        <button type="submit" className="button">
          {continueLabel ?? t('common.enrol.continue')}
        </button>
      </form>
    </>
  );
}
