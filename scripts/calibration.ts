// `npm run calibration`: the default scenario's headline figures beside the article's, as the
// mean and spread over seeds — the check behind the hand calibration described in
// scenarios/jd-tencent-2014.md (done when: mean of 10 seeds at 100,000 agents inside the bands).
import { Command } from 'commander';
import { loadScenarioFile } from '../src/scenario/node.ts';
import { parseOverride } from '../src/scenario/overrides.ts';
import { runScenario } from '../src/runtime/node.ts';
import type { Headline } from '../src/engine/headline.ts';

const BANDS: Partial<Record<keyof Headline, [number, number]>> = {
  social_share_of_new_buyers_2015_11_11: [0.42, 0.62],
  social_gmv_growth_q1_2016: [1.24, 2.24],
};

const program = new Command('calibration')
  .argument('[scenario]', 'scenario file', 'scenarios/jd-tencent-2014.json')
  .option('--seeds <n>', 'replicates (seeds 1..n)', '10')
  .option('--agents <n>', 'agents per run', '100000')
  .option('--parallel <n>', 'runs at once, one worker each', '2')
  .action(async (file: string, options: { seeds: string; agents: string; parallel: string }) => {
    const { scenario } = loadScenarioFile(file, [parseOverride(`population.agents=${options.agents}`)]);
    const seeds = Array.from({ length: Number(options.seeds) }, (_, i) => i + 1);
    const headlines: Headline[] = [];
    for (let i = 0; i < seeds.length; i += Number(options.parallel)) {
      const batch = seeds.slice(i, i + Number(options.parallel));
      const runs = await Promise.all(batch.map((seed) => runScenario(scenario, { seed, workers: 1 })));
      headlines.push(...runs.map((r) => r.headline));
    }
    const keys = Object.keys(headlines[0]).filter((k) => k !== 'peak_day_date') as (keyof Omit<Headline, 'peak_day_date'>)[];
    const rows = keys.map((key) => {
      const values = headlines.map((h) => h[key].value ?? NaN);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
      const band = BANDS[key];
      const verdict = band ? (mean >= band[0] && mean <= band[1] ? `inside [${band[0]}, ${band[1]}]` : `OUTSIDE [${band[0]}, ${band[1]}]`) : '';
      return `| ${key} | ${format(mean)} ± ${format(sd)} | ${headlines[0][key].article === null ? '—' : format(headlines[0][key].article!)} | ${verdict} |`;
    });
    process.stdout.write(
      `${scenario.name}: mean ± sd over ${seeds.length} seeds at ${options.agents} agents\n\n| figure | tierwave | article | band |\n|---|---|---|---|\n${rows.join('\n')}\n`,
    );
  });

function format(x: number): string {
  return Math.abs(x) >= 1e5 ? x.toExponential(3) : x.toFixed(3);
}

await program.parseAsync();
