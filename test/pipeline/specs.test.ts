// The record kinds and their canonical files.
import { describe, expect, it } from 'vitest';
import { SPECS } from '../../src/pipeline/specs.ts';

describe('SPECS', () => {
  it('names each kind’s canonical file after it, in the fixed file order of the reports', () => {
    expect(Object.entries(SPECS).map(([target, spec]) => [target, spec.file])).toEqual([
      ['deals', 'deals.csv'],
      ['accounts', 'accounts.csv'],
      ['activities', 'activities.csv'],
      ['users', 'users.csv'],
      ['targets', 'targets.csv'],
      ['funnel', 'funnel.csv'],
      ['invoices', 'invoices.csv'],
      ['leads', 'leads.csv'],
    ]);
    expect(
      Object.values(SPECS)
        .filter((spec) => spec.required)
        .map((spec) => spec.file),
    ).toEqual(['deals.csv']);
  });
});
