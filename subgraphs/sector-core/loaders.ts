import type DataLoader from 'dataloader';
import { loaderById, loaderOfAll } from '../kit/loaders.ts';
import type { Repository } from '../kit/repository.ts';
import type { StoredDocument } from '../kit/store/port.ts';
import type { ActionRecordDoc, ResponsibilityDoc, ServicePointDoc } from './models.ts';

export interface SectorRepositories<F extends StoredDocument = StoredDocument> {
  responsibilities: Repository<ResponsibilityDoc>;
  servicePoints: Repository<ServicePointDoc>;
  actionRecords: Repository<ActionRecordDoc>;
  facet: Repository<F>;
}

export interface SectorLoaders<F extends StoredDocument = StoredDocument> {
  responsibilities: { load(): Promise<ResponsibilityDoc[]> };
  servicePoints: { load(): Promise<ServicePointDoc[]> };
  actionRecords: { load(): Promise<ActionRecordDoc[]> };
  actionRecordById: DataLoader<string, ActionRecordDoc | null>;
  facetByCentreId: DataLoader<string, F | null>;
  facets: { load(): Promise<F[]> };
}

/** One query per collection per request, however many entities the gateway asks about. */
export function createSectorLoaders<F extends StoredDocument>(repos: SectorRepositories<F>): SectorLoaders<F> {
  return {
    responsibilities: loaderOfAll(repos.responsibilities, { order: 1 }),
    servicePoints: loaderOfAll(repos.servicePoints, { district: 1, name: 1 }),
    actionRecords: loaderOfAll(repos.actionRecords),
    actionRecordById: loaderById(repos.actionRecords),
    facetByCentreId: loaderById(repos.facet),
    facets: loaderOfAll(repos.facet),
  };
}
