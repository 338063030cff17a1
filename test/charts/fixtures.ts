/** Small chart inputs, written by hand; the snapshots in test/output/charts/ are rendered from these. */
import type { BarDatum, FunnelLink, MonthChannelDatum, ProgressDatum, WeekDatum } from '../../src/charts/index.ts';

export const volumePerChannel: BarDatum[] = [
  { label: 'Förlängningar', value: 4_200_000, channel: 'renewal' },
  { label: 'Merförsäljning', value: 1_350_000, channel: 'upsell' },
  { label: 'Vinn tillbaka', value: 480_000, channel: 'winback' },
  { label: 'Nyförsäljning', value: 2_075_500, channel: 'new' },
];

export const pipelineByStage: BarDatum[] = [
  { label: 'Kvalificering', value: 3_100_000 },
  { label: 'Behovsanalys', value: 2_400_000 },
  { label: 'Offert', value: 1_800_000 },
  { label: 'Förhandling', value: 950_000 },
];

export const volumeByMonth: MonthChannelDatum[] = [
  { month: '2026-01', channel: 'renewal', value: 900_000 },
  { month: '2026-01', channel: 'new', value: 250_000 },
  { month: '2026-02', channel: 'renewal', value: 400_000 },
  { month: '2026-02', channel: 'upsell', value: 300_000 },
  { month: '2026-02', channel: 'new', value: 350_000 },
  { month: '2026-03', channel: 'upsell', value: 150_000 },
  { month: '2026-03', channel: 'winback', value: 200_000 },
  { month: '2026-03', channel: 'new', value: 600_000 },
];

export const newPipelinePerWeek: WeekDatum[] = [
  { week: '2026-W44', value: 420_000 },
  { week: '2026-W45', value: 380_000 },
  { week: '2026-W46', value: null },
  { week: '2026-W47', value: 510_000 },
  { week: '2026-W48', value: 290_000 },
];

export const callsVsMeetings: WeekDatum[] = [
  { week: '2026-W52', value: 31, series: 'Samtal' },
  { week: '2026-W53', value: 12, series: 'Samtal' },
  { week: '2027-W01', value: 44, series: 'Samtal' },
  { week: '2026-W52', value: 6, series: 'Möten' },
  { week: '2026-W53', value: 2, series: 'Möten' },
  { week: '2027-W01', value: 9, series: 'Möten' },
];

export const funnel: FunnelLink[] = [
  { label: 'Besök', value: 12_000 },
  { label: 'Leads', value: 480, conversion: 0.04, from: 'Besök' },
  { label: 'Bokade möten', value: 96, conversion: 0.2, from: 'Leads' },
  { label: 'Genomförda möten', value: 80, conversion: 80 / 96, from: 'Bokade möten' },
  { label: 'Affärsmöjligheter', value: 40, conversion: 0.5, from: 'Genomförda möten' },
  { label: 'Vunna affärer', value: 10, conversion: 0.25, from: 'Affärsmöjligheter' },
  { label: 'Inte köpklara ännu', value: 150, conversion: 150 / 480, from: 'Leads', branch: true },
];

export const attainment: ProgressDatum[] = [
  { label: 'Anna Lindqvist', value: 1.12, expected: 0.9 },
  { label: 'Björn Åkesson', value: 0.64, expected: 0.9 },
  { label: 'Cecilie Møller', value: 0.905, expected: 0.9 },
  { label: 'Ny säljare utan mål', value: null },
];
