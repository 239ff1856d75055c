// The loaded scenario's levers as form controls: one per entry of its `levers` list, labelled in
// the page's language, with the lever's range and unit. A range reports on release (`change`),
// not on every pixel of a drag, because each report re-runs the world.
import type { Lever, Scenario } from '../../scenario/schema.ts';
import { language, locale, onLanguageChange, t } from '../shared/language.ts';
import { fileSetting, pulledValue, type LeverValue } from './levers.ts';

type Control = HTMLInputElement | HTMLSelectElement;

export class LeverPanel {
  private rows: Array<{ lever: Lever; control: Control; shown: HTMLOutputElement }> = [];
  /** The levers (and language) the controls were built for, so a re-run of the same scenario keeps them. */
  private builtFor = '';
  private shown: [Scenario, readonly string[]] | undefined;

  constructor(
    private readonly fieldset: HTMLFieldSetElement,
    private readonly onChange: (lever: Lever, value: LeverValue) => void,
  ) {
    onLanguageChange(() => this.shown && this.show(...this.shown));
  }

  /** Shows the scenario's levers at their pulled values (`settings`), the others where the file has them. */
  show(scenario: Scenario, settings: readonly string[]): void {
    this.shown = [scenario, settings];
    const levers = scenario.levers ?? [];
    const key = `${language()}:${JSON.stringify(levers)}`;
    if (key !== this.builtFor) this.build(levers, key);
    for (const { lever, control, shown } of this.rows) {
      let value: LeverValue;
      try {
        value = pulledValue(settings, lever.id) ?? fileSetting(scenario, lever);
      } catch (error) {
        // A lever inherited through `extends` may name an intervention this scenario dropped.
        control.disabled = true;
        shown.textContent = t('simulator.lever.missing');
        // The model's reason names the intervention; the page says what it means in its own words.
        shown.title = language() === 'en' ? (error as Error).message : t('simulator.lever.missingWhy');
        continue;
      }
      control.disabled = false;
      shown.title = '';
      if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = Boolean(value);
      else control.value = String(value);
      shown.textContent = this.format(lever, value);
    }
  }

  private format(lever: Lever, value: LeverValue): string {
    if (lever.kind === 'switch') return t(value ? 'simulator.lever.on' : 'simulator.lever.off');
    if (lever.kind === 'choice') return String(value);
    return new Intl.NumberFormat(locale(), { maximumSignificantDigits: 6 }).format(Number(value));
  }

  private build(levers: readonly Lever[], key: string): void {
    this.builtFor = key;
    this.rows = [];
    // The legend is the page's (index.html, translated with it).
    this.fieldset.replaceChildren(...[...this.fieldset.children].filter((child) => child.tagName === 'LEGEND'));
    if (levers.length === 0) {
      this.fieldset.append(Object.assign(document.createElement('p'), { className: 'lever-note', textContent: t('simulator.lever.none') }));
      this.fieldset.dataset.levers = '0';
      return;
    }
    this.fieldset.dataset.levers = String(levers.length);
    for (const lever of levers) {
      const label = document.createElement('label');
      label.className = `lever ${lever.kind}`;
      const name = document.createElement('span');
      name.textContent = lever.label[language()];
      const unit = lever.unit === undefined || typeof lever.unit === 'string' ? lever.unit : lever.unit[language()];
      if (unit) name.title = unit;
      const shown = document.createElement('output');
      const control = this.control(lever, shown);
      control.dataset.testid = `lever-${lever.id}`;
      label.append(name, control, shown);
      if (unit) label.append(Object.assign(document.createElement('small'), { className: 'lever-unit', textContent: unit }));
      this.fieldset.append(label);
      this.rows.push({ lever, control, shown });
    }
  }

  private control(lever: Lever, shown: HTMLOutputElement): Control {
    if (lever.kind === 'number') {
      const input = document.createElement('input');
      const { min, max, step } = lever.range!;
      Object.assign(input, { type: 'range', min: String(min), max: String(max), step: step !== undefined ? String(step) : max > min ? String((max - min) / 100) : 'any' });
      input.addEventListener('input', () => (shown.textContent = this.format(lever, Number(input.value))));
      input.addEventListener('change', () => this.onChange(lever, Number(input.value)));
      return input;
    }
    if (lever.kind === 'switch') {
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.addEventListener('change', () => this.onChange(lever, input.checked));
      return input;
    }
    const select = document.createElement('select');
    for (const option of lever.options!) select.add(new Option(option, option));
    select.addEventListener('change', () => this.onChange(lever, select.value));
    return select;
  }
}
