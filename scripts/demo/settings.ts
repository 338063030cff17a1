/**
 * The demo's tavla.config.json: Norrsken Data AB's stages with Swedish labels and the
 * spellings the CRM uses for them, channel labels for the few deals that carry them, and
 * the as-of date pinned so the site is the same on every build.
 */
import type { SettingsInput } from '../../src/settings/schema.ts';
import { COMPANY, TEAM_NAMES } from './company.ts';
import { CHANNEL_LABELS, STAGE_LABELS } from './deal-rows.ts';

const stage = (
  id: string,
  probability: number,
  status: 'open' | 'won' | 'lost',
  forecastCategory: 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted',
) => ({
  id,
  label: STAGE_LABELS[id] ?? id,
  probability,
  status,
  forecastCategory,
  aliases: [STAGE_LABELS[id] ?? id],
});

export function demoSettings(): SettingsInput {
  return {
    company: COMPANY,
    teamNames: TEAM_NAMES,
    currency: 'SEK',
    locale: 'sv',
    timeZone: 'Europe/Stockholm',
    fiscalYearStartMonth: 1,
    asOf: '2026-11-20',
    dateOrder: 'dmy',
    winbackMonths: 12,
    renewalWindowDays: 90,
    stalledDays: 30,
    staleExportDays: 7,
    stages: [
      stage('qualification', 0.1, 'open', 'pipeline'),
      stage('meeting', 0.2, 'open', 'pipeline'),
      stage('proposal', 0.5, 'open', 'best_case'),
      stage('negotiation', 0.8, 'open', 'commit'),
      stage('won', 1, 'won', 'closed'),
      stage('lost', 0, 'lost', 'omitted'),
    ],
    channelMap: Object.fromEntries(Object.entries(CHANNEL_LABELS).map(([channel, label]) => [label, channel])) as SettingsInput['channelMap'],
    activityTypeMap: { Samtal: 'call', Mejl: 'email', 'Möte bokat': 'meeting_booked', 'Möte genomfört': 'meeting_held', Offert: 'proposal', Uppgift: 'task' },
    initialsOnly: false,
  };
}

export function settingsJson(): string {
  return JSON.stringify(demoSettings(), null, 2) + '\n';
}
