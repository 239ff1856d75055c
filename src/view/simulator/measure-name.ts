// What a lesson's measure counts, in the page's words, e.g. "tier-4 customers told by a friend in tier 1".
import type { LessonMeasure } from '../../experiments/lesson-schema.ts';
import { formatDate, t, tierName } from '../shared/language.ts';

export function measureName(measure: LessonMeasure): string {
  const whom = (tier: number | undefined) => (tier === undefined ? t('tier.all') : tierName(tier));
  switch (measure.kind) {
    case 'customers':
      return t('lesson.measure.customers', { whom: whom(measure.tier), date: formatDate(measure.date) });
    case 'customer-share':
      return t('lesson.measure.customerShare', { whom: whom(measure.tier), date: formatDate(measure.date) });
    case 'social-share':
      return t('lesson.measure.socialShare', { whom: whom(measure.tier), from: formatDate(measure.from), to: formatDate(measure.to) });
    case 'told-by-tier':
      return t('lesson.measure.toldByTier', { tier: tierName(measure.tier), source: tierName(measure.sourceTier) });
  }
}
