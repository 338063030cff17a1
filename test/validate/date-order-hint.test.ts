import { describe, expect, it } from 'vitest';
import { dateOrderHints } from '../../src/validate/date-order-hint.ts';
import type { Issue } from '../../src/core/issue.ts';

const bad = (line: number, value: string, order = 'dmy', field = 'Close Date'): Issue => ({
  code: 'BadDate',
  file: 'Leads.csv',
  line,
  field,
  message: `expected a date (${order === 'dmy' ? 'day/month/year' : 'month/day/year'}), got "${value}"; is the setting dateOrder ("${order}") right for this export?`,
});

describe('dateOrderHints', () => {
  it('names the setting and an example when most rows of a file fail on the day order', () => {
    // 4 rows read, 3 fail on Close Date (3 > 4 / 2).
    expect(dateOrderHints([{ file: 'Leads.csv', read: 4 }], [bad(2, '3/15/2017'), bad(3, '6/30/2017'), bad(5, '12/24/2017')])).toEqual([
      'Leads.csv: Close Date: 3 of 4 rows have dates that are impossible as day/month/year but real as month/day/year (e.g. "3/15/2017"): set "dateOrder": "mdy" in tavla.config.json',
    ]);
  });

  it('says nothing for a few stray rows, or for dates bad in both orders', () => {
    expect(dateOrderHints([{ file: 'Leads.csv', read: 4 }], [bad(2, '3/15/2017'), bad(3, '6/30/2017')])).toEqual([]);
    const impossible: Issue = {
      code: 'BadDate',
      file: 'Leads.csv',
      line: 2,
      field: 'Close Date',
      message: 'expected a date (day/month/year), got "31/02/2026" (no such day)',
    };
    expect(dateOrderHints([{ file: 'Leads.csv', read: 1 }], [impossible])).toEqual([]);
  });

  it('points the other way for a month-first setting', () => {
    expect(dateOrderHints([{ file: 'Leads.csv', read: 1 }], [bad(2, '23.11.2026', 'mdy', 'Avslut')])).toEqual([
      'Leads.csv: Avslut: 1 of 1 rows have dates that are impossible as month/day/year but real as day/month/year (e.g. "23.11.2026"): set "dateOrder": "dmy" in tavla.config.json',
    ]);
  });
});
