// The indices as a table: the rows of sensitivity.csv, most influential first within each output,
// numbers to three figures (the file's full value on hover); an index whose interval reaches zero
// is greyed.
import { formatNumber } from '../../experiments/csv.ts';
import { SENSITIVITY_COLUMNS, type SensitivityRow } from '../../experiments/sensitivity/analysis.ts';
import { formatNumber as formatLocal, t } from '../shared/language.ts';

/** Catalogue keys of the columns (camelCase: i18next reads a key ending in "_zero" as a plural form). */
const COLUMN_KEYS = { output: 'output', parameter: 'parameter', index: 'index', value: 'value', lo: 'lo', hi: 'hi', level: 'level', distinguishable_from_zero: 'distinguishableFromZero', noise_share: 'noiseShare' } as const;

export function renderIndexTable(table: HTMLTableElement, rows: readonly SensitivityRow[]): void {
  table.replaceChildren();
  if (rows.length === 0) return;
  const head = table.createTHead().insertRow();
  for (const column of SENSITIVITY_COLUMNS) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = t(`sensitivity.columns.${COLUMN_KEYS[column]}`);
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.dataset.distinguishable = row.distinguishable_from_zero;
    for (const column of SENSITIVITY_COLUMNS) {
      const value = row[column];
      const cell = tr.insertCell();
      if (typeof value !== 'number') cell.textContent = value === 'yes' ? t('sensitivity.yes') : value === 'no' ? t('sensitivity.no') : value;
      else {
        cell.textContent = Number.isFinite(value) ? formatLocal(Number(value.toPrecision(3)), 20) : '—';
        cell.title = formatNumber(value);
      }
    }
  }
}
