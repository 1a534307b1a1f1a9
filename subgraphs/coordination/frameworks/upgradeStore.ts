import type { CountryId } from '../../../platform/config.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Repository } from '../../kit/repository.ts';
import type { ActionDoc } from '../models.ts';
import type { OrganisationDoc } from '../organisations/models.ts';
import type { FrameworkDoc } from './models.ts';
import { frameworkSeed } from './seed/index.ts';

/*
 * A coordination store written before frameworks had a life holds its country's one framework
 * without status, events or funding. A framework that is the demo's own record (same id, title,
 * period and lead) takes its life from there (status, events, funding lines, sources), and the
 * demo's other frameworks of its line are added beside it (those whose lead the store holds); any
 * other is taken to be in force, and says so, its facts unvouched for. A fresh store is left to
 * the demo seed. Nothing stored is overwritten.
 *
 * Safe to stop at any point: each framework is written whole, the added ones in one batch first,
 * and a framework that has its life is never touched again.
 */

export const adoptedByUpgradeNote =
  'Stored before frameworks kept their life: taken to be ADOPTED and in force by the upgrade; its events and funding were not recorded.';

export interface FrameworkUpgradeRepositories {
  frameworks: Repository<FrameworkDoc>;
  organisations: Repository<OrganisationDoc>;
  actions: Repository<ActionDoc>;
}

/** A framework as a store may hold it: without a life, or with one. */
type Stored = Omit<FrameworkDoc, 'status' | 'events' | 'fundingLines'> & Partial<Pick<FrameworkDoc, 'status' | 'events' | 'fundingLines'>>;

export async function upgradeToFrameworkLives(repos: FrameworkUpgradeRepositories, country: CountryId, logger: Logger): Promise<number> {
  const stored = (await repos.frameworks.find({})) as Stored[];
  const lifeless = stored.filter((f) => f.events == null);
  if (lifeless.length === 0) return 0;

  const demo = frameworkSeed(country);
  const known = new Set(stored.map((f) => f._id));
  const demoRecordOf = (framework: Stored) => demo.find((d) => statesTheSameFacts(framework, d));
  // The demo's line of frameworks joins only a store whose framework is the demo's own record:
  // added beside any other, the demo's current one would take that framework's place.
  const matched = lifeless.some((f) => demoRecordOf(f));
  const fits = await referencesIn(repos, demo);
  // A framework whose lead the store does not hold is left out rather than credited to another.
  const added = matched ? demo.filter((d) => !known.has(d._id) && fits.organisation(d.leadOrganisationId)) : [];
  if (added.length > 0) await repos.frameworks.insertMany(added.map((d) => fitted(d, fits, logger)));
  for (const framework of lifeless) {
    const { version, ...kept } = framework;
    const life = demoRecordOf(framework);
    const upgraded = life
      ? fitted(
          {
            ...kept,
            status: life.status,
            events: life.events,
            fundingLines: life.fundingLines,
            source: life.source ?? null,
            addedForDemo: life.addedForDemo ?? null,
          },
          fits,
          logger,
        )
      : { ...kept, status: 'ADOPTED' as const, events: [], fundingLines: [], source: null, addedForDemo: adoptedByUpgradeNote };
    await repos.frameworks.replace(upgraded, version);
    logger.info({ framework: framework._id, status: upgraded.status, fromDemoData: Boolean(life) }, 'gave the framework its life');
  }
  logger.info({ country, upgraded: lifeless.length, added: added.length }, 'upgraded the coordination store to frameworks with a life');
  return lifeless.length + added.length;
}

/**
 * Whether a stored framework is the demo's record of the same id, stating the same title, period
 * and lead: only then are the demo's life and sources its own. One that differs (an earlier demo's
 * title, an operator's edit) keeps what it states and is taken to be in force.
 */
function statesTheSameFacts(stored: Stored, demo: Omit<FrameworkDoc, 'version'>): boolean {
  return (
    stored._id === demo._id &&
    stored.title === demo.title &&
    +stored.period.start === +demo.period.start &&
    +stored.period.end === +demo.period.end &&
    stored.leadOrganisationId === demo.leadOrganisationId
  );
}

/** Which organisations and actions the store holds, of those the demo's frameworks name. */
async function referencesIn(repos: FrameworkUpgradeRepositories, demo: readonly Omit<FrameworkDoc, 'version'>[]) {
  const organisationIds = demo.flatMap((d) => [d.leadOrganisationId, ...d.fundingLines.map((l) => l.funderId)]);
  const actionIds = demo.flatMap((d) => d.fundingLines.flatMap((l) => l.actionIds));
  const [organisations, actions] = await Promise.all([repos.organisations.findByIds(organisationIds), repos.actions.findByIds(actionIds)]);
  const hasOrganisation = new Set(organisations.map((o) => o._id));
  const hasAction = new Set(actions.map((a) => a._id));
  return { organisation: (id: string) => hasOrganisation.has(id), action: (id: string) => hasAction.has(id) };
}

/** The framework with only the funding lines whose funder the store holds, each naming only actions it holds. */
function fitted<F extends Omit<FrameworkDoc, 'version'>>(framework: F, fits: Awaited<ReturnType<typeof referencesIn>>, logger: Logger): F {
  const lines = framework.fundingLines.filter((l) => fits.organisation(l.funderId));
  const dropped = framework.fundingLines.filter((l) => !fits.organisation(l.funderId)).map((l) => l.id);
  if (dropped.length > 0)
    logger.warn({ framework: framework._id, fundingLines: dropped }, 'funding lines not added: the store has no such funder');
  return { ...framework, fundingLines: lines.map((l) => ({ ...l, actionIds: l.actionIds.filter(fits.action) })) };
}
