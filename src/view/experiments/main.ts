// Entry point of the experiments page (experiments.html) and of sensitivity.html, the same page
// offering only sensitivity analyses (`<body data-kinds="sensitivity">`).
import { pageLanguage } from '../shared/page-language.ts';
import { ExperimentsPage } from './experiments-page.ts';

const kinds = document.body.dataset.kinds === 'sensitivity' ? 'sensitivity' : 'all';
new ExperimentsPage(kinds, pageLanguage()).open();
