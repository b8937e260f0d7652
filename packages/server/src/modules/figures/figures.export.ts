import { supervisionFiguresCsv, toCsv } from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { getSupervisionFigures } from './figures.service';

/**
 * The supervision figures as CSV (decision 0028): the same figures as the page, with the same
 * suppression, escaped for spreadsheets (packages/domain/src/figures/csv.ts). The read is audited
 * by the figures service and the export itself once more, so the log shows the data left Tandem.
 */
export async function exportSupervisionFigures(ctx: ServiceContext, week?: string): Promise<{ csv: string; weekStart: string }> {
  const figures = await getSupervisionFigures(ctx, week);
  await writeAudit(ctx.db, ctx, { action: 'figures.export', entityType: 'figures', details: { weekStart: figures.weekStart, format: 'csv' } });
  return { csv: toCsv(supervisionFiguresCsv(figures)), weekStart: figures.weekStart };
}
