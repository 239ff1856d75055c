// Entry point of the scenario editor (editor.html): the page's words first, then the editor.
import { languageSwitch, translatePage } from '../shared/language.ts';
import { EditorPage } from './editor-page.ts';

translatePage();
document.getElementById('language-switch')!.replaceWith(languageSwitch());
void new EditorPage().open();
