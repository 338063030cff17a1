// The real-world corpus (test/fixtures/real-world/, README there says where each shape comes
// from) through the real pipeline. Every expected figure is worked out by hand in the comment
// beside it from the fixture's own cells, never copied from the code's output.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import type { Report } from '../../src/report/site-model.ts';
import { ownerLabels } from '../../src/model/build-model.ts';
import { fmt } from '../../src/views/format-context.ts';
import { routes } from '../../src/views/routes.ts';
import { scopeKpis } from '../../src/views/scope-view.ts';
import { allTables } from '../../src/views/all-tables.ts';

const folder = (name: string): string => fileURLToPath(new URL(`../fixtures/real-world/${name}`, import.meta.url));
const NOW = new Date('2026-11-20T12:00:00Z');

async function run(name: string): Promise<{ report: Report; log: string[] }> {
  const log: string[] = [];
  const result = await runPipeline({ dataDir: folder(name), now: NOW, log: (line: string) => log.push(line) });
  if (!result.ok) throw new Error(result.messages.join('\n'));
  return { report: result.site.report, log };
}

/** The same export with settings changed: a copy of the folder with `overrides` merged into its tavla.config.json. */
async function runWith(name: string, overrides: Record<string, unknown>): Promise<{ report: Report; log: string[] }> {
  const copy = mkdtempSync(join(tmpdir(), `tavla-real-${name}-`));
  cpSync(folder(name), copy, { recursive: true });
  const config = join(copy, 'tavla.config.json');
  writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), ...overrides }));
  const log: string[] = [];
  const result = await runPipeline({ dataDir: copy, now: NOW, log: (line: string) => log.push(line) });
  if (!result.ok) throw new Error(result.messages.join('\n'));
  return { report: result.site.report, log };
}

/** [file, read, accepted, rejected] of every file present. */
const accounting = (r: Report) => r.files.filter((f) => f.present).map((f) => [f.file, f.read, f.accepted, f.rejected]);

/** [won deals, won volume, open deals, open amount, weighted] */
function headline(r: Report): number[] {
  const ytd = r.company.volume.yearToDate;
  return [ytd.wonDeals, ytd.contractVolume, r.company.pipeline.open.count, r.company.pipeline.open.amount, r.company.pipeline.weighted.weighted];
}

describe('real-world exports: headline figures worked out by hand', () => {
  it('Salesforce Data Loader extract (upper-case API names, ISO datetimes with .000Z)', async () => {
    const { report } = await run('salesforce-data-loader');
    expect(accounting(report)).toEqual([
      ['extract.csv', 6, 6, 0],
      ['Account.csv', 3, 3, 0],
      ['User.csv', 2, 2, 0],
    ]);
    // Won 2026: 180 000 (Mar 5) + 95 000 (Oct 30) = 275 000, 2 deals.
    // Open: Prospecting 50 000 (→ qualification 0.1 = 5 000), Proposal/Price Quote 30 000
    // (→ proposal 0.5 = 15 000), Negotiation/Review 140 000 (→ negotiation 0.8 = 112 000):
    // 3 deals, 220 000, weighted 5 000 + 15 000 + 112 000 = 132 000.
    expect(headline(report)).toEqual([2, 275_000, 3, 220_000, 132_000]);
  });

  it('HubSpot with numeric custom stage ids, mapped by aliases in the settings', async () => {
    const { report } = await run('hubspot-numeric-stages');
    // Line 7's stage 88213999 is in no alias: rejected, the other 5 accepted.
    expect(accounting(report)).toEqual([['hubspot-crm-exports-all-deals-2026-11-20.csv', 6, 5, 1]]);
    expect(report.rejected.map((i) => [i.code, i.line])).toEqual([['UnknownStage', 7]]);
    // Won (88213460): 310 000 + 90 000 = 400 000. Open: Commercials 200 000 × 0.7 = 140 000,
    // Discovery 30 000 × 0.1 = 3 000 → 2 deals, 230 000, weighted 143 000.
    expect(headline(report)).toEqual([2, 400_000, 2, 230_000, 143_000]);
  });

  it('a USD company on Salesforce: USD reporting currency, CurrencyType.csv rates used exactly', async () => {
    const { report, log } = await run('salesforce-usd-company');
    expect(report.meta.currency).toBe('USD');
    expect(log.join('\n')).toContain('exchange rates: EUR, GBP from CurrencyType.csv');
    // CurrencyType: USD corporate 1.0, EUR 0.92, GBP 0.79 per USD → 1 EUR = 1/0.92 USD, 1 GBP = 1/0.79 USD.
    // Won 2026: 120 000 USD + 46 000 EUR (46 000 / 0.92 = 50 000) + 39 500 GBP (39 500 / 0.79 = 50 000)
    // = 220 000, 3 deals. (Rates rounded to 6 decimals gave 50 000.02 and 49 999.91.)
    // Open: Negotiation/Review 80 000 × 0.8 = 64 000; Prospecting 15 800 GBP = 20 000 × 0.1 = 2 000
    // → 2 deals, 100 000, weighted 66 000.
    expect(headline(report)).toEqual([3, 220_000, 2, 100_000, 66_000]);
  });

  it('Pipedrive exports without the "Deal - " prefixes, NOK converted by the settings', async () => {
    const { report, log } = await run('pipedrive-plain');
    expect(accounting(report)).toEqual([
      ['deals-7720114-5.csv', 5, 5, 0],
      ['organizations-7720114-6.csv', 3, 3, 0],
      ['activities-7720114-7.csv', 3, 3, 0],
    ]);
    expect(log.some((line) => line.startsWith('deals: Pipedrive deals export (headers without prefix)'))).toBe(true);
    // Won 2026 by status: 501 210 000 SEK + 502 50 000 NOK × 0.96 = 48 000 → 258 000, 2 deals.
    // Open: 504 Proposal Made 95 000 × 0.5 = 47 500; 505 Negotiations Started 120 000 × 0.8 = 96 000
    // → 2 deals, 215 000, weighted 143 500.
    expect(headline(report)).toEqual([2, 258_000, 2, 215_000, 143_500]);
  });

  it('Salesforce weekly Data Export: Windows-1252, NULs in rich text, custom stages, CurrencyType, no StartDateTime', async () => {
    const { report, log } = await run('salesforce-weekly-export');
    expect(accounting(report)).toEqual([
      ['Opportunity.csv', 9, 9, 0],
      ['Account.csv', 4, 4, 0],
      ['Event.csv', 3, 3, 0],
      ['Task.csv', 4, 4, 0],
    ]);
    // The stages come from the org's OpportunityStage.csv: active stages by SortOrder within open,
    // won, lost, with DefaultProbability (Förhandling pågår 80 %, though its deal carries 75 %);
    // Juridisk granskning (SortOrder 5, 90 %) has no deal yet and still gets its place; the
    // inactive Gammal kvalificering, carried by no deal, is left out.
    expect(report.meta.stages.map((s) => [s.id, s.probability, s.status])).toEqual([
      ['Förstudie', 0.1, 'open'],
      ['Behovsanalys', 0.25, 'open'],
      ['Offert lämnad', 0.5, 'open'],
      ['Förhandling pågår', 0.8, 'open'],
      ['Juridisk granskning', 0.9, 'open'],
      ['Avslutad – vunnen', 1, 'won'],
      ['Avslutad – förlorad', 0, 'lost'],
    ]);
    expect(
      log.some(
        (line) =>
          line.startsWith('stages: Förstudie 10 %, Behovsanalys 25 %') &&
          line.endsWith('from OpportunityStage.csv (SortOrder, IsClosed, IsWon, DefaultProbability)'),
      ),
    ).toBe(true);
    // Loss_Reason__c (empty) and LossReason__c ("Pris") normalise to one column: named in the log,
    // and the lost deal on line 5 takes the filled one, so it is no LostDealWithoutReason.
    expect(log).toContain('Opportunity.csv: "Loss_Reason__c" and "LossReason__c" are one column (lostReason); each row takes the first of them that is filled');
    expect(report.quality.issues.filter((i) => i.code === 'LostDealWithoutReason')).toEqual([]);
    // Lines 2 and 7 held a NUL inside the quoted Description: cleaned, read, and reported.
    expect(report.quality.issues.filter((i) => i.code === 'NulInCell').map((i) => [i.file, i.line])).toEqual([
      ['Opportunity.csv', 2],
      ['Opportunity.csv', 7],
    ]);
    // DatedConversionRate by close date, else CurrencyType (SEK corporate; EUR 0.08 → 12.5 SEK).
    // Won 2026: 300 000 SEK + 20 000 EUR on 2026-05-20 (EUR 0.0625 from 2026-01-01 to 07-01 →
    // 20 000 / 0.0625 = 320 000) + 110 000 DKK on 2026-09-01 (DKK 0.625 from 07-01 to 10-01 →
    // 110 000 / 0.625 = 176 000) = 796 000, 3 deals (at CurrencyType rates it would be 710 000).
    // Open: Förstudie 80 000 × 0.1 = 8 000; Behovsanalys 40 000 EUR closing 2027-01-31, after the
    // last EUR period (to 2027-01-01) → CurrencyType 12.5 → 500 000 × 0.25 = 125 000;
    // Förhandling pågår 120 000 × 0.8 = 96 000; Offert lämnad (line 9) without amount →
    // 4 deals, 700 000, 1 with amount not set, weighted 8 000 + 125 000 + 96 000 = 229 000.
    expect(headline(report)).toEqual([3, 796_000, 4, 700_000, 229_000]);
    expect(log).toContain("dated exchange rates: EUR, DKK from DatedConversionRate.csv, by each deal's close date (settings win)");
    expect(report.company.pipeline.open.withoutAmount).toBe(1);
    expect(report.company.pipeline.open.stages.map((s) => [s.stageId, s.count, s.withoutAmount])).toEqual([
      ['Förstudie', 1, 0],
      ['Behovsanalys', 1, 0],
      ['Offert lämnad', 1, 1],
      ['Förhandling pågår', 1, 0],
      ['Juridisk granskning', 0, 0],
    ]);
    expect(report.quality.issues.filter((i) => i.code === 'OpenDealWithoutAmount').map((i) => [i.line, i.recordId])).toEqual([[9, '0063X00001Op008AAA']]);
  });

  it('HubSpot all-properties export (English): an open deal without amount or close date is kept', async () => {
    const { report } = await run('hubspot-all-properties-en');
    expect(accounting(report)).toEqual([
      ['hubspot-crm-exports-all-deals-2026-11-20.csv', 6, 6, 0],
      ['hubspot-crm-exports-all-companies-2026-11-20.csv', 4, 4, 0],
    ]);
    // Won 2026 (Is Closed Won true): 200 000 + 10 000 EUR × 11.5 = 115 000 → 315 000, 2 deals.
    // Open: Contract Sent 90 000 × 0.8 = 72 000; Qualified To Buy 4 000 EUR = 46 000 × 0.2 = 9 200;
    // Appointment Scheduled without amount and close date → 3 deals, 136 000, weighted 81 200.
    expect(headline(report)).toEqual([2, 315_000, 3, 136_000, 81_200]);
    expect(report.quality.issues.filter((i) => i.code.startsWith('OpenDealWithout')).map((i) => [i.code, i.line])).toEqual([
      ['OpenDealWithoutAmount', 6],
      ['OpenDealWithoutCloseDate', 6],
    ]);
  });

  it('Pipedrive exports with "Deal - " prefixes: an open deal without expected close date is kept', async () => {
    const { report } = await run('pipedrive-prefixed');
    expect(accounting(report)).toEqual([
      ['deals-4411902-31.csv', 5, 5, 0],
      ['organizations-4411902-32.csv', 3, 3, 0],
      ['activities-4411902-33.csv', 4, 4, 0],
    ]);
    // Won: 150 000 + 8 000 EUR × 11.25 = 90 000 → 240 000, 2 deals. Open: 204 Proposal Made 70 000
    // × 0.5 = 35 000; 205 Qualified, value 0 (Pipedrive writes 0), no expected close date → 2 deals, 70 000.
    expect(headline(report)).toEqual([2, 240_000, 2, 70_000, 35_000]);
  });

  it('public CRM opportunities data set: Engaging and Prospecting deals have no close_value or close_date', async () => {
    const { report } = await run('crm-opportunities-open-without-amount');
    // 8 rows, all deals: W3J7PL9Q (line 8) has no account and K6V2HD9P (line 9) no engage_date,
    // as Prospecting deals of the data set have none; only a row without id or stage is rejected.
    expect(accounting(report)).toEqual([['sales_pipeline.csv', 8, 8, 0]]);
    expect(report.rejected).toEqual([]);
    const flagged = (code: string) => report.quality.issues.filter((i) => i.code === code).map((i) => [i.line, i.recordId, i.owner?.name]);
    expect(flagged('DealWithoutAccount')).toEqual([[8, 'W3J7PL9Q', 'Robin Hale']]);
    expect(flagged('DealWithoutCreatedDate')).toEqual([[9, 'K6V2HD9P', 'Dana Whit']]);
    // Won 2017: 1 050 + 4 820 = 5 870, 2 deals. Open: 2 Engaging + 3 Prospecting, none with an
    // amount → 5 deals, 0, weighted 0, all 5 "amount not set".
    expect(headline(report)).toEqual([2, 5_870, 5, 0, 0]);
    expect(report.company.pipeline.open.withoutAmount).toBe(5);
    expect(report.meta.currency).toBe('USD');
    // Aging as of 2017-12-31: 4 open deals with an age (11-20 → 41 days; 12-04, 12-18, 12-20 →
    // 27, 13, 11 days) and K6V2HD9P of unknown age, in no bucket: 3 + 1 + 1 = 5.
    const aging = report.company.pipeline.aging;
    expect([aging.count, aging.unknownAge.count, aging.buckets.map((b) => b.count)]).toEqual([5, 1, [3, 1, 0, 0, 0]]);
    expect(aging.averageAgeDays).toBe((41 + 27 + 13 + 11) / 4);
    // The pages say so: "no account" where the customer is shown, "age unknown" in the aging table.
    const shown = JSON.stringify(allTables(report));
    expect(shown).toContain('"no account"');
    expect(shown).toContain('age unknown (no created date)');
  });

  it('Excel re-save with US dates: m/d/yyyy, mm/dd/yy hh:mm AM/PM, two-digit years (dateOrder mdy)', async () => {
    const { report } = await run('excel-us-dates');
    expect(accounting(report)).toEqual([['Lead to Deal.csv', 6, 6, 0]]);
    // Won 2017: D-1001 42 000 (3/15/2017) + D-1002 18 500 (06/01/17 04:30 PM) = 60 500, 2 deals;
    // D-1006 was won 12/20/2016. Open: D-1004 Proposal 33 000 × 0.6 = 19 800; D-1005 Qualified
    // 12 000 × 0.3 = 3 600 (created 10/3/17) → 2 deals, 45 000, weighted 23 400.
    expect(headline(report)).toEqual([2, 60_500, 2, 45_000, 23_400]);
  });

  it('HubSpot all-properties export with Swedish labels and Swedish default-pipeline stages', async () => {
    const { report } = await run('hubspot-all-properties-sv');
    expect(accounting(report)).toEqual([['hubspot-crm-exports-alla-affarer-2026-11-20.csv', 5, 5, 0]]);
    // Won (Stängd vunnen): 125 000 + 64 000 = 189 000, 2 deals. Open: Avtal skickat 88 000 →
    // negotiation × 0.8 = 70 400; Bokat möte 22 000 → meeting × 0.2 = 4 400 → 2 deals, 110 000, 74 800.
    expect(headline(report)).toEqual([2, 189_000, 2, 110_000, 74_800]);
  });

  it('absent is not zero: no targets, no activities, lost deals without value show "–" and why', async () => {
    const { report } = await run('crm-opportunities-open-without-amount');
    expect(report.meta.inputs).toEqual({ users: false, activities: false, targets: false });
    const kpis = scopeKpis(report.company, fmt('en', 'USD'), routes('/'), report.meta);
    const kpi = (label: string) => kpis.find((k) => k.label === label)!;
    // Lost Z9K3TQ1B carries close_value 0: by value "–" (not 500 / 500 = 100 %).
    expect(report.company.winRate.byValue).toBeNull();
    expect(kpi('Win rate by count').sub).toBe('By value: – (lost deals carry no value)');
    expect([kpi('Customers worked').value, kpi('Customers worked').sub]).toEqual(['–', 'No activities export']);
    expect(kpi('Attainment').sub).toBe('No targets for FY2017');
    // Open pipeline: 5 deals, none with an amount.
    expect(kpi('Open pipeline').value).toBe('amount not set');
    expect(kpi('Open pipeline').sub).toContain('5 with amount not set');
    // The weighted value of deals without amounts is unknown too: "–", not US$0.
    expect(kpi('Open pipeline').sub).toContain('weighted –');
  });

  it('without User.csv, Salesforce owners get a short readable label, and the overview says why', async () => {
    const { report } = await run('salesforce-weekly-export');
    expect(report.meta.inputs.users).toBe(false);
    // 0053X00000Ab001AAS → characters 11–15 of the 15-character id: Ab001.
    expect(report.sellers.map((s) => s.person.name).sort()).toEqual(['005…Ab001', '005…Ab002']);
    expect(ownerLabels(['0053X00000Ab001AAS', 'Anna Berg']).get('Anna Berg')).toBe('Anna Berg');
    // Two ids sharing the short form keep their whole id.
    expect([...ownerLabels(['0051X00000Zz9QAAS', '0052X00000Zz9QBAS']).values()]).toEqual(['0051X00000Zz9QAAS', '0052X00000Zz9QBAS']);
  });

  it('Salesforce tasks and events count as activities per seller and week', async () => {
    const { report } = await run('salesforce-weekly-export');
    const week = report.weeks.find((w) => w.week === '2026-W47')!;
    // W47 = 16–22 Nov. Task.csv: Ab001 call (TaskSubtype Call) 16th, email 17th; Ab002 task 18th,
    // call 19th (TaskSubtype Task, Type Call). Event.csv: Ab002 all-day meeting on the 18th (held);
    // Ab001's meeting of the 10th is W46, Ab002's of the 26th is ahead.
    expect(week.activitiesBySeller.map((r) => [r.person.name, r.call, r.email, r.meetingHeld, r.other])).toEqual([
      ['005…Ab002', 1, 0, 1, 1],
      ['005…Ab001', 1, 1, 0, 0],
    ]);
  });

  it('the site says how much of the sales volume has an inferred channel', async () => {
    // Weekly export: every won deal has a Type in channelMap → 0 inferred, 0 not set.
    const weekly = (await run('salesforce-weekly-export')).report.meta;
    expect([weekly.inferredChannelShare, weekly.channelNotSetShare]).toEqual([0, 0]);
    // HubSpot EN: both won deals carry a Deal Type → 0.
    expect((await run('hubspot-all-properties-en')).report.meta.inferredChannelShare).toBe(0);
  });

  it('channel inference is a setting: auto (the default) only with enough history, on, off', async () => {
    // The opportunities data set has no deal type at all. Its history starts 2017-02-03 (the
    // earliest engage_date); with winbackMonths 12 inference would start 2018-02-03, after every
    // won deal (2017-03-01 and 2017-06-20): under auto nothing is inferred, all 5 870 of won
    // volume is "channel not set" → shares 0 and 1, never "upsell".
    const auto = (await run('crm-opportunities-open-without-amount')).report;
    expect(auto.meta.channelInference).toBe('auto');
    expect([auto.meta.inferredChannelShare, auto.meta.channelNotSetShare]).toEqual([0, 1]);
    expect(auto.company.volume.yearToDate.byChannel.unset.contractVolume).toBe(5_870);
    expect(auto.company.volume.yearToDate.byChannel.upsell.contractVolume).toBe(0);
    // on: both won deals are their accounts' first won deals → new, 5 870 inferred → 1, 0.
    const on = (await runWith('crm-opportunities-open-without-amount', { channelInference: 'on' })).report;
    expect([on.meta.inferredChannelShare, on.meta.channelNotSetShare]).toEqual([1, 0]);
    expect(on.company.volume.yearToDate.byChannel.new.contractVolume).toBe(5_870);
    // off: nothing inferred, all not set.
    const off = (await runWith('crm-opportunities-open-without-amount', { channelInference: 'off' })).report;
    expect([off.meta.channelInference, off.meta.inferredChannelShare, off.meta.channelNotSetShare]).toEqual(['off', 0, 1]);
  });

  it('an export without teams shows one team named "no team" in the company\'s language, never a dash', async () => {
    // pipedrive-plain has no users file and no team column: every owner is in the team of id ''.
    const sv = (await run('pipedrive-plain')).report;
    expect(sv.teams.map((team) => [team.id, team.name, team.slug])).toEqual([['', 'Utan team', 'utan-team']]);
    expect(new Set(sv.sellers.map((seller) => seller.teamName))).toEqual(new Set(['Utan team']));
    const en = (await runWith('pipedrive-plain', { locale: 'en' })).report;
    expect(en.teams.map((team) => [team.name, team.slug])).toEqual([['No team', 'no-team']]);
  });
});
