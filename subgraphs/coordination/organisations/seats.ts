import type { CoordinationBodyDoc } from '../models.ts';
import type { SeatDoc } from './models.ts';

/** A seat as the graph serves it: with the body it belongs to. */
export type SeatRef = SeatDoc & { bodyId: string };

export const seatsOf = (body: Pick<CoordinationBodyDoc, '_id' | 'seats'>): SeatRef[] =>
  body.seats.map((seat) => ({ ...seat, bodyId: body._id }));

/** The seats that chair the body: its CHAIR first, then its CO_CHAIRs. */
export const chairsOf = (body: Pick<CoordinationBodyDoc, '_id' | 'seats'>): SeatRef[] => [
  ...seatsOf(body).filter((s) => s.role === 'CHAIR'),
  ...seatsOf(body).filter((s) => s.role === 'CO_CHAIR'),
];

/** The sectors the body seats, in seat order, each once. */
export const seatedSectors = (body: Pick<CoordinationBodyDoc, 'seats'>): string[] => [
  ...new Set(body.seats.flatMap((s) => (s.sectorId ? [s.sectorId] : []))),
];

/** The organisations the body seats, in seat order, each once (an organisation may hold several seats). */
export const seatedOrganisations = (body: Pick<CoordinationBodyDoc, 'seats'>): string[] => [
  ...new Set(body.seats.map((s) => s.organisationId)),
];
