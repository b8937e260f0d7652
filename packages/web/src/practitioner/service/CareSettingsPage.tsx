import { CareSettingsSchema, type CareSettings, type CareSettingsState } from '@tandem/domain';
import { useId, useState } from 'react';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { TextField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import type { StaffContext } from '../StaffFrame';
import { VersionedSettingsPage, type SettingsFormProps } from './SettingsPage';
import { fieldOf, useSettingsForm, wholeNumber } from './use-settings-form';

const path = '/api/organisation/care-settings';

/** The form's fields, by the dotted path of the setting each one sets. */
const fields = ['sessionLimits.low_intensity', 'sessionLimits.high_intensity', 'noImprovementBySession', 'questionnaireDueWindowHours', 'messageReplyWorkingDays', 'noActivityDays'] as const;
type Field = (typeof fields)[number];

const keys = {
  'sessionLimits.low_intensity': 'lowIntensity',
  'sessionLimits.high_intensity': 'highIntensity',
  noImprovementBySession: 'noImprovement',
  questionnaireDueWindowHours: 'dueWindow',
  messageReplyWorkingDays: 'replyDays',
  noActivityDays: 'noActivity',
} as const satisfies Record<Field, string>;

/** The worklist's and messages' own settings keep their words in their own resource files. */
const wordKey = (field: Field, part: 'label' | 'hint' | 'invalid'): PractitionerKey =>
  field === 'noActivityDays'
    ? `practitioner.worklist.setting.${part}`
    : field === 'messageReplyWorkingDays'
      ? `practitioner.messages.setting.${part}`
      : `service.care.${keys[field]}.${part}`;

/**
 * Care settings (admins, for the clinical lead): the session limit per step and the session by
 * which no reliable improvement asks for a supervisor's review, and how long before an appointment
 * questionnaires become due. Saved with the version loaded, so two admins cannot overwrite each other.
 */
export function CareSettingsPage({ staff }: { staff: StaffContext }) {
  return <VersionedSettingsPage<CareSettingsState> staff={staff} page="care-settings" path={path} words="care" renderForm={(props) => <CareSettingsForm {...props} />} />;
}

function CareSettingsForm({ state, onSaved, onStale }: SettingsFormProps<CareSettingsState>) {
  const t = useT<PractitionerKey>();
  const formId = useId();
  const { settings } = state;
  const [values, setValues] = useState<Record<Field, string>>({
    'sessionLimits.low_intensity': String(settings.sessionLimits.low_intensity),
    'sessionLimits.high_intensity': String(settings.sessionLimits.high_intensity),
    noImprovementBySession: String(settings.noImprovementBySession),
    questionnaireDueWindowHours: String(settings.questionnaireDueWindowHours),
    messageReplyWorkingDays: String(settings.messageReplyWorkingDays),
    noActivityDays: String(settings.noActivityDays),
  });
  const form = useSettingsForm<CareSettingsState>({
    path,
    name: 'settings',
    version: state.version,
    check() {
      const value: CareSettings = {
        sessionLimits: { low_intensity: wholeNumber(values['sessionLimits.low_intensity']), high_intensity: wholeNumber(values['sessionLimits.high_intensity']) },
        noImprovementBySession: wholeNumber(values.noImprovementBySession),
        questionnaireDueWindowHours: wholeNumber(values.questionnaireDueWindowHours),
        messageReplyWorkingDays: wholeNumber(values.messageReplyWorkingDays),
        noActivityDays: wholeNumber(values.noActivityDays),
      };
      const parsed = CareSettingsSchema.safeParse(value);
      return parsed.success ? { invalid: [], value: parsed.data } : { invalid: parsed.error.issues.map((issue) => fieldOf(issue.path)) };
    },
    onSaved,
    onStale,
  });
  const id = (field: Field) => `${formId}-${keys[field]}`;
  const error = (field: Field) => (form.invalid.has(field) ? t(wordKey(field, 'invalid')) : undefined);
  const problems: FormProblem[] = [
    ...(form.formError ? [{ message: form.formError }] : []),
    ...fields.flatMap((field) => (form.invalid.has(field) ? [{ message: error(field)!, fieldId: id(field) }] : [])),
  ];
  return (
    <form noValidate onSubmit={form.submit} aria-busy={form.busy}>
      <ErrorSummary problems={problems} attempt={form.attempt} />
      {fields.map((field) => (
        <TextField
          key={field}
          id={id(field)}
          label={t(wordKey(field, 'label'))}
          hint={t(wordKey(field, 'hint'))}
          inputMode="numeric"
          autoComplete="off"
          width="short"
          value={values[field]}
          onChange={(value) => setValues((v) => ({ ...v, [field]: value }))}
          error={error(field)}
        />
      ))}
      <button type="submit" className="button">
        {t('service.care.save')}
      </button>
    </form>
  );
}
