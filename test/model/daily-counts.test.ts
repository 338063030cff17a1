import { describe, expect, it } from 'vitest';
import { DailyCounts } from '../../src/model/daily-counts.ts';

const counts = (rows: [string, number, number?][], types = 3) => {
  const daily = new DailyCounts(types);
  for (const [date, type, count] of rows) daily.add(date, type, count);
  return daily;
};

describe('DailyCounts', () => {
  it('adds per day and type, and lists only days with counts', () => {
    const daily = counts([
      ['2026-02-03', 0],
      ['2026-02-03', 0],
      ['2026-02-03', 2],
      ['2026-02-04', 1, 5],
    ]);
    expect(daily.get('2026-02-03')).toEqual([2, 0, 1]);
    expect(daily.get('2026-02-04')).toEqual([0, 5, 0]);
    // A day of the same block without activities, and a day in no block.
    expect(daily.get('2026-02-05')).toBeUndefined();
    expect(daily.get('2030-01-01')).toBeUndefined();
  });

  it('lists days in date order across blocks, years and dates before 1970', () => {
    // 1969-12-31 is day -1 (block -1), 1970-01-01 day 0 (block 0); 2026-03-31 is day 20543 and
    // 2026-04-01 day 20544 = 321 · 64, the first day of the next block.
    const daily = counts([
      ['2026-04-01', 1],
      ['1970-01-01', 0],
      ['2026-03-31', 2],
      ['1969-12-31', 0, 3],
    ]);
    expect([...daily]).toEqual([
      ['1969-12-31', [3, 0, 0]],
      ['1970-01-01', [1, 0, 0]],
      ['2026-03-31', [0, 0, 1]],
      ['2026-04-01', [0, 1, 0]],
    ]);
  });

  it('adds to the right day when rows go back and forth between dates and blocks', () => {
    // The date last added to is remembered: each change of date, and a date back again, must
    // still count on its own day (2026-04-01 opens the next 64-day block).
    const daily = counts([
      ['2026-03-31', 0],
      ['2026-04-01', 0],
      ['2026-03-31', 1],
      ['2026-03-31', 1],
      ['2026-04-01', 2],
    ]);
    daily.add(['2026', '03', '31'].join('-'), 2); // equal text, another string
    expect(daily.get('2026-03-31')).toEqual([1, 2, 1]);
    expect(daily.get('2026-04-01')).toEqual([1, 0, 1]);
  });

  it('adds another owner part (addAll) without changing it', () => {
    const a = counts([['2026-02-03', 0]]);
    const b = counts([
      ['2026-02-03', 0, 2],
      ['2026-09-01', 1],
    ]);
    a.addAll(b);
    expect([...a]).toEqual([
      ['2026-02-03', [3, 0, 0]],
      ['2026-09-01', [0, 1, 0]],
    ]);
    a.add('2026-09-01', 1);
    expect(b.get('2026-09-01')).toEqual([0, 1, 0]);
  });

  it('packs to plain data and back', () => {
    const daily = counts([
      ['2026-02-03', 0],
      ['2026-11-20', 2, 4],
    ]);
    const copy = DailyCounts.unpack(structuredClone(daily.pack()));
    expect([...copy]).toEqual([...daily]);
  });

  it('compares by its days in toEqual (it is iterable)', () => {
    expect(counts([['2026-02-03', 0]])).toEqual(counts([['2026-02-03', 0]]));
    expect(counts([['2026-02-03', 0]])).not.toEqual(counts([['2026-02-03', 1]]));
  });

  it('adds by day number as by date, also when days alternate', () => {
    // 2026-04-01 is day 20544 (see above), 2026-03-31 day 20543.
    const daily = new DailyCounts(2);
    daily.addOn(20544, 0);
    daily.addOn(20543, 1);
    daily.add('2026-04-01', 0, 2);
    daily.addOn(20543, 1);
    expect([...daily]).toEqual([
      ['2026-03-31', [0, 2]],
      ['2026-04-01', [3, 0]],
    ]);
  });
});
