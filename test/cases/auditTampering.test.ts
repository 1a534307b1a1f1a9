import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyConfiguredAuditLogs } from '../../scripts/auditVerify.ts';
import {
  auditDocuments,
  auditEntryId,
  genesisHash,
  hashEntry,
  type AuditEntryDoc,
  type AuditHeadDoc,
} from '../../subgraphs/kit/audit/auditEntry.ts';
import { appendAudit, openAuditLog } from '../../subgraphs/kit/audit/auditLog.ts';
import { AuditSigner, generateAuditKey, type SignedTreeHead } from '../../subgraphs/kit/audit/auditSignatures.ts';
import { configuredAuditLogKeys, witnessFile } from '../../subgraphs/kit/audit/configuredAudit.ts';
import { appendLeaf, frontierRoot } from '../../subgraphs/kit/audit/merkleTree.ts';
import { readConfig, type HubConfig } from '../../platform/config.ts';
import { createLogger } from '../../platform/logger.ts';
import { openRepositories } from '../../subgraphs/kit/repository.ts';
import { createStore } from '../../subgraphs/kit/store/createStore.ts';
import type { Collection } from '../../subgraphs/kit/store/port.ts';

/*
 * Someone with write access to a subgraph's store, but not to its audit key or witness file,
 * rewrites its audit log on disk (the embedded store, as `npm start` keeps it) and runs
 * `npm run audit:verify`. Every rewrite is caught and the first bad entry named.
 */

let dataDir: string;
let config: HubConfig;
const logger = createLogger('silent');
const subgraph = 'justice';
const storeDir = () => path.join(dataDir, 'bangladesh', subgraph);

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-audit-tamper-'));
  config = readConfig({ CRG_STORE: 'embedded', CRG_DATA_DIR: dataDir, CRG_COUNTRY: 'bangladesh' });
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/**
 * Writes a log of `count` entries the way a running subgraph does, each appended on its own
 * (so each has its own witnessed head); `afterEach` sees the store's files after each append.
 */
async function writeLog(count: number, afterEach: (seq: number) => void = () => {}) {
  const keys = await configuredAuditLogKeys(config, subgraph, logger);
  const store = await createStore(config, subgraph);
  const repos = await openRepositories(store, auditDocuments);
  openAuditLog(repos, subgraph, keys);
  for (let n = 1; n <= count; n += 1) {
    await appendAudit(
      repos,
      { subject: 'officer@justice', role: 'sector-officer', sector: subgraph, requestId: `r${n}` },
      { action: 'response.read', caseIds: [`CASE-BD-2026-00000${n}`], fields: ['verdict'], purpose: 'hearing' },
      new Date(`2026-11-24T12:0${n}:00Z`),
    );
    afterEach(n);
  }
  await store.close();
  await keys.witness.close();
}

/** Edits the stored log directly, as anyone who can write the store's files can. */
async function tamper(edit: (log: Collection<AuditEntryDoc>, head: Collection<AuditHeadDoc>) => Promise<void>) {
  const store = await createStore(config, subgraph);
  await edit(store.collection<AuditEntryDoc>('auditLog'), store.collection<AuditHeadDoc>('auditHead'));
  await store.close();
}

/**
 * What an attacker without the key does to hide an edit: recompute every hash, the chain, the
 * Merkle tree and the store's head from the entries as they now stand. `resign` signs what changed
 * with a key of the attacker's own; otherwise the old signatures are left where they were.
 */
async function recomputeEverything(log: Collection<AuditEntryDoc>, head: Collection<AuditHeadDoc>, resign?: AuditSigner) {
  const entries = (await log.find({})).sort((a, b) => a.seq - b.seq);
  let prevHash = genesisHash;
  let frontier: string[] = [];
  for (const [index, entry] of entries.entries()) {
    const rewritten = { ...entry, _id: auditEntryId(index + 1), seq: index + 1, prevHash };
    rewritten.hash = hashEntry(rewritten);
    if (resign && rewritten.hash !== entry.hash) rewritten.signature = resign.signEntry(rewritten.hash);
    await log.deleteMany({ _id: entry._id });
    await log.insertMany([rewritten]);
    frontier = appendLeaf(frontier, index, rewritten.hash);
    prevHash = rewritten.hash;
  }
  const [current] = await head.find({});
  const signed = resign?.signHead(entries.length, frontier, new Date());
  await head.replaceOne(
    { _id: 'head' },
    {
      ...current!,
      seq: entries.length,
      hash: prevHash,
      frontier,
      root: frontierRoot(frontier),
      ...(signed && { signature: signed.signature, keyId: signed.keyId }),
    },
  );
}

async function entry(log: Collection<AuditEntryDoc>, seq: number) {
  const [found] = await log.find({ _id: auditEntryId(seq) });
  return found!;
}

/** The verification `npm run audit:verify` runs, for this subgraph: whether intact, and the first bad entry's problem. */
async function verify() {
  const report = await verifyConfiguredAuditLogs(config);
  const firstProblem = report.lines.find((line) => line.trimStart().startsWith(`${subgraph} `))?.trim();
  return { report, firstBad: report.firstBad[subgraph], firstProblem };
}

describe('npm run audit:verify on an embedded store', () => {
  it('passes an untouched store', async () => {
    await writeLog(4);
    const { report, firstBad } = await verify();
    expect(report.lines).toContainEqual(expect.stringMatching(/^ok {6}justice: 4 entries, head 4 root [0-9a-f]{64}, witnessed up to 4$/));
    expect(firstBad).toBeUndefined();
    expect(report.intact).toBe(true);
  });

  it('names an edited entry whose hash, chain and tree were recomputed to match', async () => {
    await writeLog(4);
    await tamper(async (log, head) => {
      await log.replaceOne({ _id: auditEntryId(2) }, { ...(await entry(log, 2)), subject: 'someone-else', purpose: null });
      await recomputeEverything(log, head);
    });
    const { report, firstBad, firstProblem } = await verify();
    expect(report.intact).toBe(false);
    expect(firstBad).toBe(auditEntryId(2));
    expect(firstProblem).toContain('is not signed by the audit key of justice');
  });

  it('names the deleted last entry when the store’s head was moved back to match', async () => {
    await writeLog(4);
    await tamper(async (log, head) => {
      await log.deleteMany({ _id: auditEntryId(4) });
      await recomputeEverything(log, head);
    });
    const { report, firstBad, firstProblem } = await verify();
    expect(report.intact).toBe(false);
    expect(firstBad).toBe(auditEntryId(4));
    expect(firstProblem).toMatch(/is missing .*the witness saw 4 entries/);
  });

  it('names the first renumbered entry when a middle entry is deleted and the chain and tree recomputed', async () => {
    await writeLog(4);
    await tamper(async (log, head) => {
      await log.deleteMany({ _id: auditEntryId(2) });
      await recomputeEverything(log, head);
    });
    const { report, firstBad, firstProblem } = await verify();
    expect(report.intact).toBe(false);
    expect(firstBad).toBe(auditEntryId(2));
    expect(firstProblem).toContain('is not signed by the audit key of justice');
  });

  it('names the first rewritten entry when the attacker also signs every entry and the head with a key of their own', async () => {
    await writeLog(4);
    await tamper(async (log, head) => {
      await log.deleteMany({ _id: auditEntryId(3) });
      await recomputeEverything(log, head, new AuditSigner(subgraph, generateAuditKey()));
    });
    const { report, firstBad, firstProblem } = await verify();
    expect(report.intact).toBe(false);
    expect(firstBad).toBe(auditEntryId(3));
    expect(firstProblem).toContain('is not signed by the audit key of justice');
  });

  it('names the first entry past the store’s head when the head is moved back to an earlier genuine one', async () => {
    await writeLog(4);
    // The signed head of two entries, as the witness file (which anyone may read) shows it.
    const [, second] = fs.readFileSync(witnessFile(path.join(dataDir, 'witness'), 'bangladesh', subgraph), 'utf8').split('\n');
    const headOfTwo = JSON.parse(second!) as SignedTreeHead;
    expect(headOfTwo.size).toBe(2);
    await tamper(async (log, head) => {
      const [first, then] = [await entry(log, 1), await entry(log, 2)];
      const [current] = await head.find({});
      await head.replaceOne(
        { _id: 'head' },
        {
          ...current!,
          seq: 2,
          hash: then.hash,
          frontier: [first.hash, then.hash].reduce<string[]>((f, hash, i) => appendLeaf(f, i, hash), []),
          root: headOfTwo.root,
          at: new Date(headOfTwo.at),
          signature: headOfTwo.signature,
        },
      );
    });
    const { report, firstBad, firstProblem } = await verify();
    expect(report.intact).toBe(false);
    expect(firstBad).toBe(auditEntryId(3));
    expect(firstProblem).toContain("is past the store's head, which was moved back to 2 entries: the witness saw 4");
  });

  it('names the first lost entry when the whole store is rolled back to an earlier copy, every signature genuine', async () => {
    const copy = path.join(dataDir, 'copy-after-two');
    await writeLog(4, (seq) => {
      if (seq === 2) fs.cpSync(storeDir(), copy, { recursive: true });
    });
    fs.rmSync(storeDir(), { recursive: true });
    fs.cpSync(copy, storeDir(), { recursive: true });
    const { report, firstBad, firstProblem } = await verify();
    expect(report.intact).toBe(false);
    expect(firstBad).toBe(auditEntryId(3));
    expect(firstProblem).toMatch(/is missing .*the witness saw 4 entries/);
    expect(report.lines).toContainEqual(
      expect.stringMatching(/justice audit-000000000003 is past the store's head, which was moved back to 2 entries/),
    );
  });
});
