import type { CountryId } from '../../../platform/config.ts';
import { calendarDay as day } from '../../kit/clock.ts';
import type { Draft } from '../../kit/repository.ts';
import type { ActionItemDoc, DecisionDoc, DecisionStatus, MeetingDoc } from './models.ts';

/*
 * How the demo meetings' decisions were followed up, as a secretariat's decision log would have
 * it. On 24 November 2026 some open decisions are past their due date (Bangladesh's Steering
 * Committee still waits for the Tribunal backlog report it asked for in March), some are on time,
 * some were carried out and one was superseded. A decision the plan does not name is followed as
 * one recorded as plain text: OPEN, with no owner, no due date and nothing linked.
 */

interface FollowUp {
  owner: { organisation?: string; sector?: string };
  dueDate?: string;
  /** Action items of the same meeting, by their number in the id (`-ai<n>`). */
  items?: number[];
  /** Framework actions, by id. */
  actions?: string[];
  /** Where it stands now, the day it got there and what was said (omitted for OPEN). */
  now?: [DecisionStatus, string, string];
}

/** Carried out when it was taken: an adoption, an agreement. */
const atTheMeeting = (heldOn: string, owner: FollowUp['owner']): FollowUp => ({
  owner,
  now: ['IMPLEMENTED', heldOn, 'Carried out at the meeting'],
});

const followUps: Record<CountryId, Record<string, FollowUp>> = {
  bangladesh: {
    'bd-steering-2025-12-11-d1': atTheMeeting('2025-12-11', { organisation: 'bd-mowca' }),
    'bd-steering-2026-03-19-d1': {
      owner: { organisation: 'bd-molj', sector: 'justice' },
      dueDate: '2026-06-10',
      items: [1],
      actions: ['bd-a3-3'],
    },
    'bd-steering-2026-06-18-d1': {
      owner: { organisation: 'bd-mowca' },
      dueDate: '2026-07-31',
      actions: ['bd-a3-3'],
      now: ['IN_PROGRESS', '2026-07-15', 'Letter sent to the Secretary; reply awaited'],
    },
    'bd-steering-2026-06-18-d2': {
      owner: { organisation: 'bd-mosw', sector: 'social-welfare' },
      dueDate: '2026-08-31',
      items: [1],
      actions: ['bd-a4-2'],
      now: ['IMPLEMENTED', '2026-08-20', 'Guidelines gazetted'],
    },
    'bd-coordination-2026-08-06-d1': {
      owner: { organisation: 'bd-police', sector: 'police' },
      dueDate: '2026-08-31',
      items: [1],
      actions: ['bd-a3-2'],
      now: ['IMPLEMENTED', '2026-08-25', 'Form in use at every Victim Support Centre'],
    },
    'bd-coordination-2026-09-03-d1': {
      owner: { organisation: 'bd-hsd', sector: 'health' },
      dueDate: '2026-12-31',
      items: [1],
      actions: ['bd-a2-3'],
      now: ['IN_PROGRESS', '2026-09-29', 'First monthly table shared'],
    },
    'bd-coordination-2026-10-08-d1': {
      owner: { organisation: 'bd-molj', sector: 'justice' },
      dueDate: '2026-11-15',
      items: [1],
      actions: ['bd-a3-4'],
    },
    'bd-coordination-2026-11-05-d1': { owner: { organisation: 'bd-mowca' }, dueDate: '2026-12-01' },
    'bd-district-committee-dhaka-2026-09-14-d1': {
      owner: { organisation: 'bd-police', sector: 'police' },
      dueDate: '2026-10-10',
      items: [1],
    },
    'bd-district-committee-dhaka-2026-10-12-d1': { owner: { organisation: 'bd-molj', sector: 'justice' } },
  },
  'england-wales': {
    'ew-img-2026-03-12-d1': atTheMeeting('2026-03-12', { organisation: 'ew-home-office' }),
    'ew-img-2026-06-11-d1': {
      owner: { organisation: 'ew-mhclg', sector: 'social-welfare' },
      dueDate: '2026-10-31',
      items: [1],
      actions: ['ew-a2-3'],
      now: ['IN_PROGRESS', '2026-09-15', 'Consultation closed'],
    },
    'ew-img-2026-09-10-d1': { owner: { organisation: 'ew-home-office' }, dueDate: '2026-12-01' },
    'ew-delivery-board-2026-06-04-d1': atTheMeeting('2026-06-04', { organisation: 'ew-home-office' }),
    'ew-delivery-board-2026-07-16-d1': {
      owner: { organisation: 'ew-moj', sector: 'justice' },
      dueDate: '2026-09-10',
      items: [1],
      actions: ['ew-a3-4'],
    },
    'ew-delivery-board-2026-08-27-d1': {
      owner: { organisation: 'ew-dfe', sector: 'education' },
      dueDate: '2027-03-31',
      items: [1],
      actions: ['ew-a1-2'],
      now: ['IN_PROGRESS', '2026-10-01', 'Monthly survey under way'],
    },
    'ew-delivery-board-2026-10-08-d1': { owner: { organisation: 'ew-home-office' }, dueDate: '2026-12-01' },
    'ew-devon-partnership-board-2026-07-08-d1': {
      owner: { organisation: 'ew-devon-cc', sector: 'social-welfare' },
      dueDate: '2026-09-01',
      items: [1],
      actions: ['ew-a2-3'],
    },
  },
  'south-africa': {
    'za-isc-2025-10-16-d1': atTheMeeting('2025-10-16', { organisation: 'za-doj' }),
    'za-isc-2026-02-19-d1': atTheMeeting('2026-02-19', { organisation: 'za-doj', sector: 'justice' }),
    'za-isc-2026-05-21-d1': {
      owner: { organisation: 'za-saps', sector: 'police' },
      dueDate: '2026-07-31',
      items: [1],
      actions: ['za-a3-1'],
      now: ['IN_PROGRESS', '2026-07-20', 'Three provinces outstanding'],
    },
    'za-isc-2026-08-13-d1': {
      owner: { organisation: 'za-dsd', sector: 'social-welfare' },
      dueDate: '2026-10-31',
      actions: ['za-a2-6'],
    },
    'za-gauteng-committee-2026-06-10-d1': {
      owner: { organisation: 'za-gauteng' },
      dueDate: '2026-09-30',
      items: [1],
      now: ['SUPERSEDED', '2026-09-16', 'Replaced by the quarterly caseload report the Committee set on 16 September'],
    },
    'za-gauteng-committee-2026-09-16-d1': { owner: { organisation: 'za-gauteng' }, dueDate: '2026-12-15' },
  },
};

/** Said of every demo decision's follow-up. */
export const demoDecisionNote =
  "A decision of one of the demo's meetings: its words are the demo meeting's, and its owner, due date, links and progress are invented.";

const secretariat = 'secretariat@lead-ministry';

/** The demo meetings' decisions as the decision log follows them. */
export function decisionSeed(
  country: CountryId,
  meetings: readonly Draft<MeetingDoc>[],
  actionItems: readonly Draft<ActionItemDoc>[],
): Draft<DecisionDoc>[] {
  const plans = followUps[country];
  const itemIds = new Set(actionItems.map((item) => item._id));
  const decisions = meetings.flatMap((meeting) =>
    meeting.decisions.map((decision, i): Draft<DecisionDoc> => {
      const id = `${meeting._id}-d${i + 1}`;
      const plan: FollowUp = plans[id] ?? { owner: {} };
      const items = (plan.items ?? []).map((n) => `${meeting._id}-ai${n}`);
      const dangling = items.filter((itemId) => !itemIds.has(itemId));
      if (dangling.length > 0) throw new Error(`decisions: ${id} names action items its meeting did not assign: ${dangling.join(', ')}`);
      const taken = { status: 'OPEN' as const, note: 'Taken at the meeting', at: meeting.heldOn, by: secretariat };
      const later = plan.now ? [{ status: plan.now[0], note: plan.now[2], at: day(plan.now[1]), by: secretariat }] : [];
      return {
        _id: id,
        meetingId: meeting._id,
        bodyId: meeting.bodyId,
        heldOn: meeting.heldOn,
        position: i + 1,
        code: decision.code,
        text: decision.text,
        ownerOrganisationId: plan.owner.organisation ?? null,
        ownerSectorId: plan.owner.sector ?? null,
        dueDate: plan.dueDate ? day(plan.dueDate) : null,
        actionItemIds: items,
        frameworkActionIds: plan.actions ?? [],
        status: plan.now?.[0] ?? 'OPEN',
        updates: [taken, ...later],
        addedForDemo: demoDecisionNote,
      };
    }),
  );
  const unknown = Object.keys(plans).filter((id) => !decisions.some((d) => d._id === id));
  if (unknown.length > 0) throw new Error(`decisions: follow-ups for decisions no demo meeting took: ${unknown.join(', ')}`);
  return decisions;
}
