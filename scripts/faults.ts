/**
 * `npm run faults`: the hub as `npm start` runs it, with faults injected one after another (a
 * process killed in the middle of writes, one stopped under load, one hung, one answering
 * garbage, the supergraph file broken) and a report of what came of each: requests sent and
 * answered, writes acknowledged and how many of them were lost (the target is none). Exits 1
 * when a write was lost or half-written or a check did not hold.
 */
import { runFaults } from './faults/run.ts';

const reports = await runFaults({ log: (line) => console.error(line) });
let failed = false;
console.log('\n| Fault | Requests | Answered | Writes acknowledged | Lost | Half-written |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of reports) {
  console.log(`| ${r.fault} | ${r.requests} | ${r.answered} | ${r.acknowledgedWrites} | ${r.lost.length} | ${r.halfWritten.length} |`);
}
console.log('');
for (const r of reports) {
  for (const check of r.checks) {
    console.log(`${check.held ? 'held ' : 'FAILED'}  ${r.fault}: ${check.what}${check.detail ? ` (${check.detail})` : ''}`);
    if (!check.held) failed = true;
  }
  if (r.lost.length > 0 || r.halfWritten.length > 0) {
    failed = true;
    console.log(`FAILED  ${r.fault}: lost ${r.lost.join(', ') || 'none'}; half-written ${r.halfWritten.join(', ') || 'none'}`);
  }
}
const total = reports.reduce((sum, r) => sum + r.acknowledgedWrites, 0);
const lost = reports.reduce((sum, r) => sum + r.lost.length, 0);
console.log(`\n${reports.length} faults injected; ${total} writes acknowledged, ${lost} lost.`);
process.exit(failed ? 1 : 0);
