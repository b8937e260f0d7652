import { describe, expect, it } from 'vitest';
import type { SupervisionFigures } from './api';
import { toCsv } from './csv';
import { engagementFigures } from './engagement';
import { supervisionFiguresCsv } from './export';
import { outcomeFigures } from './outcomes';

const group = { activeSeconds: 90, workWritten: { feedback: 2, sessionNotes: 1, messages: 3 }, engagement: engagementFigures([], []), outcomes: outcomeFigures([]) };
const figures: SupervisionFigures = {
  weekStart: '2026-03-02',
  weekEnd: '2026-03-08',
  outcomesFrom: '2025-03-10',
  outcomesTo: '2026-03-08',
  minCount: 5,
  service: group,
  supervisees: [{ ...group, practitionerId: '00000000-0000-7000-8000-000000000000', practitionerName: '@evil' }],
};

describe('supervisionFiguresCsv', () => {
  it('labels the figures, states each definition and neutralises formula-like names', () => {
    const csv = toCsv(supervisionFiguresCsv(figures));
    expect(csv.split('\r\n')[0]).toMatch(/^"Episodes in Tandem — not official statistics/);
    expect(csv).toContain('\r\nservice,all,activeSeconds,90,,,,,shown,');
    expect(csv).toContain("\r\nsupervisee,'@evil,feedback,2,");
    expect(csv).toContain("\r\nsupervisee,'@evil,messages,3,");
    expect(csv).toContain('95 % Wilson score interval');
  });
});
