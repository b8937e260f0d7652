import { findItem, riskItem, type RiskAlert } from '@tandem/domain';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';

/**
 * Plain words for a risk alert: what happened, how fast it must be seen and why it came to the
 * person reading it. The answer's label is the PHQ-9's own published wording (the instrument as
 * data in @tandem/domain), so the words match what the client saw.
 */
export function useAlertWords() {
  const t = useT<PractitionerKey>();

  /** "Answered 2 ('More than half the days') to question 9 of the PHQ-9, in the Tandem app". */
  function whatHappened(alert: Pick<RiskAlert, 'trigger' | 'answerValue' | 'source'>): string {
    const where = t(`practitioner.alerts.source.${alert.source}`);
    if (alert.trigger === 'help_button') return t('practitioner.alerts.what.helpButton', { where });
    const value = alert.answerValue;
    const label = value === null ? undefined : findItem(riskItem.instrumentId, riskItem.linkId)?.answerOptions.find((o) => o.value === value)?.label;
    return label === undefined
      ? t('practitioner.alerts.what.item9Unknown', { where })
      : t('practitioner.alerts.what.item9', { value: value!, label, where });
  }

  function tier(alert: Pick<RiskAlert, 'tier'>): string {
    return t(`practitioner.alerts.tier.${alert.tier}`);
  }

  /**
   * Why the alert is in this person's list: sent to them (as the client's practitioner, on duty,
   * as site lead, or escalated), or sent to someone else for a client on their caseload.
   */
  function whyMine(alert: Pick<RiskAlert, 'recipientStaffId' | 'recipientReason'>, me: string | null, names: ReadonlyMap<string, string>): { text: string; recipient: string | null } {
    if (alert.recipientStaffId === me) return { text: t(`practitioner.alerts.why.${alert.recipientReason}`), recipient: null };
    const reason = t(`practitioner.alerts.sentBecause.${alert.recipientReason}`);
    return { text: t('practitioner.alerts.why.other', { reason }), recipient: names.get(alert.recipientStaffId) ?? null };
  }

  /** Who acknowledged it: "you", a care-team member by name, or someone else. */
  function whoActed(staffId: string | null, me: string | null, names: ReadonlyMap<string, string>): { text: string; isName: boolean } {
    if (staffId && staffId === me) return { text: t('practitioner.alerts.byYou'), isName: false };
    const name = staffId ? names.get(staffId) : undefined;
    return name ? { text: name, isName: true } : { text: t('practitioner.alerts.bySomeoneElse'), isName: false };
  }

  return { whatHappened, tier, whyMine, whoActed };
}
