// One self-contained HTML file for a comparison, an experiment or a fit: the findings in words and
// tables, charts as inline SVG, the manifest and the command that reproduces it. Nothing is fetched
// (no script, font, style sheet or image from anywhere), so it opens offline, is mailed as one
// attachment, and prints on A4 without cut charts. Browser-safe: the page can make the same file.
import { findings, type Finding } from './findings.ts';
import { differenceChart, escapeXml, pathChart, rangeChart } from './report-charts.ts';
import type { DiffRow, StatsRow } from './stats.ts';

export type ReportBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'chart'; readonly svg: string }
  | { readonly kind: 'table'; readonly caption?: string; readonly columns: readonly string[]; readonly rows: readonly (readonly (string | number)[])[] };

export interface HtmlReportInput {
  readonly title: string;
  /** The command that reproduces the results, as typed. */
  readonly command: string;
  readonly blocks: readonly ReportBlock[];
  /** manifest.json of what ran. */
  readonly manifest: object;
}

/** Charts of one kind beyond this many are left out (a sweep of hundreds of points), and that is said. */
export const MAX_CHARTS = 24;

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
code, pre { font: 13px/1.4 ui-monospace, monospace; } pre { background: #f6f6f6; padding: 0.6rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
table { border-collapse: collapse; margin: 0.6rem 0; } caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid #ddd; } td.number { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; } figure, table, svg { break-inside: avoid; } pre { white-space: pre-wrap; background: none; border: 1px solid #ccc; }
  @page { size: A4; margin: 15mm; }
}`;

const isNumber = (cell: string | number) => typeof cell === 'number' || /^[-+–]?[\d,.]+( %)?$/.test(cell);

function blockHtml(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h2>${escapeXml(block.text)}</h2>`;
    case 'paragraph':
      return `<p>${escapeXml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeXml(item)}</li>`).join('')}</ul>`;
    case 'chart':
      return `<figure>${block.svg}</figure>`;
    case 'table': {
      const head = `<tr>${block.columns.map((c) => `<th>${escapeXml(c)}</th>`).join('')}</tr>`;
      const body = block.rows.map((row) => `<tr>${row.map((cell) => `<td${isNumber(cell) ? ' class="number"' : ''}>${escapeXml(String(cell))}</td>`).join('')}</tr>`).join('\n');
      return `<table>${block.caption ? `<caption>${escapeXml(block.caption)}</caption>` : ''}<thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
    }
  }
}

export function htmlReport(input: HtmlReportInput): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(input.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeXml(input.title)}</h1>`,
    `<p>To reproduce: <code>${escapeXml(input.command)}</code></p>`,
    ...input.blocks.map(blockHtml),
    '<h2>Manifest</h2>',
    `<pre id="manifest">${escapeXml(JSON.stringify(input.manifest, null, 2))}</pre>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const number = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : '–');
const signed = (x: number) => (x > 0 ? `+${number(x)}` : number(x));
const percent = (x: number) => (Number.isFinite(x) ? `${x > 0 ? '+' : ''}${x.toFixed(1)} %` : '–');

function findingsTable(rows: readonly Finding[]): ReportBlock {
  const first = rows[0];
  return {
    kind: 'table',
    caption: `${first.metric} on ${first.date}, ${first.variant} − ${first.baseline}${first.parameters ? ` at ${first.parameters}` : ''}, paired over ${first.n} replicates`,
    columns: ['tier', 'baseline mean', 'variant mean', 'difference', '90 % interval', 'change', 'change, 90 % interval'],
    rows: rows.map((f) => [f.tier, number(f.baselineMean), number(f.variantMean), signed(f.difference), `${signed(f.low)} to ${signed(f.high)}`, percent(f.changePercent), `${percent(f.lowPercent)} to ${percent(f.highPercent)}`]),
  };
}

export interface ComparisonReportInput {
  readonly diff: readonly DiffRow[];
  readonly stats: readonly StatsRow[];
  /** The daily metrics to report, in order. */
  readonly metrics: readonly string[];
  /** The date the comparison is read on, per metric (comparison-text's comparisonDay). */
  readonly dateOf: (metric: string) => string | undefined;
  readonly notes?: readonly string[];
}

/** Per metric: the sentences, the table, a difference chart per variant and a chart of the paths of tier "all". */
export function comparisonBlocks(input: ComparisonReportInput): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  if (input.notes && input.notes.length > 0) blocks.push({ kind: 'list', items: input.notes });
  let charts = 0;
  let left = 0;
  const chart = (make: () => string) => {
    if (charts >= MAX_CHARTS) {
      left++;
      return;
    }
    blocks.push({ kind: 'chart', svg: make() });
    charts++;
  };
  for (const metric of input.metrics) {
    const date = input.dateOf(metric);
    blocks.push({ kind: 'heading', text: date ? `${metric} on ${date}` : metric });
    const found = findings(input.diff.filter((d) => d.metric === metric && d.date === date));
    const groups = [...new Set(found.map((f) => JSON.stringify([f.variant, f.parameters])))];
    if (groups.length === 0) blocks.push({ kind: 'paragraph', text: `No paired ${metric} rows to compare.` });
    for (const key of groups) {
      const rows = found.filter((f) => JSON.stringify([f.variant, f.parameters]) === key);
      blocks.push({ kind: 'list', items: rows.map((f) => f.sentence) }, findingsTable(rows));
      chart(() => differenceChart(rows, `difference-${metric}-${charts}`));
    }
    const paths = input.stats.filter((s) => s.metric === metric && s.tier === 'all');
    for (const point of [...new Set(paths.map((s) => s.parameters))]) chart(() => pathChart(paths.filter((s) => s.parameters === point), `path-${metric}-${charts}`));
  }
  if (left > 0) blocks.push({ kind: 'paragraph', text: `${left} more charts are left out (a report shows at most ${MAX_CHARTS}); every number is in the tables and the run folder.` });
  return blocks;
}

export interface FitWaveRow {
  readonly wave: number;
  readonly points: number;
  readonly plausible: number;
  readonly bestLoss: number;
  readonly bestParameters: string;
  /** The range each swept parameter was sampled in. */
  readonly ranges: readonly { readonly path: string; readonly from: number; readonly to: number }[];
}

/** The waves of a fit as a table, and per swept parameter how its sampled range narrowed, wave by wave. */
export function fitBlocks(waves: readonly FitWaveRow[]): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', text: 'History matching, wave by wave' },
    { kind: 'paragraph', text: 'Plausible: misses no target by more than 3 of its standard deviations. Loss: mean squared miss in standard deviations.' },
    {
      kind: 'table',
      columns: ['wave', 'plausible', 'best loss', 'best point'],
      rows: waves.map((w) => [w.wave, `${w.plausible} of ${w.points}`, Number.isFinite(w.bestLoss) ? w.bestLoss.toPrecision(3) : '–', w.bestParameters || '—']),
    },
  ];
  const paths = [...new Set(waves.flatMap((w) => w.ranges.map((r) => r.path)))];
  for (const path of paths) {
    const rows = waves.flatMap((w) => {
      const range = w.ranges.find((r) => r.path === path);
      const best = /(?:^|;)([^=;]+)=([^;]+)/g;
      let mark: number | undefined;
      for (const m of w.bestParameters.matchAll(best)) if (m[1] === path) mark = Number(m[2]);
      return range ? [{ label: `wave ${w.wave}`, from: range.from, to: range.to, mark }] : [];
    });
    blocks.push({ kind: 'chart', svg: rangeChart(`${path}: range sampled in each wave, dot: best point`, rows, path, `range-${path}`) });
  }
  return blocks;
}
