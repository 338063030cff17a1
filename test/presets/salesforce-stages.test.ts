// An org's own stages from Opportunity.csv: only when the settings have none and the export's
// open stages are not Salesforce's standard ones.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { salesforceOpportunities, salesforceOpportunityStages } from '../../src/presets/salesforce-data-export.ts';
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
    const own = settingsSchema.parse({
      stages: [
        { id: 'A', probability: 0.5, status: 'open' },
        { id: 'W', probability: 1, status: 'won' },
      ],
    });
    expect(usesDefaultStages(own)).toBe(false);
    expect(await deriveSalesforceStages(folder('salesforce-weekly-export'), 'Opportunity.csv', salesforceOpportunities, own)).toBeUndefined();
  });

  it('keeps the defaults when every open stage is a standard Salesforce stage', async () => {
    expect(usesDefaultStages(defaults)).toBe(true);
    expect(await deriveSalesforceStages(folder('salesforce-data-loader'), 'extract.csv', salesforceOpportunities, defaults)).toBeUndefined();
  });

  it('takes the org’s OpportunityStage.csv when present: SortOrder, DefaultProbability, forecast, inactive stages deals still carry', async () => {
    // Worked by hand: open stages by SortOrder: Lead (1, 10 %, Pipeline), Offer (3, 60 %, Best Case),
    // Legacy (2, inactive, carried by deal o2 under its ApiName "legacy_stage" → kept, 5 %); Parked
    // (4, inactive, no deal) left out. Won, lost from the file. Stage "Zombie" only in Opportunity.csv
    // (deleted since), StageSortOrder 9, Probability 30 → added after the file's open stages at 30 %.
    const dir = mkdtempSync(join(tmpdir(), 'tavla-stages-'));
    writeFileSync(
      join(dir, 'OpportunityStage.csv'),
      [
        'Id,IsActive,MasterLabel,ApiName,SortOrder,IsClosed,IsWon,ForecastCategoryName,DefaultProbability',
        's1,1,Lead,Lead,1,0,0,Pipeline,10',
        's2,0,Legacy,legacy_stage,2,0,0,Pipeline,5',
        's3,1,Offer,Offer,3,0,0,Best Case,60',
        's4,0,Parked,Parked,4,0,0,Pipeline,1',
        's5,1,Signed,Signed,5,1,1,Closed,100',
        's6,1,Dropped,Dropped,6,1,0,Omitted,0',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'Opportunity.csv'),
      [
        'Id,Name,AccountId,OwnerId,StageName,StageSortOrder,IsClosed,IsWon,Probability,Amount,CloseDate,CreatedDate',
        'o1,A,a1,u1,Lead,1,0,0,10,100,2026-12-01,2026-01-01 00:00:00',
        'o2,B,a1,u1,legacy_stage,2,0,0,5,100,2026-12-01,2026-01-01 00:00:00',
        'o3,C,a1,u1,Zombie,9,0,0,30,100,2026-12-01,2026-01-01 00:00:00',
      ].join('\n'),
    );
    const derived = await deriveSalesforceStages(dir, 'Opportunity.csv', salesforceOpportunities, defaults, {
      file: 'OpportunityStage.csv',
      adapter: salesforceOpportunityStages,
    });
    expect(derived?.stages.map((s) => `${s.id}:${s.probability}:${s.status}:${s.forecastCategory ?? ''}`)).toEqual([
      'Lead:0.1:open:pipeline',
      'Legacy:0.05:open:pipeline',
      'Offer:0.6:open:best_case',
      'Zombie:0.3:open:',
      'Signed:1:won:closed',
      'Dropped:0:lost:omitted',
    ]);
    expect(derived?.stages.find((s) => s.id === 'Legacy')?.aliases).toEqual(['legacy_stage']);
  });
});
