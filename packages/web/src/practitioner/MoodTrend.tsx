import type { MoodDay } from '@tandem/domain';
import { formatDate } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';

const width = 112;
const height = 28;

/** The words a screen reader hears for a mood trend (also the sparkline's accessible name). */
export function useMoodTrendText() {
  const t = useT<PractitionerKey>();
  return (days: MoodDay[]) => {
    const rated = days.filter((d): d is MoodDay & { mood: number } => d.mood !== null);
    if (!rated.length) return t('practitioner.trend.none', { days: days.length });
    const moods = rated.map((d) => d.mood);
    const latest = rated[rated.length - 1]!;
    return t('practitioner.trend.summary', {
      days: days.length,
      count: rated.length,
      low: Math.min(...moods),
      high: Math.max(...moods),
      latest: latest.mood,
      date: formatDate(latest.date, t),
    });
  };
}

/**
 * A 14-day mood sparkline (1 at the bottom, 10 at the top; gaps where there was no check-in),
 * with its text alternative as the accessible name. It shows a direction, not a score.
 */
export function MoodTrend({ days }: { days: MoodDay[] }) {
  const describe = useMoodTrendText();
  const step = days.length > 1 ? width / (days.length - 1) : 0;
  const y = (mood: number) => height - 2 - ((mood - 1) / 9) * (height - 4);
  const segments: string[][] = [];
  let current: string[] = [];
  days.forEach((day, i) => {
    if (day.mood === null) {
      if (current.length) segments.push(current);
      current = [];
      return;
    }
    current.push(`${(i * step).toFixed(1)},${y(day.mood).toFixed(1)}`);
  });
  if (current.length) segments.push(current);
  return (
    <svg className="sparkline" viewBox={`-2 0 ${width + 4} ${height}`} role="img" aria-label={describe(days)} focusable="false">
      <line className="sparkline-base" x1="0" x2={width} y1={height - 1} y2={height - 1} />
      {segments.map((points, i) =>
        points.length > 1 ? (
          <polyline key={i} className="sparkline-line" points={points.join(' ')} />
        ) : (
          <circle key={i} className="sparkline-dot" cx={points[0]!.split(',')[0]} cy={points[0]!.split(',')[1]} r="2" />
        ),
      )}
    </svg>
  );
}
