import { z } from 'zod';
import { envPrefix, subgraphCatalog } from '../catalog.ts';

export const countries = ['bangladesh', 'england-wales', 'south-africa'] as const;
export type CountryId = (typeof countries)[number];

export type StoreKind = 'memory' | 'embedded' | 'mongodb';

export interface HubConfig {
  country: CountryId;
  store: StoreKind;
  dataDir: string;
  mongodbUri: string | undefined;
  host: string;
  gatewayPort: number;
  subgraphPorts: Record<string, number>;
  /** Where the gateway reaches each subgraph. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  /** A fixed "today" (YYYY-MM-DD) for demonstrations and reports; the system clock otherwise. */
  today: string | undefined;
  logLevel: string;
}

/** Start-up stops with this when a variable is wrong; the message names each variable and why. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration error:\n  ${problems.join('\n  ')}`);
  }
}

const port = z.coerce
  .number({ error: 'must be a whole number between 0 and 65535' })
  .int('must be a whole number between 0 and 65535')
  .min(0, 'must be a whole number between 0 and 65535')
  .max(65535, 'must be a whole number between 0 and 65535');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'must be a real calendar date');

const httpUrl = z
  .string()
  .url('must be a URL such as http://localhost:4002/graphql')
  .refine((s) => /^https?:\/\//.test(s), 'must be an http:// or https:// URL');

const env = z.object({
  CRG_COUNTRY: z.enum(countries, { error: `must be one of ${countries.join(', ')}` }).default('bangladesh'),
  CRG_STORE: z
    .enum(['memory', 'embedded', 'mongodb'], { error: 'must be memory, embedded or mongodb' })
    .optional(),
  CRG_DATA_DIR: z.string().min(1, 'must not be empty').default('data'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  CRG_HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  GATEWAY_PORT: port.default(4000),
  GATEWAY_SUBGRAPH_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be at least 100 ms')
    .max(120_000, 'must be at most 120000 ms')
    .default(5000),
  CRG_TODAY: isoDate.optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

/** Reads and checks every variable the hub uses; throws ConfigError naming all that are wrong. */
export function readConfig(source: NodeJS.ProcessEnv = process.env): HubConfig {
  const problems: string[] = [];
  // An empty variable means "not set": shells and compose files often leave them so.
  const present = (name: string) => (source[name] === '' ? undefined : source[name]);
  const values = Object.fromEntries(Object.keys(env.shape).map((k) => [k, present(k)]));
  const parsed = env.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      problems.push(`${name} ${issue.message} (got ${JSON.stringify(values[name])})`);
    }
  }

  const subgraphPorts: Record<string, number> = {};
  const subgraphUrls: Record<string, string> = {};
  for (const entry of subgraphCatalog) {
    const prefix = envPrefix(entry.name);
    const portName = `${prefix}_PORT`;
    const portValue = port.default(entry.defaultPort).safeParse(present(portName));
    if (!portValue.success) {
      problems.push(`${portName} ${portValue.error.issues[0]?.message} (got ${JSON.stringify(source[portName])})`);
      continue;
    }
    subgraphPorts[entry.name] = portValue.data;
    const urlName = `${prefix}_URL`;
    const urlValue = present(urlName);
    if (urlValue !== undefined) {
      const url = httpUrl.safeParse(urlValue);
      if (!url.success) problems.push(`${urlName} ${url.error.issues[0]?.message} (got ${JSON.stringify(urlValue)})`);
      else subgraphUrls[entry.name] = url.data;
    } else {
      subgraphUrls[entry.name] = `http://127.0.0.1:${portValue.data}/graphql`;
    }
  }

  if (parsed.success && parsed.data.CRG_STORE === 'mongodb' && !parsed.data.MONGODB_URI) {
    problems.push('CRG_STORE is mongodb but MONGODB_URI is not set');
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);

  const v = parsed.data;
  return {
    country: v.CRG_COUNTRY,
    store: v.CRG_STORE ?? (v.MONGODB_URI ? 'mongodb' : 'embedded'),
    dataDir: v.CRG_DATA_DIR,
    mongodbUri: v.MONGODB_URI,
    host: v.CRG_HOST,
    gatewayPort: v.GATEWAY_PORT,
    subgraphPorts,
    subgraphUrls,
    subgraphTimeoutMs: v.GATEWAY_SUBGRAPH_TIMEOUT_MS,
    today: v.CRG_TODAY,
    logLevel: v.LOG_LEVEL,
  };
}
