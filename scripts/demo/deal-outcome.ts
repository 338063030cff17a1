/**
 * How one opportunity plays out: its cycle length, whether it is won, when it closes (with
 * the quarter-end rush), how far a lost one got, and why it was lost. Per channel, following
 * domain §1: new business has the longest cycle, win-backs are shorter, renewals mostly win.
 */
import type { Channel, DealStatus } from '../../src/core/records.ts';
import { AS_OF } from './company.ts';
import { quarterEnd, toWorkday, type Day } from './dates.ts';
import type { Segment } from './products.ts';
import type { Rng } from './random.ts';

/** Open stages in order; `reached` indexes into this list, 4 means won. */
export const OPEN_STAGES = ['qualification', 'meeting', 'proposal', 'negotiation'] as const;

export interface Outcome {
  status: DealStatus;
  close: Day;
  /** Highest open stage index reached (0..3), 4 for won. */
  reached: number;
  lostReason?: string;
}

const LOST_REASONS = ['Pris', 'Valde konkurrent', 'Ingen budget', 'Fel tajming', 'Inget beslutsmandat', 'Behov saknas', 'Slutade svara'];
const CHURN_REASONS = ['Pris', 'Valde konkurrent', 'Budgetneddragning', 'Bytte till intern lösning', 'Företaget förvärvat'];

const WIN_RATE: Record<Channel, number> = { new: 0.27, winback: 0.33, upsell: 0.45, renewal: 0.86 };

const LOST_REACH: Record<Channel, readonly (readonly [number, number])[]> = {
  new: [
    [0, 40],
    [1, 30],
    [2, 20],
    [3, 10],
  ],
  winback: [
    [0, 30],
    [1, 35],
    [2, 25],
    [3, 10],
  ],
  upsell: [
    [0, 25],
    [1, 35],
    [2, 30],
    [3, 10],
  ],
  renewal: [
    [2, 60],
    [3, 40],
  ],
};

/** Days from created to the expected close. Renewals close on the contract's schedule instead. */
export function cycleDays(rng: Rng, channel: Channel, segment: Segment): number {
  const big = segment === 'Storföretag' ? 1.4 : segment === 'Småföretag' ? 0.75 : 1;
  const [min, max] = channel === 'new' ? [45, 200] : channel === 'winback' ? [30, 120] : [25, 110];
  return Math.round(rng.int(min, max) * big);
}

function winChance(channel: Channel, segment: Segment): number {
  const adjust = segment === 'Storföretag' ? -0.06 : segment === 'Småföretag' ? 0.05 : 0;
  return channel === 'renewal' ? WIN_RATE.renewal : WIN_RATE[channel] + adjust;
}

/**
 * Decides the deal. `expected` is the planned close; `latest` caps a won renewal's signing at
 * the contract end. A deal whose decision falls after as-of is open at its expected close.
 */
export function decide(rng: Rng, channel: Channel, segment: Segment, created: Day, expected: Day, latest?: Day): Outcome {
  const won = rng.chance(winChance(channel, segment));
  let decided: Day;
  if (won) {
    decided = expected;
    // Quarter-end rush: a third of the wins are pulled or pushed into the last days of a quarter.
    if (rng.chance(0.35)) {
      const rush = quarterEnd(expected) - rng.int(0, 9);
      if (rush >= expected - 25 && (latest === undefined || rush <= latest)) decided = rush;
    }
  } else {
    decided = created + Math.max(3, Math.round((expected - created) * rng.float(0.25, 1)));
  }
  decided = Math.max(created + 1, toWorkday(decided));
  if (decided > AS_OF) {
    let close = toWorkday(expected);
    if (close <= AS_OF) close = toWorkday(AS_OF + 3);
    const progress = (AS_OF - created) / Math.max(1, close - created);
    const reached = channel === 'renewal' ? (progress < 0.5 ? 2 : 3) : progress < 0.25 ? 0 : progress < 0.5 ? 1 : progress < 0.8 ? 2 : 3;
    return { status: 'open', close, reached };
  }
  if (won) return { status: 'won', close: decided, reached: 4 };
  return {
    status: 'lost',
    close: decided,
    reached: rng.weighted(LOST_REACH[channel]),
    lostReason: rng.pick(channel === 'renewal' ? CHURN_REASONS : LOST_REASONS),
  };
}
