import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/core/records.ts';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import { people } from '../../src/report/people.ts';
import { scrubPeople } from '../../src/report/scrub-people.ts';

const user = (id: string, name: string, email?: string): User => ({ id, name, email, teamId: 't', hats: [], file: 'users.csv', line: 2 });

describe('scrubPeople', () => {
  const users = [user('anna.lind', 'Anna Lind', 'anna@example.se'), user('7', 'Bo Ek')];
  const refs = people(users, true);

  it('replaces ids exactly, and names and e-mails inside strings, but never numbers or keys', () => {
    const report = {
      ownerId: 'anna.lind',
      other: '7',
      count: 7,
      message: 'deal owned by Anna Lind (anna@example.se); owner "anna.lind" unknown',
      nested: [{ seller: 'Bo Ek', note: 'Bo Eklund AB' }],
      'anna.lind': 1,
    };
    // Pseudonyms follow id order: '7' < 'anna.lind', so Bo Ek is person-1 and Anna Lind person-2.
    expect(scrubPeople(report, users, refs)).toEqual({
      ownerId: 'person-2',
      other: 'person-1',
      count: 7,
      message: 'deal owned by A L (person-2); owner "person-2" unknown',
      // "Bo Ek" inside "Bo Eklund AB" is replaced too: names are matched as text, erring on the side of hiding.
      nested: [{ seller: 'B E', note: 'B Elund AB' }],
      'anna.lind': 1,
    });
  });
});

describe('an initials-only build', () => {
  it('publishes no full name and no name-like id anywhere in the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tavla-initials-'));
    cpSync(join(import.meta.dirname, '../scenarios/small-company/input'), dir, { recursive: true });
    const settingsPath = join(dir, 'tavla.config.json');
    writeFileSync(settingsPath, JSON.stringify({ ...JSON.parse(readFileSync(settingsPath, 'utf8')), initialsOnly: true }));
    const result = await runPipeline({ dataDir: dir, now: new Date('2026-06-15T12:00:00Z'), log: () => {} });
    if (!result.ok) throw new Error(result.messages.join('\n'));
    const json = JSON.stringify(result.site.report);
    const [header, ...rows] = readFileSync(join(dir, 'users.csv'), 'utf8').trim().split(/\r?\n/);
    const columns = header!.split(',');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cells = row.split(',');
      const name = cells[columns.indexOf('name')]!;
      const id = cells[columns.indexOf('id')]!;
      expect(json, name).not.toContain(name);
      expect(json, id).not.toContain(`"${id}"`);
    }
    expect(result.site.report.meta.initialsOnly).toBe(true);
  });
});
