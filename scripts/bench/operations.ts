import { typePrefix } from '../../platform/catalog.ts';
import { randomUUID } from 'node:crypto';
import type { Caller, TokenPool } from './callerTokens.ts';
import type { Target } from './measure.ts';
import { plannable } from './rootFetches.ts';
/**
 * The operations the bench runs: the queries dashboards and committee meetings send over and
 * over. Each lists the calls the gateway makes to subgraphs for it, so the same work can be
 * timed straight against each subgraph, which shows what the gateway itself costs.
 */

export interface DirectCall {
  subgraph: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface BenchOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Finds its variables in the running hub (e.g. a case the caller's sector holds), when fixed ones will not do. */
  prepare?: (ask: (query: string) => Promise<Record<string, any>>) => Promise<Record<string, unknown>>;
  /**
   * Reads case-level data: every request must reach its subgraphs, where it is audited, so no
   * gateway may merge it with an identical call in flight (the peer is told so).
   */
  caseLevel?: boolean;
  /** Who sends it (default: the lead ministry's analyst). */
  as?: { role: 'analyst' | 'sector-officer'; sector?: string };
  /**
   * The entity call the gateway's plan makes to each sector after its root calls (which the
   * query planner finds: rootFetches.ts). Timed straight for one sector, which stands for all
   * five, and for all five at once when the whole plan is replayed one request at a time.
   */
  entityCall?: (sector: string) => DirectCall;
}

const deliveryFields = 'total onTrack atRisk overdue done notReported';

export const benchOperations: BenchOperation[] = [
  {
    name: 'SectorStatus',
    query: `query SectorStatus { sectors { id name delivery { ${deliveryFields} } } }`,
    entityCall: (sector) => ({
      subgraph: sector,
      query: `query SectorStatus__${sector}__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typePrefix(sector)}Sector { delivery { ${deliveryFields} } } } }`,
      variables: { representations: [{ __typename: `${typePrefix(sector)}Sector`, id: sector }] },
    }),
  },
  {
    name: 'MeetingPack',
    query: `query MeetingPack($bodyId: ID!) { meetingPack(bodyId: $bodyId) { preparedOn
      body { name lastMetOn nextMeetingDue meetingOverdue attendanceRates { sector { name } rate } }
      sectors { name ledActions { code title status delivery } compliance { status reasons { detail } overdueActions { code } }
        reporting { completeness } indicators { code latest { value } target { value } status } }
      openActionItems { text sector { name } dueDate overdue } overdueActionItems { id } } }`,
    variables: { bodyId: 'bd-steering' },
  },
  {
    name: 'PathwayAggregates',
    query: `query PathwayAggregates($year: Int!) { pathwayAggregates(year: $year) {
      suppressionThreshold
      casesByIncidentType { rows { key count suppressed } total { count suppressed } }
      casesByDistrict { rows { key count suppressed } }
      casesByMonth { rows { key count suppressed } }
      casesBySector { rows { key count suppressed } }
      timeToService { sectorId reached { count } withinThreeDays { count } shareWithinThreeDays medianDays }
      justiceFunnel { key count suppressed }
      referralOutcomes { rows { key count suppressed } }
      overdueFollowUps { rows { key count suppressed } total { count } } } }`,
    variables: { year: 2026 },
  },
  {
    name: 'PathwayByDistrict',
    // The lead ministry's two window questions in one request: the share of rape cases seen by
    // health within 72 hours, by district, for a quarter; the justice funnel for the last 12 months.
    query: `query PathwayByDistrict($quarter: PathwayWindow!) {
      quarter: pathwayAggregates(window: $quarter) { period { from to }
        byArea(level: DISTRICT) { area { id name } timeToService(incidentType: RAPE) { sectorId reached { count suppressed } withinThreeDays { count suppressed } shareWithinThreeDays } } }
      year: pathwayAggregates(window: { lastMonths: 12 }) { period { from to } justiceFunnel { key count suppressed } legalProtection { key count suppressed } } }`,
    variables: { quarter: { year: 2026, quarter: 3 } },
  },
  {
    name: 'CaseWithResponses',
    // A case-level read: audited on every request, never cached or shared.
    query: `query CaseWithResponses($id: ID!) { case(id: $id, purpose: "case conference") {
      id incidentType firstReportedOn reportingDelay district
      referrals { id from { name } to { name } status followUpBy escalated }
      responses { id sector { name } recorded startedOn summary lastUpdatedAt } } }`,
    // The demo cases are generated: take the newest one the health sector holds or was referred.
    prepare: async (ask) => {
      const { cases } = (await ask(`{ cases(limit: 1, purpose: "benchmark") { id } }`)) as { cases: { id: string }[] };
      return { id: cases[0]!.id };
    },
    as: { role: 'sector-officer', sector: 'health' },
    caseLevel: true,
  },
];

/** Who sends an operation: its caller's role and sector. */
export const callerOf = (op: BenchOperation): Caller => ({ role: op.as?.role ?? 'analyst', sector: op.as?.sector ?? null });

/**
 * What a target sends with each request of `op` to the gateway `label`: a caller token that
 * gateway has never seen (from a pool minted for about `expected` requests), and for a case-level
 * read a request id of its own, which keeps every gateway from merging it (see hive/gateway.config.ts).
 */
export const freshCallerPerRequest =
  (tokens: TokenPool, label: string, op: BenchOperation, expected: number): NonNullable<Target['perRequest']> =>
  () => {
    const run = tokens.take(label, callerOf(op), expected);
    return {
      headers: () => ({ authorization: `Bearer ${run.next()}`, ...(op.caseLevel ? { 'x-request-id': randomUUID() } : {}) }),
      done: run.done,
    };
  };

/** The operations valid against the supergraph: the others are not built yet, and are skipped. */
export function availableOperations(supergraphSdl: string, only?: string[]): BenchOperation[] {
  return benchOperations.filter((op) => (!only || only.includes(op.name)) && plannable(supergraphSdl, op.query));
}

const sectorStatusEntityCall = benchOperations.find((op) => op.name === 'SectorStatus')!.entityCall;

/**
 * The status query for the given sectors only, one aliased `sector(id:)` each: what one more
 * sector costs is the difference between these (`sectors` takes no ids).
 */
export function sectorStatusFor(sectors: readonly string[]): BenchOperation {
  const fields = sectors.map((id, i) => `s${i}: sector(id: ${JSON.stringify(id)}) { id name delivery { ${deliveryFields} } }`);
  return {
    name: `SectorStatus for ${sectors.length}`,
    query: `query SectorStatus${sectors.length} { ${fields.join(' ')} }`,
    entityCall: sectorStatusEntityCall,
  };
}
