import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from '../../src/views/table.ts';

/** Every prefix a spreadsheet program evaluates: ASCII and full-width = + - @, tab, CR. */
const PREFIXES = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

/** The cells of the one row of a CSV with an empty header, as a reader sees them (quotes undone). */
function cellsOf(csv: string): string[] {
  const line = csv.slice('\uFEFF\r\n'.length, -2);
  const cells: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let end = at + 1;
      let text = '';
      for (;;) {
        const quote = line.indexOf('"', end);
        text += line.slice(end, quote);
        if (line[quote + 1] === '"') {
          text += '"';
          end = quote + 2;
        } else {
          at = quote + 2;
          break;
        }
      }
      cells.push(text);
    } else {
      const comma = line.indexOf(',', at);
      const end = comma === -1 ? line.length : comma;
      cells.push(line.slice(at, end));
      at = end + 1;
    }
  }
  return cells;
}

describe('CSV downloads', () => {
  it('neutralises spreadsheet formulas but keeps negative numbers', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(neutraliseFormula("+cmd|' /C calc'!A0")).toBe(`'+cmd|' /C calc'!A0`);
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('-12.5')).toBe('-12.5');
    expect(neutraliseFormula('Ärlig AB')).toBe('Ärlig AB');
  });

  it('neutralises a minus followed by a digit when more than a number follows', () => {
    expect(neutraliseFormula("-2+3+cmd|' /C calc'!A0")).toBe(`'-2+3+cmd|' /C calc'!A0`);
    expect(neutraliseFormula('-1-1')).toBe(`'-1-1`);
    expect(neutraliseFormula('-3e-7')).toBe('-3e-7');
  });

  it.each(PREFIXES)('neutralises every text cell starting with %j (property)', (prefix) => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (rest) => {
        const value = `${prefix}${rest}`;
        const [cell, next] = cellsOf(toCsv({ csv: { header: [], rows: [[value, 'next']] } }));
        const isNumber = /^-\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value);
        expect(cell).toBe(isNumber ? value : `'${value}`);
        expect(next).toBe('next');
      }),
      { numRuns: 300 },
    );
  });

  it('leaves other text as it is, and writes numbers (negative ones too) as numbers (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).filter((t) => !PREFIXES.includes(t[0]!)),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (text, number) => {
          const [cell, amount] = cellsOf(toCsv({ csv: { header: [], rows: [[text, number]] } }));
          expect(cell).toBe(text);
          expect(Number(amount)).toBe(number === 0 ? 0 : number);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes RFC 4180 with BOM and CRLF, quoting what needs it', () => {
    const csv = toCsv({
      csv: {
        header: ['account', 'amount'],
        rows: [
          ['Berg, Sten & Co "AB"', 1234.5],
          ['=1+1', null],
          ['<script>alert(1)</script>', -3],
        ],
      },
    });
    expect(csv).toBe('\uFEFFaccount,amount\r\n"Berg, Sten & Co ""AB""",1234.5\r\n\'=1+1,\r\n<script>alert(1)</script>,-3\r\n');
  });
});
