import { describe, expect, it } from 'vitest';
import type { Measurement } from './measure';
import { renderResults, replaceBetweenMarkers, startupTargetMs, type BenchResults } from './report';

const measurement = (over: Partial<Measurement>): Measurement => ({
  name: 'Scenario',
  connections: 10,
  requestsPerSecond: 100,
  p50Ms: 5,
  p99Ms: 20,
  ratio: 0.5,
  alone: { p50Ms: 2, p99Ms: 10 },
  target: null,
  ...over,
});

const results = (measurements: Measurement[], startupMs?: number): BenchResults => ({
  engine: 'postgres',
  postgresVersion: '15.18',
  at: new Date('2026-11-26T23:00:00Z'),
  machine: 'test machine',
  clients: 1000,
  counts: { client: 1000, check_in: 50_000 },
  connections: 10,
  duration: 10,
  measurements,
  startup: startupMs === undefined ? null : { runsMs: [startupMs], medianMs: startupMs, command: 'serve' },
});

/** The target cell of the only row. */
const verdictOf = (m: Measurement) => renderResults(results([m])).split('\n').at(-1)!.split('|').at(-2)!.trim();

describe('the bench report', () => {
  it.each([
    // Issue 13: worklist p99 ≤ 50 ms, measured alone; at the target is met.
    [50, 'p99 alone ≤ 50 ms: met'],
    [50.5, 'p99 alone ≤ 50 ms: **missed** by 0.5 ms'],
    [49, 'p99 alone ≤ 50 ms: met'],
  ])('judges a p99 of %s ms against a 50 ms target', (p99, verdict) => {
    expect(verdictOf(measurement({ target: { p99Ms: 50 }, alone: { p50Ms: 1, p99Ms: p99 } }))).toBe(verdict);
  });

  it.each([
    // Issue 13: check-in ≥ 40 % of its bare INSERT route.
    [0.4, '≥ 40 % of ceiling: met'],
    [0.39, '≥ 40 % of ceiling: **missed** by 1 points'],
    [0.9, '≥ 40 % of ceiling: met'],
  ])('judges a share of %s against a 40 %% target', (ratio, verdict) => {
    expect(verdictOf(measurement({ target: { ratio: 0.4 }, ratio }))).toBe(verdict);
  });

  it.each([
    [startupTargetMs, 'met.'],
    [startupTargetMs + 1, '**missed** by 1.0 ms.'],
  ])('judges a start-up of %s ms against the 2 s target', (ms, verdict) => {
    expect(renderResults(results([], ms)).endsWith(verdict)).toBe(true);
  });

  it('leaves the target cell empty for a bare route', () => {
    expect(verdictOf(measurement({ ratio: null, alone: null }))).toBe('');
  });

  it('replaces only what is between its own markers, and adds them when missing', () => {
    const doc = 'intro\n<!-- bench:pglite -->\nold\n<!-- /bench:pglite -->\n<!-- bench:postgres -->\nkeep\n<!-- /bench:postgres -->\n';
    expect(replaceBetweenMarkers(doc, 'bench:pglite', 'new')).toBe(doc.replace('old', 'new'));
    expect(replaceBetweenMarkers('intro\n', 'bench:pglite', 'new')).toBe('intro\n\n<!-- bench:pglite -->\nnew\n<!-- /bench:pglite -->\n');
  });
});
