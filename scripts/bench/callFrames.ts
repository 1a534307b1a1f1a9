/** A function's place in a V8 profile (CPU or heap), as both name it. */
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

/** The frame's file, relative to the project when it is in it. */
export const fileOf = (frame: CallFrame) => frame.url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');

/** The npm package the frame's code comes from, or `node`, `project`, or the native function's name. */
export function packageOf(frame: CallFrame): string {
  const file = fileOf(frame);
  return (
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ??
    (file.startsWith('node:') ? 'node' : file ? 'project' : frame.functionName || '(native)')
  );
}

/** The function and where it is: `name file:line`. */
export const functionOf = (frame: CallFrame) => `${frame.functionName || '(anonymous)'} ${fileOf(frame)}:${frame.lineNumber + 1}`;
