import { describe, expect, it } from 'vitest';
import { joinPeriodLists, lazyPeriodLists, periodLines, withoutPeriodLists, type PeriodIndex } from '../../src/views/period-parts.ts';
import type { Report } from '../../src/report/site-model.ts';

// The period lists between other keys, as in the report; letters outside ASCII take two bytes.
const report = {
  meta: { company: 'Fjällbacka AB' },
  weeks: [{ week: '2026-W46', note: 'Ærø' }, { week: '2026-W47' }],
  months: [{ month: '2026-11' }],
  meetings: { attention: {}, agendas: [{ a: 1 }, { a: 2 }], packs: [{ p: 'ö' }], sellers: [] },
  quality: {},
} as unknown as Report;

function written(): { text: string; bytes: Buffer; index: PeriodIndex } {
  const lines = periodLines(report, 'periods-x.jsonl');
  let text = '';
  for (;;) {
    const next = lines.next();
    if (next.done) return { text, bytes: Buffer.from(text), index: next.value };
    text += next.value;
  }
}

describe('the period lists in a file of their own', () => {
  it('are one line per item, each span the bytes of its line', () => {
    const { text, bytes, index } = written();
    expect(text.split('\n')).toHaveLength(6 + 1);
    // '{"week":"2026-W46","note":"Ærø"}' is 32 characters and 34 bytes (Æ and ø take two each).
    expect(index.spans.weeks[0]).toEqual([0, 34]);
    expect(index.spans.weeks[1]).toEqual([35, '{"week":"2026-W47"}'.length]);
    expect(index.weeks).toEqual(['2026-W46', '2026-W47']);
    expect(index.months).toEqual(['2026-11']);
    const [offset, length] = index.spans.packs[0]!;
    expect(JSON.parse(bytes.toString('utf8', offset, offset + length))).toEqual({ p: 'ö' });
  });

  it('put back whole or read lazily, give the same report text, key order and all', () => {
    const { bytes, index } = written();
    const reads: number[] = [];
    const read = ([offset, length]: [number, number]) => {
      reads.push(offset);
      return JSON.parse(bytes.toString('utf8', offset, offset + length)) as unknown;
    };
    const stored = withoutPeriodLists(report);
    expect(Object.keys(stored)).toEqual(Object.keys(report));
    expect(stored.weeks).toEqual([]);
    expect(JSON.stringify(joinPeriodLists(stored, index, read))).toBe(JSON.stringify(report));
    reads.length = 0;
    const lazy = lazyPeriodLists(stored, index, read);
    expect(reads).toEqual([]);
    expect(lazy.weeks[1]).toEqual({ week: '2026-W47' });
    expect(lazy.weeks[1]).toBe(lazy.weeks[1]);
    expect(reads).toEqual([35]);
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(report));
    expect([...lazy.meetings.agendas]).toEqual([{ a: 1 }, { a: 2 }]);
  });
});
