import type DataLoader from 'dataloader';
import { loaderByField, loaderById, loaderOfAll } from '../../kit/loaders.ts';
import type { Repository } from '../../kit/repository.ts';
import type { StoredDocument } from '../../kit/store/port.ts';
import type { SubgraphContext } from '../../kit/subgraph.ts';
import type { SectorLoaders, SectorRepositories } from '../loaders.ts';
import type { DataSetDoc, IndicatorDoc, IndicatorValueDoc, PeriodReopeningDoc, ProgressReportDoc } from './models.ts';

export interface MonitoringRepositories {
  progressReports: Repository<ProgressReportDoc>;
  dataSets: Repository<DataSetDoc>;
  indicators: Repository<IndicatorDoc>;
  indicatorValues: Repository<IndicatorValueDoc>;
  periodReopenings: Repository<PeriodReopeningDoc>;
}

/** The newest document by a date field, read once per request: one small query, not the whole history. */
function latestOf<T extends StoredDocument>(repo: Repository<T>, field: keyof T & string) {
  let pending: Promise<T | null> | undefined;
  return { load: () => (pending ??= repo.find({}, { sort: { [field]: -1 }, limit: 1 }).then(([doc]) => doc ?? null)) };
}

/** Per-request loaders for the monitoring collections: one store query per collection or relation. */
export function createMonitoringLoaders(repos: MonitoringRepositories) {
  return {
    progressByAction: loaderByField(repos.progressReports, 'actionId', { sort: { sequence: 1 } }),
    latestProgressReport: latestOf(repos.progressReports, 'recordedAt'),
    dataSets: loaderOfAll(repos.dataSets),
    dataSetById: loaderById(repos.dataSets),
    indicators: loaderOfAll(repos.indicators, { order: 1 }),
    indicatorById: loaderById(repos.indicators),
    valuesByIndicator: loaderByField(repos.indicatorValues, 'indicatorId', { sort: { period: 1 } }),
    values: loaderOfAll(repos.indicatorValues, { period: 1 }),
    reopenings: loaderOfAll(repos.periodReopenings, { reopenedAt: 1 }),
  };
}

export type MonitoringLoaders = ReturnType<typeof createMonitoringLoaders>;
export type { DataLoader };

/** What a sector resolver sees when monitoring is part of the sector subgraph. */
export type MonitoringContext = Omit<SubgraphContext, 'repos' | 'loaders'> & {
  repos: SectorRepositories & MonitoringRepositories;
  loaders: SectorLoaders & { monitoring: MonitoringLoaders };
};
