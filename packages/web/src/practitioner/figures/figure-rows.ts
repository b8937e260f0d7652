import { checkInAdherentDays, type OwnWeekFigures, type SupervisionFigures } from '@tandem/domain';
import type { Translate } from '../../shared/i18n/i18n';
import type { PractitionerKey } from '../../shared/i18n/keys';
import type { FigureRow } from './FigureTable';
import { countText, durationText, rateText } from './figure-words';

type T = Translate<PractitionerKey>;
type Engagement = OwnWeekFigures['engagement'];
type Outcomes = SupervisionFigures['service']['outcomes'];

/** The engagement rows, each with its definition (docs/figures.md states the same). */
export function engagementRows(e: Engagement, min: number, t: T): FigureRow[] {
  return [
    { key: 'clients', measure: t('practitioner.figures.engagement.clients'), value: t('practitioner.figures.count', { count: e.clients }), definition: t('practitioner.figures.engagement.clientsDefinition') },
    {
      key: 'meanActiveDays',
      measure: t('practitioner.figures.engagement.meanActiveDays'),
      value: e.meanActiveDays === null ? (e.clients > 0 ? t('practitioner.figures.suppressed', { min }) : t('practitioner.figures.rateNone')) : t('practitioner.figures.mean', { value: e.meanActiveDays.toFixed(1) }),
      definition: t('practitioner.figures.engagement.meanActiveDaysDefinition'),
    },
    { key: 'activeClients', measure: t('practitioner.figures.engagement.activeClients'), value: rateText(e.activeClients, min, t), definition: t('practitioner.figures.engagement.meanActiveDaysDefinition') },
    { key: 'steps', measure: t('practitioner.figures.engagement.stepsCompleted'), value: countText(e.stepsCompleted, min, t), definition: t('practitioner.figures.engagement.clientsDefinition') },
    { key: 'homework', measure: t('practitioner.figures.engagement.homeworkCompletion'), value: rateText(e.homeworkCompletion, min, t), definition: t('practitioner.figures.engagement.homeworkDefinition') },
    { key: 'checkIns', measure: t('practitioner.figures.engagement.checkInAdherence'), value: rateText(e.checkInAdherence, min, t), definition: t('practitioner.figures.engagement.checkInDefinition', { days: checkInAdherentDays }) },
  ];
}

/** The NHS Talking Therapies outcome rows, with their denominators in words. */
export function outcomeRows(o: Outcomes, min: number, t: T): FigureRow[] {
  const rate = (key: 'recovery' | 'reliableImprovement' | 'reliableDeterioration' | 'reliableRecovery') => ({
    key,
    measure: t(`practitioner.figures.outcomes.${key}`),
    value: rateText(o[key], min, t),
    definition: t(`practitioner.figures.outcomes.${key}Definition`),
  });
  return [
    { key: 'finished', measure: t('practitioner.figures.outcomes.finished'), value: countText(o.finished, min, t), definition: t('practitioner.figures.outcomes.finishedDefinition') },
    rate('recovery'),
    rate('reliableImprovement'),
    rate('reliableDeterioration'),
    rate('reliableRecovery'),
  ];
}

/** Active time and work written, as rows (a group's totals). */
export function workRows(g: { activeSeconds: number; workWritten: { feedback: number; sessionNotes: number; messages: number } }, t: T): FigureRow[] {
  return [
    { key: 'time', measure: t('practitioner.figures.supervision.activeTime'), value: durationText(g.activeSeconds, t), definition: t('practitioner.figures.time.definition') },
    { key: 'feedback', measure: t('practitioner.figures.written.feedback'), value: t('practitioner.figures.count', { count: g.workWritten.feedback }), definition: t('practitioner.figures.written.heading') },
    { key: 'notes', measure: t('practitioner.figures.written.sessionNotes'), value: t('practitioner.figures.count', { count: g.workWritten.sessionNotes }), definition: t('practitioner.figures.written.heading') },
    { key: 'messages', measure: t('practitioner.figures.written.messages'), value: t('practitioner.figures.count', { count: g.workWritten.messages }), definition: t('practitioner.figures.written.heading') },
  ];
}
