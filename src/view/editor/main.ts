// Entry point of the scenario editor (editor.html).
import { EditorPage } from './editor-page.ts';

void new EditorPage().open();
