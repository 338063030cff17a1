// End to end: the real pipeline (runPipeline) over each CRM fixture folder in test/fixtures/crm/
// (see its README for where each export shape comes from) and over a hand-mapped spreadsheet.
// Every figure below is worked out by hand in the README's tables, never copied from output.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../src/core/records.ts';
import { loadRecords } from '../../src/pipeline/load-records.ts';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import type { Report } from '../../src/report/site-model.ts';
import { loadSettings } from '../../src/settings/load-settings.ts';
import { formatIssue } from '../../src/core/issue.ts';

const folder = (name: string): string => fileURLToPath(new URL(`../fixtures/crm/${name}`, import.meta.url));
const NOW = new Date('2026-11-20T12:00:00Z');

async function report(name: string): Promise<Report> {
  const result = await runPipeline({ dataDir: folder(name), now: NOW, log: () => {} });
  if (!result.ok) throw new Error(result.messages.join('\n'));
  return result.site.report;
}

/** The loaded records, with every activity row as it streamed by (most are summed, not kept). */
async function loaded(name: string) {
  const settings = await loadSettings(folder(name));
  if (!settings.ok) throw new Error('settings');
  const activities: Activity[] = [];
  const result = await loadRecords(folder(name), settings.settings, { onActivity: (a) => activities.push(a) });
  return { ...result, records: { ...result.records, activities } };
}

/** [file, read, accepted, rejected] of every file present. */
const accounting = (r: Report) => r.files.filter((f) => f.present).map((f) => [f.file, f.read, f.accepted, f.rejected]);
const rejections = (r: Report) => r.rejected.map((i) => `${i.code} ${formatIssue(i)}`);

describe('Salesforce Data Export (API names, quoted, 0/1, UTC, Latin-1 Account.csv)', () => {
  it('accounts for every row; deleted records are skipped, not counted', async () => {
    const r = await report('salesforce-data-export');
    expect(accounting(r)).toEqual([
      ['Opportunity.csv', 12, 12, 0], // line 13 has no account (000000000000000AAA): kept, flagged
      ['Account.csv', 5, 5, 0],
      ['Event.csv', 5, 5, 0],
      ['Task.csv', 9, 7, 2],
      ['User.csv', 4, 4, 0],
    ]);
    expect(rejections(r)).toEqual([
      'MissingValue Task.csv:8:9: OwnerId: required value is empty',
      'BadDate Task.csv:10:5: ActivityDate: expected a date, got "2026-11-31" (no such day)',
    ]);
  });

  it('won volume YTD with EUR and DKK converted by CurrencyType.csv; open pipeline by Salesforce stage', async () => {
    const r = await report('salesforce-data-export');
    const ytd = r.company.volume.yearToDate;
    expect([ytd.wonDeals, ytd.contractVolume]).toEqual([4, 540_000]);
    expect([ytd.byChannel.new.contractVolume, ytd.byChannel.renewal.contractVolume, ytd.byChannel.upsell.contractVolume]).toEqual([320_000, 120_000, 100_000]);
    // + line 12, open without amount (amount not set); + line 13 without account, Value Proposition
    // (proposal, 0.5) 70 000 SEK: 360 000 + 70 000 = 430 000, weighted 135 000 + 35 000 = 170 000.
    expect([r.company.pipeline.open.count, r.company.pipeline.open.amount]).toEqual([6, 430_000]);
    expect(r.company.pipeline.weighted.weighted).toBe(170_000);
    expect(r.quality.issues.filter((i) => i.code === 'DealWithoutAccount').map((i) => [i.file, i.line])).toEqual([['Opportunity.csv', 13]]);
  });

  it('meetings: held once their local day has come (UTC start converted), booked while ahead', async () => {
    const { records } = await loaded('salesforce-data-export');
    const events = records.activities.filter((a) => a.file === 'Event.csv').map((a) => [a.line, a.type, a.date]);
    expect(events).toEqual([
      [2, 'meeting_held', '2026-11-10'],
      [3, 'meeting_booked', '2026-11-25'],
      [4, 'meeting_held', '2026-11-18'],
      [5, 'meeting_booked', '2026-11-21'],
      [6, 'meeting_held', '2026-11-20'],
    ]);
    const tasks = records.activities.filter((a) => a.file === 'Task.csv').map((a) => [a.type, a.date, a.dealId ?? '', a.durationMinutes ?? '']);
    expect(tasks).toEqual([
      ['call', '2026-11-18', '0065g00000C06AAAAI', 5],
      ['email', '2026-11-17', '0065g00000C07AAAAI', ''],
      ['task', '2026-11-19', '', ''],
      ['call', '2026-11-16', '0065g00000C08AAAAI', ''],
      ['email', '2026-11-12', '0065g00000C07AAAAI', ''],
      ['task', '2026-11-10', '0065g00000C13AAAAI', ''],
      ['call', '2026-11-20', '0065g00000C13AAAAI', 10],
    ]);
  });

  it('logs what it recognised, and what it leaves alone', async () => {
    const { sources } = await loaded('salesforce-data-export');
    expect(sources).toContain(
      'OpportunityHistory.csv: Salesforce OpportunityHistory.csv (Data Export) recognised but not read (stage history is not used yet)',
    );
    expect(sources).toContain('not recognised, not read: Contact.csv');
    expect(sources).toContain('exchange rates: EUR, DKK from CurrencyType.csv (settings win)');
    expect(sources.find((line) => line.startsWith('deals: '))).toBe(
      'deals: Salesforce Opportunity.csv (Data Export) (Id, Name, StageName, CloseDate, …) in Opportunity.csv',
    );
  });

  it('people get their department as team; a user without one has no team', async () => {
    const { records } = await loaded('salesforce-data-export');
    expect(records.users.map((u) => [u.name, u.teamId])).toEqual([
      ['Anna Berg', 'Stockholm'],
      ['Bo Lind', 'Göteborg'],
      ['Karin Ek', 'Nordics'],
      ['Integration User', ''],
    ]);
  });
});

describe('Salesforce report export (UI labels, US dates, footer)', () => {
  it('skips the footer, falls back to the name as id, and names the report columns in messages', async () => {
    const r = await report('salesforce-report');
    expect(accounting(r)).toEqual([
      ['report1763630400000.csv', 10, 8, 2],
      ['report1763630460000.csv', 5, 5, 0],
    ]);
    expect(rejections(r)).toEqual([
      'UnknownStage report1763630400000.csv:9:4: Stage: unknown stage "Demo" (known: qualification, meeting, proposal, negotiation, won, lost)',
      'DuplicateId report1763630400000.csv:10:3: Opportunity Name: id "Älvdalens - tillägg" already used on line 7',
    ]);
  });

  it('won volume and open pipeline', async () => {
    const r = await report('salesforce-report');
    const ytd = r.company.volume.yearToDate;
    expect([ytd.wonDeals, ytd.contractVolume]).toEqual([3, 460_000]);
    expect([r.company.pipeline.open.count, r.company.pipeline.open.amount]).toEqual([4, 360_000]);
  });
});

describe('HubSpot exports (Record ID, property labels, owners by name)', () => {
  it('accounts for every row of deals, companies, calls, meetings and users', async () => {
    const r = await report('hubspot');
    expect(accounting(r)).toEqual([
      ['hubspot-crm-exports-all-deals-2026-11-20.csv', 12, 11, 1],
      ['hubspot-crm-exports-all-companies-2026-11-20.csv', 5, 5, 0],
      ['hubspot-crm-exports-calls-2026-11-20.csv', 6, 5, 1],
      ['hubspot-crm-exports-meetings-2026-11-20.csv', 5, 5, 0],
      ['hubspot-users-export.csv', 3, 3, 0],
    ]);
    expect(rejections(r)).toEqual([
      'UnknownStage hubspot-crm-exports-all-deals-2026-11-20.csv:11:3: Deal Stage: unknown stage "Discovery" (known: qualification, meeting, proposal, negotiation, won, lost)',
      'MissingValue hubspot-crm-exports-calls-2026-11-20.csv:5:3: Activity date: required value is empty',
    ]);
  });

  it('won volume (a "…won" stage of another pipeline counts), open pipeline by default pipeline stages', async () => {
    const r = await report('hubspot');
    const ytd = r.company.volume.yearToDate;
    expect([ytd.wonDeals, ytd.contractVolume]).toEqual([4, 540_000]);
    expect([r.company.pipeline.open.count, r.company.pipeline.open.amount]).toEqual([5, 360_000]); // + line 10 (1009), open without amount;
    expect(r.company.pipeline.weighted.weighted).toBe(189_000);
    expect(Object.fromEntries(r.teams.map((t) => [t.id, t.figures.volume.yearToDate.contractVolume]))).toEqual({
      // Karin Ek's open deal 1009 (no amount) is kept now; the users export gives her two teams
      // ("Stockholm;Partners", so none), so the deal sits in the "no team" row, with no won volume.
      '': 0,
      Göteborg: 200_000,
      Stockholm: 340_000,
    });
  });

  it('owner names become user ids; calls in minutes; meeting outcomes held or booked', async () => {
    const { records } = await loaded('hubspot');
    expect(records.deals.map((d) => d.ownerId)).toEqual(['21001', '21002', '21001', '21003', '21002', '21001', '21002', '21001', '21003', '21001', '']);
    expect(records.activities.map((a) => [a.id, a.type, a.durationMinutes])).toEqual([
      ['7001', 'call', 5],
      ['7002', 'call', 2.08],
      ['7003', 'call', 0],
      ['7005', 'call', 1.5],
      ['7006', 'call', 1],
      ['8001', 'meeting_held', 60],
      ['8002', 'meeting_booked', 90],
      ['8003', 'meeting_booked', 60],
      ['8004', 'meeting_booked', 60],
      ['8005', 'meeting_held', 45],
    ]);
    expect(records.deals.find((d) => d.id === '1012')?.accountId).toBe('5005');
  });
});

describe('Pipedrive exports (Entity - Field headers, status, names for links)', () => {
  it('accounts for every row; a deleted deal is skipped', async () => {
    const r = await report('pipedrive');
    expect(accounting(r)).toEqual([
      ['deals-8251733-17.csv', 12, 11, 1],
      ['organizations-8251733-18.csv', 5, 5, 0],
      ['activities-8251733-19.csv', 8, 7, 1],
    ]);
    expect(rejections(r)).toEqual([
      'UnknownStage deals-8251733-17.csv:14:12: Deal - Stage: unknown stage "Partner review" (known: qualification, meeting, proposal, negotiation, won, lost)',
      'UnknownActivityType activities-8251733-19.csv:8:3: Activity - Type: unknown activity type "Demo" (known: call, email, meeting_booked, meeting_held, proposal, task, note)',
    ]);
  });

  it('won volume by status and won time, whatever stage the deal closed in; open pipeline', async () => {
    const r = await report('pipedrive');
    const ytd = r.company.volume.yearToDate;
    expect([ytd.wonDeals, ytd.contractVolume]).toEqual([4, 540_000]);
    expect([r.company.pipeline.open.count, r.company.pipeline.open.amount]).toEqual([5, 390_000]); // + line 10 (109) 30 000, open without expected close date;
  });

  it('organisation names resolve to organisation ids; without users, people come from owner names', async () => {
    const { records } = await loaded('pipedrive');
    expect(records.deals.map((d) => d.accountId)).toEqual(['11', '12', '13', '14', '15', '11', '12', '13', '14', 'Lena Holm', '11']);
    expect(records.deals.map((d) => d.close).slice(0, 5)).toEqual(['2026-03-12', '2026-06-30', '2026-09-15', '2026-05-02', '2026-10-01']);
    expect(records.activities.map((a) => [a.type, a.durationMinutes ?? ''])).toEqual([
      ['call', 5],
      ['meeting_held', 60],
      ['meeting_booked', 90],
      ['email', ''],
      ['task', ''],
      ['meeting_held', 75],
      ['task', ''],
    ]);
    const r = await report('pipedrive');
    expect(r.quality.issues.map((i) => `${i.code} ${formatIssue(i)}`)).toEqual([
      'OpenDealWithoutCloseDate deals-8251733-17.csv:10: close_date: open deal "Fjärdingen – etapp 2" has no expected close date',
      'UnknownAccount deals-8251733-17.csv:12: account_id: account "Lena Holm" is not in accounts.csv',
    ]);
  });
});

describe('a hand-mapped spreadsheet (mapping in tavla.config.json)', () => {
  it('reads Affärer.csv and Aktiviteter.csv through the mapping, messages naming their own headers', async () => {
    const r = await report('generic');
    expect(accounting(r)).toEqual([
      ['Affärer.csv', 11, 8, 3],
      ['Aktiviteter.csv', 4, 3, 1],
    ]);
    expect(rejections(r)).toEqual([
      'BadNumber Affärer.csv:10:6: Ordervärde: expected a number, got "12,3,4"',
      'UnknownStage Affärer.csv:11:5: Fas: unknown stage "Okänd" (known: Prospekt, Offert, Förhandling, Vunnen, Förlorad)',
      'BadDate Affärer.csv:12:9: Avslut: expected a date (day.month.year), got "31.02.2027" (no such day)',
      'UnknownActivityType Aktiviteter.csv:5:2: Typ: unknown activity type "Lunch" (known: call, email, meeting_booked, meeting_held, proposal, task, note)',
    ]);
  });

  it('decimal comma resolves 120.000; won volume, channels and open pipeline', async () => {
    const r = await report('generic');
    const ytd = r.company.volume.yearToDate;
    expect([ytd.wonDeals, ytd.contractVolume]).toEqual([4, 540_000]);
    expect([ytd.byChannel.new.contractVolume, ytd.byChannel.renewal.contractVolume, ytd.byChannel.upsell.contractVolume]).toEqual([320_000, 120_000, 100_000]);
    expect([r.company.pipeline.open.count, r.company.pipeline.open.amount]).toEqual([3, 285_000]);
  });
});
