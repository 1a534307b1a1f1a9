import { BaseSequencer, type TestSpecification } from 'vitest/node';

/*
 * The suite runs on two workers, each taking the next file when it is done. A long file taken
 * last keeps one worker busy while the other waits: on a fresh clone, with no timings from an
 * earlier run, vitest starts the largest files first, and the files that start whole hubs as
 * child processes are not the largest. These start first, longest first (seconds on two cores,
 * measured on a quiet machine); every other file follows in vitest's own order.
 */
const longestFiles = [
  'test/newSector.test.ts', // ~130 s: copies the project, generates a ministry, type-checks and composes
  'test/startScript.test.ts', // ~65 s: `npm start` as a user runs it, twice
  'test/faults.test.ts', // ~50 s: kills and restarts services under load
  'test/browser/accessibility.test.ts', // ~25 s: axe on every view in two languages
  'test/browser/dashboard.test.ts',
  'test/alerts/alerts.test.ts',
  'test/store/subgraphProcess.test.ts',
  'scripts/codegen.test.ts',
  'test/ecosystem/hiveGateway.test.ts',
];

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = longestFiles.findIndex((name) => file.moduleId.endsWith(`/${name}`));
      return index === -1 ? longestFiles.length : index;
    };
    return sorted
      .map((file, order) => ({ file, order }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order)
      .map(({ file }) => file);
  }
}
