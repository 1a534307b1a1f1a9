import fs from 'node:fs';
import { z } from 'zod';
import { roles, type Role } from './auth/roles.ts';
import { envPrefix, subgraphCatalog } from './catalog.ts';

/** Used when no issuer or audience is configured, in development mode only. */
export const developmentIssuer = 'crg-local-issuer';
export const developmentAudience = 'coordinated-response-graph';

/** How old a replica's kept pathway aggregates of a year may grow before they are read whole again. */
export const defaultPathwayRereadMinutes = 60;

export const countries = ['bangladesh', 'england-wales', 'south-africa'] as const;
export type CountryId = (typeof countries)[number];

export type StoreKind = 'memory' | 'embedded' | 'mongodb';

export interface HubConfig {
  country: CountryId;
  store: StoreKind;
  dataDir: string;
  mongodbUri: string | undefined;
  /** Each subgraph's database is `<prefix>_<country>_<subgraph>` (`CRG_MONGODB_DATABASE_PREFIX`, default crg). */
  mongodbDatabasePrefix: string;
  host: string;
  gatewayPort: number;
  subgraphPorts: Record<string, number>;
  /** Where the gateway reaches each subgraph. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  /** A fixed "today" (YYYY-MM-DD) for demonstrations and reports; the system clock otherwise. */
  today: string | undefined;
  logLevel: string;
  /**
   * How old a replica's kept pathway aggregates of a year may grow before it reads the year whole
   * again in the background (`CRG_PATHWAY_REREAD_MINUTES`); 0 means never.
   */
  pathwayRereadAfterMs: number;
  /** Production refuses to start without configured keys and turns off introspection and the IDE. */
  mode: 'development' | 'production';
  /** The token a scraper sends to read /metrics, from `CRG_METRICS_TOKEN_FILE` (see scrapeRoute). */
  metricsToken: string | undefined;
  auth: AuthConfig;
  limits: GatewayLimits;
  /**
   * The roles that may run registered documents only (`CRG_TRUSTED_DOCUMENTS_ROLES`; when unset,
   * the dashboard in production and none in development) and the manifest registering them
   * (`CRG_TRUSTED_DOCUMENTS_FILE`; the dashboard's when unset).
   */
  trustedDocuments: { requiredFor: Role[]; manifestFile: string | undefined };
  audit: AuditConfig;
  /**
   * Each sector's keyring for the identifying details it keeps, and the alerts service's for its
   * subscribers' signing secrets (`<SUBGRAPH>_ENCRYPTION_KEYS_FILE`), by subgraph name; required in
   * production (docs/encryption-at-rest.md).
   */
  encryptionKeyFiles: Record<string, string>;
  /** Where a service of the hub that asks the graph itself (alerts) reaches the gateway (`CRG_GATEWAY_URL`). */
  gatewayUrl: string;
  alerts: AlertsConfig;
}

/** How the alerts subgraph watches the graph and delivers what it notices (docs/operations.md, "Alerts"). */
export interface AlertsConfig {
  /** How often it asks the graph whether something slipped (`CRG_ALERTS_CHECK_SECONDS`); 0: only when asked to. */
  checkIntervalMs: number;
  /** The wait before the first retry of a failed delivery, doubled at each retry (`CRG_ALERTS_RETRY_SECONDS`). */
  retryFirstMs: number;
  /** How long a delivery is retried before it is given up and its subscriber paused (`CRG_ALERTS_GIVE_UP_HOURS`). */
  giveUpAfterMs: number;
  /** How often due deliveries are looked for in the store (a restart resumes them from there). */
  sweepMs: number;
  /** The bearer token the alerts service sends to the gateway, from the identity provider (`CRG_ALERTS_TOKEN_FILE`). */
  tokenFile: string | undefined;
  /** How long one delivery attempt may take, whole, before it counts as failed: 10 s unless set (tests shorten it). */
  attemptTimeoutMs?: number;
}

/** Where each subgraph's audit key is and where its tree heads are witnessed (docs/audit-log.md). */
export interface AuditConfig {
  /** Each subgraph's private Ed25519 audit key, a JWK file (`<PREFIX>_AUDIT_KEY_FILE`). */
  keyFiles: Record<string, string | undefined>;
  /** Its public half, with which `npm run audit:verify` checks the log (`<PREFIX>_AUDIT_PUBLIC_KEY_FILE`). */
  publicKeyFiles: Record<string, string | undefined>;
  /** The folder of witness files, kept apart from the store (`CRG_AUDIT_WITNESS_DIR`). */
  witnessDir: string | undefined;
}

/** How callers' tokens are checked and how the gateway vouches for them to subgraphs. */
export interface AuthConfig {
  /** The `iss` every caller token must carry. */
  issuer: string;
  /** The `aud` every caller token must carry. */
  audience: string;
  /** Where the issuer publishes its public keys; or a file holding them. */
  jwksUrl: string | undefined;
  jwksFile: string | undefined;
  /** The gateway's private signing key (a JWK file); the gateway needs it. */
  gatewayKeyFile: string | undefined;
  /** Its public half; every subgraph needs it. */
  gatewayPublicKeyFile: string | undefined;
}

/** What one caller may ask of the gateway. */
export interface GatewayLimits {
  requestsPerMinute: number;
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
  maxTokens: number;
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

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);

const filePath = z.string().refine((file) => fs.existsSync(file), 'must name a file that exists');

/** Roles separated by commas, or `none` (an empty variable counts as unset, so it cannot say none). */
const roleList = z
  .string()
  .transform((list) =>
    list.trim() === 'none'
      ? []
      : list
          .split(',')
          .map((role) => role.trim())
          .filter(Boolean),
  )
  .pipe(z.array(z.enum(roles, { error: `must be roles separated by commas, each one of ${roles.join(', ')}; or none` })));

/** Who must use registered documents unless the operator says otherwise: the dashboard, in production. */
const trustedDocumentsRolesByMode = { development: [], production: ['dashboard'] } as const satisfies Record<string, readonly Role[]>;

const env = z.object({
  CRG_MODE: z.enum(['development', 'production'], { error: 'must be development or production' }).default('development'),
  CRG_AUTH_ISSUER: z.string().min(1).optional(),
  CRG_AUTH_AUDIENCE: z.string().min(1).optional(),
  CRG_AUTH_JWKS_URL: httpUrl.optional(),
  CRG_AUTH_JWKS_FILE: filePath.optional(),
  CRG_GATEWAY_KEY_FILE: filePath.optional(),
  CRG_GATEWAY_PUBLIC_KEY_FILE: filePath.optional(),
  CRG_METRICS_TOKEN_FILE: filePath.optional(),
  CRG_AUDIT_WITNESS_DIR: z.string().min(1, 'must not be empty').optional(),
  GATEWAY_RATE_LIMIT_PER_MINUTE: wholeNumber(1, 1_000_000).default(1200),
  GATEWAY_MAX_DEPTH: wholeNumber(2, 100).default(12),
  GATEWAY_MAX_ALIASES: wholeNumber(0, 1000).default(30),
  GATEWAY_MAX_COST: wholeNumber(10, 10_000_000).default(5000),
  GATEWAY_MAX_DIRECTIVES: wholeNumber(0, 1000).default(50),
  GATEWAY_MAX_TOKENS: wholeNumber(100, 1_000_000).default(5000),
  CRG_TRUSTED_DOCUMENTS_ROLES: roleList.optional(),
  CRG_TRUSTED_DOCUMENTS_FILE: filePath.optional(),
  CRG_COUNTRY: z.enum(countries, { error: `must be one of ${countries.join(', ')}` }).default('bangladesh'),
  CRG_STORE: z.enum(['memory', 'embedded', 'mongodb'], { error: 'must be memory, embedded or mongodb' }).optional(),
  CRG_DATA_DIR: z.string().min(1, 'must not be empty').default('data'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  CRG_MONGODB_DATABASE_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,30}$/, 'must be lower-case letters, digits and _ (at most 31), starting with a letter')
    .default('crg'),
  CRG_HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  GATEWAY_PORT: port.default(4000),
  GATEWAY_SUBGRAPH_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be at least 100 ms')
    .max(120_000, 'must be at most 120000 ms')
    .default(5000),
  CRG_TODAY: isoDate.optional(),
  CRG_PATHWAY_REREAD_MINUTES: wholeNumber(0, 10_080).default(defaultPathwayRereadMinutes),
  CRG_GATEWAY_URL: httpUrl.optional(),
  CRG_ALERTS_CHECK_SECONDS: wholeNumber(0, 86_400).default(300),
  CRG_ALERTS_RETRY_SECONDS: wholeNumber(1, 3_600).default(30),
  CRG_ALERTS_GIVE_UP_HOURS: wholeNumber(1, 168).default(24),
  CRG_ALERTS_TOKEN_FILE: filePath.optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

/** A scrape token long enough not to be guessed: `openssl rand -hex 32` writes one. */
export const minMetricsTokenLength = 32;

function readMetricsToken(file: string): string | { problem: string } {
  const token = fs.readFileSync(file, 'utf8').trim();
  if (token.length >= minMetricsTokenLength && !/\s/.test(token)) return token;
  return {
    problem: `CRG_METRICS_TOKEN_FILE must hold one token of at least ${minMetricsTokenLength} characters with no spaces, e.g. from \`openssl rand -hex 32\` (${file} holds ${token.length} characters)`,
  };
}

/** Reads and checks every variable the hub uses; throws ConfigError naming all that are wrong. */
export function readConfig(source: NodeJS.ProcessEnv = process.env): HubConfig {
  const problems: string[] = [];
  // An empty variable means "not set": shells and compose files often leave them so.
  const present = (name: string) => (source[name] === '' ? undefined : source[name]);
  const values = Object.fromEntries(Object.keys(env.shape).map((k) => [k, present(k)]));
  // Credentials in the gateway's address would end in errors the alerts service shows analysts:
  // refused here without echoing the value, which the general message would quote.
  const gateway = values.CRG_GATEWAY_URL;
  if (gateway !== undefined && URL.canParse(gateway) && (new URL(gateway).username || new URL(gateway).password)) {
    problems.push('CRG_GATEWAY_URL must not hold a user name or password (the alerts service authenticates with its token file)');
    values.CRG_GATEWAY_URL = undefined;
  }
  const parsed = env.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      problems.push(`${name} ${issue.message} (got ${JSON.stringify(values[name])})`);
    }
  }

  const subgraphPorts: Record<string, number> = {};
  const subgraphUrls: Record<string, string> = {};
  const audit: AuditConfig = { keyFiles: {}, publicKeyFiles: {}, witnessDir: undefined };
  const encryptionKeyFiles: Record<string, string> = {};
  for (const entry of subgraphCatalog) {
    const keysName = `${envPrefix(entry.name)}_ENCRYPTION_KEYS_FILE`;
    // Coordination keeps nothing encrypted: its variable is read and ignored. The sectors keep
    // identifying details, the alerts service its subscribers' signing secrets.
    const keysFile = present(keysName);
    if (entry.role !== 'coordination' && keysFile !== undefined) {
      const file = filePath.safeParse(keysFile);
      if (!file.success) problems.push(`${keysName} ${file.error.issues[0]?.message} (got ${JSON.stringify(keysFile)})`);
      else encryptionKeyFiles[entry.name] = file.data;
    }
    const prefix = envPrefix(entry.name);
    for (const [files, name] of [
      [audit.keyFiles, `${prefix}_AUDIT_KEY_FILE`],
      [audit.publicKeyFiles, `${prefix}_AUDIT_PUBLIC_KEY_FILE`],
    ] as const) {
      const file = filePath.optional().safeParse(present(name));
      if (file.success) files[entry.name] = file.data;
      else problems.push(`${name} ${file.error.issues[0]?.message} (got ${JSON.stringify(source[name])})`);
    }
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
  if (parsed.success && parsed.data.CRG_MODE === 'production') {
    const v = parsed.data;
    if (!v.CRG_AUTH_ISSUER) problems.push("CRG_AUTH_ISSUER must be set in production mode (the iss of callers' tokens)");
    if (!v.CRG_AUTH_AUDIENCE) problems.push("CRG_AUTH_AUDIENCE must be set in production mode (the aud of callers' tokens)");
    if (!v.CRG_AUTH_JWKS_URL && !v.CRG_AUTH_JWKS_FILE) {
      problems.push("CRG_AUTH_JWKS_URL or CRG_AUTH_JWKS_FILE must be set in production mode (the issuer's public keys)");
    }
  }
  if (parsed.success && parsed.data.CRG_AUTH_JWKS_URL && parsed.data.CRG_AUTH_JWKS_FILE) {
    problems.push('CRG_AUTH_JWKS_URL and CRG_AUTH_JWKS_FILE are both set: choose one');
  }
  const metricsToken =
    parsed.success && parsed.data.CRG_METRICS_TOKEN_FILE ? readMetricsToken(parsed.data.CRG_METRICS_TOKEN_FILE) : undefined;
  if (typeof metricsToken === 'object') problems.push(metricsToken.problem);
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);

  const v = parsed.data;
  return {
    country: v.CRG_COUNTRY,
    store: v.CRG_STORE ?? (v.MONGODB_URI ? 'mongodb' : 'embedded'),
    dataDir: v.CRG_DATA_DIR,
    mongodbUri: v.MONGODB_URI,
    mongodbDatabasePrefix: v.CRG_MONGODB_DATABASE_PREFIX,
    host: v.CRG_HOST,
    gatewayPort: v.GATEWAY_PORT,
    subgraphPorts,
    subgraphUrls,
    subgraphTimeoutMs: v.GATEWAY_SUBGRAPH_TIMEOUT_MS,
    today: v.CRG_TODAY,
    logLevel: v.LOG_LEVEL,
    pathwayRereadAfterMs: v.CRG_PATHWAY_REREAD_MINUTES * 60_000,
    mode: v.CRG_MODE,
    metricsToken: typeof metricsToken === 'string' ? metricsToken : undefined,
    auth: {
      issuer: v.CRG_AUTH_ISSUER ?? developmentIssuer,
      audience: v.CRG_AUTH_AUDIENCE ?? developmentAudience,
      jwksUrl: v.CRG_AUTH_JWKS_URL,
      jwksFile: v.CRG_AUTH_JWKS_FILE,
      gatewayKeyFile: v.CRG_GATEWAY_KEY_FILE,
      gatewayPublicKeyFile: v.CRG_GATEWAY_PUBLIC_KEY_FILE,
    },
    limits: {
      requestsPerMinute: v.GATEWAY_RATE_LIMIT_PER_MINUTE,
      maxDepth: v.GATEWAY_MAX_DEPTH,
      maxAliases: v.GATEWAY_MAX_ALIASES,
      maxCost: v.GATEWAY_MAX_COST,
      maxDirectives: v.GATEWAY_MAX_DIRECTIVES,
      maxTokens: v.GATEWAY_MAX_TOKENS,
    },
    trustedDocuments: {
      requiredFor: v.CRG_TRUSTED_DOCUMENTS_ROLES ?? [...trustedDocumentsRolesByMode[v.CRG_MODE]],
      manifestFile: v.CRG_TRUSTED_DOCUMENTS_FILE,
    },
    audit: { ...audit, witnessDir: v.CRG_AUDIT_WITNESS_DIR },
    encryptionKeyFiles,
    gatewayUrl: v.CRG_GATEWAY_URL ?? `http://127.0.0.1:${v.GATEWAY_PORT}/graphql`,
    alerts: {
      checkIntervalMs: v.CRG_ALERTS_CHECK_SECONDS * 1000,
      retryFirstMs: v.CRG_ALERTS_RETRY_SECONDS * 1000,
      giveUpAfterMs: v.CRG_ALERTS_GIVE_UP_HOURS * 3_600_000,
      sweepMs: 1000,
      tokenFile: v.CRG_ALERTS_TOKEN_FILE,
    },
  };
}
