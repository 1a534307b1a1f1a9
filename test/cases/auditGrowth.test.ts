import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headsBetweenCompactions } from '../../subgraphs/kit/audit/auditLog.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { auditor, officer, registered } from './caseFixtures.ts';

/*
 * What an audited case read adds to the files of the embedded store, against the bounds
 * docs/audit-log.md gives ("How much it grows"): one entry per subgraph that served the read, a
 * witness line per batch, and no more than a bounded number of superseded heads.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-audit-growth-'));
const subgraphs = ['coordination', 'health'];
// Enough to cross a compaction of the head's collection, and to pass its bound without one.
const reads = 2 * headsBetweenCompactions;

// The bounds of docs/audit-log.md for this read, in bytes.
const entryBound = 1000;
const witnessLineBound = 300;
// A head is about 380 bytes and 67 per bit set in the log's size: these logs stay under 64 entries.
const headVersionBound = 380 + 67 * 6;

const storeFile = (subgraph: string, collection: string) => path.join(dataDir, 'bangladesh', subgraph, `${collection}.db`);
const witnessFile = (subgraph: string) => path.join(dataDir, 'witness', 'bangladesh', `${subgraph}.heads.jsonl`);
const sizeOf = (file: string) => fs.statSync(file).size;
const linesOf = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length;

const caseRead = /* GraphQL */ `
  query ($id: ID!) {
    case(id: $id, purpose: "case conference") {
      id
      incidentType
      firstReportedOn
      reportingDelay
      district
      referrals {
        id
        status
      }
      responses {
        id
        sector {
          name
        }
        recorded
        startedOn
        summary
        lastUpdatedAt
      }
    }
  }
`;

describe('the audit log of a case read, on the embedded store', () => {
  let hub: TestHub;
  let caseId: string;
  beforeAll(async () => {
    hub = await startTestHub({ dataDir, only: ['health'] });
    caseId = await registered(hub, 'health');
    const first = await hub.query(caseRead, { id: caseId }, officer('health'));
    expect(first.errors).toBeUndefined();
    expect(first.data!.case.responses.map((r: { id: string }) => r.id)).toContain(`${caseId}/health`);
  });
  afterAll(async () => {
    await hub?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('grows by one entry per read in each subgraph that served it, within the documented bytes, and stays verifiable', async () => {
    const before = new Map(
      subgraphs.map((s) => [
        s,
        {
          log: sizeOf(storeFile(s, 'auditLog')),
          witness: sizeOf(witnessFile(s)),
          entries: linesOf(storeFile(s, 'auditLog')),
        },
      ]),
    );
    for (let i = 0; i < reads; i++) {
      const { errors } = await hub.query(caseRead, { id: caseId }, officer('health'));
      expect(errors).toBeUndefined();
    }
    for (const subgraph of subgraphs) {
      const was = before.get(subgraph)!;
      // Every read is recorded: one entry each, none dropped, none merged with another read's.
      expect(linesOf(storeFile(subgraph, 'auditLog')) - was.entries, subgraph).toBe(reads);
      expect((sizeOf(storeFile(subgraph, 'auditLog')) - was.log) / reads, `${subgraph}: entry bytes per read`).toBeLessThanOrEqual(
        entryBound,
      );
      expect((sizeOf(witnessFile(subgraph)) - was.witness) / reads, `${subgraph}: witness bytes per read`).toBeLessThanOrEqual(
        witnessLineBound,
      );
      // The head's collection keeps at most the versions written since it was last compacted.
      expect(sizeOf(storeFile(subgraph, 'auditHead')), `${subgraph}: head versions kept`).toBeLessThanOrEqual(
        headsBetweenCompactions * headVersionBound,
      );
    }
    // Only these two subgraphs run: the others' logs are reported missing, these two checked whole.
    const { data } = await hub.query(`{ auditLog { id check { intact problems { entryId problem } } } }`, {}, auditor);
    for (const subgraph of subgraphs) {
      const log = data!.auditLog.find((l: { id: string } | null) => l?.id === subgraph);
      expect(log?.check, subgraph).toEqual({ intact: true, problems: [] });
    }
  });
});
