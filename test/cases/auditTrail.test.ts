import { execFile } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLogs } from '../../scripts/auditVerify.ts';
import { auditDocuments, auditEntryId } from '../../subgraphs/kit/audit/auditEntry.ts';
import { appendAudit, openAuditLog } from '../../subgraphs/kit/audit/auditLog.ts';
import { configuredAuditLogKeys } from '../../subgraphs/kit/audit/configuredAudit.ts';
import { readConfig } from '../../platform/config.ts';
import { createLogger } from '../../platform/logger.ts';
import { openRepositories } from '../../subgraphs/kit/repository.ts';
import { createStore } from '../../subgraphs/kit/store/createStore.ts';
import { projectPath } from '../../platform/schemaFiles.ts';
import { analyst, startTestHub, type TestHub } from '../support/hub.ts';
import { auditor, officer, referCase, registered } from './caseFixtures.ts';

/*
 * The audit trail: auditors read every subgraph's log in one query; its check shows any entry
 * altered, deleted or moved in a store, through the graph and through `npm run audit:verify`
 * (test/cases/auditTampering.test.ts tries the rewrites that hide their traces).
 */

let hub: TestHub;
let caseId: string;
beforeAll(async () => {
  hub = await startTestHub();
  caseId = await registered(hub, 'health');
  await hub.query(referCase, { input: { caseId, toSectorId: 'police', reason: 'Report', followUpBy: '2026-11-30' } }, officer('health'));
  await hub.query(
    `query($id: ID!) { case(id: $id, purpose: "weekly review") { id responses { summary } } }`,
    { id: caseId },
    officer('police'),
  );
});
afterAll(() => hub?.stop());

const logs = /* GraphQL */ `
  query ($caseId: ID) {
    auditLog {
      id
      check {
        intact
        entries
        problems {
          entryId
          problem
        }
      }
      entries(caseId: $caseId, limit: 50) {
        seq
        subject
        role
        sectorId
        action
        caseIds
        fields
        purpose
        prevHash
        hash
      }
    }
  }
`;

describe('the audit log query', () => {
  it('shows auditors every subgraph’s log in one request: who read which case, which fields, and why', async () => {
    const { data, errors } = await hub.query(logs, { caseId }, auditor);
    expect(errors).toBeUndefined();
    expect(data!.auditLog.map((l: { id: string }) => l.id)).toEqual([
      'coordination',
      'health',
      'police',
      'justice',
      'social-welfare',
      'education',
    ]);
    for (const log of data!.auditLog) expect(log.check.intact, log.id).toBe(true);
    const coordination = data!.auditLog[0].entries;
    const read = coordination.find((e: { action: string }) => e.action === 'case.read');
    expect(read).toMatchObject({
      subject: 'officer@police',
      role: 'sector-officer',
      sectorId: 'police',
      caseIds: [caseId],
      purpose: 'weekly review',
    });
    // Each subgraph records the fields it served: coordination the case, each sector its response.
    expect(read.fields).toEqual(expect.arrayContaining(['id', 'responses', 'responses.id']));
    expect(coordination.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['case.register', 'referral.create']));
    const health = data!.auditLog[1].entries;
    expect(health.find((e: { action: string }) => e.action === 'response.read')).toMatchObject({
      sectorId: 'police',
      caseIds: [caseId],
      fields: ['summary'],
    });
  });

  it('is for auditors only', async () => {
    for (const caller of [analyst, officer('health')]) {
      const { errors } = await hub.query(`{ auditLog { id entries { seq } } }`, {}, caller);
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('names the entry when one is edited, deleted or moved directly in a store', async () => {
    const coordination = hub.stores.get('coordination')!.collection<any>('auditLog');
    const [second] = await coordination.find({ _id: auditEntryId(2) });
    await coordination.replaceOne({ _id: second._id }, { ...second, purpose: 'nothing to see' });
    await hub.stores
      .get('police')!
      .collection('auditLog')
      .deleteMany({ _id: auditEntryId(1) });
    const health = hub.stores.get('health')!.collection<any>('auditLog');
    const [first] = await health.find({ _id: auditEntryId(1) });
    await health.replaceOne({ _id: first._id }, { ...first, seq: 7 });

    const { data } = await hub.query(logs, {}, auditor);
    const byId = Object.fromEntries(data!.auditLog.map((l: { id: string; check: unknown }) => [l.id, l.check]));
    expect(byId.coordination.intact).toBe(false);
    expect(byId.coordination.problems).toContainEqual({ entryId: auditEntryId(2), problem: expect.stringContaining('altered') });
    expect(byId.police.problems).toContainEqual({ entryId: auditEntryId(1), problem: expect.stringContaining('missing') });
    expect(byId.health.problems.map((p: { entryId: string }) => p.entryId)).toContain(auditEntryId(1));
    expect(byId.justice.intact).toBe(true);

    const stored = new Map(
      [...hub.stores].map(([name, store]) => {
        const { signingKey, witness } = hub.audit.get(name)!;
        return [name, { store, trust: { subgraph: name, publicKey: createPublicKey(signingKey), witnessed: witness.read() } }];
      }),
    );
    const report = await verifyAuditLogs(stored);
    expect(report.intact).toBe(false);
    expect(report.lines).toContainEqual(expect.stringMatching(new RegExp(`coordination ${auditEntryId(2)} was altered`)));
    expect(report.lines).toContainEqual(expect.stringMatching(new RegExp(`police ${auditEntryId(1)} is missing`)));
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 on intact logs and 1 naming the entry once a stored entry is altered', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-audit-'));
    const config = readConfig({ CRG_STORE: 'embedded', CRG_DATA_DIR: dataDir, CRG_COUNTRY: 'bangladesh' });
    const keys = await configuredAuditLogKeys(config, 'justice', createLogger('silent'));
    const store = await createStore(config, 'justice');
    const repos = await openRepositories(store, auditDocuments);
    openAuditLog(repos, 'justice', keys);
    const actor = { subject: 'officer@justice', role: 'sector-officer', sector: 'justice', requestId: 'r' };
    for (const n of [1, 2, 3])
      await appendAudit(
        repos,
        actor,
        { action: 'response.read', caseIds: [`CASE-BD-2026-00000${n}`], fields: ['verdict'] },
        new Date('2026-11-24T12:00:00Z'),
      );
    await store.close();
    await keys.witness.close();

    const run = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', projectPath('scripts', 'auditVerify.ts')], {
        env: { ...process.env, CRG_STORE: 'embedded', CRG_DATA_DIR: dataDir, CRG_COUNTRY: 'bangladesh' },
      }).then(
        (out) => ({ code: 0, stdout: out.stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const intact = await run();
    expect(intact.stdout).toContain('ok      justice: 3 entries');
    expect(intact.code).toBe(0);

    const file = path.join(dataDir, 'bangladesh', 'justice', 'auditLog.db');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('CASE-BD-2026-000002', 'CASE-BD-2026-000099'));
    const broken = await run();
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`justice ${auditEntryId(2)} was altered`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
