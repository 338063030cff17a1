// One kind of record read from its canonical file or from the CRM exports standing in for it.
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { planSources } from '../../src/presets/detect.ts';
import { readTarget } from '../../src/pipeline/read-target.ts';
import { SPECS } from '../../src/pipeline/specs.ts';
import { loadSettings } from '../../src/settings/load-settings.ts';
import { settingsSchema } from '../../src/settings/schema.ts';
import { TINY, tempFolders } from './folder.ts';

const temp = tempFolders('read-target');
afterAll(() => temp.cleanup());
const settings = settingsSchema.parse({ asOf: '2026-11-20' });

describe('readTarget', () => {
  it('reads the canonical file and hands each accepted record to keep, with its file', async () => {
    const kept: [string, string][] = [];
    const [result, ...more] = await readTarget(temp.folder(TINY), SPECS.accounts, settings, [], {
      asOf: '2026-11-20',
      keep: (record, file) => kept.push([file, (record as { id: string }).id]),
    });
    expect(more).toEqual([]);
    expect(result).toMatchObject({ file: 'accounts.csv', present: true, read: 2, accepted: 2, records: [] });
    expect(kept).toEqual([
      ['accounts.csv', 'A1'],
      ['accounts.csv', 'A2'],
    ]);
  });

  it('an absent optional file is one result, not present', async () => {
    const results = await readTarget(temp.folder(TINY), SPECS.targets, settings, [], { asOf: '2026-11-20' });
    expect(results.map((r) => [r.file, r.present, r.read])).toEqual([['targets.csv', false, 0]]);
  });

  it('reads each CRM export standing in for the canonical file under its own name', async () => {
    const dir = fileURLToPath(new URL('../fixtures/crm/hubspot', import.meta.url));
    const loaded = await loadSettings(dir);
    if (!loaded.ok) throw new Error('settings');
    const plan = await planSources(dir, loaded.settings, SPECS);
    const sources = plan.sources.filter((s) => s.target === 'activities');
    const results = await readTarget(dir, SPECS.activities, loaded.settings, sources, { asOf: '2026-11-20' });
    expect(results.map((r) => r.file)).toEqual(['hubspot-crm-exports-calls-2026-11-20.csv', 'hubspot-crm-exports-meetings-2026-11-20.csv']);
    for (const r of results) expect(r.read).toBe(r.accepted + r.rejected);
  });
});
