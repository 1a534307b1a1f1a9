/**
 * `npm run faults`: the hub as `npm start` runs it, with faults injected one after another (a
 * process killed in the middle of writes, one stopped under load, one hung, one answering
 * garbage, the supergraph file broken) and a report of what came of each: requests sent and
 * answered, writes acknowledged and how many of them were lost (the target is none). Exits 1
 * when a write was lost or half-written or a check did not hold.
 *
 *   npm run faults                 # on the embedded store, in a fresh folder
 *   npm run faults -- --mongodb    # on the MongoDB server MONGODB_URI names, in databases of its own
 */
import { runFaults } from './faults/run.ts';
import { progress } from './progress.ts';

const onMongodb = process.argv.includes('--mongodb');
if (onMongodb && !process.env.MONGODB_URI) {
  console.error('--mongodb needs MONGODB_URI (mongodb://host:27017 or mongodb+srv://…)');
  process.exit(2);
}
const reports = await runFaults({ log: progress('faults'), mongodbUri: onMongodb ? process.env.MONGODB_URI : undefined });
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
