/**
 * `npm run dashboard:speed`: how long the dashboard's first view takes to be usable (its figures
 * on screen) after opening it on localhost, in a real Chromium, in fresh browser contexts.
 * Fails when the median is over the 1.5 s budget.
 *
 *   npm run dashboard:speed                  its own hub on ephemeral ports with the demo data
 *   npm run dashboard:speed -- --url http://localhost:4000/graphql   a running development hub
 *   npm run dashboard:speed -- --runs 10
 */
import { bundleIsFresh, ensureDashboardBuilt } from '../dashboard/build.ts';
import { dashboardUrl, launchChromium } from '../test/browser/browser.ts';
import { startTestHub, type TestHub } from '../test/support/hub.ts';
import { nOf, progress } from './progress.ts';

const budgetMs = 1500;
const flag = (name: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const runs = Number(flag('--runs') ?? 5);
const givenUrl = flag('--url');

const say = progress('dashboard:speed');
say(bundleIsFresh() ? "the dashboard's bundle is up to date" : "building the dashboard's bundle with Vite");
await ensureDashboardBuilt();
let hub: TestHub | undefined;
let graphqlUrl = givenUrl;
let token: string | undefined;
if (!graphqlUrl) {
  say('starting a hub with the demo data on free ports');
  hub = await startTestHub();
  graphqlUrl = hub.gateway.url;
  // This hub trusts only its own issuer, so the page is given a token as if the person had signed in.
  token = await hub.tokenFor({ role: 'dashboard' });
}

const browser = await launchChromium();
const timings: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    say(`opening the dashboard in a fresh browser context (${nOf(run + 1, runs)})`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    if (token) {
      await context.addInitScript(
        (t) => sessionStorage.setItem('crg.dashboard.token', JSON.stringify({ token: t, development: false })),
        token,
      );
    }
    const page = await context.newPage();
    await page.goto(dashboardUrl(graphqlUrl), { waitUntil: 'commit' });
    await page.getByTestId('view-ready').waitFor({ timeout: 10_000 });
    // Measured in the page: from the start of navigation to the view's figures being rendered.
    timings.push(await page.evaluate(() => Math.round(performance.now())));
    await context.close();
  }
} finally {
  await browser.close();
  await hub?.stop();
}

const sorted = [...timings].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(`First view usable after (ms): ${timings.join(', ')}`);
console.log(
  `Median ${median} ms, slowest ${sorted.at(-1)} ms, budget ${budgetMs} ms: ${median <= budgetMs ? 'within budget' : 'OVER BUDGET'}`,
);
process.exit(median <= budgetMs ? 0 : 1);
