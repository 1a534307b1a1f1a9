import type { Draft } from '../../../kit/repository.ts';
import type { ActionRecordDoc, ActionStatus } from '../../models.ts';
import type { ProgressReportDoc } from '../models.ts';
import { progressReportNote } from '../../seed/marks.ts';

/*
 * A sector's monitoring demo data, derived from what the sector already reports so the two
 * never disagree: each action's progress history ends in the status its record shows.
 */

const DAY_MS = 86_400_000;

/** The statuses an action passed through on its way to `status`, oldest first. */
function pathTo(status: ActionStatus): ActionStatus[] {
  switch (status) {
    case 'NOT_STARTED':
      return ['NOT_STARTED'];
    case 'IN_PROGRESS':
      return ['NOT_STARTED', 'IN_PROGRESS'];
    case 'DELAYED':
      return ['IN_PROGRESS', 'DELAYED'];
    case 'COMPLETED':
      return ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'];
  }
}

const notes: Record<ActionStatus, string> = {
  NOT_STARTED: 'Action planned; budget line requested.',
  IN_PROGRESS: 'Work under way as planned.',
  DELAYED: 'Procurement slipped; recovery plan submitted to the coordination body.',
  COMPLETED: 'Completed and verified by the focal point.',
};

/** Progress reports for each recorded action, 90 days apart, ending on the record's last update. */
export function progressSeed(sectorId: string, records: readonly Draft<ActionRecordDoc>[]): Draft<ProgressReportDoc>[] {
  return records.flatMap((record) => {
    if (!record.status) return [];
    const path = pathTo(record.status);
    return path.map((status, index) => {
      const day = new Date(record.updatedAt.getTime() - (path.length - 1 - index) * 90 * DAY_MS);
      return {
        _id: `${record._id}#${index + 1}`,
        actionId: record._id,
        sequence: index + 1,
        status,
        note: notes[status],
        evidenceRef: status === 'NOT_STARTED' ? null : `${sectorId.toUpperCase()}/${record._id}/${index + 1}`,
        dueDate: record.dueDate ?? null,
        asOf: day,
        recordedAt: day,
        recordedBy: `focal-point@${sectorId}`,
        addedForDemo: progressReportNote,
      };
    });
  });
}
