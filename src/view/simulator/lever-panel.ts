// The levers as form controls. A range reports on release (`change`), not on every pixel of a
// drag, because each report rebuilds the world.
import type { Scenario } from '../../scenario/schema.ts';
import { LEVERS, type Lever, type LeverValue } from './levers.ts';

type Control = HTMLInputElement | HTMLSelectElement;

export class LeverPanel {
  private readonly rows: Array<{ lever: Lever; control: Control; shown: HTMLOutputElement }> = [];

  constructor(fieldset: HTMLFieldSetElement, onChange: (lever: Lever, value: LeverValue) => void) {
    for (const lever of LEVERS) {
      const label = document.createElement('label');
      label.className = `lever ${lever.control.kind}`;
      const name = document.createElement('span');
      name.textContent = lever.label;
      const shown = document.createElement('output');
      let control: Control;
      if (lever.control.kind === 'range') {
        const input = document.createElement('input');
        input.type = 'range';
        input.min = String(lever.control.min);
        input.max = String(lever.control.max);
        input.step = String(lever.control.step);
        input.addEventListener('input', () => (shown.textContent = lever.format(Number(input.value))));
        input.addEventListener('change', () => onChange(lever, Number(input.value)));
        control = input;
      } else if (lever.control.kind === 'toggle') {
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.addEventListener('change', () => onChange(lever, input.checked));
        control = input;
      } else {
        const select = document.createElement('select');
        for (const option of lever.control.options) select.add(new Option(option, option));
        select.addEventListener('change', () => onChange(lever, select.value));
        control = select;
      }
      control.dataset.testid = `lever-${lever.id}`;
      label.append(name, control, shown);
      fieldset.append(label);
      this.rows.push({ lever, control, shown });
    }
  }

  /** Shows each lever's value in the scenario as run; levers that do not apply are disabled. */
  show(scenario: Scenario, file: Scenario): void {
    for (const { lever, control, shown } of this.rows) {
      const applies = lever.applies(file);
      control.disabled = !applies;
      if (!applies) {
        shown.textContent = 'n/a';
        continue;
      }
      const value = lever.read(scenario, file);
      if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = Boolean(value);
      else control.value = String(value);
      shown.textContent = lever.format(value);
    }
  }
}
