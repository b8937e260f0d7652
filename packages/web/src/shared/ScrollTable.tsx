import type { ReactNode } from 'react';

/**
 * A table with a header row, that scrolls sideways on a narrow screen: a named, focusable region,
 * so a keyboard can scroll it. `children` are the body's rows.
 */
export function ScrollTable({ caption, columns, children }: { caption: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
