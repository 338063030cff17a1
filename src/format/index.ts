export { CURRENCIES, currencySign, formatCompactNumber, isCurrencyCode, formatMoney, formatNumber, isPresent, MISSING } from './number.ts';
export type { Currency, MoneyOptions, NumberOptions } from './number.ts';
export { formatPercent, formatPercentPoints } from './percent.ts';
export { formatDate, formatDateRange, formatMonth, formatMonthShort, utcDate } from './date.ts';
export type { DateStyle } from './date.ts';
export { weekLabel, weekRangeLabel } from './week.ts';
export type { WeekLabelOptions } from './week.ts';
