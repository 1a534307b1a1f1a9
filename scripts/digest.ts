/**
 * `npm run digest -- --body <id>` writes the week's alerts for a coordination body's secretariat
 * as a printable page: the events about the body, the bodies reporting to it and the sectors it
 * seats, raised in the seven days ending on `--until`.
 *
 *   --body <id>     the coordination body, e.g. bd-steering (required)
 *   --until <day>   the week's last day, YYYY-MM-DD (default CRG_TODAY, or today)
 *   --out <dir>     where to write (default reports/<body id>)
 *   --url <url>     the gateway (default CRG_GATEWAY_URL, or http://127.0.0.1:<GATEWAY_PORT or 4000>/graphql)
 *   --token <jwt>   the caller's bearer token from the identity provider (default CRG_TOKEN): an
 *                   analyst's, the role that holds alerts:read (and framework:read). Only in
 *                   development, where the gateway trusts the hub's local issuer, is a token for
 *                   the same role made when none is given; in production mode it is refused.
 */
import { parseArgs } from 'node:util';
import { writeAlertsDigest } from './report/alertsDigest.ts';
import { callerToken, gatewayUrl, sendingTo } from './report/gatewayCaller.ts';

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run digest -- --body <id> [--until YYYY-MM-DD] [--out <dir>] [--url <gateway url>] [--token <jwt>]`,
  );
  process.exit(2);
}

let args: { body?: string; until?: string; out?: string; url?: string; token?: string };
try {
  args = parseArgs({
    options: {
      body: { type: 'string' },
      until: { type: 'string' },
      out: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
    },
  }).values;
} catch (error) {
  usage((error as Error).message);
}
if (!args.body) usage('--body is required');
const until = args.until ?? process.env.CRG_TODAY ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(`${until}T00:00:00Z`))) {
  usage(`--until must be a date written YYYY-MM-DD (got ${JSON.stringify(until)})`);
}

const token = await callerToken(args.token, { role: 'analyst', subject: 'alerts-digest@local' }, usage);
try {
  const { digest, file } = await writeAlertsDigest(
    sendingTo(gatewayUrl(args.url), token),
    args.body,
    until,
    args.out ?? `reports/${args.body}`,
  );
  console.log(`Alerts digest for ${digest.body.name}, ${digest.from} to ${digest.until}: ${digest.events.length} events.\n  ${file}`);
} catch (error) {
  console.error(`Could not write the alerts digest: ${(error as Error).message}`);
  process.exit(1);
}
