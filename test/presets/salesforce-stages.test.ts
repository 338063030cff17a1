// An org's own stages from Opportunity.csv: only when the settings have none and the export's
// open stages are not Salesforce's standard ones.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { salesforceOpportunities } from '../../src/presets/salesforce-data-export.ts';
import { deriveSalesforceStages, usesDefaultStages } from '../../src/presets/salesforce-stages.ts';
import { settingsSchema } from '../../src/settings/schema.ts';

const folder = (name: string): string => fileURLToPath(new URL(`../fixtures/real-world/${name}`, import.meta.url));
const defaults = settingsSchema.parse({});

describe('deriveSalesforceStages', () => {
  it('orders the custom stages by StageSortOrder, with the usual Probability of their open deals', async () => {
    const derived = await deriveSalesforceStages(folder('salesforce-weekly-export'), 'Opportunity.csv', salesforceOpportunities, defaults);
    expect(derived?.stages.map((s) => `${s.id}:${s.probability}:${s.status}`)).toEqual([
      'Förstudie:0.1:open',
      'Behovsanalys:0.25:open',
      'Offert lämnad:0.5:open',
      'Förhandling pågår:0.75:open',
      'Avslutad – vunnen:1:won',
      'Avslutad – förlorad:0:lost',
    ]);
  });

  it('leaves stages the user set alone', async () => {
    const own = settingsSchema.parse({ stages: [{ id: 'A', probability: 0.5, status: 'open' }, { id: 'W', probability: 1, status: 'won' }] });
    expect(usesDefaultStages(own)).toBe(false);
    expect(await deriveSalesforceStages(folder('salesforce-weekly-export'), 'Opportunity.csv', salesforceOpportunities, own)).toBeUndefined();
  });

  it('keeps the defaults when every open stage is a standard Salesforce stage', async () => {
    expect(usesDefaultStages(defaults)).toBe(true);
    expect(await deriveSalesforceStages(folder('salesforce-data-loader'), 'extract.csv', salesforceOpportunities, defaults)).toBeUndefined();
  });
});
