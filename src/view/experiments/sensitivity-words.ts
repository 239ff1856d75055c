// A sensitivity analysis in the page's words: outputs named in the language ("customers, tier 4,
// 2014-11-11" → "2014年11月11日 四线的顾客") and the chart drawn with the language's legend and
// axis. The exported files stay the command line's, word for word.
import { sensitivityChartSvg } from '../../experiments/sensitivity/chart.ts';
import { outputLabel, type SensitivitySpec } from '../../experiments/sensitivity/experiment.ts';
import type { SensitivityRow } from '../../experiments/sensitivity/analysis.ts';
import { formatDate, t, tierLabel } from '../shared/language.ts';
import { metricName } from '../shared/metric-name.ts';

export function shownSensitivity(rows: readonly SensitivityRow[], spec: SensitivitySpec, title: string): { rows: SensitivityRow[]; svg: string } {
  const names = new Map(
    spec.outputs.map((o) => [outputLabel(o), o.date ? t('sensitivity.output', { metric: metricName(o.metric), tier: o.tier === 'all' ? t('tier.allShort') : tierLabel(o.tier), date: formatDate(o.date) }) : o.metric]),
  );
  const shown = rows.map((row) => ({ ...row, output: names.get(row.output) ?? row.output }));
  const svg = sensitivityChartSvg(shown, title, {
    morrisLegend: t('sensitivity.chart.morrisLegend'),
    sobolLegend: t('sensitivity.chart.sobolLegend'),
    muStarAxis: t('sensitivity.chart.muStarAxis'),
    rankHeading: t('sensitivity.chart.rankHeading'),
  });
  return { rows: shown, svg };
}
