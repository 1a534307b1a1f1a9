import { beforeEach, describe, expect, it } from 'vitest';
import { openRepositories } from '../repository.ts';
import { createNedbStore } from '../store/nedbStore.ts';
import type { Store } from '../store/port.ts';
import { auditDocuments, auditEntryId, type AuditEntryDoc, type AuditHeadDoc } from './auditEntry.ts';
import { appendAudit, openAuditLog, verifyAuditLog, type AuditLogKeys, type AuditRepositories } from './auditLog.ts';
import { generateAuditKey } from './auditSignatures.ts';
import { memoryWitness } from './witness.ts';

let store: Store;
let repos: AuditRepositories;
let keys: AuditLogKeys;
const actor = { subject: 'officer@health', role: 'sector-officer', sector: 'health', requestId: 'req-1' };
const at = new Date('2026-11-24T12:00:00Z');

beforeEach(async () => {
  store = createNedbStore({});
  repos = await openRepositories(store, auditDocuments);
  keys = { signingKey: generateAuditKey(), witness: memoryWitness() };
  openAuditLog(repos, 'health', keys);
  for (const n of [1, 2, 3, 4]) {
    await appendAudit(
      repos,
      actor,
      { action: 'case.read', caseIds: [`CASE-BD-2026-00000${n}`], fields: ['incidentType'], purpose: 'follow-up' },
      at,
    );
  }
});

const raw = () => store.collection<AuditEntryDoc>('auditLog');

describe('the audit chain', () => {
  it('links each entry to the one before it and verifies intact', async () => {
    const entries = await repos.auditLog.find({}, { sort: { seq: 1 } });
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < entries.length; i += 1) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    expect(await verifyAuditLog(repos)).toMatchObject({ intact: true, entries: 4, problems: [] });
  });

  it('keeps every one of many concurrent appends, in one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(repos, { ...actor, requestId: `c${i}` }, { action: 'case.read', caseIds: ['X'], fields: [] }, at),
      ),
    );
    const result = await verifyAuditLog(repos);
    expect(result).toMatchObject({ intact: true, entries: 24 });
  });

  it('keeps one chain when two replicas on the same store append at once', async () => {
    const otherReplica = await openRepositories(store, auditDocuments);
    openAuditLog(otherReplica, 'health', keys);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        appendAudit(
          i % 2 ? repos : otherReplica,
          { ...actor, requestId: `r${i}` },
          { action: 'case.read', caseIds: ['X'], fields: [] },
          at,
        ),
      ),
    );
    const result = await verifyAuditLog(repos);
    expect(result).toMatchObject({ intact: true, entries: 34, problems: [] });
    expect(result.head?.seq).toBe(34);
  });

  it('refuses only the entry that does not validate, not the others written with it', async () => {
    const appends = [1, 2, 3].map((n) =>
      appendAudit(
        repos,
        { ...actor, requestId: `v${n}` },
        { action: 'case.read', caseIds: ['Z'], fields: [], purpose: n === 2 ? 'x'.repeat(501) : 'ok' },
        at,
      ),
    );
    const settled = await Promise.allSettled(appends);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await verifyAuditLog(repos)).toMatchObject({ intact: true, entries: 6, problems: [] });
  });

  it('never writes an entry twice when the head cannot be moved', async () => {
    const { ConflictError } = await import('../errors.ts');
    const stuckHead = Object.create(repos.auditHead) as typeof repos.auditHead;
    stuckHead.replace = () => Promise.reject(new ConflictError('the head was changed by someone else'));
    await expect(
      appendAudit({ ...repos, auditHead: stuckHead }, actor, { action: 'case.read', caseIds: ['Q'], fields: [] }, at),
    ).rejects.toThrow(/changed by someone else/);
    const entries = await repos.auditLog.find({}, { sort: { seq: 1 } });
    expect(entries.map((e) => e.caseIds.join())).toEqual([
      'CASE-BD-2026-000001',
      'CASE-BD-2026-000002',
      'CASE-BD-2026-000003',
      'CASE-BD-2026-000004',
      'Q',
    ]);
  });

  it('continues the log after a stop between storing an entry and moving the head', async () => {
    const headOfFour = (await repos.auditHead.findById('head'))!;
    await appendAudit(repos, actor, { action: 'case.read', caseIds: ['W'], fields: [] }, at);
    // Entry 5 as a process that stopped after storing it leaves it: the head still at 4.
    await store.collection<AuditHeadDoc>('auditHead').replaceOne({ _id: 'head' }, headOfFour);
    const restarted = await openRepositories(store, auditDocuments);
    const witness = memoryWitness();
    openAuditLog(restarted, 'health', { signingKey: keys.signingKey, witness });
    const sixth = await appendAudit(restarted, actor, { action: 'case.read', caseIds: ['Y'], fields: [] }, at);
    expect(sixth.seq).toBe(6);
    expect(witness.read().heads.map((w) => w.head.size)).toEqual([6]);
    expect(await verifyAuditLog(restarted)).toMatchObject({ intact: true, entries: 6, problems: [] });
  });

  it('names an entry whose content was edited in the store', async () => {
    const [second] = await raw().find({ _id: auditEntryId(2) });
    await raw().replaceOne({ _id: second!._id }, { ...second!, purpose: 'something else' });
    const result = await verifyAuditLog(repos);
    expect(result.intact).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ entryId: auditEntryId(2), problem: expect.stringContaining('altered') })]);
  });

  it('names an entry deleted from the middle and one deleted from the end', async () => {
    await raw().deleteMany({ _id: auditEntryId(2) });
    await raw().deleteMany({ _id: auditEntryId(4) });
    const result = await verifyAuditLog(repos);
    const named = result.problems.map((p) => `${p.entryId} ${p.problem}`);
    expect(named).toContainEqual(expect.stringMatching(new RegExp(`^${auditEntryId(2)} is missing`)));
    expect(named).toContainEqual(expect.stringMatching(new RegExp(`^${auditEntryId(4)} is missing`)));
  });

  it('names entries that were reordered by swapping their positions', async () => {
    const [a] = await raw().find({ _id: auditEntryId(1) });
    const [b] = await raw().find({ _id: auditEntryId(3) });
    // Through a free position, as the unique index on seq requires of anyone editing the store.
    await raw().replaceOne({ _id: a!._id }, { ...a!, seq: 99 });
    await raw().replaceOne({ _id: b!._id }, { ...b!, seq: 1 });
    await raw().replaceOne({ _id: a!._id }, { ...a!, seq: 3 });
    const result = await verifyAuditLog(repos);
    expect(result.intact).toBe(false);
    const ids = new Set(result.problems.map((p) => p.entryId));
    expect(ids).toContain(auditEntryId(1));
    expect(ids).toContain(auditEntryId(3));
  });

  it('names an entry rewritten with a recomputed hash: its signature no longer holds', async () => {
    const { hashEntry } = await import('./auditEntry.ts');
    const [second] = await raw().find({ _id: auditEntryId(2) });
    const forged = { ...second!, subject: 'someone-else' };
    await raw().replaceOne({ _id: second!._id }, { ...forged, hash: hashEntry(forged) });
    const result = await verifyAuditLog(repos);
    expect(result.problems[0]).toMatchObject({
      entryId: auditEntryId(2),
      problem: expect.stringContaining('is not signed by the audit key'),
    });
    expect(result.problems.map((p) => p.entryId)).toContain(auditEntryId(3));
  });

  it('checks from inside the subgraph against its own witness: a head moved back, a forged witness line', async () => {
    const headOfFour = (await repos.auditHead.findById('head'))!;
    await appendAudit(repos, actor, { action: 'case.read', caseIds: ['V'], fields: [] }, at);
    await raw().deleteMany({ _id: auditEntryId(5) });
    await store.collection<AuditHeadDoc>('auditHead').replaceOne({ _id: 'head' }, headOfFour);
    const forged = { ...keys.witness.read().heads[0]!.head, root: 'f'.repeat(64) };
    keys.witness.record(forged);
    const result = await verifyAuditLog(repos);
    expect(result.problems[0]).toMatchObject({ entryId: auditEntryId(5), problem: expect.stringContaining('is missing') });
    expect(result.problems.map((p) => `${p.entryId} ${p.problem}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^audit-000000000005 is past the store's head, which was moved back to 4 entries: the witness saw 5/),
        expect.stringMatching(/^witness line 6 is not signed by the audit key of health/),
      ]),
    );
  });

  it('continues a log written before entries were signed, and names its unsigned entries', async () => {
    const old = createNedbStore({});
    const [first] = await raw().find({ _id: auditEntryId(1) });
    const { signature: _signature, ...unsigned } = first!;
    await old.collection('auditLog').insertMany([unsigned]);
    await old
      .collection<Pick<AuditHeadDoc, '_id' | 'version' | 'seq' | 'hash'>>('auditHead')
      .insertMany([{ _id: 'head', version: 1, seq: 1, hash: unsigned.hash }]);
    const oldRepos = await openRepositories(old, auditDocuments);
    openAuditLog(oldRepos, 'health', { signingKey: keys.signingKey, witness: memoryWitness() });
    const next = await appendAudit(oldRepos, actor, { action: 'case.read', caseIds: ['U'], fields: [] }, at);
    expect(next).toMatchObject({ seq: 2, prevHash: unsigned.hash });
    const result = await verifyAuditLog(oldRepos);
    expect(result.problems).toEqual([
      expect.objectContaining({ entryId: auditEntryId(1), problem: expect.stringContaining('carries no signature') }),
    ]);
  });

  it('checks intact while appends go on, however slowly the check reads the log', async () => {
    // A check whose reading of the entries takes a while, as on a busy database: appends made
    // meanwhile are stored and witnessed before it finishes.
    const slowEntries = Object.create(repos.auditLog) as typeof repos.auditLog;
    slowEntries.find = async (...args) => {
      const found = await repos.auditLog.find(...args);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return found;
    };
    const checking = { ...repos, auditLog: slowEntries };
    openAuditLog(checking, 'health', keys);
    const check = verifyAuditLog(checking);
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        appendAudit(repos, { ...actor, requestId: `w${i}` }, { action: 'case.read', caseIds: ['W'], fields: [] }, at),
      ),
    );
    expect(keys.witness.read().heads.at(-1)!.head.size).toBe(9);
    expect(await check).toMatchObject({ intact: true, entries: 4, problems: [] });
  });
});
