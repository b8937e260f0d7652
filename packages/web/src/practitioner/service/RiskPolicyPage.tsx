import { responseTiers, riskRules, RiskPolicySchema, type ResponseTierName, type RiskPolicy, type RiskRule, type StaffSummary } from '@tandem/domain';
import { useId, useState } from 'react';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { TextField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import type { StaffContext } from '../StaffFrame';
import { formatMinutes } from './duration';
import { VersionedSettingsPage, type SettingsFormProps } from './SettingsPage';
import { StaffSelectField, useStaffList } from './StaffSelect';
import { fieldOf, useSettingsForm, wholeNumber } from './use-settings-form';

const path = '/api/organisation/risk-policy';

interface RiskPolicyState {
  policy: RiskPolicy;
  version: number;
  isDefault: boolean;
}

/** The tiers a rule may take: only an answer given in a session may be "recorded" (HAZ-028). */
function tiersFor(rule: RiskRule): readonly ResponseTierName[] {
  return rule === 'answered_in_session' ? responseTiers : responseTiers.filter((tier) => tier !== 'recorded');
}

/**
 * The risk policy (admins record the clinical lead's decisions): for each kind of warning sign,
 * how fast a person must see it, the deadlines of the tiers, and the named person at the end of
 * the escalation path. Each choice says its consequence in one line. Saved with the version
 * loaded; while none is saved, the conservative default is in force and the page says so.
 */
export function RiskPolicyPage({ staff }: { staff: StaffContext }) {
  return <VersionedSettingsPage<RiskPolicyState> staff={staff} page="risk-policy" path={path} words="risk" renderForm={(props) => <RiskPolicyEditor {...props} />} />;
}

/** The form, once the staff who may be named in it are loaded. */
function RiskPolicyEditor(props: SettingsFormProps<RiskPolicyState>) {
  const people = useStaffList();
  if (people.resource.status !== 'ok') return <LoadState resource={people.resource} onRetry={people.reload} />;
  return <RiskPolicyForm {...props} staff={people.resource.data.staff} />;
}

const minuteFields = ['immediateMinutes', 'beforeNextContactMaxMinutes'] as const;
type MinuteField = (typeof minuteFields)[number];

function RiskPolicyForm({ state, staff, onSaved, onStale }: SettingsFormProps<RiskPolicyState> & { staff: readonly StaffSummary[] }) {
  const t = useT<PractitionerKey>();
  const formId = useId();
  const [rules, setRules] = useState(state.policy.rules);
  const [minutes, setMinutes] = useState<Record<MinuteField, string>>({
    immediateMinutes: String(state.policy.immediateMinutes),
    beforeNextContactMaxMinutes: String(state.policy.beforeNextContactMaxMinutes),
  });
  const [escalation, setEscalation] = useState(state.policy.escalationStaffId ?? '');
  const form = useSettingsForm<RiskPolicyState>({
    path,
    name: 'policy',
    version: state.version,
    check() {
      const value: RiskPolicy = {
        rules,
        immediateMinutes: wholeNumber(minutes.immediateMinutes),
        beforeNextContactMaxMinutes: wholeNumber(minutes.beforeNextContactMaxMinutes),
        escalationStaffId: escalation || null,
      };
      const parsed = RiskPolicySchema.safeParse(value);
      return parsed.success ? { invalid: [], value: parsed.data } : { invalid: parsed.error.issues.map((issue) => fieldOf(issue.path)) };
    },
    onSaved,
    onStale,
  });
  const ids = {
    immediateMinutes: `${formId}-immediate`,
    beforeNextContactMaxMinutes: `${formId}-before-next`,
    escalationStaffId: `${formId}-escalation`,
    rule: (rule: RiskRule) => `${formId}-${rule}`,
  };
  /** A tier's deadline in words, from what is typed (or what is saved, while that is not a number). */
  const deadline = (field: MinuteField) => {
    const typed = wholeNumber(minutes[field]);
    return formatMinutes(typed >= 1 ? typed : state.policy[field], t);
  };
  const consequence = {
    immediate: { deadline: deadline('immediateMinutes') },
    before_next_contact: { deadline: deadline('beforeNextContactMaxMinutes') },
    recorded: {},
  } satisfies Record<ResponseTierName, Record<string, string>>;
  const minutesError = (field: MinuteField) => (form.invalid.has(field) ? t(`service.risk.${field}.invalid`) : undefined);
  const escalationError = form.invalid.has('escalationStaffId') ? t('service.risk.escalation.invalid') : undefined;
  const problems: FormProblem[] = [
    ...(form.formError ? [{ message: form.formError }] : []),
    ...riskRules.flatMap((rule) => (form.invalid.has(`rules.${rule}`) ? [{ message: t('service.risk.ruleInvalid'), fieldId: `${ids.rule(rule)}-${rules[rule]}` }] : [])),
    ...minuteFields.flatMap((field) => (form.invalid.has(field) ? [{ message: minutesError(field)!, fieldId: ids[field] }] : [])),
    ...(escalationError ? [{ message: escalationError, fieldId: ids.escalationStaffId }] : []),
  ];

  return (
    <form noValidate onSubmit={form.submit} aria-busy={form.busy}>
      <ErrorSummary problems={problems} attempt={form.attempt} />
      <h2>{t('service.risk.rulesHeading')}</h2>
      <p>{t('service.risk.rulesIntro')}</p>
      {riskRules.map((rule) => (
        <fieldset key={rule} className="fieldset field risk-rule" aria-describedby={`${ids.rule(rule)}-hint`}>
          <legend className="label">{t(`service.risk.rule.${rule}`)}</legend>
          <p id={`${ids.rule(rule)}-hint`} className="hint">
            {t(`service.risk.rule.${rule}.hint`)}
          </p>
          <div className="radios">
            {tiersFor(rule).map((tier) => {
              const id = `${ids.rule(rule)}-${tier}`;
              return (
                <div className="radio radio-with-hint" key={tier}>
                  <input
                    id={id}
                    type="radio"
                    name={ids.rule(rule)}
                    checked={rules[rule] === tier}
                    onChange={() => setRules((r) => ({ ...r, [rule]: tier }))}
                    aria-describedby={`${id}-hint`}
                  />
                  <div>
                    <label htmlFor={id}>{t(`service.risk.tier.${tier}`)}</label>
                    <p id={`${id}-hint`} className="hint">
                      {t(`service.risk.tier.${tier}.consequence`, consequence[tier])}
                    </p>
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}

      <h2>{t('service.risk.deadlinesHeading')}</h2>
      {minuteFields.map((field) => (
        <TextField
          key={field}
          id={ids[field]}
          label={t(`service.risk.${field}.label`)}
          hint={t(`service.risk.${field}.hint`)}
          inputMode="numeric"
          autoComplete="off"
          width="short"
          value={minutes[field]}
          onChange={(value) => setMinutes((m) => ({ ...m, [field]: value }))}
          error={minutesError(field)}
        />
      ))}

      <h2>{t('service.risk.escalationHeading')}</h2>
      <StaffSelectField
        id={ids.escalationStaffId}
        label={t('service.risk.escalation.label')}
        hint={t('service.risk.escalation.hint')}
        none={t('service.risk.escalation.none')}
        error={escalationError}
        staff={staff}
        value={escalation}
        onChange={setEscalation}
      />
      <button type="submit" className="button">
        {t('service.risk.save')}
      </button>
    </form>
  );
}
