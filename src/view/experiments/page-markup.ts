// The experiments page's markup, written once for experiments.html and sensitivity.html (the same
// page offering only sensitivity analyses), in the page's language.
import type { PageLanguage } from '../shared/page-language.ts';
import type { ExperimentKinds } from './experiment-files.ts';

const WORDS = {
  en: {
    title: { all: 'tierwave · experiments', sensitivity: 'tierwave · which lever matters' },
    intro: {
      all: 'Run an experiment file — variants, a sweep, or a sensitivity analysis — in this page’s workers with the CLI’s seeds: `tierwave experiment FILE` writes the same runs.csv.',
      sensitivity: 'A global sensitivity analysis (Morris screening or Sobol indices) of an experiment file, run in this page’s workers with the CLI’s seeds: `tierwave sensitivity` gives the same numbers.',
    },
    simulator: 'Simulator', compare: 'Compare what-ifs', experiments: 'Experiments', language: '中文',
    what: 'What to run', experiment: 'Experiment file', load: 'Or load one from disk', agents: 'Agents', replicates: 'Replicates', workers: 'Workers',
    fileValue: 'file’s', run: 'Run', pause: 'Pause', done: 'Runs done', of: 'of',
    bands: 'Bands', metric: 'Metric', tier: 'Tier', date: 'Date', chartLabel: 'sensitivity indices per output', results: 'Results',
  },
  zh: {
    title: { all: 'tierwave · 实验', sensitivity: 'tierwave · 哪个杠杆重要' },
    intro: {
      all: '在本页的后台线程中运行实验文件（变体、参数扫描或敏感性分析），种子与命令行相同：`tierwave experiment FILE` 写出相同的 runs.csv。',
      sensitivity: '对实验文件做全局敏感性分析（Morris 筛选或 Sobol 指数），在本页的后台线程中以命令行的种子运行：`tierwave sensitivity` 给出相同的数字。',
    },
    simulator: '模拟器', compare: '比较假设情景', experiments: '实验', language: 'English',
    what: '运行什么', experiment: '实验文件', load: '或从磁盘载入', agents: '智能体数', replicates: '重复次数', workers: '线程数',
    fileValue: '按文件', run: '运行', pause: '暂停', done: '已完成运行', of: '/',
    bands: '区间带', metric: '指标', tier: '城市层级', date: '日期', chartLabel: '各输出的敏感性指数', results: '结果',
  },
} as const;

/** Backticks in a sentence become <code>. */
const code = (text: string) => text.replace(/`([^`]+)`/g, '<code>$1</code>');

export function writePageMarkup(body: HTMLElement, kinds: ExperimentKinds, language: PageLanguage): void {
  const w = WORDS[language];
  const other = new URLSearchParams(location.search);
  other.set('lang', language === 'zh' ? 'en' : 'zh');
  document.title = w.title[kinds];
  const sweepBands = kinds === 'all';
  body.innerHTML = `
    <header>
      <h1>${w.title[kinds]}</h1>
      <p>${code(w.intro[kinds])}
        <a href="./index.html">${w.simulator}</a> · <a href="./compare.html">${w.compare}</a>${kinds === 'sensitivity' ? ` · <a href="./experiments.html">${w.experiments}</a>` : ''}
        · <a href="?${other.toString()}" data-testid="language" lang="${language === 'zh' ? 'en' : 'zh-CN'}">${w.language}</a></p>
    </header>
    <main>
      <section class="panel" aria-label="${w.what}">
        <label>${w.experiment} <select id="experiment" data-testid="experiment"></select></label>
        <label>${w.load} <input id="experiment-file" data-testid="experiment-file" type="file" accept=".json,application/json" /></label>
        <label>${w.agents} <input id="agents" data-testid="agents" type="number" min="100" step="1000" placeholder="${w.fileValue}" /></label>
        <label>${w.replicates} <input id="replicates" data-testid="replicates" type="number" min="1" placeholder="${w.fileValue}" /></label>
        <label>${w.workers} <input id="workers" data-testid="workers" type="number" min="1" max="16" /></label>
        <div class="buttons">
          <button id="run" data-testid="run" type="button">${w.run}</button>
          <button id="pause" data-testid="pause" type="button" disabled>${w.pause}</button>
        </div>
        <p class="wide" role="status">
          ${w.done} <output id="runs-done" data-testid="runs-done">0</output> ${w.of} <output id="runs-planned" data-testid="runs-planned">0</output><span id="status" data-testid="status"></span>
          <output id="eta" data-testid="eta"></output>
          <output id="replicates-used" data-testid="replicates-used"></output>
        </p>
      </section>
      ${sweepBands ? '<div id="builder-slot"></div>' : ''}
      <div id="error" class="error" data-testid="error" role="alert" hidden></div>
      <section id="band-section" aria-label="${w.bands}" hidden>
        <div class="panel">
          <label>${w.metric} <select id="band-metric" data-testid="band-metric"></select></label>
          <label>${w.tier} <select id="band-tier" data-testid="band-tier"></select></label>
          <label>${w.date} <select id="band-date" data-testid="band-date"></select></label>
        </div>
        <figure><svg id="bands" data-testid="bands" role="img" aria-label="${w.bands}"></svg></figure>
        <h2>${w.results}</h2>
        <div class="scroll"><table id="results" data-testid="results"></table></div>
      </section>
      <section id="sensitivity-section" hidden>
        <figure>
          <div id="chart" data-testid="chart" role="img" aria-label="${w.chartLabel}"></div>
          <figcaption><button type="button" data-testid="export-svg" data-export="svg">sensitivity.svg</button>
            <button type="button" data-testid="export-png" data-export="png">PNG</button></figcaption>
        </figure>
        <div class="scroll"><table id="indices" data-testid="indices"></table></div>
      </section>
      <p class="exports">
        <button type="button" data-testid="export-runs" data-export="runs">runs.csv</button>
        <button type="button" data-testid="export-stats" data-export="stats">stats.csv</button>
        <button type="button" data-testid="export-diff" data-export="diff">diff.csv</button>
        <button type="button" data-testid="export-fit" data-export="fit" hidden>fit.csv</button>
        <button type="button" data-testid="export-csv" data-export="csv" hidden>sensitivity.csv</button>
        <button type="button" data-testid="export-report" data-export="report">report.html</button>
      </p>
    </main>`;
}
