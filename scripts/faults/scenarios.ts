import fs from 'node:fs';
import path from 'node:path';
import { envPrefix, sectorIds } from '../../platform/catalog.ts';
import { call, writeStream, type Outcome } from './client.ts';
import type { GarbageSwitch } from './garbageProxy.ts';
import { waitUntil, type SupervisedHub } from './supervisedHub.ts';

/** What one injected fault did, in the figures the fault report prints. */
export interface FaultReport {
  fault: string;
  requests: number;
  answered: number;
  acknowledgedWrites: number;
  /** Acknowledged writes missing afterwards, by key. The target is none. */
  lost: string[];
  /** Records found incomplete or out of order afterwards. The target is none. */
  halfWritten: string[];
  /** What else was checked, in words, each with its outcome. */
  checks: { what: string; held: boolean; detail?: string }[];
}

export interface FaultContext {
  hub: SupervisedHub;
  /** What the gateway was given as the supergraph file; replaced by one fault. */
  supergraphFile: string;
  /** Sits between the gateway and one sector and can make it answer garbage. */
  garbage: GarbageSwitch;
}

export interface Fault {
  name: string;
  /** A fault of the embedded store's files, which a MongoDB server keeps to itself. */
  embeddedOnly?: boolean;
  inject(context: FaultContext): Promise<FaultReport>;
}

const subgraphReady = async (hub: SupervisedHub, service: string) =>
  fetch(`http://127.0.0.1:${hub.env[`${envPrefix(service)}_PORT`]}/ready`).then(
    (r) => r.ok,
    () => false,
  );

/**
 * Writes from several clients at once; after `before` are acknowledged, `strike` hits `service`;
 * the writes go on until the service is ready again (restarted by `npm start`) and a few more
 * are acknowledged there. `verify` then reads back every acknowledged write.
 */
async function faultUnderWrites(
  hub: SupervisedHub,
  service: string,
  options: {
    writers: number;
    before: number;
    strike: (pid: number) => void;
    write: (n: number) => Promise<{ outcome: Outcome; acknowledged?: string }>;
    verify: (acknowledged: string[]) => Promise<Pick<FaultReport, 'lost' | 'halfWritten'>>;
  },
): Promise<Omit<FaultReport, 'fault'>> {
  let acknowledged = 0;
  let back = false;
  let afterBack = 0;
  let giveUp = false;
  const streaming = writeStream(
    options.writers,
    () => giveUp || (back && afterBack >= 5),
    async (n) => {
      const result = await options.write(n);
      if (result.acknowledged !== undefined) {
        acknowledged += 1;
        if (back) afterBack += 1;
      }
      return result;
    },
  );
  const safety = setTimeout(() => (giveUp = true), 90_000);
  let backWithinMs = Number.NaN;
  let failure: Error | undefined;
  try {
    await waitUntil(async () => acknowledged >= options.before, 60_000, `${options.before} writes acknowledged before the fault`);
    const pid = hub.pidOf(service);
    const struckAt = Date.now();
    options.strike(pid);
    await waitUntil(async () => hubHasNew(hub, service, pid) && (await subgraphReady(hub, service)), 60_000, `${service} back`);
    backWithinMs = Date.now() - struckAt;
    back = true;
  } catch (error) {
    failure = error as Error;
    giveUp = true;
  }
  const tally = await streaming;
  clearTimeout(safety);
  if (failure) throw new Error(`${failure.message} (${tally.acknowledged.length} of ${tally.sent} writes acknowledged)`);
  const { lost, halfWritten } = await options.verify(tally.acknowledged);
  return {
    requests: tally.sent,
    answered: tally.answered,
    acknowledgedWrites: tally.acknowledged.length,
    lost,
    halfWritten,
    checks: [
      { what: `${service} back by itself`, held: Number.isFinite(backWithinMs), detail: `${backWithinMs} ms` },
      { what: `writes acknowledged again once ${service} is back`, held: afterBack >= 5, detail: `${afterBack} after it` },
    ],
  };
}

function hubHasNew(hub: SupervisedHub, service: string, old: number): boolean {
  try {
    return hub.pidOf(service) !== old;
  } catch {
    return false;
  }
}

const registerCase = `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id district firstReportedOn incidentType } }`;
const readCase = `query ($id: ID!) { case(id: $id, purpose: "fault check") { id district firstReportedOn incidentType } }`;
type CaseRead = { id: string; district: string; firstReportedOn: string; incidentType: string };

/** kill -9 of the case registry while sectors register cases. */
const killCoordination: Fault = {
  name: 'kill -9 coordination during case registrations',
  async inject({ hub }) {
    const token = await hub.token('sector-officer', 'health');
    const expected = new Map<string, string>();
    const report = await faultUnderWrites(hub, 'coordination', {
      writers: 4,
      before: 20,
      strike: (pid) => process.kill(pid, 'SIGKILL'),
      async write(n) {
        const district = `Fault district ${n}`;
        const input = {
          intakePoint: 'bd-occ-dhaka',
          district,
          firstReportedOn: '2026-11-20',
          incidentType: 'PHYSICAL_ASSAULT',
          contexts: ['NONE'],
          referralConsent: ['police'],
          reportingConsent: false,
        };
        const outcome = await call<{ registerCase: CaseRead | null }>(hub.url, token, registerCase, { input });
        const id = outcome.data?.registerCase?.id;
        if (id) expected.set(id, district);
        return { outcome, acknowledged: id };
      },
      async verify(acknowledged) {
        const lost: string[] = [];
        const halfWritten: string[] = [];
        for (const id of acknowledged) {
          const { data } = await call<{ case: CaseRead | null }>(hub.url, token, readCase, { id });
          const stored = data?.case;
          if (!stored) lost.push(id);
          else if (
            stored.district !== expected.get(id) ||
            stored.firstReportedOn !== '2026-11-20' ||
            stored.incidentType !== 'PHYSICAL_ASSAULT'
          )
            halfWritten.push(id);
        }
        return { lost, halfWritten };
      },
    });
    return { fault: this.name, ...report };
  },
};

/** What happens to a sector while its progress reports are written, and what is checked of it besides. */
interface WriteFault {
  strike(pid: number, hub: SupervisedHub): void;
  /** Sees each answer the clients get. */
  onAnswer?(outcome: Outcome): void;
  checks?(): FaultReport['checks'];
}

const killed = (signal: NodeJS.Signals): WriteFault => ({ strike: (pid) => process.kill(pid, signal) });

/**
 * The disk refuses the sector's writes (its progress reports' file becomes a link to /dev/full,
 * which answers every write with ENOSPC) until the first write comes back refused; then space is
 * "freed" (the file put back) and the sector, which stops itself on a failed write, is restarted.
 */
function diskFull(sector: string): WriteFault {
  let file: string | undefined;
  let refusal: Outcome | undefined;
  return {
    strike(_pid, hub) {
      file = path.join(hub.env.CRG_DATA_DIR!, hub.env.CRG_COUNTRY || 'bangladesh', sector, 'progressReports.db');
      fs.renameSync(file, `${file}.aside`);
      fs.symlinkSync('/dev/full', file);
    },
    onAnswer(outcome) {
      if (!file || refusal || !outcome.errors?.some((e) => e.extensions?.code === 'STORE_UNAVAILABLE')) return;
      refusal = outcome;
      fs.rmSync(file);
      fs.renameSync(`${file}.aside`, file);
    },
    checks: () => [
      {
        what: `the write the full disk refused was answered STORE_UNAVAILABLE, naming ${sector} and the disk's reason`,
        held: Boolean(refusal?.errors?.[0]?.message.includes(sector) && refusal.errors[0].message.includes('ENOSPC')),
        detail: refusal?.errors?.[0]?.message,
      },
    ],
  };
}

type History = { action: { progressHistory: { sequence: number; note: string | null }[] | null } | null };

/** A sector's progress reports under a fault: what happens to the sector's process is `fault`. */
function faultDuringProgressReports(name: string, sector: string, fault: WriteFault): Fault {
  return {
    name,
    async inject({ hub }) {
      const token = await hub.token('sector-officer', sector);
      const mutation = `mutation ($input: ProgressReportInput!) { report${pascal(sector)}ActionProgress(input: $input) { id } }`;
      const history = `query ($id: ID!) { action(id: $id) { progressHistory { sequence note } } }`;
      const analyst = await hub.token('analyst');
      const led = await call<{ sector: { ledActions: { id: string }[] | null } | null }>(
        hub.url,
        analyst,
        `query ($id: ID!) { sector(id: $id) { ledActions { id } } }`,
        { id: sector },
      );
      const actionId = led.data?.sector?.ledActions?.[0]?.id;
      if (!actionId) throw new Error(`${sector} leads no action to report on: ${JSON.stringify(led)}`);
      const before = (await call<History>(hub.url, analyst, history, { id: actionId })).data?.action?.progressHistory ?? [];
      const report = await faultUnderWrites(hub, sector, {
        // One writer: each report on an action follows the one before it.
        writers: 1,
        before: 10,
        strike: (pid) => fault.strike(pid, hub),
        async write(n) {
          const note = `fault report ${n}`;
          const outcome = await call(hub.url, token, mutation, { input: { actionId, status: 'IN_PROGRESS', note } });
          fault.onAnswer?.(outcome);
          return { outcome, acknowledged: outcome.data && !outcome.errors ? note : undefined };
        },
        async verify(acknowledged) {
          const { data } = await call<History>(hub.url, analyst, history, { id: actionId });
          const reports = data?.action?.progressHistory ?? [];
          const notes = new Set(reports.map((r) => r.note));
          const lost = acknowledged.filter((note) => !notes.has(note));
          const halfWritten = reports
            .filter((r, i) => r.sequence !== i + 1 || (i >= before.length && !r.note?.startsWith('fault report')))
            .map((r) => `report ${r.sequence}`);
          return { lost, halfWritten };
        },
      });
      return {
        fault: name,
        ...report,
        checks: [...report.checks, ...(fault.checks?.() ?? [])],
      };
    },
  };
}

const pascal = (id: string) => id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

const sectorStatus = '{ sectors { id delivery { total } } }';
const answeringSectors = (outcome: Outcome) =>
  ((outcome.data?.sectors ?? []) as { id: string; delivery: unknown }[]).filter((s) => s.delivery !== null).map((s) => s.id);
const namesOnly = (outcome: Outcome, sector: string) =>
  (outcome.errors ?? []).length > 0 && (outcome.errors ?? []).every((e) => e.extensions?.subgraph === sector);

/** Reads during a fault on one sector: each must answer, with the other four sectors, naming it. */
async function readsDuring(hub: SupervisedHub, sector: string, forMs: number) {
  const token = await hub.token('analyst');
  const others = sectorIds.filter((id) => id !== sector);
  const outcomes: { outcome: Outcome; ms: number }[] = [];
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    const started = Date.now();
    outcomes.push({ outcome: await call(hub.url, token, sectorStatus), ms: Date.now() - started });
  }
  const complete = outcomes.filter(
    ({ outcome }) => others.every((id) => answeringSectors(outcome).includes(id)) && namesOnly(outcome, sector),
  );
  const firstIncomplete = outcomes.find((o) => !complete.includes(o));
  const detail = `${complete.length} of ${outcomes.length}${firstIncomplete ? `; first other answer: ${JSON.stringify(firstIncomplete.outcome).slice(0, 400)}` : ''}`;
  return { outcomes, complete, detail };
}

/**
 * Reads the all-sector status for `forMs` while `sector` suffers a fault (`begin` to `end`): each
 * read must answer for the other four sectors and name only this one; afterwards the sector
 * must answer again.
 */
async function faultUnderReads(
  name: string,
  hub: SupervisedHub,
  sector: string,
  forMs: number,
  fault: { begin(): void; end(): void; recovered: string },
): Promise<FaultReport> {
  fault.begin();
  let reads;
  try {
    reads = await readsDuring(hub, sector, forMs);
  } finally {
    fault.end();
  }
  const token = await hub.token('analyst');
  let recovered = false;
  await waitUntil(
    async () => {
      const after = await call(hub.url, token, sectorStatus);
      return (recovered = !after.errors && answeringSectors(after).length === sectorIds.length);
    },
    20_000,
    fault.recovered,
  ).catch(() => undefined);
  return {
    fault: name,
    requests: reads.outcomes.length,
    answered: reads.outcomes.filter((o) => o.outcome.answered).length,
    acknowledgedWrites: 0,
    lost: [],
    halfWritten: [],
    checks: [
      {
        what: `every read answered the other four sectors and named ${sector}`,
        held: reads.complete.length === reads.outcomes.length,
        detail: reads.detail,
      },
      { what: fault.recovered, held: recovered },
    ],
  };
}

/** SIGSTOP: the process holds its connections and answers nothing, as a hung service does. */
const hangPolice: Fault = {
  name: 'police hangs (SIGSTOP) for 5 s',
  async inject({ hub }) {
    const pid = hub.pidOf('police');
    return faultUnderReads(this.name, hub, 'police', 5_000, {
      begin: () => process.kill(pid, 'SIGSTOP'),
      end: () => process.kill(pid, 'SIGCONT'),
      recovered: 'police answers again once resumed',
    });
  },
};

/** A sector that answers 200 with a body that is not GraphQL. */
const garbageFromSocialWelfare: Fault = {
  name: 'social-welfare answers garbage for 3 s',
  async inject({ hub, garbage }) {
    return faultUnderReads(this.name, hub, 'social-welfare', 3_000, {
      begin: () => garbage.on(),
      end: () => garbage.off(),
      recovered: 'social-welfare answers again once it sends GraphQL',
    });
  },
};

/** The supergraph file replaced with a broken one, and the gateway told to reload. */
const brokenSupergraph: Fault = {
  name: 'supergraph file replaced with a broken one',
  async inject({ hub, supergraphFile }) {
    const good = fs.readFileSync(supergraphFile);
    const token = await hub.token('analyst');
    const outcomes: Outcome[] = [];
    fs.writeFileSync(supergraphFile, 'schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Broken');
    try {
      process.kill(hub.pidOf('gateway'), 'SIGHUP');
      for (let i = 0; i < 20; i += 1) outcomes.push(await call(hub.url, token, sectorStatus));
    } finally {
      fs.writeFileSync(supergraphFile, good);
    }
    const whole = outcomes.filter((o) => !o.errors && answeringSectors(o).length === 5);
    return {
      fault: this.name,
      requests: outcomes.length,
      answered: outcomes.filter((o) => o.answered).length,
      acknowledgedWrites: 0,
      lost: [],
      halfWritten: [],
      checks: [
        {
          what: 'the gateway kept serving the graph it had',
          held: whole.length === outcomes.length,
          detail: `${whole.length} of ${outcomes.length} whole answers`,
        },
        { what: 'the refusal is logged', held: hub.output().includes('new supergraph refused; serving the previous one') },
      ],
    };
  },
};

export const faults: Fault[] = [
  killCoordination,
  faultDuringProgressReports('kill -9 health during progress reports', 'health', killed('SIGKILL')),
  faultDuringProgressReports('education stopped (SIGTERM) under writes', 'education', killed('SIGTERM')),
  { ...faultDuringProgressReports("justice's disk full during progress reports", 'justice', diskFull('justice')), embeddedOnly: true },
  hangPolice,
  garbageFromSocialWelfare,
  brokenSupergraph,
];
