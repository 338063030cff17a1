import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';

const input = join(import.meta.dirname, '../scenarios/small-company/input');
const now = new Date('2026-06-15T12:00:00Z');

describe('a build restricted to one market team', () => {
  it('contains no other team’s customers, people or deals', async () => {
    const result = await runPipeline({ dataDir: input, team: 'stockholm', now, log: () => {} });
    if (!result.ok) throw new Error(result.messages.join('\n'));
    const json = JSON.stringify(result.site.report);
    // Malmö's customers (accounts.csv A-03, A-04, A-06), people and deals must not appear.
    for (const other of ['Kvarnby', 'Lundqvist', 'Österlen', 'Karin Lund', 'karin.lund', 'Nils Ek', 'nils.ek', 'D-102', 'D-110']) {
      expect(json, other).not.toContain(other);
    }
    // Stockholm's own are there: and its two people.
    for (const own of ['Björkdal Bygg AB', 'Havsö Logistik AB', 'Norrvik Energi AB', 'Anna Berg', 'Olle Sjö']) {
      expect(json, own).toContain(own);
    }
    expect(result.site.report.teams.map((t) => t.id)).toEqual(['stockholm']);
    // Stockholm's deals by hand: D-101, 103, 105, 106, 107, 109, 111, 115, 116 (D-120 is rejected).
    expect(result.site.report.sellers.flatMap((s) => s.openDeals.deals.map((d) => d.id)).sort()).toEqual(['D-115', 'D-116']);
  });

  it('withholds rejected-row messages, which may quote other teams’ data', async () => {
    const result = await runPipeline({ dataDir: input, team: 'stockholm', now, log: () => {} });
    if (!result.ok) throw new Error('expected a report');
    expect(result.site.report.rejected.map((r) => [r.file, r.line, r.code, r.message])).toEqual([
      ['deals.csv', 10, 'BadNumber', 'withheld in a team-restricted build'],
      ['deals.csv', 21, 'UnknownStage', 'withheld in a team-restricted build'],
    ]);
  });

  it('stops with a clear message for a team that does not exist', async () => {
    const result = await runPipeline({ dataDir: input, team: 'oslo', now, log: () => {} });
    expect(result).toEqual({ ok: false, messages: ['users.csv: no team "oslo" to restrict the build to (teams: malmo, stockholm)'] });
  });
});
