/**
 * `npm run token -- --role <role> [--sector <id>] [--subject <id>] [--expires 8h]` prints a
 * bearer token from the hub's local issuer, for development. Production tokens come from the
 * ministries' identity provider; this script refuses to run in production mode.
 *
 *   TOKEN=$(npm run -s token -- --role analyst)
 *   curl -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
 *        -d '{"query":"{ sectors { name } }"}' http://localhost:4000/graphql
 */
import { parseArgs } from 'node:util';
import { sectorIds } from '../platform/catalog.ts';
import { LocalIssuerNotTrusted, mintLocalToken } from '../platform/auth/localIssuer.ts';
import { isRole, roles, sectorBoundRoles } from '../platform/auth/roles.ts';
import { ConfigError, readConfig } from '../platform/config.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string' },
      sector: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}\nUsage: npm run token -- --role <role> [--sector <id>] [--subject <id>] [--expires 8h]`);
}
const tokenRoles = roles.filter((r) => r !== 'anonymous');
const { role, sector, subject, expires } = values;
if (!isRole(role) || role === 'anonymous') fail(`--role must be one of ${tokenRoles.join(', ')} (got ${JSON.stringify(role)})`);
const needsSector = sectorBoundRoles.includes(role);
if (needsSector && (!sector || !sectorIds.includes(sector)))
  fail(`--sector must be one of ${sectorIds.join(', ')} for the ${role} role (got ${JSON.stringify(sector)})`);
if (!needsSector && sector) fail(`The ${role} role does not act for a sector: leave out --sector`);
if (!/^\d+[smhd]$/.test(expires)) fail(`--expires must be a duration such as 30m, 8h or 2d (got ${JSON.stringify(expires)})`);

let config;
try {
  config = readConfig();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
try {
  console.log(await mintLocalToken(config, { role, sector: needsSector ? sector! : null, subject, expiresIn: expires }));
} catch (error) {
  fail(error instanceof LocalIssuerNotTrusted ? error.message : String(error));
}
