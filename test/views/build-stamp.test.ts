import { describe, expect, it } from 'vitest';
import type { Freshness } from '../../src/quality/freshness.ts';
import { buildStamp } from '../../src/views/build-stamp.ts';

const fresh: Freshness = {
  asOf: '2026-12-07',
  files: [{ file: 'deals.csv', newest: '2026-12-05', ageDays: 2 }],
  dataThrough: '2026-12-05',
  ageDays: 2,
  limitDays: 7,
  stale: false,
};

describe('the build stamp on every page', () => {
  it("says when the site was built, in the report's time zone, and how old the export is", () => {
    // 2026-12-07 01:31 UTC is 02:31 in Stockholm (CET, UTC+1).
    const stamp = buildStamp('en', '2026-12-07T01:31:00.000Z', 'Europe/Stockholm', fresh);
    expect(stamp.line).toBe('Built 7 Dec 2026, 02:31 from an export with data through 5 December 2026 (2 days old).');
    expect(stamp.staleWarning).toBeUndefined();
    expect(buildStamp('sv', '2026-12-07T01:31:00.000Z', 'Europe/Stockholm', fresh).line).toBe(
      'Byggd 7 dec. 2026 02:31 från en export med data till och med 5 december 2026 (2 dagar gammal).',
    );
  });

  it('warns when the export is stale', () => {
    // Data through 2026-11-27, as of 2026-12-07: 10 days, over the 7 allowed.
    const stale = { ...fresh, dataThrough: '2026-11-27', ageDays: 10, stale: true };
    expect(buildStamp('en', '2026-12-07T01:31:00.000Z', 'Europe/Stockholm', stale).staleWarning).toBe(
      "The export is out of date: its data run only to 27 November 2026, 10 days before 7 December 2026 (more than the 7 days allowed). The figures may be wrong; check the CRM's nightly export.",
    );
  });

  it('names only the build time when the export holds no dated row', () => {
    const undated = { ...fresh, files: [], dataThrough: null, ageDays: null };
    expect(buildStamp('da', '2026-12-07T01:31:00.000Z', 'Europe/Stockholm', undated)).toEqual({
      line: 'Bygget 7. dec. 2026, 02.31.',
      builtAt: '2026-12-07T01:31:00.000Z',
    });
  });
});
