import type { MeetingContext } from '../meetings/context.ts';
import type { ObligationLoaders, ObligationRepositories } from './loaders.ts';

/** What a resolver sees once obligations are part of the coordination subgraph. */
export type ObligationContext = Omit<MeetingContext, 'repos' | 'loaders'> & {
  repos: MeetingContext['repos'] & ObligationRepositories;
  loaders: MeetingContext['loaders'] & { obligations: ObligationLoaders };
};
