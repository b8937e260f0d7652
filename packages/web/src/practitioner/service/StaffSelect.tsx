import type { StaffSummary } from '@tandem/domain';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { useApiGet } from '../../shared/use-api-get';
import { describedBy, FieldFrame, type FieldText } from './FieldFrame';

/** The organisation's staff, for choosing a person (site lead, duty, escalation) and naming them. */
export function useStaffList() {
  return useApiGet<{ staff: StaffSummary[] }>('/api/staff');
}

/** Staff names by id, from the loaded list; an id not in it shows as "unknown member of staff". */
export function staffNamer(staff: readonly StaffSummary[], unknown: string): (staffId: string) => string {
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  return (staffId) => names.get(staffId) ?? unknown;
}

/**
 * A labelled choice of one member of staff. Staff whose account is disabled are not offered, but
 * one already chosen stays, so the page says what is saved. `none` labels the empty choice.
 */
export function StaffSelectField({ id, label, hint, error, staff, value, onChange, none }: FieldText & {
  staff: readonly StaffSummary[];
  value: string;
  onChange(staffId: string): void;
  none?: string;
}) {
  const t = useT<PractitionerKey>();
  const offered = staff.filter((s) => s.accountStatus !== 'disabled' || s.id === value);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
        <option value="">{none ?? t('service.staff.choose')}</option>
        {offered.map((s) => (
          <option key={s.id} value={s.id} translate="no">
            {s.displayName}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
