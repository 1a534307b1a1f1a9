import { describe, expect, it } from 'vitest';
import { runFaults } from '../scripts/faults/run.ts';

/*
 * The fault suite, as `npm run faults` runs it: the hub under `npm start` on the embedded store,
 * a process killed in the middle of writes, one stopped under load, one hung, one answering
 * garbage, the supergraph file broken. No acknowledged write may be lost or half-written.
 */
describe('faults injected into a running hub', () => {
  it('loses no acknowledged write and keeps answering for the parts still up', async () => {
    const reports = await runFaults();
    expect(reports.map((r) => r.fault)).toEqual([
      'kill -9 coordination during case registrations',
      'kill -9 health during progress reports',
      'education stopped (SIGTERM) under writes',
      'police hangs (SIGSTOP) for 5 s',
      'social-welfare answers garbage for 3 s',
      'supergraph file replaced with a broken one',
    ]);
    for (const report of reports) {
      expect({ fault: report.fault, lost: report.lost, halfWritten: report.halfWritten }).toEqual({
        fault: report.fault,
        lost: [],
        halfWritten: [],
      });
      expect(report.answered, report.fault).toBe(report.requests);
      for (const check of report.checks) expect({ fault: report.fault, ...check }).toMatchObject({ held: true });
    }
    const writes = reports.filter((r) => r.fault.includes('writes') || r.fault.includes('registrations') || r.fault.includes('reports'));
    expect(writes).toHaveLength(3);
    for (const report of writes) expect(report.acknowledgedWrites, report.fault).toBeGreaterThanOrEqual(10);
  }, 400_000);
});
