/**
 * Summarises a V8 CPU profile (from `npm run bench -- --profile` or oneAtATime.ts): where the
 * time went, by self time per function and by package, and by inclusive time per function (the
 * function or anything it called), as shares of the busy time (idle left out), so optimisation
 * follows measurement. --callers names what called the functions matching a pattern, by the
 * self time spent in them under each caller.
 *
 *   tsx scripts/bench/profileSummary.ts scripts/bench/profiles/<file>.cpuprofile [--top 25] [--callers writev] [--depth 3]
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { functionOf, packageOf, type CallFrame } from './callFrames.ts';

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, callers: { type: 'string' }, depth: { type: 'string', default: '3' } },
});
const file = positionals[0];
if (!file) {
  console.error('Usage: tsx scripts/bench/profileSummary.ts <file.cpuprofile> [--top N] [--callers pattern] [--depth N]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
/** The node's function and those that called it, innermost first. */
const stackOf = (id: number): ProfileNode[] => {
  const stack: ProfileNode[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) stack.push(byId.get(at)!);
  return stack;
};

const add = (map: Map<string, number>, key: string, dt: number) => map.set(key, (map.get(key) ?? 0) + dt);
const selfByFunction = new Map<string, number>();
const selfByPackage = new Map<string, number>();
const inclusive = new Map<string, number>();
const callers = new Map<string, number>();
const pattern = values.callers ? new RegExp(values.callers) : undefined;
let total = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id)!;
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  if (node.callFrame.functionName === '(idle)') {
    idle += dt;
    return;
  }
  add(selfByFunction, functionOf(node.callFrame), dt);
  add(selfByPackage, packageOf(node.callFrame), dt);
  const stack = stackOf(id).filter((n) => n.callFrame.functionName !== '(root)');
  for (const fn of new Set(stack.map((n) => functionOf(n.callFrame)))) add(inclusive, fn, dt);
  if (pattern && pattern.test(functionOf(node.callFrame))) {
    const chain = stack
      .slice(1, 1 + Number(values.depth))
      .map((n) => functionOf(n.callFrame))
      .join(' ← ');
    add(callers, chain || '(no caller)', dt);
  }
});
const busy = total - idle;
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    console.log(`${((100 * us) / busy).toFixed(1).padStart(5)}%  ${name}`);
  }
};
console.log(`${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s of it busy; shares of the busy time`);
show('Self time by package', selfByPackage);
show('Self time by function', selfByFunction);
show('Inclusive time by function (it or what it called)', inclusive);
if (pattern) show(`Callers of ${values.callers} (self time under each, innermost caller first)`, callers);
