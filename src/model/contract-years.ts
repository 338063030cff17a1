/**
 * Contract years of a deal, for annual sales volume (domain §1: a 3-year 3.6 MSEK contract is
 * 1.2 MSEK a year). Length comes from `term_months`, else from contract start to end
 * (whole months, rounding a remainder of 15+ days up). Contracts of 12 months or less, or of
 * unknown length, count as one year.
 */
import { addDays, monthsBetween } from '../periods/calendar.ts';
import type { Deal } from '../core/records.ts';

export function contractMonths(deal: Deal): number | undefined {
  if (deal.termMonths !== undefined && deal.termMonths > 0) return deal.termMonths;
  if (deal.contractStart && deal.contractEnd && deal.contractEnd > deal.contractStart) {
    // The end date is the contract's last day: 2026-01-01 … 2028-12-31 is 36 months.
    const dayAfterEnd = addDays(deal.contractEnd, 1);
    const whole = monthsBetween(deal.contractStart, dayAfterEnd);
    return whole + (daysPastWholeMonths(deal.contractStart, dayAfterEnd, whole) >= 15 ? 1 : 0);
  }
  return undefined;
}

function daysPastWholeMonths(start: string, end: string, whole: number): number {
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7)) - 1 + whole;
  const anchor = new Date(Date.UTC(y + Math.floor(m / 12), m % 12, Number(start.slice(8, 10))));
  return Math.round((Date.parse(end) - anchor.getTime()) / 86_400_000);
}

export function contractYears(deal: Deal): number {
  const months = contractMonths(deal);
  return months !== undefined && months > 12 ? months / 12 : 1;
}

/** A deal's annual sales volume: its contract value per contract year, to the öre (3 years of 3.6 M → 1.2 M). */
export function annualAmount(deal: Deal): number {
  return Math.round((deal.amount / contractYears(deal)) * 100) / 100;
}
