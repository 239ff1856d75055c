// Problems shown in the page, not the console: a scenario's validation issues as a table of place
// (file:line:column), field and what was expected; any other failure as its message.
import { ScenarioError } from '../../scenario/issues.ts';
import { t } from './language.ts';

export class ErrorPanel {
  constructor(private readonly element: HTMLElement) {}

  show(title: string, error: unknown): void {
    const element = this.element;
    element.replaceChildren();
    const heading = document.createElement('strong');
    heading.textContent = title;
    element.append(heading);
    if (error instanceof ScenarioError) {
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      for (const key of ['where', 'field', 'problem'] as const) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = t(`errors.${key}`);
        head.append(th);
      }
      const body = table.createTBody();
      for (const issue of error.issues) {
        const row = body.insertRow();
        row.className = 'issue';
        for (const [text, name] of [
          [issue.where, 'where'],
          [issue.path || t('errors.theFile'), 'field'],
          [issue.message, 'message'],
        ]) {
          const cell = row.insertCell();
          cell.className = name;
          cell.textContent = text;
        }
      }
      element.append(table);
    } else {
      const message = document.createElement('pre');
      message.textContent = error instanceof Error ? error.message : String(error);
      element.append(message);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = t('errors.dismiss');
    close.addEventListener('click', () => this.clear());
    element.append(close);
    element.hidden = false;
  }

  get showing(): boolean {
    return !this.element.hidden;
  }

  clear(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
