/**
 * Summarises a V8 sampling heap profile (memoryProbe.mjs writes one on SIGUSR2 when
 * MEMORY_PROBE_HEAP_PROFILE names a file): the memory still live when it was taken, by the package
 * whose code allocated it, by the nearest project function on the allocating stack, and by
 * function including what its callees allocated, so a cut follows measurement.
 *
 *   tsx scripts/bench/heapProfileSummary.ts <file.heapprofile> [--top 25]
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { functionOf, packageOf, type CallFrame } from './callFrames.ts';

interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const file = positionals[0];
if (!file) {
  console.error('Usage: tsx scripts/bench/heapProfileSummary.ts <file.heapprofile> [--top N]');
  process.exit(2);
}
const { head } = JSON.parse(fs.readFileSync(file, 'utf8')) as { head: HeapNode };
const packageOfNode = (node: HeapNode) => packageOf(node.callFrame);
const nameOf = (node: HeapNode) => functionOf(node.callFrame);

const byPackage = new Map<string, number>();
const byProjectFunction = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
const add = (map: Map<string, number>, key: string, size: number) => map.set(key, (map.get(key) ?? 0) + size);
const visit = (node: HeapNode, stack: HeapNode[]) => {
  const path = [...stack, node];
  if (node.selfSize) {
    total += node.selfSize;
    add(byPackage, packageOfNode(node), node.selfSize);
    const project = [...path].reverse().find((n) => packageOfNode(n) === 'project');
    add(byProjectFunction, project ? nameOf(project) : '(no project code on the stack)', node.selfSize);
    for (const name of new Set(path.map(nameOf))) add(inclusive, name, node.selfSize);
  }
  for (const child of node.children) visit(child, path);
};
visit(head, []);
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    console.log(`${(bytes / 1048576).toFixed(1).padStart(7)} MB  ${name}`);
  }
};
console.log(`${(total / 1048576).toFixed(1)} MB live (sampled)`);
show('Allocated by package', byPackage);
show('Allocated under project function (the nearest on the stack)', byProjectFunction);
show('Allocated under function, callees included', inclusive);
