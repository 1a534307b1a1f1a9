import type { SectorNames } from './names.ts';

/*
 * The files of a new sector's folder. The sector starts with what every sector has (the
 * contract, monitoring, its audit log, a response to cases) and one neutral crisis-centre facet,
 * a liaison desk, which the ministry then replaces with its own.
 */

const describeInput = '"What to record. It is validated whole before anything is stored."';

function schemaSdl(n: SectorNames): string {
  const { prefix: P, camel: c, words: w } = n;
  return `# The ${w} sector's subgraph. schema/shared*.graphql and schema/sector*.graphql are prepended
# when the subgraph starts: they define SectorAgency, FrameworkAction, ServicePoint and friends.

type Query {
  "The ${w} sector's own view of itself, for sector staff and tools."
  ${c}Sector: ${P}Sector! @requiresScopes(scopes: [["framework:read"]])
}

type Mutation {
  "Records a ${w} service point, replacing the one with the same id."
  record${P}ServicePoint(${describeInput} input: ServicePointInput!): ServicePoint! @requiresScopes(scopes: [["sector:write"]])
  "Records the status of an action the ${w} sector leads."
  report${P}ActionStatus(${describeInput} input: ActionStatusInput!): ${P}Action! @requiresScopes(scopes: [["sector:write"]])
  "Records the ${w} liaison desk at a One-Stop Crisis Centre."
  record${P}Liaison(${describeInput} input: ${P}LiaisonInput!): CrisisCentre! @requiresScopes(scopes: [["sector:write"]])
}

"The ${w} sector's responsibilities, services and delivery."
type ${P}Sector implements SectorAgency @key(fields: "id") {
  "Stable sector id: \`${n.id}\`."
  id: ID!
  "What the framework allocates to the ${w} sector."
  responsibilities: [Responsibility!]
  "Where the ${w} sector serves survivors."
  servicePoints("Only those in this district." district: String, "Only those of this kind." kind: ServicePointKind): [ServicePoint!]
  "The framework actions the ${w} sector leads, from the lead ministry's registry."
  ledActionIds: [ID!]! @external
  "How the actions the ${w} sector leads are being delivered: every one of them, an action with no record here as not reported."
  delivery: DeliveryStatus @requires(fields: "ledActionIds")
}

"A framework action led by the ${w} sector, with its record in the ${w} system."
type ${P}Action implements FrameworkAction @key(fields: "id") {
  "Stable action id."
  id: ID!
  "Due date the ${w} sector has committed to."
  dueDate: Date
  "Status as the ${w} sector last reported it."
  status: ActionStatus
  "Where the action stands against its due date today."
  delivery: DeliveryState
  "When the ${w} sector last updated its record."
  lastUpdatedAt: DateTime
}

"The ${w} sector's facet of a One-Stop Crisis Centre."
type CrisisCentre @key(fields: "id") {
  "Stable centre id."
  id: ID!
  "The ${w} liaison desk at the centre, if recorded."
  ${c}Liaison: ${P}Liaison
}

"The ${w} sector's liaison desk at a crisis centre."
type ${P}Liaison {
  "Liaison officers who take referrals from the centre."
  officers: Int!
  "Days a week the desk is staffed (0 to 7)."
  daysAWeek: Int!
}

"The ${w} sector's record of its liaison desk at a crisis centre."
input ${P}LiaisonInput {
  "Id of the crisis centre."
  crisisCentreId: ID!
  "Liaison officers who take referrals from the centre."
  officers: Int!
  "Days a week the desk is staffed (0 to 7)."
  daysAWeek: Int!
}
`;
}

function caseResponseSdl(n: SectorNames): string {
  const { prefix: P, camel: c, words: w } = n;
  return `# The response of the ${w} sector to the cases it takes part in, and the survivor's identifying
# details it collected. schema/sector-cases.graphql declares the CaseResponse interface.

extend type Query {
  "The survivor's identifying details this sector collected for a case. Only for this sector's own officers; every read is audited."
  ${c}SurvivorContact(
    "The case code."
    caseId: ID!
    "Why the details are being read, recorded in the audit log."
    purpose: String
  ): ${P}SurvivorContact @requiresScopes(scopes: [["cases:read"]])
}

extend type Mutation {
  "Records this sector's response to a case, or changes it at the version read. Only this sector's officers."
  record${P}CaseResponse(${describeInput} input: ${P}CaseResponseInput!): ${P}CaseResponse! @requiresScopes(scopes: [["cases:write"]])
  "Records the survivor's identifying details this sector collected. Only this sector's officers."
  record${P}SurvivorContact(${describeInput} input: SurvivorContactInput!): ${P}SurvivorContact! @requiresScopes(scopes: [["cases:write"]])
}

"The response of the ${w} sector to a case, from its own records."
type ${P}CaseResponse implements CaseResponse @key(fields: "id") @requiresScopes(scopes: [["cases:read"]]) {
  "\`<case code>/${n.id}\`."
  id: ID!
  "Whether this sector has recorded a response to the case."
  recorded: Boolean
  "The day this sector first served the survivor in this case."
  startedOn: Date
  "What this sector has done so far, in one line."
  summary: String
  "When this sector last changed its record."
  lastUpdatedAt: DateTime
  "The day the sector first contacted the survivor."
  contactedOn: Date
  "The support given, in a few words."
  support: String
}

"""
This sector's response to a case. Every day in it is not in the future and not before 1 January of
the year in the case code (the year the case was first reported); text given is not empty.
"""
input ${P}CaseResponseInput {
  "The case code."
  caseId: ID!
  "The version read, to change a recorded response; left out to record the first."
  expectedVersion: Int
  "The day the sector first contacted the survivor."
  contactedOn: Date
  "The support given, in a few words."
  support: String
}

"Who the survivor is, as the ${w} sector recorded it. Never leaves this sector."
type ${P}SurvivorContact @requiresScopes(scopes: [["cases:read"]]) {
  "The case code."
  caseId: ID!
  "Her name."
  name: String!
  "A telephone number she agreed to be called on."
  phone: String
  "Where she can be reached safely."
  address: String
  "The day these details were collected."
  collectedOn: Date!
}
`;
}

function indexTs(n: SectorNames): string {
  return `import { defineSectorSubgraph } from '../sector-core/sectorSubgraph.ts';
import { ${n.camel}CaseResponse } from './caseResponse.ts';
import { liaisonDocument } from './models.ts';
import { ${n.camel}Resolvers } from './resolvers.ts';
import { seed } from './seed/index.ts';

/** The ${n.words} sector's subgraph: the shared sector contract plus its liaison desks at crisis centres. */
export const ${n.camel}Subgraph = defineSectorSubgraph({
  sectorId: '${n.id}',
  facetKey: 'liaison',
  facetDocument: liaisonDocument,
  resolvers: ${n.camel}Resolvers,
  caseResponse: ${n.camel}CaseResponse,
  seed,
});

export default ${n.camel}Subgraph;
`;
}

function modelsTs(n: SectorNames): string {
  return `import { defineDocument } from '../kit/documents.ts';
import type { CentreFacet } from '../sector-core/models.ts';

/** The ${n.words} liaison desk at a crisis centre; \`_id\` is the crisis centre's id. */
export interface LiaisonDoc {
  _id: string;
  version: number;
  officers: number;
  daysAWeek: number;
}

export const liaisonDocument = defineDocument<LiaisonDoc>('${n.camel}Liaison', '${n.words} liaison record', {
  officers: { type: Number, required: true, min: 0, max: 100 },
  daysAWeek: { type: Number, required: true, min: 0, max: 7 },
});

/** A crisis centre as the ${n.words} sector resolves it, with its facet. */
export type LiaisonCentre = CentreFacet<LiaisonDoc>;
`;
}

function resolversTs(n: SectorNames): string {
  return `import { recordFacet, type SectorContext } from '../sector-core/resolvers.ts';
import type { ${n.prefix}LiaisonInput, Resolvers } from './generated/resolverTypes.ts';
import type { LiaisonCentre, LiaisonDoc } from './models.ts';

/** The ${n.words} sector's own resolvers: its liaison desk at each crisis centre. */
export const ${n.camel}Resolvers: Resolvers<SectorContext> = {
  Mutation: {
    record${n.prefix}Liaison: recordFacet<${n.prefix}LiaisonInput, LiaisonDoc>('${n.id}'),
  },
  CrisisCentre: {
    ${n.camel}Liaison: (centre: LiaisonCentre) => centre.facet,
  },
};
`;
}

function caseResponseTs(n: SectorNames): string {
  return `import { day } from '../sector-core/caseResponses/dates.ts';
import { defineCaseResponseDocument, type CaseResponseBase } from '../sector-core/caseResponses/models.ts';
import type { CaseResponseOptions } from '../sector-core/caseResponses/resolvers.ts';

/** The ${n.words} sector's response to a case: when it first contacted the survivor, and what it gave. */
export interface ${n.prefix}ResponseDoc extends CaseResponseBase {
  contactedOn?: Date | null;
  support?: string | null;
}

export const ${n.camel}CaseResponse: CaseResponseOptions<${n.prefix}ResponseDoc> = {
  document: defineCaseResponseDocument<${n.prefix}ResponseDoc>('${n.camel}Responses', '${n.words} response', {
    contactedOn: { type: Date, default: null },
    support: { type: String, trim: true, maxlength: 200, default: null },
  }),
  startedOn: (r) => r.contactedOn ?? null,
  summary: (r) => (r.contactedOn ? \`contacted \${day(r.contactedOn)}\${r.support ? \`; \${r.support}\` : ''}\` : 'not yet contacted'),
};
`;
}

function seedTs(n: SectorNames): string {
  return `import type { CountryId } from '../../../platform/config.ts';
import type { Draft } from '../../kit/repository.ts';
import { crisisCentreFacets, sectorSeedDocuments, type SectorCountrySeed, type SectorSeedDocuments } from '../../sector-core/seed/generate.ts';
import type { LiaisonDoc } from '../models.ts';

/*
 * Starting demo data for the ${n.words} sector, the same in every country until the ministry
 * writes its own: its duties, a liaison desk at most crisis centres, and a point in each district.
 */

const responsibilities = [
  { duty: 'Take part in the national framework on violence against women and report on the actions it leads', role: 'SUPPORTING' as const, reference: 'National framework' },
  { duty: 'Refer survivors it meets to the nearest One-Stop Crisis Centre, with their consent', role: 'SUPPORTING' as const, reference: 'National framework' },
];

const servicePoints: SectorCountrySeed<null>['servicePoints'] = {
  atCrisisCentre: { name: '${n.shortName} liaison desk, {centre}', openingHours: 'Weekdays 09:00-17:00', open24Hours: false },
  national: [],
  perDistrict: [
    { kind: 'HELPLINE', name: '${n.shortName} office, {place}', openingHours: 'Weekdays 09:00-17:00', open24Hours: false, in: 'every-district', at: 'district-town' },
  ],
};

export function seed(country: CountryId): SectorSeedDocuments & { liaison: Draft<LiaisonDoc>[] } {
  const liaison = crisisCentreFacets('${n.id}', country, (centre, random): Draft<LiaisonDoc> => ({
    _id: centre.id,
    officers: random.int(0, 3),
    daysAWeek: random.int(2, 5),
  }));
  const presence = liaison.filter((desk) => desk.officers > 0).map((desk) => ({ centreId: desk._id, capacity: null }));
  // It reports on no action yet: the framework names the actions each sector leads.
  const data = { responsibilities, servicePoints, actionReports: {}, crisisCentres: null };
  return { ...sectorSeedDocuments('${n.id}', country, data, presence), liaison };
}
`;
}

function testTs(n: SectorNames): string {
  return `import { describeSectorSubgraph } from '../../test/support/sectorSubgraphSuite.ts';

describeSectorSubgraph({ sectorId: '${n.id}', facetSelection: '${n.camel}Liaison { officers daysAWeek }' });
`;
}

function readme(n: SectorNames, port: number, envPrefix: string): string {
  return `# ${n.shortName} subgraph

Published by the ${n.ministry}. Made by \`npm run new-sector\`: it already does what every
sector does, and its crisis-centre facet (a liaison desk) and case response (first contact,
support given) are placeholders for the ministry to replace with its own.

## What it owns

- **Its sector in the cross-sector status** (\`${n.prefix}Sector\`): responsibilities, service points,
  and the delivery of the actions it leads.
- **The actions it leads** (\`${n.prefix}Action\`), with progress reports, indicators and reporting periods
  (\`monitoring.graphql\`).
- **Its response to the cases referred to it** (\`${n.prefix}CaseResponse\`, \`caseResponse.graphql\`), and the
  survivor's identifying details it collects, which never leave it.
- **Its facet of the One-Stop Crisis Centres**: \`CrisisCentre.${n.camel}Liaison\`.

## Make it the ministry's own

1. Replace the liaison desk in \`schema.graphql\`, \`models.ts\`, \`resolvers.ts\` and \`seed/\` with the facet the
   ministry really has; replace the response fields in \`caseResponse.graphql\` and \`caseResponse.ts\`.
2. \`npm run compose && npm run codegen\`, then \`npm run schema:check\`.
3. Give it real demo data in \`seed/\` and its focal point in the coordination registry.

## Run and test it alone

\`\`\`sh
npm run subgraph -- ${n.id}            # this subgraph only, on port $${envPrefix}_PORT (${port})
npm start -- --watch ${n.id}           # the whole hub, with this subgraph restarting on every change
npx vitest run subgraphs/${n.id}       # its own tests, through the gateway
\`\`\`
`;
}

/** Boilerplate every sector shares in its monitoring and audit SDL, renamed from a sector that has it. */
export function renamedFrom(text: string, from: SectorNames, to: SectorNames): string {
  return text
    .replaceAll(from.prefix, to.prefix)
    .replaceAll(from.camel, to.camel)
    .replaceAll(`\`${from.id}\``, `\`${to.id}\``)
    .replaceAll(from.words, to.words);
}

export function sectorFolderFiles(n: SectorNames, port: number, envPrefix: string): Record<string, string> {
  return {
    'schema.graphql': schemaSdl(n),
    'caseResponse.graphql': caseResponseSdl(n),
    'index.ts': indexTs(n),
    'models.ts': modelsTs(n),
    'resolvers.ts': resolversTs(n),
    'caseResponse.ts': caseResponseTs(n),
    'seed/index.ts': seedTs(n),
    [`${n.id}.test.ts`]: testTs(n),
    'README.md': readme(n, port, envPrefix),
    'codegen.json': `${JSON.stringify({ mappers: { CrisisCentre: '../models.ts#LiaisonCentre', [`${n.prefix}Liaison`]: '../models.ts#LiaisonDoc' } }, null, 2)}\n`,
  };
}
