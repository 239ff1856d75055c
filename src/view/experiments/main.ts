// Entry point of the experiments page (experiments.html) and of sensitivity.html, the same page
// offering only sensitivity analyses (`<body data-kinds="sensitivity">`).
import { ExperimentsPage } from './experiments-page.ts';

const kinds = document.body.dataset.kinds === 'sensitivity' ? 'sensitivity' : 'all';
new ExperimentsPage(kinds).open();
