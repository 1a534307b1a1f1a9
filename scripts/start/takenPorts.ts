import net from 'node:net';

/** A port `npm start` needs, and the variable that sets it. */
export interface NeededPort {
  variable: string;
  port: number;
}

function isTaken(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE' || error.code === 'EACCES'));
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });
}

/**
 * The ports already in use on `host`, each with a line saying which variable to change. Checked
 * before any service starts, so a second hub, or anything else on a port, is reported at once
 * instead of after every other service has opened its store.
 */
export async function takenPorts(host: string, needed: readonly NeededPort[]): Promise<string[]> {
  const taken = await Promise.all(needed.map(async (n) => ((await isTaken(host, n.port)) ? n : null)));
  return taken
    .filter((n): n is NeededPort => n !== null)
    .map((n) => `Port ${n.port} on ${host} is already in use (${n.variable}): stop what uses it, or set ${n.variable} to a free port`);
}
