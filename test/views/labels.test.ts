import { describe, expect, it } from 'vitest';
import { measureLabel, measureOrActivityLabel } from '../../src/views/labels.ts';

describe('measure labels', () => {
  it('names channels, totals, revenue and activity goals in the page language', () => {
    expect(measureLabel('sv', 'volume:winback')).toBe('Återvunna kunder');
    expect(measureOrActivityLabel('sv', 'volume:total')).toBe('Totalt');
    expect(measureOrActivityLabel('da', 'activity:call')).not.toContain('activity:');
    expect(measureOrActivityLabel('sv', 'activity:meeting_held')).not.toContain('meeting_held');
  });

  it('leaves an unknown measure as written rather than inventing a name', () => {
    expect(measureOrActivityLabel('sv', 'activity:juggling')).toBe('activity:juggling');
    expect(measureOrActivityLabel('sv', 'volume:other')).toBe('volume:other');
  });
});
