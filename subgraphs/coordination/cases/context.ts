import type { auditDocuments } from '../../kit/audit/auditEntry.ts';
import type { Repositories, SubgraphContext } from '../../kit/subgraph.ts';
import type { CoordinationLoaders, CoordinationRepositories } from '../loaders.ts';
import type { CaseLoaders } from './loaders.ts';
import type { caseDocuments } from './models.ts';

/** What the case resolvers use of the coordination subgraph: its own collections, the sector registry, the framework. */
export type CaseRepositories = Repositories<typeof caseDocuments & typeof auditDocuments> & Pick<CoordinationRepositories, 'sectors'>;

export type CaseContext = Omit<SubgraphContext, 'repos' | 'loaders'> & {
  repos: CaseRepositories;
  loaders: CaseLoaders & Pick<CoordinationLoaders, 'sectorById' | 'frameworks'>;
};
