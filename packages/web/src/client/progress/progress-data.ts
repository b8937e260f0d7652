import { zonedParts, type CheckIn, type InstrumentId, type QuestionnaireResponse } from '@tandem/domain';

/** One point of a chart and one row of its table. */
export interface ProgressPoint {
  key: string;
  /** When, as milliseconds (for the chart's time axis). */
  at: number;
  value: number;
}

/** A day's mood: the average of that day's check-ins (one decimal), in the client's own days. */
export interface MoodDayPoint extends ProgressPoint {
  date: string;
  count: number;
}

/**
 * Check-ins grouped into the client's calendar days (a check-in at 00:30 in London belongs to that
 * day), oldest first, each day with its average mood — one point a day keeps the chart readable
 * when someone checks in three times a day.
 */
export function moodByDay(checkIns: readonly CheckIn[], timeZone: string): MoodDayPoint[] {
  const days = new Map<string, { sum: number; count: number }>();
  for (const checkIn of checkIns) {
    const p = zonedParts(new Date(checkIn.recordedAt), timeZone);
    const date = `${p.year}-${p.month}-${p.day}`;
    const day = days.get(date) ?? { sum: 0, count: 0 };
    days.set(date, { sum: day.sum + checkIn.mood, count: day.count + 1 });
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, { sum, count }]) => ({ key: date, date, at: Date.parse(`${date}T12:00:00Z`), value: Math.round((sum / count) * 10) / 10, count }));
}

/** A finished questionnaire's total, with when it was answered. */
export interface ScorePoint extends ProgressPoint {
  when: string;
}

/** Each questionnaire's totals, oldest first; questionnaires with none are left out. */
export function scoresByInstrument(responses: readonly QuestionnaireResponse[]): Map<InstrumentId, ScorePoint[]> {
  const scores = new Map<InstrumentId, ScorePoint[]>();
  for (const response of responses) {
    if (response.status !== 'completed' || response.total === null) continue;
    const when = response.authoredAt ?? response.receivedAt;
    scores.set(response.instrumentId, [...(scores.get(response.instrumentId) ?? []), { key: response.id, at: Date.parse(when), value: response.total, when }]);
  }
  for (const list of scores.values()) list.sort((a, b) => a.at - b.at);
  return scores;
}
