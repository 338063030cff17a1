import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PIPELINE_ENV, restartForPipelineEnv } from '../../src/pipeline/process-settings.ts';

describe('restartForPipelineEnv', () => {
  it('restarts a build on Linux until the C library settings are set, and nowhere else', () => {
    expect(restartForPipelineEnv({}, 'linux')).toBe(true);
    expect(restartForPipelineEnv({ ...PIPELINE_ENV }, 'linux')).toBe(false);
    expect(restartForPipelineEnv({ MALLOC_MMAP_THRESHOLD_: '131072' }, 'linux')).toBe(false); // set by the user: kept
    expect(restartForPipelineEnv({}, 'darwin')).toBe(false);
    expect(restartForPipelineEnv({}, 'win32')).toBe(false);
  });

  it('sets glibc’s mmap threshold to 64 KiB', () => {
    expect(PIPELINE_ENV).toEqual({ MALLOC_MMAP_THRESHOLD_: '65536' });
  });

  it('gives a process started with PIPELINE_ENV no reason to restart', () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', `import('${new URL('../../src/pipeline/process-settings.ts', import.meta.url).href}').then((m) => process.stdout.write(String(m.restartForPipelineEnv())))`], {
      encoding: 'utf8',
      env: { ...process.env, ...PIPELINE_ENV },
    });
    expect(child.stdout).toBe('false');
  });
});
