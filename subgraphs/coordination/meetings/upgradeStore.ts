import type { Logger } from '../../../platform/logger.ts';
import type { Clock } from '../../kit/clock.ts';
import type { Draft, Repository } from '../../kit/repository.ts';
import type { DecisionDoc, MeetingDoc } from './models.ts';

/*
 * Gives the decisions of meetings recorded before decisions were followed a record of their own:
 * id `<meeting id>-d<n>` and code as minuted, the minuted text, and nothing the minutes do not
 * say. Nobody recorded whether those decisions were carried out, who owned them or by when, so
 * each is UNTRACKED (neither open nor closed: no meeting pack lists it and it is never overdue),
 * with no owner, no due date and nothing linked; its one update says the upgrade found it. A
 * decision of a demo meeting takes the meeting's mark, since its words are the demo meeting's.
 *
 * Safe to stop at any point: the missing records are written in one batch, and the next start
 * looks again for the decisions that have none. Meetings are read, never changed.
 */

export const untrackedNote =
  'Taken at a meeting recorded before decisions were followed: whether it was carried out, by whom and by when was not recorded.';
export const upgradedBy = 'store upgrade "decisions followed"';

export interface DecisionUpgradeRepositories {
  meetings: Repository<MeetingDoc>;
  decisions: Repository<DecisionDoc>;
}

export async function upgradeToFollowedDecisions(
  repos: DecisionUpgradeRepositories,
  clock: Clock,
  logger: Logger,
): Promise<{ decisions: number }> {
  const [meetings, followed] = await Promise.all([repos.meetings.find({}, { sort: { _id: 1 } }), repos.decisions.find({})]);
  const known = new Set(followed.map((d) => d._id));
  const at = clock.now();
  const missing = meetings.flatMap((meeting) =>
    meeting.decisions.flatMap((decision, i): Draft<DecisionDoc>[] => {
      const id = `${meeting._id}-d${i + 1}`;
      if (known.has(id)) return [];
      return [
        {
          _id: id,
          meetingId: meeting._id,
          bodyId: meeting.bodyId,
          heldOn: meeting.heldOn,
          position: i + 1,
          code: decision.code,
          text: decision.text,
          ownerOrganisationId: null,
          ownerSectorId: null,
          dueDate: null,
          actionItemIds: [],
          frameworkActionIds: [],
          status: 'UNTRACKED',
          updates: [{ status: 'UNTRACKED', note: untrackedNote, at, by: upgradedBy }],
          source: meeting.source ?? null,
          addedForDemo: meeting.addedForDemo ?? null,
        },
      ];
    }),
  );
  if (missing.length === 0) return { decisions: 0 };
  try {
    await repos.decisions.insertMany(missing);
  } catch (error) {
    throw new Error(
      `The upgrade to followed decisions could not write the decisions of ${new Set(missing.map((d) => d.meetingId)).size} meetings ` +
        `(${(error as Error).message}). Nothing stored was changed or deleted, and the next start tries again.`,
      { cause: error },
    );
  }
  logger.info(
    { decisions: missing.length, meetings: new Set(missing.map((d) => d.meetingId)).size },
    'upgraded the coordination store: each decision minuted before decisions were followed has a record, UNTRACKED, with no owner or due date',
  );
  return { decisions: missing.length };
}
