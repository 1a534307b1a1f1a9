import { en, type MessageKey } from '../../dashboard/src/i18n/en.ts';
import { wordsFor } from '../../dashboard/src/i18n/words.ts';
import { reasonInWords } from '../../dashboard/src/views/complianceReasons.ts';
import type { Cell } from './csv.ts';
import type { MeetingPack } from './packQuery.ts';

/*
 * The meeting pack as tables, one per CSV file and per section of the printable page, so the
 * two can never tell the meeting different things.
 */

export interface Table {
  /** File name without extension, e.g. `compliance`. */
  name: string;
  title: string;
  header: string[];
  /** Columns for the CSV file only, left off the printed page: ids, which tie rows across files but mean nothing to a reader. */
  csvOnly?: string[];
  rows: Cell[][];
}

/** The dashboard's English words: the pack names states and reasons as the dashboard does. */
const words = wordsFor('en');

/**
 * The dashboard's label for an enum value (`label('delivery', 'AT_RISK')` is "At risk"). A value
 * with no label is an error: printed as it is, the code would reach the meeting in place of words.
 */
export function label(prefix: string, value: string | null | undefined): string | null | undefined {
  if (!value) return value;
  const key = `${prefix}.${value}`;
  if (!(key in en)) throw new Error(`The meeting pack has no label "${key}" for the value ${value}; add it to the dashboard's labels`);
  return words.t(key as MessageKey);
}

/** What an obligation's assessment covers, by its dates: its label may be a meeting's id. */
const assessed = (a: { from: string; until: string }) => `${words.date(a.from)} – ${words.date(a.until)}`;

const DAY_MS = 86_400_000;
const daysLate = (dueDate: string, today: string) => Math.round((Date.parse(today) - Date.parse(dueDate)) / DAY_MS);
const percent = (share: number | null | undefined) => (share === null || share === undefined ? null : Math.round(share * 1000) / 10);

export function packTables(pack: MeetingPack): Table[] {
  const sectors = pack.sectors;
  return [
    {
      name: 'compliance',
      title: 'Compliance of each organ of state',
      header: [
        'Sector',
        'Ministry',
        'Status',
        'Responsibilities',
        'Actions led',
        'Actions overdue',
        'Reports expected',
        'Reports received',
        'On time',
        'Late',
        'Missing',
        'Completeness %',
        'Days since last update',
        'Reasons',
      ],
      rows: sectors.map((s) => [
        s.name,
        s.ministry,
        label('complianceStatus', s.compliance?.status),
        s.compliance?.responsibilities,
        s.compliance?.actionsLed,
        s.compliance?.actionsOverdue,
        s.reporting?.expected,
        s.reporting?.received,
        s.reporting?.onTime,
        s.reporting?.late,
        s.reporting?.missing,
        percent(s.reporting?.completeness),
        s.compliance?.daysSinceLastUpdate,
        s.compliance?.reasons.map((r) => `${label('complianceStatus', r.status)}: ${reasonInWords(words, r)}`).join('; '),
      ]),
    },
    {
      name: 'overdue-actions',
      title: 'Overdue actions',
      header: ['Sector', 'Code', 'Action', 'Due date', 'Status', 'Days overdue'],
      rows: sectors.flatMap((s) =>
        (s.compliance?.overdueActions ?? []).map((a) => [
          s.name,
          a.code,
          a.title,
          a.dueDate,
          label('status', a.status),
          a.dueDate ? daysLate(a.dueDate, pack.preparedOn) : null,
        ]),
      ),
    },
    {
      name: 'actions',
      title: 'Actions by sector and status',
      header: ['Sector', 'Code', 'Action', 'Due date', 'Status', 'Delivery', 'Last updated'],
      rows: sectors.flatMap((s) =>
        s.ledActions.map((a) => [
          s.name,
          a.code,
          a.title,
          a.dueDate,
          label('status', a.status),
          label('delivery', a.delivery),
          a.lastUpdatedAt?.slice(0, 10),
        ]),
      ),
    },
    {
      name: 'indicators',
      title: 'Indicators against targets',
      header: [
        'Sector',
        'Code',
        'Indicator',
        'Unit',
        'Baseline',
        'Baseline year',
        'Latest period',
        'Latest value',
        'Target',
        'Target date',
        'Progress %',
        'Expected progress %',
        'Status',
      ],
      rows: sectors.flatMap((s) =>
        (s.indicators ?? []).map((i) => [
          s.name,
          i.code,
          i.name,
          label('unit', i.unit),
          i.baseline.value,
          i.baseline.year,
          i.latest && words.period(i.latest.period),
          i.latest?.value,
          i.target.value,
          i.target.date,
          percent(i.progress),
          percent(i.expectedProgress),
          label('indicatorStatus', i.status),
        ]),
      ),
    },
    {
      name: 'action-items',
      title: 'Open action items from previous meetings',
      header: ['Id', 'Meeting', 'Sector', 'Action item', 'Due date', 'Status', 'Overdue'],
      csvOnly: ['Id'],
      rows: pack.openActionItems.map((i) => [
        i.id,
        i.meeting.heldOn,
        i.sector.name,
        i.text,
        i.dueDate,
        label('itemStatus', i.status),
        words.t(i.overdue ? 'yes' : 'no'),
      ]),
    },
    {
      name: 'open-decisions',
      title: 'Open decisions of this body and the bodies reporting to it, the most overdue first',
      header: [
        'Id',
        'Body',
        'Meeting',
        'Code',
        'Decision',
        'Owner',
        'Owner sector',
        'Due date',
        'Status',
        'Days overdue',
        'Carried out by',
        'Added for the demo',
      ],
      csvOnly: ['Id', 'Carried out by'],
      rows: pack.openDecisions.map((d) => [
        d.id,
        d.body.name,
        d.meeting.heldOn,
        d.code,
        d.text,
        d.ownerOrganisation?.name,
        d.ownerSector?.name,
        d.dueDate,
        label('decisionStatus', d.status),
        d.daysOverdue,
        [...d.actionItems.map((i) => i.id), ...d.frameworkActions.map((a) => a.code)].join('; '),
        d.illustrativeNote,
      ]),
    },
    {
      name: 'legal-duties',
      title: 'Duties the sources set',
      header: ['Holder', 'Duty', 'Source', 'Section', 'Quoted', 'Status', 'Not met', 'Latest', 'Added for the demo'],
      rows: pack.obligations.map((o) => {
        const latest = o.assessments.at(-1);
        return [
          o.holder.name,
          o.summary,
          o.source?.title,
          o.source?.section,
          o.source?.quote,
          label('obligationStatus', o.status),
          o.assessments
            .filter((a) => a.status === 'NOT_MET')
            .map(assessed)
            .join('; '),
          latest && `${assessed(latest)}: ${label('obligationStatus', latest.status)}`,
          o.illustrativeNote,
        ];
      }),
    },
    {
      name: 'attendance',
      title: `Attendance at ${pack.body.name}`,
      header: ['Sector', 'Meetings expected', 'Meetings attended', 'Attendance %'],
      rows: pack.body.attendanceRates.map((r) => [r.sector.name, r.expected, r.attended, percent(r.rate)]),
    },
  ];
}
