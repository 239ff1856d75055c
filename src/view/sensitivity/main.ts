// Entry point of the sensitivity page (sensitivity.html).
import { SensitivityPage } from './sensitivity-page.ts';

new SensitivityPage().open();
