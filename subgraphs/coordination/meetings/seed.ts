import type { CountryId } from '../../../platform/config.ts';
import type { Draft } from '../../kit/repository.ts';
import type { CoordinationBodyDoc } from '../models.ts';
import type { OrganisationDoc } from '../organisations/models.ts';
import { seatedOrganisations, seatedSectors } from '../organisations/seats.ts';
import type { ActionItemDoc, ActionItemStatus, MeetingDoc, OrganisationAttendanceDoc } from './models.ts';
import { calendarDay as day } from '../../kit/clock.ts';
import { decisionSeed } from './decisionSeed.ts';

/*
 * Demo meetings for each country's bodies, as their secretariats would record them. Dates are
 * chosen so that, on 24 November 2026, some bodies keep to their cadence and some have slipped
 * (Bangladesh's Steering Committee, England and Wales's Delivery Board), the way audits of such
 * plans find them. South Africa's Inter-Sectoral Committee met once in 2025 and three times in
 * 2026, so it failed s.64(1) of its Act in one year and met it in the other.
 */

interface ItemPlan {
  sectorId: string;
  text: string;
  dueDate: string;
  /** Where it stands now, and the day it got there (omitted for OPEN). */
  now?: [ActionItemStatus, string, string];
}

interface MeetingPlan {
  heldOn: string;
  /** Sectors not represented; organisations serving only those sectors were absent too. */
  absent: string[];
  /** Organisations serving none of the seated sectors that were absent (the others came). */
  absentOrganisations?: string[];
  decisions: string[];
  items: ItemPlan[];
}

const plans: Record<CountryId, Record<string, MeetingPlan[]>> = {
  bangladesh: {
    'bd-steering': [
      {
        heldOn: '2025-12-11',
        absent: ['education'],
        decisions: ['Adopt the 2026 work plan of the Multi-Sectoral Programme'],
        items: [
          {
            sectorId: 'health',
            text: 'Cost the opening of One-Stop Crisis Cells in the remaining district hospitals',
            dueDate: '2026-03-15',
            now: ['DONE', '2026-03-10', 'Costing submitted to the Planning Commission'],
          },
        ],
      },
      {
        heldOn: '2026-03-19',
        absent: ['justice'],
        absentOrganisations: ['bd-moi', 'bd-mora'],
        decisions: ['Ask the Law Division to report on Tribunal backlogs at every meeting'],
        items: [
          {
            sectorId: 'justice',
            text: 'Report the number of Tribunal cases pending for more than five years, by division',
            dueDate: '2026-06-10',
          },
          {
            sectorId: 'police',
            text: 'Post women officers to the night shift at every OCC police unit',
            dueDate: '2026-09-30',
            now: ['IN_PROGRESS', '2026-07-02', 'Four of nine units staffed'],
          },
        ],
      },
      {
        heldOn: '2026-06-18',
        absent: ['justice', 'education'],
        absentOrganisations: ['bd-dmc'],
        decisions: [
          'Escalate the Tribunal backlog report to the Secretary, Law and Justice Division',
          'Approve the reintegration grant guidelines',
        ],
        items: [
          {
            sectorId: 'social-welfare',
            text: 'Publish the reintegration grant guidelines and open applications',
            dueDate: '2026-08-31',
            now: ['DONE', '2026-08-20', 'Guidelines gazetted'],
          },
          {
            sectorId: 'education',
            text: 'Report how many schools have formed sexual harassment complaint committees',
            dueDate: '2026-09-15',
          },
        ],
      },
    ],
    'bd-coordination': [
      {
        heldOn: '2026-08-06',
        absent: [],
        decisions: ['Agree the referral form between OCCs and Victim Support Centres'],
        items: [
          {
            sectorId: 'police',
            text: 'Circulate the referral form to every Victim Support Centre',
            dueDate: '2026-08-31',
            now: ['DONE', '2026-08-25', 'Circulated by memo'],
          },
        ],
      },
      {
        heldOn: '2026-09-03',
        absent: ['education'],
        decisions: ['Follow up DNA sample backlogs monthly'],
        items: [
          {
            sectorId: 'health',
            text: 'Report DNA samples awaiting profiling at each OCC',
            dueDate: '2026-10-01',
            now: ['DONE', '2026-09-29', 'Backlog table shared'],
          },
        ],
      },
      {
        heldOn: '2026-10-08',
        absent: ['justice'],
        absentOrganisations: ['bd-planning'],
        decisions: ['Ask legal aid desks to report monthly'],
        items: [{ sectorId: 'justice', text: 'Open National Legal Aid desks at the Rangpur and Faridpur OCCs', dueDate: '2026-11-20' }],
      },
      {
        heldOn: '2026-11-05',
        absent: [],
        decisions: ['Prepare the Steering Committee pack for its overdue meeting'],
        items: [
          { sectorId: 'social-welfare', text: 'Report safe-home occupancy by division', dueDate: '2026-11-24' },
          { sectorId: 'education', text: 'Nominate a focal point for the school complaint committees', dueDate: '2026-12-15' },
        ],
      },
    ],
    'bd-district-committee-dhaka': [
      {
        heldOn: '2026-09-14',
        absent: [],
        decisions: ["Review the month's cases referred from the Dhaka Medical College Hospital crisis centre"],
        items: [{ sectorId: 'police', text: 'Report the cases filed at each police station in the month', dueDate: '2026-10-10' }],
      },
      {
        heldOn: '2026-10-12',
        absent: ['justice'],
        decisions: ['Ask the Public Prosecutor to report Tribunal cases pending in the district'],
        items: [],
      },
    ],
  },
  'england-wales': {
    'ew-img': [
      {
        heldOn: '2026-03-12',
        absent: [],
        decisions: ['Agree the 2026-27 delivery priorities'],
        items: [
          {
            sectorId: 'justice',
            text: 'Publish the timetable for specialist rape and serious sexual offences courts',
            dueDate: '2026-06-30',
            now: ['DONE', '2026-06-24', 'Published'],
          },
        ],
      },
      {
        heldOn: '2026-06-11',
        absent: ['education'],
        decisions: ['Commission a review of safe accommodation funding'],
        items: [
          {
            sectorId: 'social-welfare',
            text: 'Review the safe accommodation funding formula with local authorities',
            dueDate: '2026-10-31',
            now: ['IN_PROGRESS', '2026-09-15', 'Consultation closed'],
          },
        ],
      },
      {
        heldOn: '2026-09-10',
        absent: [],
        decisions: ['Ask the Delivery Board to report slippage at every meeting'],
        items: [{ sectorId: 'police', text: 'Report the roll-out of Operation Soteria to every force', dueDate: '2026-12-01' }],
      },
    ],
    'ew-delivery-board': [
      {
        heldOn: '2026-06-04',
        absent: [],
        decisions: ['Agree the slippage escalation route'],
        items: [
          {
            sectorId: 'health',
            text: 'Map sexual assault referral centre waiting times',
            dueDate: '2026-07-31',
            now: ['DONE', '2026-07-28', 'Map circulated'],
          },
        ],
      },
      {
        heldOn: '2026-07-16',
        absent: ['justice'],
        absentOrganisations: ['ew-cps', 'ew-welsh-government'],
        decisions: ['Escalate the court backlog action to the IMG'],
        items: [{ sectorId: 'justice', text: 'Provide a recovery plan for the rape case backlog', dueDate: '2026-09-30' }],
      },
      {
        heldOn: '2026-08-27',
        absent: ['education'],
        decisions: ['Track relationships education training monthly'],
        items: [
          {
            sectorId: 'education',
            text: 'Report teachers trained in relationships, sex and health education',
            dueDate: '2026-10-15',
            now: ['IN_PROGRESS', '2026-10-01', 'Survey under way'],
          },
        ],
      },
      {
        heldOn: '2026-10-08',
        absent: ['justice', 'education'],
        decisions: ['Hold the next meeting before the IMG'],
        items: [{ sectorId: 'police', text: 'Share force-level charge rates for rape offences', dueDate: '2026-11-30' }],
      },
    ],
    'ew-devon-partnership-board': [
      {
        heldOn: '2026-07-08',
        absent: [],
        decisions: ['Agree the refresh of the safe accommodation needs assessment'],
        items: [{ sectorId: 'social-welfare', text: 'Circulate the draft needs assessment', dueDate: '2026-09-01' }],
      },
      {
        heldOn: '2026-09-09',
        absent: ['health'],
        decisions: ['Consult survivors on the draft strategy before it is published'],
        items: [],
      },
    ],
  },
  'south-africa': {
    'za-isc': [
      {
        heldOn: '2025-10-16',
        absent: [],
        decisions: ['Adopt the 2026 programme of the Committee'],
        items: [],
      },
      {
        heldOn: '2026-02-19',
        absent: [],
        decisions: ['Adopt the reporting template for organs of state under s.62'],
        items: [
          {
            sectorId: 'health',
            text: 'Report Thuthuzela Care Centre forensic nurse vacancies',
            dueDate: '2026-04-30',
            now: ['DONE', '2026-04-22', 'Vacancy report tabled'],
          },
        ],
      },
      {
        heldOn: '2026-05-21',
        absent: ['social-welfare'],
        absentOrganisations: ['za-dcs'],
        decisions: ['Ask SAPS to report on sexual offence evidence kit stock every quarter'],
        items: [
          {
            sectorId: 'police',
            text: 'Report sexual offence evidence kit stock at every station',
            dueDate: '2026-07-31',
            now: ['IN_PROGRESS', '2026-07-20', 'Three provinces outstanding'],
          },
          { sectorId: 'social-welfare', text: 'Register the remaining shelters on the national database', dueDate: '2026-08-31' },
        ],
      },
      {
        heldOn: '2026-08-13',
        absent: ['social-welfare'],
        absentOrganisations: ['za-dcs'],
        decisions: ['Escalate the shelter registration to the Minister of Social Development'],
        items: [
          { sectorId: 'justice', text: 'Designate the remaining sexual offences courts in two provinces', dueDate: '2026-12-31' },
          { sectorId: 'education', text: 'Report schools with reporting protocols for sexual abuse', dueDate: '2026-10-31' },
        ],
      },
    ],
    'za-gauteng-committee': [
      {
        heldOn: '2026-06-10',
        absent: [],
        decisions: ["Report the province's Thuthuzela Care Centre caseload to the Inter-Sectoral Committee every quarter"],
        items: [{ sectorId: 'health', text: 'List the Gauteng hospitals with no forensic nurse on night shifts', dueDate: '2026-08-31' }],
      },
      {
        heldOn: '2026-09-16',
        absent: ['social-welfare'],
        decisions: ['Ask the Ekurhuleni and Johannesburg clusters to present their referral delays'],
        items: [],
      },
    ],
  },
};

/** Said of every demo meeting: none is taken from a body's published minutes. */
export const demoMeetingNote =
  "A meeting drawn for the demo: its date, attendance, decisions and minutes reference are not taken from the body's records; the dates are chosen so that some bodies keep to their cadence and some slip.";
/** Said of every demo action item. */
export const demoActionItemNote =
  "An action item drawn for the demo at one of the demo's meetings; its text, due date and progress are invented.";

const secretariat = 'secretariat@lead-ministry';

/**
 * Who came, organisation by organisation: one serving seated sectors came when any of them did;
 * one serving none of them (the lead ministry, a college) came unless the plan says otherwise.
 */
function organisationsCame(
  body: Draft<CoordinationBodyDoc>,
  organisations: readonly Draft<OrganisationDoc>[],
  plan: MeetingPlan,
): OrganisationAttendanceDoc[] {
  const seated = seatedSectors(body);
  return seatedOrganisations(body).map((organisationId) => {
    const organisation = organisations.find((o) => o._id === organisationId);
    if (!organisation) throw new Error(`meetings: ${body._id} seats an unknown organisation "${organisationId}"`);
    const serves = organisation.sectorIds.filter((id) => seated.includes(id));
    const listedAbsent = (plan.absentOrganisations ?? []).includes(organisationId);
    if (listedAbsent && serves.length > 0) {
      throw new Error(`meetings: ${organisationId} serves a sector ${body._id} seats; its attendance follows that sector's`);
    }
    const present = serves.length > 0 ? serves.some((id) => !plan.absent.includes(id)) : !listedAbsent;
    return { organisationId, present };
  });
}

export function meetingSeed(
  country: CountryId,
  bodies: readonly Draft<CoordinationBodyDoc>[],
  organisations: readonly Draft<OrganisationDoc>[],
) {
  const meetings: Draft<MeetingDoc>[] = [];
  const actionItems: Draft<ActionItemDoc>[] = [];
  for (const [bodyId, bodyPlans] of Object.entries(plans[country])) {
    const body = bodies.find((b) => b._id === bodyId);
    if (!body) throw new Error(`meetings: no body "${bodyId}" in ${country}`);
    const seated = seatedSectors(body);
    for (const plan of bodyPlans) {
      const meetingId = `${bodyId}-${plan.heldOn}`;
      const recordedAt = day(plan.heldOn);
      meetings.push({
        _id: meetingId,
        bodyId,
        heldOn: day(plan.heldOn),
        attendance: seated.map((sectorId) => ({ sectorId, present: !plan.absent.includes(sectorId) })),
        organisationAttendance: organisationsCame(body, organisations, plan),
        minutesRef: `${bodyId.toUpperCase()}/MIN/${plan.heldOn}`,
        decisions: plan.decisions.map((text, i) => ({ code: `D${i + 1}`, text })),
        recordedAt,
        recordedBy: secretariat,
        addedForDemo: demoMeetingNote,
      });
      plan.items.forEach((item, i) => {
        const assigned = { status: 'OPEN' as const, note: 'Assigned at the meeting', at: recordedAt, by: secretariat };
        const later = item.now
          ? [{ status: item.now[0], note: item.now[2], at: day(item.now[1]), by: `focal-point@${item.sectorId}` }]
          : [];
        actionItems.push({
          _id: `${meetingId}-ai${i + 1}`,
          meetingId,
          bodyId,
          sectorId: item.sectorId,
          text: item.text,
          dueDate: day(item.dueDate),
          status: item.now?.[0] ?? 'OPEN',
          updates: [assigned, ...later],
          addedForDemo: demoActionItemNote,
        });
      });
    }
  }
  return { meetings, actionItems, decisions: decisionSeed(country, meetings, actionItems) };
}
