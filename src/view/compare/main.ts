// Entry point of the compare page (compare.html).
import { languageSwitch, translatePage } from '../shared/language.ts';
import { ComparePage } from './compare-page.ts';

translatePage();
document.getElementById('language-switch')!.replaceWith(languageSwitch());
void new ComparePage().open();
