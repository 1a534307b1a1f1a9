import { centreService } from '../../platform/centreServices.ts';
import type { SectorNames } from './names.ts';

/*
 * The files of a new sector's folder. The sector starts with what every sector has (the
 * contract, monitoring, its audit log, a response to cases) and one neutral crisis-centre facet,
 * a liaison desk, which the ministry then replaces with its own.
 */

function schemaSdl(n: SectorNames): string {
  const { prefix: P, camel: c, words: w } = n;
  return `# What the ${w} sector's subgraph serves of its own: its facet of the One-Stop Crisis Centres, and
# what the mutation that records it takes. The sector contract (generated/contract.graphql, rendered
# from subgraphs/sector-core/contract.graphql) declares the rest, with schema/shared*.graphql and
# schema/sector*.graphql.

extend type CrisisCentre {
  "The ${w} liaison desk at the centre, if recorded. The centre offers it (\`${centreService(`${c}Liaison`)}\`) when it is staffed at least one day a week by at least one officer."
  ${c}Liaison: ${P}Liaison
}

"The ${w} sector's liaison desk at a crisis centre."
type ${P}Liaison implements Sourced {
  "Liaison officers who take referrals from the centre."
  officers: Int!
  "Days a week the desk is staffed (0 to 7)."
  daysAWeek: Int!
  "The source of the record's facts; null when none of them comes from a source."
  source: Source
  "True when the record, or a part of it, was added to make the demo work rather than taken from its source."
  illustrative: Boolean!
  "What was added to make the demo work, when \`illustrative\` is true; null otherwise."
  illustrativeNote: String
}

extend input ${P}LiaisonInput {
  "Liaison officers who take referrals from the centre."
  officers: Int!
  "Days a week the desk is staffed (0 to 7)."
  daysAWeek: Int!
}
`;
}

function caseResponseSdl(n: SectorNames): string {
  const { prefix: P, words: w } = n;
  return `# What the ${w} sector records of its own in its response to a case. The sector contract
# (generated/contract.graphql) declares the response, its input and the survivor's identifying
# details with what every sector records; schema/sector-cases.graphql the CaseResponse interface.
# Its input takes the fields below as well: \`npm run codegen\` writes them into
# generated/caseResponseInput.graphql.

extend type ${P}CaseResponse {
  "The day the sector first contacted the survivor."
  contactedOn: Date
  "The support given, in a few words."
  support: String
}
`;
}

/** The sector's words in the descriptions of the sector contract, for the ministry to rewrite. */
function contractJson(n: SectorNames): string {
  const words = {
    words: n.words,
    serves: `what the ${n.words} sector does for survivors`,
    responds: 'first contact, support given',
    facet: `${n.prefix}Liaison`,
    facetWords: 'liaison desk',
  };
  return `${JSON.stringify(words, null, 2)}\n`;
}

function indexTs(n: SectorNames): string {
  return `import { defineSectorSubgraph } from '../sector-core/sectorSubgraph.ts';
import { ${n.camel}CaseResponse } from './caseResponse.ts';
import { ${n.camel}ContractResolvers } from './generated/contractResolvers.ts';
import { liaisonDocument } from './models.ts';
import { ${n.camel}Offers, ${n.camel}Resolvers } from './resolvers.ts';
import { seed } from './seed/index.ts';

/** The ${n.words} sector's subgraph: the shared sector contract plus its liaison desks at crisis centres. */
export const ${n.camel}Subgraph = defineSectorSubgraph({
  sectorId: '${n.id}',
  contract: ${n.camel}ContractResolvers,
  facetKey: 'liaison',
  facetDocument: liaisonDocument,
  offers: ${n.camel}Offers,
  resolvers: ${n.camel}Resolvers,
  caseResponse: ${n.camel}CaseResponse,
  seed,
});

export default ${n.camel}Subgraph;
`;
}

function modelsTs(n: SectorNames): string {
  return `import { defineDocument } from '../kit/documents.ts';
import { optionalProvenanceFields, type ProvenanceDoc } from '../kit/provenance.ts';

/** The ${n.words} liaison desk at a crisis centre; \`_id\` is the crisis centre's id. */
export interface LiaisonDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  officers: number;
  daysAWeek: number;
}

export const liaisonDocument = defineDocument<LiaisonDoc>('${n.camel}Liaison', '${n.words} liaison record', {
  officers: { type: Number, required: true, min: 0, max: 100 },
  daysAWeek: { type: Number, required: true, min: 0, max: 7 },
  ...optionalProvenanceFields,
});
`;
}

function resolversTs(n: SectorNames): string {
  return `import { sourcedFields } from '../kit/provenance.ts';
import type { CentreOffers } from '../sector-core/frameworkFacts.ts';
import { facetOf, type SectorContext } from '../sector-core/resolvers.ts';
import type { Resolvers } from './generated/resolverTypes.ts';
import type { LiaisonDoc } from './models.ts';

/** The ${n.words} sector's own resolvers: its liaison desk at each crisis centre. */
export const ${n.camel}Resolvers: Resolvers<SectorContext<LiaisonDoc>> = {
  CrisisCentre: {
    ${n.camel}Liaison: facetOf<LiaisonDoc>(),
  },
  ${n.prefix}Liaison: sourcedFields,
};

/** A centre offers the liaison desk when it is staffed at least one day a week by at least one officer. */
export const ${n.camel}Offers: CentreOffers<LiaisonDoc> = { ${n.camel}Liaison: (desk) => desk.officers > 0 && desk.daysAWeek > 0 };
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

// Placeholders until the ministry cites the instruments that allocate its duties and the organisations that carry them.
const placeholderDuty = {
  role: 'SUPPORTING' as const,
  addedForDemo: 'A placeholder duty of a new sector: no source is cited yet, and no organisation named; the ministry is to give both.',
  organisations: [],
};
const responsibilities = [
  { duty: 'Take part in the national framework on violence against women and report on the actions it leads', ...placeholderDuty },
  { duty: 'Refer survivors it meets to the nearest One-Stop Crisis Centre, with their consent', ...placeholderDuty },
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
- **The actions it leads** (\`${n.prefix}Action\`), with progress reports, indicators and reporting periods.
- **Its response to the cases referred to it** (\`${n.prefix}CaseResponse\`), and the survivor's identifying
  details it collects, which never leave it.
- **Its facet of the One-Stop Crisis Centres**: \`CrisisCentre.${n.camel}Liaison\`, and when a centre offers it
  (\`${n.camel}Offers\` in \`resolvers.ts\`, said in words in the field's description): the lead ministry's
  \`framework { crisisCentres(offering: [${centreService(`${n.camel}Liaison`)}]) }\` filters by it.

What every sector serves is the sector contract, \`generated/contract.graphql\`, rendered by
\`npm run codegen\` from \`subgraphs/sector-core/contract.graphql\` with this sector's words in
\`contract.json\`; sector-core resolves it (\`generated/contractResolvers.ts\`). This folder's own SDL is
\`schema.graphql\` (its facet's fields, and what the mutation that records it takes) and \`caseResponse.graphql\` (what its
response to a case records beside what every sector's does).

## Make it the ministry's own

1. Replace the liaison desk in \`schema.graphql\`, \`models.ts\`, \`resolvers.ts\` and \`seed/\` with the facet the
   ministry really has, with one rule in \`${n.camel}Offers\` for each field it adds to \`CrisisCentre\`; replace the response fields in \`caseResponse.graphql\` and \`caseResponse.ts\`; say what
   the sector does, what its response records and what its facet is called in \`contract.json\`.
2. \`npm run codegen\`, then \`npm run schema:check\`.
3. Give it real demo data in \`seed/\` and its focal point in the coordination registry.

## Run and test it alone

\`\`\`sh
npm run subgraph -- ${n.id}            # this subgraph only, on port $${envPrefix}_PORT (${port})
npm start -- --watch ${n.id}           # the whole hub, with this subgraph restarting on every change
npx vitest run subgraphs/${n.id}       # its own tests, through the gateway
\`\`\`
`;
}

export function sectorFolderFiles(n: SectorNames, port: number, envPrefix: string): Record<string, string> {
  return {
    'contract.json': contractJson(n),
    'schema.graphql': schemaSdl(n),
    'caseResponse.graphql': caseResponseSdl(n),
    'index.ts': indexTs(n),
    'models.ts': modelsTs(n),
    'resolvers.ts': resolversTs(n),
    'caseResponse.ts': caseResponseTs(n),
    'seed/index.ts': seedTs(n),
    [`${n.id}.test.ts`]: testTs(n),
    'README.md': readme(n, port, envPrefix),
    'codegen.json': `${JSON.stringify({ mappers: { [`${n.prefix}Liaison`]: '../models.ts#LiaisonDoc' } }, null, 2)}\n`,
  };
}
