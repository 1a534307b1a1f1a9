/**
 * Summarises a V8 CPU profile (from `npm run bench -- --profile`): where the time went, by
 * self time per function and by package, so optimisation follows measurement.
 *
 *   tsx scripts/bench/profileSummary.ts scripts/bench/profiles/<file>.cpuprofile [--top 25]
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { functionOf, packageOf, type CallFrame } from './callFrames.ts';

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const file = positionals[0];
if (!file) {
  console.error('Usage: tsx scripts/bench/profileSummary.ts <file.cpuprofile> [--top N]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfByFunction = new Map<string, number>();
const selfByPackage = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id)!;
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const fn = functionOf(node.callFrame);
  selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + dt);
  const pkg = packageOf(node.callFrame);
  selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + dt);
});
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
};
console.log(`${(total / 1e6).toFixed(1)} s sampled`);
show('Self time by package', selfByPackage);
show('Self time by function', selfByFunction);
