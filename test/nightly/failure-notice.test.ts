import { describe, expect, it } from 'vitest';
import { withFailureNotice } from '../../src/nightly/failure-notice.ts';

const page = (lang: string, inner = '') =>
  `<html lang="${lang}"><body><div class="status" data-nightly-status data-built-at="2026-12-06T01:31:00.000Z">${inner}</div><main>figures</main></body></html>`;

describe('the notice of a failed night', () => {
  it("is written in the page's language, with the last good build's time in the report's zone", () => {
    // 01:31 UTC is 02:31 in Stockholm (CET, UTC+1).
    expect(withFailureNotice(page('sv'), '2026-12-07', 'Europe/Stockholm')).toContain(
      '<p class="alert" role="alert">Nattens uppdatering 7 december 2026 misslyckades. Sidorna visar den senaste lyckade byggningen, från 6 dec. 2026 02:31: siffrorna kan vara inaktuella.</p>',
    );
    expect(withFailureNotice(page('en'), '2026-12-07', 'Europe/Stockholm')).toContain('The nightly update of 7 December 2026 failed.');
  });

  it('replaces an earlier notice instead of adding a second, and leaves the figures alone', () => {
    const once = withFailureNotice(page('da'), '2026-12-07', 'Europe/Stockholm');
    const twice = withFailureNotice(once, '2026-12-08', 'Europe/Stockholm');
    expect(twice.match(/role="alert"/g)).toHaveLength(1);
    expect(twice).toContain('Nattens opdatering 8. december 2026 mislykkedes.');
    expect(twice).toContain('<main>figures</main>');
  });

  it('leaves a page without the status element as it is', () => {
    expect(withFailureNotice('<html lang="sv"><body>redirect</body></html>', '2026-12-07', 'UTC')).toBe('<html lang="sv"><body>redirect</body></html>');
  });
});
