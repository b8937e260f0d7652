import { severityBands, type InstrumentId } from '@tandem/domain';
import { formatDateTime } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { maxScore, reliableSinceFirst, type Score } from './score-summary';

const width = 320;
const height = 120;
const pad = 6;
/** Room on the right for the band names. */
const labels = 72;

/**
 * A measure's scores in the order they were taken, on the measure's whole range: the severity
 * bands shaded (the domain's `severityBands`), a dashed line at the caseness cut-off (the domain's
 * `casenessCutoffs`, passed in), and a triangle where a score is a reliable change from the first
 * score of its referral (the domain's `reliableChange`: down for improvement, up for
 * deterioration). Its accessible name lists the scores with those changes; the table below it is
 * the full text alternative, and a key under it says what the marks mean.
 */
export function ScoreChart({ instrumentId, scores, timeZone, cutoff }: { instrumentId: InstrumentId; scores: Score[]; timeZone: string; cutoff: number | null }) {
  const t = useT<PractitionerKey>();
  const max = maxScore(instrumentId);
  const right = width - labels;
  const y = (value: number) => height - pad - (value / max) * (height - 2 * pad);
  const step = scores.length > 1 ? (right - 2 * pad) / (scores.length - 1) : 0;
  const x = (i: number) => (scores.length > 1 ? pad + i * step : right / 2);
  const points = scores.map((s, i) => `${x(i).toFixed(1)},${y(s.total).toFixed(1)}`);
  const reliable = reliableSinceFirst(instrumentId, scores);
  const label = t('practitioner.measures.chartLabel', {
    name: t(`practitioner.measures.name.${instrumentId}`),
    max,
    scores: scores
      .map((s, i) => {
        const point = t('practitioner.measures.chartPoint', { total: s.total, when: formatDateTime(s.at, timeZone, t) });
        const change = reliable[i];
        return change && change !== 'none' ? `${point} (${t(`practitioner.measures.reliable.${change}`)})` : point;
      })
      .join('; '),
  });
  return (
    <figure className="score-chart-figure">
      <svg className="score-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} focusable="false">
        {severityBands[instrumentId].map((band, index) => {
          const top = y(Math.min(band.max + 0.5, max));
          const bottom = y(Math.max(band.min - 0.5, 0));
          return (
            <g key={band.band}>
              <rect className={`score-chart-shade score-chart-shade-${index}`} x={pad} width={right - 2 * pad} y={top} height={bottom - top} />
              <text className="score-chart-label" x={right + 2} y={(top + bottom) / 2} dominantBaseline="middle">
                {t(`practitioner.band.${band.band}`)}
              </text>
            </g>
          );
        })}
        <rect className="score-chart-frame" x={pad} y={pad} width={right - 2 * pad} height={height - 2 * pad} />
        {cutoff !== null ? <line className="score-chart-cutoff" x1={pad} x2={right - pad} y1={y(cutoff - 0.5)} y2={y(cutoff - 0.5)} /> : null}
        {points.length > 1 ? <polyline className="score-chart-line" points={points.join(' ')} /> : null}
        {scores.map((s, i) => {
          const change = reliable[i];
          const [cx, cy] = [x(i), y(s.total)];
          if (change === 'improved') return <polygon key={s.response.id} className="score-chart-improved" points={`${cx - 6},${cy - 4} ${cx + 6},${cy - 4} ${cx},${cy + 6}`} />;
          if (change === 'deteriorated') return <polygon key={s.response.id} className="score-chart-deteriorated" points={`${cx - 6},${cy + 4} ${cx + 6},${cy + 4} ${cx},${cy - 6}`} />;
          return <circle key={s.response.id} className="score-chart-dot" cx={cx} cy={cy} r="3.5" />;
        })}
      </svg>
      <figcaption className="hint">
        {cutoff !== null ? t('practitioner.measures.chartKey', { cutoff }) : t('practitioner.measures.chartKeyBands')}
      </figcaption>
    </figure>
  );
}
