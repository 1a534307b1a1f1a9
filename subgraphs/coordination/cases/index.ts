import { auditDocuments } from '../../kit/audit/auditEntry.ts';
import { mergeResolvers } from '../../kit/resolverMaps.ts';
import type { Resolvers } from '../../kit/subgraph.ts';
import { aggregateResolvers } from './aggregates/aggregateResolvers.ts';
import { auditLogListResolvers } from './auditLogs.ts';
import { caseFieldResolvers } from './caseFields.ts';
import { caseMutationResolvers } from './caseMutations.ts';
import { caseQueryResolvers } from './caseQueries.ts';
import { caseResponseResolvers, perSectorResponseResolvers } from './caseResponses.ts';
import { caseDocuments } from './models.ts';
import { referralMutationResolvers } from './referralMutations.ts';

/*
 * The case registry and referral pathway, as the coordination subgraph registers it: its
 * documents (with the subgraph's audit log), resolvers, loaders and demo data.
 */

export const caseRegistryDocuments = { ...caseDocuments, ...auditDocuments };

export const caseRegistryResolvers: Resolvers = mergeResolvers(
  caseFieldResolvers,
  caseQueryResolvers,
  caseMutationResolvers,
  referralMutationResolvers,
  caseResponseResolvers,
  perSectorResponseResolvers,
  auditLogListResolvers,
  aggregateResolvers,
);

export { createCaseLoaders } from './loaders.ts';
