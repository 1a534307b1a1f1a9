// Loaded with `--import` into a gateway the memory bench starts: answers `{ memory: true }` over
// the IPC channel with where its memory is (process.memoryUsage, V8's heap spaces, and resident
// memory by mapping).
import fs from 'node:fs';
import v8 from 'node:v8';

const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;

process.on('message', (message) => {
  if (!message || message.memory !== true) return;
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_used_size)]));
  const heap = v8.getHeapStatistics();
  process.send?.({
    memoryReport: {
      rss: mb(usage.rss),
      heapTotal: mb(usage.heapTotal),
      heapUsed: mb(usage.heapUsed),
      external: mb(usage.external),
      arrayBuffers: mb(usage.arrayBuffers),
      malloced: mb(heap.malloced_memory),
      peakMalloced: mb(heap.peak_malloced_memory),
      spaces,
      mappings: residentByMapping(),
    },
  });
});

// Imported as `memoryProbe.mjs?heapProfile=<file>`, samples allocations from the start (V8's
// sampling heap profiler, every 16 KB) and writes the allocations still live, with their stacks, to
// that file on SIGUSR2 (open it in Chrome's DevTools, Memory tab, or summarise it with
// heapProfileSummary.ts).
const profileFile = new URL(import.meta.url).searchParams.get('heapProfile');
if (profileFile) {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 16384 });
  process.on('SIGUSR2', async () => {
    // What is live, not what awaits the next collection.
    await session.post('HeapProfiler.collectGarbage');
    const { profile } = await session.post('HeapProfiler.getSamplingProfile');
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    console.error(`heap profile written to ${profileFile}`);
  });
}

/** Resident memory by what is mapped (the node binary, anonymous memory, each library), MB, from /proc (Linux). */
function residentByMapping() {
  const byName = {};
  let name = '';
  try {
    for (const line of fs.readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
      const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (mapping) name = mapping[1] || '[anon]';
      else if (line.startsWith('Rss:')) byName[name] = (byName[name] ?? 0) + Number(line.split(/\s+/)[1]) / 1024;
    }
  } catch {
    return {};
  }
  return Object.fromEntries(
    Object.entries(byName)
      .filter(([, value]) => value >= 1)
      .map(([key, value]) => [key.replace(/.*\//, ''), Math.round(value * 10) / 10]),
  );
}
