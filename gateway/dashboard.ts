/**
 * Serves the dashboard (dashboard/, a browser app that speaks only to the public GraphQL API)
 * under /dashboard/, and in development a short-lived dashboard-role token for it, to callers on
 * the gateway's own machine only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bundleDir, bundleFiles, ensureDashboardBuilt } from '../dashboard/build.ts';
import type { MintDevelopmentToken } from './auth/fromConfig.ts';
import { json, type Route } from '../platform/http.ts';
import { fromLoopback } from '../platform/loopback.ts';

export interface DashboardOptions {
  mode: 'development' | 'production';
  /**
   * Set only when the gateway trusts the local issuer (development with no configured key set):
   * the same condition under which the IDE gets a token, so the dashboard never hands out a
   * token the gateway was not already willing to give to anyone who can reach it.
   */
  mintDevelopmentToken?: MintDevelopmentToken;
}

/** Where someone not on the gateway's machine gets a development token for `role`. */
export const tokenCommand = (role: string) => `npm run token -- --role ${role}`;

/** Lifetime of a development token: the page asks for a new one when it runs out. */
export const developmentTokenSeconds = 15 * 60;

function tokenRoute(options: DashboardOptions): Route {
  return async (req) => {
    if (options.mode === 'production' || !options.mintDevelopmentToken) {
      return json(404, { errors: [{ message: 'No development token here: sign in with a token from your identity provider' }] });
    }
    if (!fromLoopback(req)) {
      return json(403, {
        errors: [
          {
            message:
              "A development token is given only to callers on the gateway's own machine (loopback), and this request came " +
              `from ${req.socket.remoteAddress ?? 'an unknown address'}: sign in with a token made on that machine by \`${tokenCommand('dashboard')}\``,
          },
        ],
      });
    }
    const token = await options.mintDevelopmentToken({
      role: 'dashboard',
      subject: 'dashboard@local',
      expiresIn: `${developmentTokenSeconds}s`,
    });
    return json(200, { token, role: 'dashboard', expiresInSeconds: developmentTokenSeconds });
  };
}

function fileRoutes(): Record<string, Route> {
  // Built on the first request (or by `npm run dashboard:build` before start), then read from disk.
  let ready: Promise<void> | undefined;
  const serve =
    (file: keyof typeof bundleFiles): Route =>
    async () => {
      try {
        await (ready ??= ensureDashboardBuilt());
      } catch (error) {
        ready = undefined;
        return { status: 503, type: 'text/plain; charset=utf-8', body: `The dashboard could not be built: ${(error as Error).message}` };
      }
      return { status: 200, type: bundleFiles[file], body: fs.readFileSync(path.join(bundleDir, file), 'utf8') };
    };
  const routes: Record<string, Route> = { '/dashboard': serve('index.html'), '/dashboard/': serve('index.html') };
  for (const file of Object.keys(bundleFiles) as (keyof typeof bundleFiles)[]) routes[`/dashboard/${file}`] = serve(file);
  return routes;
}

/** The dashboard's routes, to be merged into the gateway's. */
export function dashboardRoutes(options: DashboardOptions): Record<string, Route> {
  return { ...fileRoutes(), '/dashboard/token': tokenRoute(options) };
}
