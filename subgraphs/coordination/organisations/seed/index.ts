import type { Draft } from '../../../kit/repository.ts';
import type { OrganisationDoc } from '../models.ts';

/** An organisation as a country's demo data defines it; its listing order is its place in the list. */
export type OrganisationSeed = Omit<Draft<OrganisationDoc>, 'order'>;

/** The organisations in listing order. */
export const inOrder = (organisations: readonly OrganisationSeed[]): Draft<OrganisationDoc>[] =>
  organisations.map((organisation, order) => ({ ...organisation, order }));
