// Entry point of the compare page (compare.html).
import { ComparePage } from './compare-page.ts';

void new ComparePage().open();
