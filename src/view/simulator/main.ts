// Entry point of the page (index.html). The shell (HTML and styles, in the page's language) paints
// first; the app — d3 and the scenario schema — is loaded, evaluated, constructed and started in
// separate tasks, so no single task of the start-up blocks the page for long.
import './style.css';
import { installPalettes } from '../shared/palette.ts';
import { languageSwitch, translatePage } from '../shared/language.ts';

installPalettes();

const later = () => new Promise((resolve) => setTimeout(resolve, 0));

translatePage();
document.getElementById('language-switch')!.replaceWith(languageSwitch());

requestAnimationFrame(async () => {
  await later();
  const { App } = await import('./app.ts');
  await later();
  const app = new App();
  await later();
  app.start();
});
