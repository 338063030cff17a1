/** Names of target measures as the pages show them. */
import { t, type Locale } from '../i18n/index.ts';
import { ACTIVITY_TYPES, CHANNELS, type ActivityType, type Channel } from '../core/records.ts';

/**
 * A target measure's name in the page language: `volume:new` → "Nyförsäljning", `volume:total` →
 * "Totalt", `revenue` → "Omsättning", `customers_worked`, `activity:call` → "Samtal". A measure
 * it does not know is left as written rather than given an invented name.
 */
export function measureLabel(locale: Locale, measure: string): string {
  if (measure === 'volume:total') return t(locale, 'common.total');
  if (measure === 'revenue') return t(locale, 'metric.revenue');
  if (measure === 'customers_worked') return t(locale, 'metric.customersWorked');
  if (measure.startsWith('activity:')) {
    const type = measure.slice('activity:'.length);
    return (ACTIVITY_TYPES as readonly string[]).includes(type) ? t(locale, `activity.${type as ActivityType}`) : measure;
  }
  const channel = measure.slice('volume:'.length);
  return measure.startsWith('volume:') && (CHANNELS as readonly string[]).includes(channel) ? t(locale, `channel.${channel as Channel}`) : measure;
}
