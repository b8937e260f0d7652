import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { ScrollTable } from '../../shared/ScrollTable';

export interface FigureRow {
  key: string;
  measure: string;
  value: string;
  definition: string;
}

/** Figures as a table: the measure, the figure in words (count, rate, range) and what it counts. */
export function FigureTable({ caption, rows }: { caption: string; rows: readonly FigureRow[] }) {
  const t = useT<PractitionerKey>();
  return (
    <ScrollTable caption={caption} columns={[t('practitioner.figures.measure'), t('practitioner.figures.value'), t('practitioner.figures.definition')]}>
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row">{row.measure}</th>
          <td>{row.value}</td>
          <td>{row.definition}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
