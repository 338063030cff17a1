/**
 * Colours readable on the light and the dark page alike: every fill has at least 3:1 contrast
 * against white and against the dark background (#16181d), as WCAG 1.4.11 asks of graphics.
 * Axes, text and rules use `currentColor`, so they follow the page's text colour.
 */
import type { ChannelBucket } from '../core/records.ts';

/**
 * One hue per channel (blue, bluish green, orange, reddish purple: told apart with colour-blindness
 * too); volume whose channel is not set is grey, so it reads as no channel at all.
 */
export const CHANNEL_COLORS: Record<ChannelBucket, string> = {
  renewal: '#3b7dd8',
  upsell: '#1f8a8a',
  winback: '#d4711c',
  new: '#c2549d',
  unset: '#868b94',
};

/** Bars that are not split by channel. */
export const ACCENT = '#4a78c4';

/** Other series, in order, after the channel colours. */
export const SERIES_COLORS: readonly string[] = ['#4a78c4', '#d4711c', '#1f8a8a', '#c2549d', '#7a6fd6', '#2b8a3e'];

/** The gap between stacked segments: the page background (set by the layout), white otherwise. */
export const GAP = 'var(--tavla-bg, #fff)';
