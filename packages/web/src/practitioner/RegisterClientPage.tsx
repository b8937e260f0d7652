import { newId, RegisterClientRequestSchema, type ClientRecord, type RegisterClientRequest } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../shared/api';
import { checkDateOfBirth, emptyDate, localToday, type DateParts } from '../shared/dates';
import { errorText } from '../shared/error-text';
import { ErrorSummary, type FormProblem } from '../shared/ErrorSummary';
import { DateField, TextField } from '../shared/FormFields';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { navigate } from '../shared/navigation';
import { staffPaths } from './routes';
import { StaffFrame, type StaffContext } from './StaffFrame';

const fields = ['givenName', 'familyName', 'dateOfBirth', 'email', 'nhsNumber'] as const;
type Field = (typeof fields)[number];
type Errors = Partial<Record<Field, string>>;

interface Values {
  givenName: string;
  familyName: string;
  dateOfBirth: DateParts;
  email: string;
  nhsNumber: string;
}

/** Register a client: the practitioner joins the client's care team, then sees the client's page. */
export function RegisterClientPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const formId = useId();
  const ids: Record<Field, string> = {
    givenName: `${formId}-given`,
    familyName: `${formId}-family`,
    dateOfBirth: `${formId}-dob`,
    email: `${formId}-email`,
    nhsNumber: `${formId}-nhs`,
  };
  // Made once per form: a retried submit carries the same id, so it cannot register twice.
  const [clientId] = useState(() => newId(new Date()));
  const [values, setValues] = useState<Values>({ givenName: '', familyName: '', dateOfBirth: emptyDate, email: '', nhsNumber: '' });
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Errors>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  const invalid: Record<Field, string> = {
    givenName: t('practitioner.register.givenNameInvalid'),
    familyName: t('practitioner.register.familyNameInvalid'),
    dateOfBirth: t('practitioner.register.dobInvalid'),
    email: t('practitioner.register.emailInvalid'),
    nhsNumber: t('practitioner.register.nhsNumberInvalid'),
  };

  /** Checks with the API's own schema; the words are ours, per field. */
  function check(): { errors: Errors; body?: RegisterClientRequest } {
    const errors: Errors = {};
    if (!values.givenName.trim()) errors.givenName = t('practitioner.register.givenNameMissing');
    if (!values.familyName.trim()) errors.familyName = t('practitioner.register.familyNameMissing');
    if (!values.email.trim()) errors.email = t('practitioner.register.emailMissing');
    const date = checkDateOfBirth(values.dateOfBirth, localToday(new Date()));
    if (date.kind === 'empty') errors.dateOfBirth = t('practitioner.register.dobMissing');
    else if (date.kind === 'future') errors.dateOfBirth = t('practitioner.register.dobFuture');
    else if (date.kind === 'invalid') errors.dateOfBirth = invalid.dateOfBirth;
    const body: RegisterClientRequest = {
      id: clientId,
      givenName: values.givenName,
      familyName: values.familyName,
      dateOfBirth: date.kind === 'ok' ? date.iso : '',
      email: values.email,
      ...(values.nhsNumber.trim() ? { nhsNumber: values.nhsNumber.trim() } : {}),
    };
    const parsed = RegisterClientRequestSchema.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        if (fields.includes(field) && !errors[field]) errors[field] = invalid[field];
      }
    }
    return Object.keys(errors).length ? { errors } : { errors, body };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const { errors, body } = check();
    if (!body) {
      setFieldErrors(errors);
      setFormErrors([]);
      return;
    }
    setBusy(true);
    const result = await apiPost<ClientRecord>('/api/clients', body);
    setBusy(false);
    if (result.ok) {
      navigate(staffPaths.client(result.data.id));
      return;
    }
    const fromServer: Errors = {};
    for (const detail of result.error.details) {
      const field = detail.path.replace(/^body\//, '') as Field;
      if (fields.includes(field)) fromServer[field] = invalid[field];
    }
    setFieldErrors(fromServer);
    setFormErrors(Object.keys(fromServer).length ? [] : [errorText(result.error, t)]);
  }

  const problems: FormProblem[] = [
    ...formErrors.map((message) => ({ message })),
    ...fields.flatMap((field) => {
      const message = fieldErrors[field];
      return message ? [{ message, fieldId: field === 'dateOfBirth' ? `${ids.dateOfBirth}-day` : ids[field] }] : [];
    }),
  ];
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  return (
    <StaffFrame staff={staff} title={t('practitioner.title.register')} page="register">
      <div className="narrow">
        <h1>{t('practitioner.register.heading')}</h1>
        <p>{t('practitioner.register.intro')}</p>
        <form noValidate onSubmit={submit} aria-busy={busy}>
          <ErrorSummary problems={problems} attempt={attempt} />
          <TextField
            id={ids.givenName}
            label={t('practitioner.register.givenName')}
            autoComplete="off"
            spellCheck={false}
            value={values.givenName}
            onChange={set('givenName')}
            error={fieldErrors.givenName}
          />
          <TextField
            id={ids.familyName}
            label={t('practitioner.register.familyName')}
            autoComplete="off"
            spellCheck={false}
            value={values.familyName}
            onChange={set('familyName')}
            error={fieldErrors.familyName}
          />
          <DateField
            id={ids.dateOfBirth}
            label={t('practitioner.register.dob')}
            hint={t('practitioner.register.dobHint')}
            value={values.dateOfBirth}
            onChange={set('dateOfBirth')}
            error={fieldErrors.dateOfBirth}
          />
          <TextField
            id={ids.email}
            label={t('practitioner.register.email')}
            hint={t('practitioner.register.emailHint')}
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={values.email}
            onChange={set('email')}
            error={fieldErrors.email}
          />
          <TextField
            id={ids.nhsNumber}
            label={t('practitioner.register.nhsNumber')}
            hint={t('practitioner.register.nhsNumberHint')}
            inputMode="numeric"
            autoComplete="off"
            width="medium"
            value={values.nhsNumber}
            onChange={set('nhsNumber')}
            error={fieldErrors.nhsNumber}
          />
          <button type="submit" className="button">
            {t('practitioner.register.submit')}
          </button>
        </form>
      </div>
    </StaffFrame>
  );
}
