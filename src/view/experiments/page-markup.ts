// The experiments page's markup, written once for experiments.html and sensitivity.html (the same
// page offering only sensitivity analyses). Its words are catalogue keys (data-i18n, see
// shared/language.ts), typed so a key missing from words/en.json does not compile; translatePage()
// fills them, again on every switch of language.
import type { ParseKeys } from 'i18next';
import type { ExperimentKinds } from './experiment-files.ts';

/** A key of the catalogue. */
export type WordKey = ParseKeys;

/** `data-i18n` and its attribute variants, for markup written as text. */
export const word = (key: WordKey, attribute?: 'placeholder' | 'aria-label' | 'html') => `data-i18n${attribute ? `-${attribute}` : ''}="${key}"`;

export function writePageMarkup(body: HTMLElement, kinds: ExperimentKinds): void {
  const sweepBands = kinds === 'all';
  body.innerHTML = `
    <header>
      <h1 ${word(`experiments.title.${kinds}`)}></h1>
      <p><span ${word(`experiments.intro.${kinds}`, 'html')}></span>
        <a href="./index.html" ${word('experiments.links.simulator')}></a> · <a href="./compare.html" ${word('experiments.links.compare')}></a>${kinds === 'sensitivity' ? ` · <a href="./experiments.html" ${word('experiments.links.experiments')}></a>` : ''}
        · <span id="language-switch"></span></p>
    </header>
    <main>
      <section class="panel" ${word('experiments.what', 'aria-label')}>
        <label><span ${word('experiments.experiment')}></span> <select id="experiment" data-testid="experiment"></select></label>
        <label><span ${word('experiments.load')}></span> <input id="experiment-file" data-testid="experiment-file" type="file" accept=".json,application/json" /></label>
        <label><span ${word('experiments.agents')}></span> <input id="agents" data-testid="agents" type="number" min="100" step="1000" ${word('experiments.fileValue', 'placeholder')} /></label>
        <label><span ${word('experiments.replicates')}></span> <input id="replicates" data-testid="replicates" type="number" min="1" ${word('experiments.fileValue', 'placeholder')} /></label>
        <label><span ${word('experiments.workers')}></span> <input id="workers" data-testid="workers" type="number" min="1" max="16" /></label>
        <div class="buttons">
          <button id="run" data-testid="run" type="button" ${word('experiments.run')}></button>
          <button id="pause" data-testid="pause" type="button" disabled></button>
        </div>
        <p class="wide" role="status">
          <span ${word('experiments.done')}></span> <output id="runs-done" data-testid="runs-done">0</output> <span ${word('experiments.of')}></span> <output id="runs-planned" data-testid="runs-planned">0</output><span id="status" data-testid="status"></span>
          <output id="eta" data-testid="eta"></output>
          <output id="replicates-used" data-testid="replicates-used"></output>
        </p>
      </section>
      ${sweepBands ? '<div id="builder-slot"></div>' : ''}
      <div id="error" class="error" data-testid="error" role="alert" hidden></div>
      <section id="band-section" ${word('experiments.bands', 'aria-label')} hidden>
        <div class="panel">
          <label><span ${word('experiments.metric')}></span> <select id="band-metric" data-testid="band-metric"></select></label>
          <label><span ${word('experiments.tier')}></span> <select id="band-tier" data-testid="band-tier"></select></label>
          <label><span ${word('experiments.date')}></span> <select id="band-date" data-testid="band-date"></select></label>
        </div>
        <figure><svg id="bands" data-testid="bands" role="img" ${word('experiments.bands', 'aria-label')}></svg></figure>
        <h2 ${word('experiments.results')}></h2>
        <div class="scroll"><table id="results" data-testid="results"></table></div>
      </section>
      <section id="sensitivity-section" hidden>
        <figure>
          <div id="chart" data-testid="chart" role="img" ${word('experiments.indicesChart', 'aria-label')}></div>
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
