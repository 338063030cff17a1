import { describe, expect, it } from 'vitest';
import { nightlyOptions } from '../../src/nightly/options.ts';

const ROOT = '/opt/tavla/app';

describe('what a nightly run reads and writes', () => {
  it('refuses to run without a data source instead of building the demo', () => {
    expect(nightlyOptions({ TAVLA_HISTORY: '/srv/tavla/history' }, [], ROOT)).toMatch(/^no data source: set TAVLA_DATA/);
  });

  it('builds the demo only when asked for by name, with a throw-away history', () => {
    expect(nightlyOptions({}, ['--demo'], ROOT)).toEqual({
      dataDir: '/opt/tavla/app/data',
      demo: true,
      outDir: '/opt/tavla/app/dist',
      history: { kind: 'demo', from: '/opt/tavla/app/data/history' },
      team: undefined,
      asOf: undefined,
    });
    expect(nightlyOptions({ TAVLA_DATA: '/srv/x' }, ['--demo'], ROOT)).toMatch(/unset TAVLA_DATA/);
    expect(nightlyOptions({ TAVLA_DATA: '/srv/x' }, ['--demmo'], ROOT)).toMatch(/unknown argument --demmo/);
  });

  it('needs a history store that survives the night, outside the data folder', () => {
    expect(nightlyOptions({ TAVLA_DATA: '/srv/tavla/data' }, [], ROOT)).toMatch(/^no history store/);
    expect(nightlyOptions({ TAVLA_DATA: '/srv/tavla/data', TAVLA_HISTORY: '/srv/tavla/data/history' }, [], ROOT)).toMatch(/inside the data folder/);
    expect(nightlyOptions({ TAVLA_DATA: '/srv/tavla/data', TAVLA_HISTORY: '/h', TAVLA_HISTORY_GIT: 'https://example.com/h.git' }, [], ROOT)).toMatch(
      /not both/,
    );
  });

  it('takes the folders anywhere on the machine, and a git store with its branch', () => {
    const env = {
      TAVLA_DATA: '/srv/tavla/data',
      TAVLA_HISTORY: '/mnt/disk2/tavla-history',
      TAVLA_OUT: '/var/www/tavla',
      TAVLA_TEAM: 'malmo',
      TAVLA_AS_OF: '2026-12-01',
    };
    expect(nightlyOptions(env, [], ROOT)).toEqual({
      dataDir: '/srv/tavla/data',
      demo: false,
      outDir: '/var/www/tavla',
      history: { kind: 'folder', dir: '/mnt/disk2/tavla-history' },
      team: 'malmo',
      asOf: '2026-12-01',
    });
    const git = nightlyOptions({ TAVLA_DATA: '/srv/tavla/data', TAVLA_HISTORY_GIT: 'https://github.com/acme/tavla-history.git' }, [], ROOT);
    expect(typeof git !== 'string' && git.history).toEqual({ kind: 'git', remote: 'https://github.com/acme/tavla-history.git', branch: 'tavla-history' });
  });
});
