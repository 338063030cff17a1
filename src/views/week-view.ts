/** The weekly meeting page's tables: the week that went, then the week ahead. */
import { t } from '../i18n/index.ts';
import type { MeetingLine, PersonCount, WeekFigures, SellerActivities } from '../report/week-figures.ts';
import type { DealLine, DealRows } from '../report/deal-lines.ts';
import { dealColumns } from './crm-link.ts';
import { buildTable } from './build-table.ts';
import { dealTable } from './deal-table.ts';
import type { Fmt } from './format-context.ts';
import type { ViewTable } from './table.ts';
import { activityGoalTable, activityPersonTable } from './activity-view.ts';

/**
 * Rows per seller listed on the page: a company of hundreds of sellers keeps its weekly page
 * within the page budget; the page says how many are left off and the CSV holds every seller.
 */
const PERSON_PAGE_ROWS = 25;

function perSeller(id: string, title: string, rows: readonly PersonCount[], f: Fmt): ViewTable {
  return buildTable(
    { id, title, pageRows: PERSON_PAGE_ROWS },
    [
      { label: t(f.locale, 'common.seller'), key: 'seller', show: (r) => r.person.name, raw: (r) => r.person.name },
      { label: t(f.locale, 'common.count'), key: 'count', align: 'end', show: (r) => f.number(r.count), raw: (r) => r.count },
    ],
    rows,
  );
}

/** Booked meetings listed on the page; the CSV holds them all. */
const MEETING_PAGE_ROWS = 40;
/** The week's activities per seller: calls, e-mails, meetings held, other (tasks, notes, proposals). */
function activitiesTable(id: string, rows: readonly SellerActivities[], f: Fmt): ViewTable {
  const { locale } = f;
  const count = (label: string, key: 'call' | 'email' | 'meetingHeld' | 'other') => ({
    label,
    key,
    align: 'end' as const,
    show: (r: SellerActivities) => f.number(r[key]),
    raw: (r: SellerActivities) => r[key],
  });
  return buildTable<SellerActivities>(
    { id, title: t(locale, 'meeting.weekly.activitiesBySeller'), pageRows: PERSON_PAGE_ROWS },
    [
      { label: t(locale, 'common.seller'), key: 'seller', show: (r) => r.person.name, raw: (r) => r.person.name },
      count(t(locale, 'activity.call'), 'call'),
      count(t(locale, 'activity.email'), 'email'),
      count(t(locale, 'activity.meeting_held'), 'meetingHeld'),
      count(t(locale, 'activity.otherKinds'), 'other'),
    ],
    rows,
  );
}

export interface WeekView {
  past: ViewTable[];
  ahead: ViewTable[];
}

/** `rows`: the site model's deal rows, for deal lists whose CSV holds every deal. */
export function weekView(week: WeekFigures, f: Fmt, rows?: DealRows): WeekView {
  const { locale } = f;
  const id = `week-${week.week.toLowerCase()}`;
  const moves = buildTable<DealLine & { move: string }>(
    { id: `${id}-big-moves`, title: t(locale, 'meeting.weekly.bigMoves') },
    [
      {
        label: t(locale, 'meeting.weekly.move'),
        key: 'move',
        show: (d) => t(locale, `meeting.weekly.move.${d.move as 'won' | 'lost' | 'created'}`),
        raw: (d) => d.move,
      },
      ...dealColumns<DealLine & { move: string }>(f, (d) => d),
      { label: t(locale, 'common.customer'), key: 'account', show: (d) => d.account || t(locale, 'common.noAccount'), raw: (d) => d.account },
      { label: t(locale, 'common.seller'), key: 'owner', show: (d) => d.owner.name, raw: (d) => d.owner.name },
      { label: t(locale, 'unit.contractValue'), key: 'contract_value', align: 'end', show: (d) => f.money(d.amount), raw: (d) => d.amount },
      { label: t(locale, 'unit.annualVolume'), key: 'annual_volume', align: 'end', show: (d) => f.money(d.annualAmount), raw: (d) => d.annualAmount },
    ],
    week.bigMoves,
  );
  const meetings = buildTable<MeetingLine>(
    {
      id: `${id}-meetings-ahead`,
      title: `${t(locale, 'meeting.weekly.coming')} (${f.week(week.ahead.week)}, ${f.number(week.ahead.count)})`,
      pageRows: MEETING_PAGE_ROWS,
    },
    [
      { label: t(locale, 'common.date'), key: 'date', show: (m) => f.date(m.date), raw: (m) => m.date },
      { label: t(locale, 'common.seller'), key: 'owner', show: (m) => m.owner.name, raw: (m) => m.owner.name },
      { label: t(locale, 'common.customer'), key: 'account', show: (m) => m.account, raw: (m) => m.account },
    ],
    week.ahead.meetings,
  );
  return {
    past: [
      perSeller(`${id}-meetings-held`, `${t(locale, 'funnel.meetingsHeld')} (${f.number(week.held.count)})`, week.held.bySeller, f),
      moves,
      dealTable(`${id}-won`, t(locale, 'metric.dealsWon'), week.won, f, 'close', rows),
      dealTable(`${id}-lost`, t(locale, 'metric.dealsLost'), week.lost, f, 'close', rows),
      dealTable(`${id}-created`, t(locale, 'meeting.weekly.newOpportunities'), week.created, f, 'created', rows),
      activityGoalTable(`${id}-activity-goals`, week.goals, f),
      activityPersonTable(
        `${id}-activity-goals-by-person`,
        week.goalsByPerson,
        f,
        (personId) => week.goalsByPerson.find((r) => r.personId === personId)?.person.name ?? '–',
        [week.week],
        PERSON_PAGE_ROWS,
      ),
      activitiesTable(`${id}-activities-by-seller`, week.activitiesBySeller, f),
    ],
    ahead: [meetings, perSeller(`${id}-booked-by-seller`, t(locale, 'meeting.weekly.bookedBySeller'), week.ahead.bySeller, f)],
  };
}
