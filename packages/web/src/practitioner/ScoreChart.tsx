import { severityBands, type InstrumentId } from '@tandem/domain';
import { formatDateTime } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { maxScore, type Score } from './score-summary';

const width = 320;
const height = 120;
const pad = 6;

/**
 * A measure's scores in the order they were taken, on the measure's whole range, with faint lines
 * at the band boundaries and a dashed line at the caseness cut-off. Its accessible name lists the
 * scores; the table below it is the full text alternative.
 */
export function ScoreChart({ instrumentId, scores, timeZone, cutoff }: { instrumentId: InstrumentId; scores: Score[]; timeZone: string; cutoff: number | null }) {
  const t = useT<PractitionerKey>();
  const max = maxScore(instrumentId);
  const y = (value: number) => height - pad - (value / max) * (height - 2 * pad);
  const step = scores.length > 1 ? (width - 2 * pad) / (scores.length - 1) : 0;
  const x = (i: number) => (scores.length > 1 ? pad + i * step : width / 2);
  const points = scores.map((s, i) => `${x(i).toFixed(1)},${y(s.total).toFixed(1)}`);
  const label = t('practitioner.measures.chartLabel', {
    name: t(`practitioner.measures.name.${instrumentId}`),
    max,
    scores: scores.map((s) => t('practitioner.measures.chartPoint', { total: s.total, when: formatDateTime(s.at, timeZone, t) })).join('; '),
  });
  return (
    <svg className="score-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} focusable="false">
      <rect className="score-chart-frame" x="0.5" y="0.5" width={width - 1} height={height - 1} />
      {severityBands[instrumentId].slice(1).map((band) => (
        <line key={band.band} className="score-chart-band" x1={pad} x2={width - pad} y1={y(band.min - 0.5)} y2={y(band.min - 0.5)} />
      ))}
      {cutoff !== null ? <line className="score-chart-cutoff" x1={pad} x2={width - pad} y1={y(cutoff - 0.5)} y2={y(cutoff - 0.5)} /> : null}
      {points.length > 1 ? <polyline className="score-chart-line" points={points.join(' ')} /> : null}
      {scores.map((s, i) => (
        <circle key={s.response.id} className="score-chart-dot" cx={x(i)} cy={y(s.total)} r="3.5" />
      ))}
    </svg>
  );
}
