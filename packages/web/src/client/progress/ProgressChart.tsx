import type { ReactNode } from 'react';
import type { ProgressPoint } from './progress-data';
import { ScrollTable } from '../../shared/ScrollTable';

const width = 320;
const height = 150;
const left = 28;
const pad = 10;

/**
 * A plain line chart: time along the bottom (spaced by date, so gaps show as gaps), the measure's
 * whole range up the side with its lowest and highest value marked, one dot per point. No bands,
 * no colours that judge. The table after it carries every number; `label` says so.
 */
export function ProgressChart({ points, min, max, label }: { points: readonly ProgressPoint[]; min: number; max: number; label: string }) {
  const first = points[0]?.at ?? 0;
  const span = (points[points.length - 1]?.at ?? 0) - first;
  const x = (at: number) => (span > 0 ? left + ((at - first) / span) * (width - left - pad) : (left + width - pad) / 2);
  const y = (value: number) => height - pad - ((value - min) / (max - min)) * (height - 2 * pad);
  return (
    // The axis numbers are the same in every language (translate="no").
    <div className="progress-chart" translate="no">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} focusable="false">
        {[min, max].map((value) => (
          <g key={value}>
            <line className="progress-chart-grid" x1={left} x2={width - pad} y1={y(value)} y2={y(value)} />
            <text className="progress-chart-axis" x={left - 6} y={y(value)} textAnchor="end" dominantBaseline="middle">
              {value}
            </text>
          </g>
        ))}
        {points.length > 1 ? <polyline className="progress-chart-line" points={points.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')} /> : null}
        {points.map((p) => (
          <circle key={p.key} className="progress-chart-dot" cx={x(p.at)} cy={y(p.value)} r="4" />
        ))}
      </svg>
    </div>
  );
}

/** One row of a chart's table: when (the row's header, people's data so not translated), then its values. */
export interface ProgressRow {
  key: string;
  when: string;
  cells: ReactNode[];
}

/** The text alternative of a chart: a real table with a caption, newest first. */
export function ProgressTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: ProgressRow[] }) {
  return (
    <ScrollTable caption={caption} columns={columns}>
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row" translate="no">
            {row.when}
          </th>
          {row.cells.map((cell, i) => (
            <td key={i}>{cell}</td>
          ))}
        </tr>
      ))}
    </ScrollTable>
  );
}
