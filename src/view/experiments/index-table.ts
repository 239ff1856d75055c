// The indices as a table: the rows of sensitivity.csv, most influential first within each output,
// numbers to three figures (the file's full value on hover); an index whose interval reaches zero
// is greyed.
import { formatNumber } from '../../experiments/csv.ts';
import { SENSITIVITY_COLUMNS, type SensitivityRow } from '../../experiments/sensitivity/analysis.ts';

export function renderIndexTable(table: HTMLTableElement, rows: readonly SensitivityRow[]): void {
  table.replaceChildren();
  if (rows.length === 0) return;
  const head = table.createTHead().insertRow();
  for (const column of SENSITIVITY_COLUMNS) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column.replace(/_/g, ' ');
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.dataset.distinguishable = row.distinguishable_from_zero;
    for (const column of SENSITIVITY_COLUMNS) {
      const value = row[column];
      const cell = tr.insertCell();
      if (typeof value !== 'number') cell.textContent = value;
      else {
        cell.textContent = Number.isFinite(value) ? formatNumber(Number(value.toPrecision(3))) : '—';
        cell.title = formatNumber(value);
      }
    }
  }
}
