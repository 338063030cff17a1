/** The definitions every "Definition" link points to: anchor id → term and text keys. */
import type { MessageKey } from '../i18n/index.ts';

export const DEFINITIONS: { id: string; term: MessageKey; text: MessageKey[] }[] = [
  { id: 'sales-volume', term: 'metric.salesVolume', text: ['def.salesVolume'] },
  { id: 'revenue', term: 'metric.revenue', text: ['def.revenue'] },
  { id: 'channel-renewal', term: 'channel.renewal', text: ['channel.renewal.def'] },
  { id: 'channel-upsell', term: 'channel.upsell', text: ['channel.upsell.def'] },
  { id: 'channel-winback', term: 'channel.winback', text: ['channel.winback.def'] },
  { id: 'channel-new', term: 'channel.new', text: ['channel.new.def'] },
  { id: 'attainment', term: 'metric.attainment', text: ['def.attainment'] },
  { id: 'pace', term: 'metric.pace', text: ['def.pace'] },
  { id: 'plan-check', term: 'metric.planCheck', text: ['def.planCheck'] },
  { id: 'open-pipeline', term: 'metric.openPipeline', text: ['def.openPipeline'] },
  { id: 'weighted-pipeline', term: 'metric.weightedPipeline', text: ['def.weightedPipeline'] },
  { id: 'coverage', term: 'metric.coverage', text: ['def.coverage', 'def.requiredCoverage'] },
  { id: 'win-rate', term: 'metric.winRate', text: ['def.winRateCount', 'def.winRateValue'] },
  { id: 'deal-size', term: 'metric.avgDealSize', text: ['def.avgDealSize'] },
  { id: 'sales-cycle', term: 'metric.salesCycle', text: ['def.salesCycle'] },
  { id: 'sales-velocity', term: 'metric.salesVelocity', text: ['def.salesVelocity'] },
  { id: 'deal-age', term: 'metric.dealAge', text: ['def.dealAge'] },
  { id: 'stalled-deals', term: 'metric.stalledDeals', text: ['def.stalledDeals'] },
  { id: 'slipped-deals', term: 'metric.slippedDeals', text: ['def.slippedDeals'] },
  { id: 'new-pipeline', term: 'metric.newPipelinePerWeek', text: ['def.newPipeline'] },
  { id: 'customers-worked', term: 'metric.customersWorked', text: ['def.customersWorked'] },
  { id: 'time-with-customers', term: 'metric.timeWithCustomers', text: ['def.timeWithCustomers'] },
  { id: 'lead-funnel-cohort', term: 'leadFunnel.cohort.heading', text: ['def.leadFunnelCohort'] },
  { id: 'lead-funnel-period', term: 'leadFunnel.period.heading', text: ['def.leadFunnelPeriod'] },
];
