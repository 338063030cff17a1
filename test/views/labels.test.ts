import { describe, expect, it } from 'vitest';
import { measureLabel } from '../../src/views/labels.ts';

describe('measure labels', () => {
  it('names channels, totals, revenue and activity goals in the page language', () => {
    expect(measureLabel('sv', 'volume:winback')).toBe('Återvunna kunder');
    expect(measureLabel('sv', 'volume:total')).toBe('Totalt');
    expect(measureLabel('da', 'activity:call')).not.toContain('activity:');
    expect(measureLabel('sv', 'activity:meeting_held')).not.toContain('meeting_held');
  });

  it('leaves an unknown measure as written rather than inventing a name', () => {
    expect(measureLabel('sv', 'activity:juggling')).toBe('activity:juggling');
    expect(measureLabel('sv', 'volume:other')).toBe('volume:other');
  });
});
