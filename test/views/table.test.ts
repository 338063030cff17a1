import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from '../../src/views/table.ts';

describe('CSV downloads', () => {
  it('neutralises spreadsheet formulas but keeps negative numbers', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(neutraliseFormula("+cmd|' /C calc'!A0")).toBe(`'+cmd|' /C calc'!A0`);
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('-12.5')).toBe('-12.5');
    expect(neutraliseFormula('Ärlig AB')).toBe('Ärlig AB');
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
    expect(csv).toBe(
      '\uFEFFaccount,amount\r\n"Berg, Sten & Co ""AB""",1234.5\r\n\'=1+1,\r\n<script>alert(1)</script>,-3\r\n',
    );
  });
});
