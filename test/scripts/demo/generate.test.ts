import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, CHANNELS } from '../../../src/core/records.ts';
import { settingsSchema } from '../../../src/settings/schema.ts';
import { CSV_FILES, generateDemo, type DemoDataset } from '../../../scripts/demo/generate.ts';

type Row = Record<string, string>;
const AS_OF = '2026-11-20';
const OPEN = new Set(['qualification', 'meeting', 'proposal', 'negotiation', 'Kvalificering', 'Behovsanalys', 'Offert', 'Förhandling']);
const WON = new Set(['won', 'Vunnen']);
const LOST = new Set(['lost', 'Förlorad']);
const LABELS: Row = { Nyförsäljning: 'new', Merförsäljning: 'upsell', Förlängning: 'renewal', 'Vinn tillbaka': 'winback' };
const addDays = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);

let demo: DemoDataset;
const rows: Record<string, Row[]> = {};
/** The row on a 1-based physical line, parsed on its own with the file's header. */
const rowAt = (file: string, line: number): Row => {
  const lines = demo.files[file]!.split('\n');
  return Papa.parse<Row>(`${lines[0]}\n${lines[line - 1]}`, { header: true }).data[0]!;
};

beforeAll(() => {
  demo = generateDemo();
  for (const file of CSV_FILES) {
    rows[file] = Papa.parse<Row>(demo.files[file]!, { header: true, skipEmptyLines: true }).data;
  }
});

describe('generateDemo', () => {
  it('is byte-identical when generated again', () => {
    const again = generateDemo();
    for (const [name, content] of Object.entries(demo.files)) expect(again.files[name] === content, name).toBe(true);
  });

  it('writes every file in the canonical dialect, under 10 MB', () => {
    expect(Object.keys(demo.files).sort()).toEqual([...CSV_FILES, 'README.md', 'tavla.config.json'].sort());
    let bytes = 0;
    for (const content of Object.values(demo.files)) {
      bytes += Buffer.byteLength(content);
      expect(content.charCodeAt(0)).not.toBe(0xfeff);
      expect(content).not.toContain('\r');
      expect(content.endsWith('\n')).toBe(true);
    }
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
    expect(demo.files['deals.csv']!.split('\n')[0]).toBe(
      'id,name,account_id,owner,stage,amount,currency,created_date,close_date,channel,product,contract_start,contract_end,term_months,forecast_category,source,lost_reason,sdr,updated_date',
    );
    expect(demo.files['deals.csv']).toMatch(/^D-\d+,"[^"\n]*""Analys Lite""",/m);
  });

  it('has a settings file the schema accepts', () => {
    const settings = settingsSchema.parse(JSON.parse(demo.files['tavla.config.json']!));
    expect(settings).toMatchObject({ company: 'Norrsken Data AB', currency: 'SEK', asOf: AS_OF, dateOrder: 'dmy', winbackMonths: 12, stalledDays: 30 });
    expect(settings.teamNames).toEqual({ stockholm: 'Stockholm', goteborg: 'Göteborg', malmo: 'Malmö' });
    const teams = new Set(rows['users.csv']!.map((u) => u.team));
    expect([...teams].sort()).toEqual(Object.keys(settings.teamNames).sort());
  });

  it('books every held meeting first, on the meeting day, and has about 10% no-shows', () => {
    const activities = rows['activities.csv']!;
    const deals = new Map(rows['deals.csv']!.map((d) => [d.id!, d]));
    const sdrs = new Set(rows['users.csv']!.filter((u) => /sdr_/.test(u.roles!)).map((u) => u.id!));
    const key = (a: Row) => `${a.date}|${a.account_id}|${a.deal_id}`;
    const bookings = new Map<string, Row[]>();
    for (const a of activities) if (a.type === 'meeting_booked') bookings.set(key(a), [...(bookings.get(key(a)) ?? []), a]);
    const held = activities.filter((a) => a.type === 'meeting_held');
    for (const h of held) {
      const options = bookings.get(key(h)) ?? [];
      expect(options.length, `${h.id} has no booking on ${h.date}`).toBeGreaterThan(0);
      // Booked by the meeting's owner, or by the SDR who set it up (the deal's, for a deal's first meeting).
      const sdrBooked = (b: Row) => (h.deal_id ? b.owner === deals.get(h.deal_id)?.sdr : sdrs.has(b.owner!));
      const booking = options.find((b) => b.owner === h.owner) ?? options.find(sdrBooked);
      expect(booking, `${h.id}: booked by ${options.map((b) => b.owner).join(', ')}`).toBeDefined();
      options.splice(options.indexOf(booking!), 1);
    }
    const past = activities.filter((a) => a.type === 'meeting_booked' && a.date! <= AS_OF).length;
    const notHeld = [...bookings.values()].flat().filter((b) => b.date! <= AS_OF).length;
    expect(notHeld / past).toBeGreaterThan(0.08);
    expect(notHeld / past).toBeLessThan(0.12);
  });

  it('has row counts in the requested ranges', () => {
    const n = demo.counts;
    expect(n['users.csv']).toBe(25);
    expect(n['accounts.csv']).toBeGreaterThanOrEqual(300);
    expect(n['accounts.csv']).toBeLessThan(1000);
    expect(n['deals.csv']).toBeGreaterThanOrEqual(2000);
    expect(n['deals.csv']).toBeLessThan(5000);
    expect(n['activities.csv']).toBeGreaterThanOrEqual(20_000);
    expect(n['activities.csv']).toBeLessThan(100_000);
    expect(n['funnel.csv']).toBe(151 * 3); // 2024-W01 .. 2026-W47, three teams
    expect(n['invoices.csv']).toBeGreaterThan(1000);
    for (const file of CSV_FILES) expect(rows[file]).toHaveLength(n[file]!);
  });

  it('covers all four channels and leaves about 30% of channels empty', () => {
    const deals = rows['deals.csv']!;
    const given = new Set(deals.map((d) => LABELS[d.channel!] ?? d.channel));
    for (const channel of CHANNELS) expect(given).toContain(channel);
    const empty = deals.filter((d) => d.channel === '').length / deals.length;
    expect(empty).toBeGreaterThan(0.25);
    expect(empty).toBeLessThan(0.35);
  });

  it('leaves a channel empty only where the exported history tells it', () => {
    const won = rows['deals.csv']!.filter((d) => WON.has(d.stage!));
    const truth = (name: string) =>
      name.includes('förlängning')
        ? 'renewal'
        : name.includes('(tillägg)') || name.includes('pilot')
          ? 'upsell'
          : name.includes('återstart')
            ? 'winback'
            : 'new';
    for (const d of rows['deals.csv']!.filter((x) => x.channel === '')) {
      const before = won.filter((w) => w.account_id === d.account_id && w.close_date! < d.created_date!);
      const start = d.contract_start;
      const inferred =
        before.length === 0
          ? 'new'
          : start &&
              before.some((w) => w.product === d.product && w.contract_end && Math.abs(Date.parse(start) - Date.parse(w.contract_end)) <= 90 * 86_400_000)
            ? 'renewal'
            : before.some((w) => (w.contract_end || w.close_date!) >= addDays(d.created_date!, -365))
              ? 'upsell'
              : 'winback';
      expect(inferred, `${d.id} ${d.name}`).toBe(truth(d.name!));
    }
  });

  it('keeps stages, dates and people consistent outside the listed defects', () => {
    const defectLines = new Set(demo.defects.map((d) => `${d.file}:${d.line}`));
    rows['deals.csv']!.forEach((d, i) => {
      if (defectLines.has(`deals.csv:${i + 2}`)) return;
      if (WON.has(d.stage!)) expect(d.close_date! <= AS_OF && d.created_date! <= d.close_date!, d.id).toBe(true);
      if (LOST.has(d.stage!)) expect(d.lost_reason, d.id).not.toBe('');
      if (OPEN.has(d.stage!)) expect(d.close_date! > AS_OF, d.id).toBe(true);
      expect(d.owner, d.id).not.toBe('');
    });
    const future = rows['activities.csv']!.filter((a) => a.date! > AS_OF && a.type !== 'meeting_booked');
    expect(future.map((a) => a.id)).toEqual(demo.defects.filter((d) => d.code === 'FutureActivity').map((d) => d.id));
    const coming = rows['activities.csv']!.filter((a) => a.type === 'meeting_booked' && a.date! > AS_OF && a.date! <= addDays(AS_OF, 7));
    expect(coming.length).toBeGreaterThan(5);
  });

  it('has the one deliberate target gap: new business FY2025', () => {
    const targets = rows['targets.csv']!;
    for (const year of ['2024', '2025', '2026']) {
      for (const channel of CHANNELS) {
        const company = Number(targets.find((t) => t.period === `FY${year}` && t.scope === 'company' && t.measure === `volume:${channel}`)!.value);
        const sellers = targets
          .filter((t) => t.scope === 'seller' && t.period!.startsWith(`${year}-`) && t.measure === `volume:${channel}`)
          .reduce((sum, t) => sum + Number(t.value), 0);
        const teams = targets
          .filter((t) => t.scope === 'team' && t.period === `FY${year}` && t.measure === `volume:${channel}`)
          .reduce((sum, t) => sum + Number(t.value), 0);
        const isGap = year === '2025' && channel === 'new';
        expect(sellers < company, `${channel} FY${year}: ${sellers} vs ${company}`).toBe(isGap);
        expect(teams < company, `${channel} FY${year}: teams ${teams} vs ${company}`).toBe(isGap);
        if (isGap) {
          expect(demo.gap).toMatchObject({ channel, year: 2025, companyTarget: company, sellerSum: sellers, teamSum: teams });
          expect(rowAt('targets.csv', demo.gap.line)).toMatchObject({ period: 'FY2025', scope: 'company', measure: 'volume:new' });
        }
      }
    }
    for (const year of ['2024', '2025', '2026']) {
      const company = Number(targets.find((t) => t.period === `FY${year}` && t.scope === 'company' && t.measure === 'revenue')!.value);
      const kams = targets.filter((t) => t.period === `FY${year}` && t.scope === 'seller' && t.measure === 'revenue');
      expect(kams.reduce((sum, t) => sum + Number(t.value), 0)).toBeGreaterThanOrEqual(company);
    }
    expect(targets.some((t) => t.cadence === 'weekly' && t.measure === 'activity:call' && t.period === 'FY2026')).toBe(true);
    expect(targets.some((t) => t.measure === 'customers_worked' && t.period === 'FY2024')).toBe(true);
  });

  it('places every defect on the line it is listed at, and lists it in the README', () => {
    const codes = demo.defects.map((d) => d.code);
    expect(new Set(codes)).toEqual(
      new Set([
        'StaleDeal',
        'MissingOwner',
        'ClosePassed',
        'UnknownStage',
        'BadAmount',
        'CloseBeforeCreated',
        'DuplicateDealId',
        'UnknownAccount',
        'AccountWithoutOwner',
        'DuplicateAccount',
        'FutureActivity',
        'UnknownActivityType',
      ]),
    );
    const accountIds = new Set(rows['accounts.csv']!.map((a) => a.id));
    for (const defect of demo.defects) {
      const r = rowAt(defect.file, defect.line);
      expect(r.id, `${defect.code} ${defect.file}:${defect.line}`).toBe(defect.id);
      expect(demo.files['README.md']).toContain(`\`${defect.file}:${defect.line}\``);
      const check: Record<string, () => boolean> = {
        StaleDeal: () =>
          OPEN.has(r.stage!) &&
          r.updated_date! <= addDays(AS_OF, -60) &&
          rows['activities.csv']!.every((a) => a.deal_id !== r.id || a.date! <= r.updated_date!),
        MissingOwner: () => r.owner === '' && OPEN.has(r.stage!),
        ClosePassed: () => OPEN.has(r.stage!) && r.close_date! < AS_OF,
        UnknownStage: () => r.stage === 'Demo bokad',
        BadAmount: () => r.amount === '12,3,4',
        CloseBeforeCreated: () => r.close_date! < r.created_date!,
        DuplicateDealId: () => rows['deals.csv']!.filter((d) => d.id === r.id).length === 2,
        UnknownAccount: () => !accountIds.has(r.account_id!),
        AccountWithoutOwner: () => r.owner === '',
        DuplicateAccount: () => rows['accounts.csv']!.filter((a) => a.org_number === r.org_number).length === 2,
        FutureActivity: () => r.date! > AS_OF && r.type !== 'meeting_booked',
        UnknownActivityType: () => !(ACTIVITY_TYPES as readonly string[]).includes(r.type!),
      };
      expect(check[defect.code]!(), `${defect.code} at ${defect.file}:${defect.line}`).toBe(true);
    }
    expect(demo.files['README.md']).toContain(`${demo.gap.companyTarget}`.replace(/\B(?=(\d{3})+(?!\d))/g, ' '));
  });
});
