import { loaderByField, loaderById, loaderOfAll } from '../../kit/loaders.ts';
import type { Repository } from '../../kit/repository.ts';
import type { ActionItemDoc, DecisionDoc, MeetingDoc } from './models.ts';

export interface MeetingRepositories {
  meetings: Repository<MeetingDoc>;
  actionItems: Repository<ActionItemDoc>;
  decisions: Repository<DecisionDoc>;
}

/** Per-request loaders: one store query per relation, whatever the number of bodies or meetings. */
export function createMeetingLoaders(repos: MeetingRepositories) {
  return {
    meetingById: loaderById(repos.meetings),
    meetingsByBody: loaderByField(repos.meetings, 'bodyId', { sort: { heldOn: -1 } }),
    itemsByMeeting: loaderByField(repos.actionItems, 'meetingId', { sort: { _id: 1 } }),
    itemsByBody: loaderByField(repos.actionItems, 'bodyId', { sort: { dueDate: 1, _id: 1 } }),
    items: loaderOfAll(repos.actionItems, { dueDate: 1, _id: 1 }),
    itemById: loaderById(repos.actionItems),
    decisionById: loaderById(repos.decisions),
    decisionsByMeeting: loaderByField(repos.decisions, 'meetingId', { sort: { position: 1 } }),
    decisionsByBody: loaderByField(repos.decisions, 'bodyId'),
  };
}

export type MeetingLoaders = ReturnType<typeof createMeetingLoaders>;
