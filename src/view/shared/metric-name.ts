// A daily metric in the page's words: "customers", "新顾客"; metrics per channel name their channel.
import { language, t, type Language } from './language.ts';
import { CHANNELS } from '../../scenario/channels.ts';

const NAMED = ['agents', 'aware', 'customers', 'lapsed', 'new_aware', 'new_customers', 'purchases', 'gmv', 'gmv_social', 'shares', 'exposures', 'data_events'] as const;

export function metricName(metric: string, lang: Language = language()): string {
  const named = NAMED.find((m) => m === metric);
  if (named) return t(`metrics.${named}`, { lng: lang });
  const channel = CHANNELS.find((c) => metric === `new_customers_${c}`);
  return channel ? t('metrics.newCustomersThrough', { channel: t(`channels.${channel}`, { lng: lang }), lng: lang }) : metric.replace(/_/g, ' ');
}
