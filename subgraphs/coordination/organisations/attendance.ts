import type { FieldProblem } from '../../kit/errors.ts';
import { attendanceCounts } from '../meetings/cadence.ts';
import type { MeetingDoc, OrganisationAttendanceDoc } from '../meetings/models.ts';
import type { CoordinationBodyDoc } from '../models.ts';
import type { OrganisationDoc } from './models.ts';
import { seatedOrganisations, seatedSectors } from './seats.ts';

/*
 * Who came to a meeting, organisation by organisation. Attendance is recorded for every
 * organisation the body seats on the day, so a later change of seats does not rewrite history.
 */

/** When the secretariat names no organisations: those serving a sector present came, the others did not. */
export function impliedBySectors(
  organisations: readonly Pick<OrganisationDoc, '_id' | 'sectorIds'>[],
  sectorsPresent: readonly string[],
): OrganisationAttendanceDoc[] {
  return organisations.map((o) => ({ organisationId: o._id, present: o.sectorIds.some((id) => sectorsPresent.includes(id)) }));
}

/**
 * The organisation attendance to record for a meeting of `body`, and the problems with what the
 * secretariat said: an id that names no organisation, or one the body does not seat, is named.
 */
export function organisationAttendance(
  body: Pick<CoordinationBodyDoc, '_id' | 'seats'>,
  /** The stored organisations among those seated and those named. */
  found: ReadonlyMap<string, OrganisationDoc>,
  input: { sectorsPresent: readonly string[]; organisationsPresent?: readonly string[] | null },
): { rows: OrganisationAttendanceDoc[]; problems: FieldProblem[] } {
  const seated = seatedOrganisations(body);
  const listed = input.organisationsPresent;
  if (listed === undefined || listed === null) {
    const docs = seated.flatMap((id) => found.get(id) ?? []);
    return { rows: impliedBySectors(docs, input.sectorsPresent), problems: [] };
  }
  const problems: FieldProblem[] = [];
  const unknown = listed.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    problems.push({ field: 'organisationsPresent', problem: `names no organisation: ${unknown.join(', ')}` });
  }
  const strangers = listed.filter((id) => found.has(id) && !seated.includes(id));
  if (strangers.length > 0) {
    problems.push({
      field: 'organisationsPresent',
      problem: `names organisations ${body._id} does not seat: ${strangers.join(', ')} (it seats ${seated.join(', ')})`,
    });
  }
  const twice = listed.filter((id, i) => listed.indexOf(id) !== i);
  if (twice.length > 0)
    problems.push({ field: 'organisationsPresent', problem: `names an organisation twice: ${[...new Set(twice)].join(', ')}` });
  problems.push(...disagreements(body, input.sectorsPresent, listed));
  return { rows: seated.map((id) => ({ organisationId: id, present: listed.includes(id) })), problems };
}

/** Where the two lists contradict each other: a sector present with none of those sitting for it, or the reverse. */
function disagreements(
  body: Pick<CoordinationBodyDoc, 'seats'>,
  sectorsPresent: readonly string[],
  listed: readonly string[],
): FieldProblem[] {
  return seatedSectors(body).flatMap((sectorId) => {
    const sitting = [...new Set(body.seats.filter((s) => s.sectorId === sectorId).map((s) => s.organisationId))];
    const came = sitting.filter((id) => listed.includes(id));
    if (sectorsPresent.includes(sectorId) && came.length === 0) {
      return [
        {
          field: 'organisationsPresent',
          problem: `names none of those sitting for ${sectorId} (${sitting.join(', ')}), which sectorsPresent names`,
        },
      ];
    }
    if (!sectorsPresent.includes(sectorId) && came.length > 0) {
      return [
        { field: 'organisationsPresent', problem: `names ${came.join(', ')}, sitting for ${sectorId}, which sectorsPresent leaves out` },
      ];
    }
    return [];
  });
}

export interface OrganisationAttendanceCount {
  organisationId: string;
  expected: number;
  attended: number;
  rate: number | null;
}

/** Each organisation's attendance over the meetings that recorded it, in first-seen order. */
export function organisationAttendanceRates(
  meetings: readonly Pick<MeetingDoc, 'organisationAttendance'>[],
): OrganisationAttendanceCount[] {
  return attendanceCounts(
    meetings.map((m) => (m.organisationAttendance ?? []).map((a) => ({ key: a.organisationId, present: a.present }))),
  ).map(({ key, ...counts }) => ({ organisationId: key, ...counts }));
}
