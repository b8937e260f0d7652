import type { Measurement } from './measure';
import type { Startup } from './startup';

export interface BenchResults {
  engine: 'pglite' | 'postgres';
  postgresVersion: string;
  at: Date;
  machine: string;
  clients: number;
  counts: Record<string, number>;
  connections: number;
  duration: number;
  measurements: Measurement[];
  startup: Startup | null;
}

/** The start-up target (issue 13): on an existing embedded database, after the build. */
export const startupTargetMs = 2000;

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const percent = (value: number) => `${Math.round(value * 100)} %`;

/** "met" or "missed by …" against the measurement's target, or an empty cell when it has none. */
function verdict(m: Measurement): string {
  const parts: string[] = [];
  if (m.target?.p99Ms !== undefined && m.alone) {
    const p99 = m.alone.p99Ms;
    parts.push(p99 <= m.target.p99Ms ? `p99 alone ≤ ${m.target.p99Ms} ms: met` : `p99 alone ≤ ${m.target.p99Ms} ms: **missed** by ${ms(p99 - m.target.p99Ms)}`);
  }
  if (m.target?.ratio !== undefined && m.ratio !== null) {
    parts.push(m.ratio >= m.target.ratio ? `≥ ${percent(m.target.ratio)} of ceiling: met` : `≥ ${percent(m.target.ratio)} of ceiling: **missed** by ${Math.round((m.target.ratio - m.ratio) * 100)} points`);
  }
  return parts.join('; ');
}

/** The run as Markdown: what ran where, then one row a scenario. */
export function renderResults(r: BenchResults): string {
  const engine = r.engine === 'pglite' ? `embedded PGlite (PostgreSQL ${r.postgresVersion} in WebAssembly)` : `PostgreSQL ${r.postgresVersion}`;
  const rows = r.measurements.map(
    (m) =>
      `| ${m.name} | ${Math.round(m.requestsPerSecond)} | ${ms(m.p50Ms)} | ${ms(m.p99Ms)} | ${m.alone ? ms(m.alone.p50Ms) : '—'} | ${m.alone ? ms(m.alone.p99Ms) : '—'} | ` +
      `${m.ratio === null ? '—' : percent(m.ratio)} | ${verdict(m)} |`,
  );
  const lines = [
    `Measured ${r.at.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${engine}, ${r.clients.toLocaleString('en-GB')} clients ` +
      `(${(r.counts.check_in ?? 0).toLocaleString('en-GB')} check-ins, ${(r.counts.questionnaire_response ?? 0).toLocaleString('en-GB')} questionnaires, ` +
      `${(r.counts.appointment ?? 0).toLocaleString('en-GB')} appointments, ${(r.counts.message ?? 0).toLocaleString('en-GB')} messages). ` +
      `Machine: ${r.machine}. autocannon, ${r.connections} connections for ${r.duration} s a scenario after a warm-up, then one connection for ${r.duration} s ("alone"); ` +
      'the server, its database and the load generator share the machine.',
    '',
    `| scenario | req/s (${r.connections} conn.) | p50 (${r.connections} conn.) | p99 (${r.connections} conn.) | p50 alone | p99 alone | share of bare route's req/s | target |`,
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ];
  if (r.startup) {
    const s = r.startup;
    lines.push(
      '',
      `Start-up on this existing embedded database (\`${s.command}\` until /api/health answers, median of ${s.runsMs.length}): ` +
        `**${ms(s.medianMs)}** (${s.runsMs.map(ms).join(', ')}); target ≤ ${ms(startupTargetMs)}: ` +
        (s.medianMs <= startupTargetMs ? 'met.' : `**missed** by ${ms(s.medianMs - startupTargetMs)}.`),
    );
  }
  return lines.join('\n');
}

/** Replaces what is between `<!-- name -->` and `<!-- /name -->`, adding the pair at the end if missing. */
export function replaceBetweenMarkers(document: string, name: string, content: string): string {
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  if (start < 0 || end < start) return `${document.trimEnd()}\n\n${open}\n${content}\n${close}\n`;
  return `${document.slice(0, start + open.length)}\n${content}\n${document.slice(end)}`;
}
