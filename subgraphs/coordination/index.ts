import { sectorIds } from '../../platform/catalog.ts';
import { subgraphSchemaFiles } from '../../platform/schemaFiles.ts';
import { mergeResolvers } from '../kit/resolverMaps.ts';
import { defineSubgraph, type Resolvers } from '../kit/subgraph.ts';
import { warmPathway } from './cases/aggregates/keptPathway.ts';
import { caseRegistryDocuments, caseRegistryResolvers, createCaseLoaders } from './cases/index.ts';
import { createCoordinationLoaders } from './loaders.ts';
import { createMeetingLoaders } from './meetings/loaders.ts';
import { meetingPackResolvers } from './meetings/pack.ts';
import { meetingDocuments } from './meetings/models.ts';
import { meetingResolvers } from './meetings/resolvers.ts';
import { decisionResolvers } from './meetings/decisionResolvers.ts';
import { meetingSeed } from './meetings/seed.ts';
import { areaResolvers } from './areas/resolvers.ts';
import { areaSeed } from './areas/seed/index.ts';
import { upgradeToAreas } from './areas/upgradeStore.ts';
import { organisationResolvers } from './organisations/resolvers.ts';
import { upgradeToOrganisationRecords } from './organisations/upgradeStore.ts';
import { createObligationLoaders } from './obligations/loaders.ts';
import { obligationDocuments } from './obligations/models.ts';
import { obligationResolvers } from './obligations/resolvers.ts';
import { obligationSeed } from './obligations/seed.ts';
import { upgradeToObligationRecords } from './obligations/upgradeStore.ts';
import { frameworkResolvers } from './frameworks/resolvers.ts';
import { frameworkRollupResolvers } from './frameworks/rollups.ts';
import { frameworkSeed } from './frameworks/seed/index.ts';
import { upgradeToFrameworkLives } from './frameworks/upgradeStore.ts';
import { upgradeToProvenanceMarks } from './provenance/upgradeStore.ts';
import { upgradeToFollowedDecisions } from './meetings/upgradeStore.ts';
import { coordinationDocuments } from './models.ts';
import { coordinationResolvers } from './resolvers.ts';
import { seed } from './seed/index.ts';
import { caseSeed } from './cases/seed.ts';
import { caseAccessRoute } from './cases/accessRoute.ts';

/** The lead ministry's subgraph: sectors registry, coordination bodies, frameworks, crisis centres. */
export const coordinationSubgraph = defineSubgraph({
  name: 'coordination',
  schemaFiles: subgraphSchemaFiles('coordination', 'coordination'),
  documents: { ...coordinationDocuments, ...caseRegistryDocuments, ...meetingDocuments, ...obligationDocuments },
  resolvers: mergeResolvers(
    coordinationResolvers(sectorIds) as Resolvers,
    caseRegistryResolvers,
    meetingResolvers as Resolvers,
    decisionResolvers as Resolvers,
    meetingPackResolvers as Resolvers,
    organisationResolvers as Resolvers,
    obligationResolvers as Resolvers,
    areaResolvers as Resolvers,
    frameworkResolvers as Resolvers,
    frameworkRollupResolvers(sectorIds) as Resolvers,
  ),
  createLoaders: (repos) => ({
    ...createCoordinationLoaders(repos),
    ...createCaseLoaders(repos),
    meetings: createMeetingLoaders(repos),
    obligations: createObligationLoaders(repos),
  }),
  seed: (country) => {
    const data = seed(country);
    return {
      ...data,
      frameworks: frameworkSeed(country),
      areas: areaSeed(country),
      ...caseSeed(country),
      ...meetingSeed(country, data.coordinationBodies, data.organisations),
      ...obligationSeed(country),
    };
  },
  upgrades: [
    {
      name: 'organisations as records',
      run: async ({ repos, country, logger }) => void (await upgradeToOrganisationRecords(repos, country, logger)),
    },
    { name: 'areas', run: async ({ repos, country, logger }) => void (await upgradeToAreas(repos, country, logger)) },
    {
      name: 'obligations as records',
      run: async ({ repos, country, logger }) => void (await upgradeToObligationRecords(repos, country, logger)),
    },
    {
      name: 'frameworks with a life',
      run: async ({ repos, country, logger }) => void (await upgradeToFrameworkLives(repos, country, logger)),
    },
    { name: 'provenance marks', run: async ({ repos, country, logger }) => void (await upgradeToProvenanceMarks(repos, country, logger)) },
    // After the marks: a demo meeting's decisions take the meeting's mark.
    { name: 'decisions followed', run: async ({ repos, clock, logger }) => void (await upgradeToFollowedDecisions(repos, clock, logger)) },
  ],
  // A store written before reports were kept has none, and may rightly have none.
  mayBeEmpty: ['bodyReports'],
  postRoutes: (services) => caseAccessRoute({ ...services, createLoaders: () => createCaseLoaders(services.repos) }),
  warmUp: [
    {
      name: "this year's pathway aggregates",
      run: ({ config, ...ctx }) => warmPathway(ctx, config.pathwayRereadAfterMs),
    },
  ],
});

export default coordinationSubgraph;
