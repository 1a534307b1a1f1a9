import type { CountryId } from '../../../platform/config.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Repository } from '../../kit/repository.ts';
import type { CoordinationBodyDoc } from '../models.ts';
import type { OrganisationDoc } from '../organisations/models.ts';
import type { BodyReportDoc, ObligationDoc } from './models.ts';
import { obligationSeed } from './seed.ts';

/*
 * A coordination store written before obligations were records holds bodies but no
 * obligations: the duties its sources set are added, each whose holder the store knows. A fresh
 * store (no bodies) is left to the demo seed. Reports are not added: a store that kept none has
 * none, and an empty collection of reports is legitimate (the definition says it may be empty).
 */

export interface ObligationUpgradeRepositories {
  obligations: Repository<ObligationDoc>;
  bodyReports: Repository<BodyReportDoc>;
  coordinationBodies: Repository<CoordinationBodyDoc>;
  organisations: Repository<OrganisationDoc>;
}

/**
 * Adds the sources' obligations to a store written before obligations were kept: one with bodies
 * but neither obligations nor body reports (reports came with obligations). A store that has
 * reports but has lost its obligations is left for start's lost-collection check to refuse.
 */
export async function upgradeToObligationRecords(
  repos: ObligationUpgradeRepositories,
  country: CountryId,
  logger: Logger,
): Promise<number> {
  const [obligationCount, reportCount, bodyCount] = await Promise.all([
    repos.obligations.count(),
    repos.bodyReports.count(),
    repos.coordinationBodies.count(),
  ]);
  if (obligationCount > 0 || reportCount > 0 || bodyCount === 0) return 0;
  const { obligations } = obligationSeed(country);
  const holderIds = [...new Set(obligations.map((o) => o.holderId))];
  const [bodies, organisations] = await Promise.all([
    repos.coordinationBodies.findByIds(holderIds),
    repos.organisations.findByIds(holderIds),
  ]);
  const known = new Set([...bodies, ...organisations].map((h) => h._id));
  const kept = obligations.filter((o) => known.has(o.holderId));
  const skipped = obligations.filter((o) => !known.has(o.holderId)).map((o) => o._id);
  if (skipped.length > 0) logger.warn({ obligations: skipped }, 'obligations not added: the store has no such holder');
  if (kept.length > 0) await repos.obligations.insertMany(kept);
  logger.info({ country, obligations: kept.length }, 'added the obligations the sources set');
  return kept.length;
}
