/**
 * The report's per-period lists — its weeks and months and their meeting agendas and board
 * packs — are most of a large export's site model, and each page reads one item of them. The
 * build keeps them in a file of their own, one JSON line per item; the site model the pages read
 * holds their places (empty lists) and where each item is in that file (`PeriodIndex`). A week's
 * page then parses its own week only, so the renderer's memory does not grow with the weeks and
 * months a report covers; what the lists hold is unchanged.
 */
import type { Report } from '../report/site-model.ts';

const PERIOD_LISTS = ['weeks', 'months', 'agendas', 'packs'] as const;
export type PeriodListName = (typeof PERIOD_LISTS)[number];

/** Where each period item is in the parts file, and the week and month keys in order. */
export interface PeriodIndex {
  /** The parts file's name, in the folder of the site model file. */
  file: string;
  /** Per list, each item's byte offset and byte length (without the line's end) in the file. */
  spans: Record<PeriodListName, [offset: number, length: number][]>;
  /** `report.weeks[i].week`, in order: a page finds its week without parsing any item. */
  weeks: string[];
  /** `report.months[i].month`, in order. */
  months: string[];
}

/** The report's list of that name. */
function periodList(report: Report, name: PeriodListName): unknown[] {
  return name === 'agendas' || name === 'packs' ? report.meetings[name] : report[name];
}

/** A copy of the report with the given lists put in place of its own (key order kept). */
function withPeriodLists(report: Report, lists: Record<PeriodListName, unknown[]>): Report {
  return {
    ...report,
    weeks: lists.weeks,
    months: lists.months,
    meetings: { ...report.meetings, agendas: lists.agendas, packs: lists.packs },
  } as Report;
}

/** The report with every period list emptied: what the site model file holds in their places. */
export function withoutPeriodLists(report: Report): Report {
  return withPeriodLists(report, { weeks: [], months: [], agendas: [], packs: [] });
}

/**
 * Each period item as the parts file's lines, with the index the site model file keeps. The
 * lines are given out one at a time, so the file is never one string.
 */
export function* periodLines(report: Report, file: string): Generator<string, PeriodIndex> {
  const spans: PeriodIndex['spans'] = { weeks: [], months: [], agendas: [], packs: [] };
  let offset = 0;
  for (const name of PERIOD_LISTS) {
    for (const item of periodList(report, name)) {
      const text = JSON.stringify(item) ?? 'null';
      const length = Buffer.byteLength(text);
      spans[name].push([offset, length]);
      offset += length + 1;
      yield `${text}\n`;
    }
  }
  return { file, spans, weeks: report.weeks.map((w) => w.week), months: report.months.map((m) => m.month) };
}

/** Reads one item: the bytes of its span, parsed. */
export type ReadSpan = (span: [offset: number, length: number]) => unknown;

/** The report with every period list read in full. */
export function joinPeriodLists(report: Report, index: PeriodIndex, read: ReadSpan): Report {
  const lists = Object.fromEntries(PERIOD_LISTS.map((name) => [name, index.spans[name].map(read)])) as Record<PeriodListName, unknown[]>;
  return withPeriodLists(report, lists);
}

/**
 * The report whose period lists read an item only when it is asked for, keeping the last one
 * read per list. They behave as arrays (index, length, iteration, JSON.stringify); a page that
 * goes through a whole list holds one item at a time unless it keeps them.
 */
export function lazyPeriodLists(report: Report, index: PeriodIndex, read: ReadSpan): Report {
  const lists = Object.fromEntries(PERIOD_LISTS.map((name) => [name, lazyList(index.spans[name], read)])) as Record<PeriodListName, unknown[]>;
  return withPeriodLists(report, lists);
}

function lazyList(spans: [number, number][], read: ReadSpan): unknown[] {
  const list: unknown[] = new Array<unknown>(spans.length);
  let last = -1;
  let lastItem: unknown;
  spans.forEach((span, i) => {
    Object.defineProperty(list, i, {
      enumerable: true,
      get() {
        if (last !== i) {
          lastItem = read(span);
          last = i;
        }
        return lastItem;
      },
    });
  });
  return list;
}
