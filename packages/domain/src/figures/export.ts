import type { RateFigureView, SupervisionFigures } from './api';
import { checkInAdherentDays } from './engagement';
import type { CsvCell } from './csv';

/**
 * What each figure means, in the export and the docs (docs/figures.md). The page shows the same
 * definitions from its own strings.
 */
export const figureDefinitions = {
  activeSeconds: 'Seconds the practitioner had a client’s record, plan or pre-session brief open, visible, focused and in use (input within the last 2 minutes); session mode not counted.',
  feedback: 'Feedback written on clients’ exercise entries in the week.',
  sessionNotes: 'Session notes begun in the week.',
  messages: 'Messages written to clients in the week.',
  clients: 'Clients with an open episode in the week.',
  meanActiveDays: 'Mean days in the week on which a client checked in, finished a step, sent an entry or completed a questionnaire.',
  activeClients: 'Clients active on at least one day of the week ÷ clients.',
  stepsCompleted: 'Programme steps clients finished in the week.',
  homeworkCompletion: 'Homework items due in the week that were done ÷ homework items due in the week (items of one client are not independent: the interval is too narrow).',
  checkInAdherence: `Clients who checked in on at least ${checkInAdherentDays} of the 7 days ÷ clients.`,
  finished: 'Episodes that ended in the period with at least 2 attended treatment appointments (NHS Talking Therapies: finished treatment).',
  recovery: 'Recovered (below PHQ-9 10 and GAD-7 8 at the end) ÷ finished treatment and at caseness at the start (NHS Talking Therapies).',
  reliableImprovement: 'Reliably improved (PHQ-9 down 6 or GAD-7 down 4, neither up by as much) ÷ finished treatment (NHS Talking Therapies).',
  reliableDeterioration: 'Reliably deteriorated (PHQ-9 up 6 or GAD-7 up 4) ÷ finished treatment (NHS Talking Therapies).',
  reliableRecovery: 'Recovered and reliably improved ÷ finished treatment and at caseness at the start (NHS Talking Therapies).',
} as const;

type Group = SupervisionFigures['service'];

const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

function rateRow(group: string, name: string, measure: keyof typeof figureDefinitions, f: RateFigureView): CsvCell[] {
  return f.suppressed
    ? [group, name, measure, null, null, null, null, null, 'suppressed (fewer than the minimum)', figureDefinitions[measure]]
    : [group, name, measure, f.numerator, f.denominator, round4(f.rate), round4(f.ci?.low ?? null), round4(f.ci?.high ?? null), 'shown', figureDefinitions[measure]];
}

function countRow(group: string, name: string, measure: keyof typeof figureDefinitions, n: number | null): CsvCell[] {
  return [group, name, measure, n, null, null, null, null, n === null ? 'suppressed (fewer than the minimum)' : 'shown', figureDefinitions[measure]];
}

function groupRows(group: string, name: string, g: Group): CsvCell[][] {
  return [
    countRow(group, name, 'activeSeconds', g.activeSeconds),
    countRow(group, name, 'feedback', g.workWritten.feedback),
    countRow(group, name, 'sessionNotes', g.workWritten.sessionNotes),
    countRow(group, name, 'messages', g.workWritten.messages),
    countRow(group, name, 'clients', g.engagement.clients),
    [group, name, 'meanActiveDays', round4(g.engagement.meanActiveDays), null, null, null, null, g.engagement.meanActiveDays === null && g.engagement.clients > 0 ? 'suppressed (fewer than the minimum)' : 'shown', figureDefinitions.meanActiveDays],
    rateRow(group, name, 'activeClients', g.engagement.activeClients),
    countRow(group, name, 'stepsCompleted', g.engagement.stepsCompleted),
    rateRow(group, name, 'homeworkCompletion', g.engagement.homeworkCompletion),
    rateRow(group, name, 'checkInAdherence', g.engagement.checkInAdherence),
    countRow(group, name, 'finished', g.outcomes.finished),
    rateRow(group, name, 'recovery', g.outcomes.recovery),
    rateRow(group, name, 'reliableImprovement', g.outcomes.reliableImprovement),
    rateRow(group, name, 'reliableDeterioration', g.outcomes.reliableDeterioration),
    rateRow(group, name, 'reliableRecovery', g.outcomes.reliableRecovery),
  ];
}

/** The supervision figures as CSV rows: a labelled heading block, then one row per figure. */
export function supervisionFiguresCsv(f: SupervisionFigures): CsvCell[][] {
  return [
    ['Episodes in Tandem — not official statistics. For supervision and service design, not for judging individuals.'],
    ['week', f.weekStart, f.weekEnd],
    ['outcomes: episodes ended', f.outcomesFrom, f.outcomesTo],
    ['minimum count shown', f.minCount],
    ['confidence intervals', '95 % Wilson score interval (Wilson 1927)'],
    [],
    ['group', 'practitioner', 'measure', 'numerator', 'denominator', 'rate', 'ci_low', 'ci_high', 'shown', 'definition'],
    ...groupRows('service', 'all', f.service),
    ...f.supervisees.flatMap((s) => groupRows('supervisee', s.practitionerName, s)),
  ];
}
