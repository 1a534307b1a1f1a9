import type { SubgraphContext } from '../../kit/subgraph.ts';
import type { CoordinationLoaders, CoordinationRepositories } from '../loaders.ts';
import type { MeetingLoaders, MeetingRepositories } from './loaders.ts';

/** What a coordination resolver sees once meetings are part of the subgraph. */
export type MeetingContext = Omit<SubgraphContext, 'repos' | 'loaders'> & {
  repos: CoordinationRepositories & MeetingRepositories;
  loaders: CoordinationLoaders & { meetings: MeetingLoaders };
};
