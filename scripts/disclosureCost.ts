/*
 * What the disclosure control costs the figures, on each country's demo data: every pathway
 * table of 2026 (as of the demo's day) computed with the true counts and as published, and the
 * COUNT indicator values with their breakdowns. Prints, per country, the share of cells withheld
 * and the mean absolute change of the published ones, averaged over many secrets (the noise a
 * cell gets depends on the secret). `npx tsx scripts/disclosureCost.ts [secrets]`
 */
import { randomBytes } from 'node:crypto';
import { countries, type CountryId } from '../platform/config.ts';
import { noiseParameters } from '../subgraphs/kit/disclosure/configured.ts';
import { disclosureControl, type DisclosureControl, type PublishedRow } from '../subgraphs/kit/disclosure/publish.ts';
import { readSuppressionThreshold } from '../subgraphs/kit/disclosure/threshold.ts';
import * as pathway from '../subgraphs/coordination/cases/aggregates/pathway.ts';
import { pathwayPeriod } from '../subgraphs/coordination/cases/aggregates/window.ts';
import type { AreaDoc } from '../subgraphs/coordination/areas/models.ts';
import { areaSeed } from '../subgraphs/coordination/areas/seed/index.ts';
import { caseSeed } from '../subgraphs/coordination/cases/seed.ts';
import { incidentTypes, type CaseDoc, type ReferralDoc } from '../subgraphs/coordination/cases/models.ts';
import { monitoringSeed } from '../subgraphs/sector-core/monitoring/seed/index.ts';
import { educationMonitoring } from '../subgraphs/education/seed/monitoring.ts';
import { healthMonitoring } from '../subgraphs/health/seed/monitoring.ts';
import { justiceMonitoring } from '../subgraphs/justice/seed/monitoring.ts';
import { policeMonitoring } from '../subgraphs/police/seed/monitoring.ts';
import { socialWelfareMonitoring } from '../subgraphs/social-welfare/seed/monitoring.ts';

const secrets = Number(process.argv[2] ?? 50);
const threshold = readSuppressionThreshold();
const today = new Date('2026-11-24T00:00:00Z');

/** The counts as they are: the same tables, each cell's true count. */
function exact(control: DisclosureControl): DisclosureControl {
  const publish = ({ count }: { count: number }) => ({ count, suppressed: false });
  return {
    ...control,
    publish,
    publishTable: (rows, total) => ({
      rows: rows.map(([key, cell]) => ({ key, ...publish(cell) })),
      total: { key: 'TOTAL', ...publish(total) },
    }),
  };
}

function pathwayCells(control: DisclosureControl, cases: CaseDoc[], referrals: ReferralDoc[], areas: AreaDoc[]): PublishedRow[] {
  const d = { months: pathwayPeriod({ year: 2026 }, today).months, cases, referrals, today, disclosure: control };
  const tables = [
    pathway.casesByIncidentType(d),
    pathway.casesByDistrict(d, areas),
    pathway.casesByMonth(d),
    pathway.casesBySector(d),
    pathway.referralOutcomes(d),
    pathway.overdueFollowUps(d),
  ];
  const timings = [null, ...incidentTypes].flatMap((type) =>
    pathway.timeToService(d, type as never).flatMap((t) => [
      { ...t.reached, key: `${t.sectorId}/${type}/reached` },
      { ...t.withinThreeDays, key: `${t.sectorId}/${type}/within` },
    ]),
  );
  return [...tables.flatMap((t) => [...t.rows, t.total]), ...pathway.justiceFunnel(d), ...pathway.legalProtection(d), ...timings];
}

function indicatorCells(control: DisclosureControl, country: CountryId, publish: boolean): PublishedRow[] {
  const rows: PublishedRow[] = [];
  const sectors = {
    health: healthMonitoring,
    police: policeMonitoring,
    justice: justiceMonitoring,
    'social-welfare': socialWelfareMonitoring,
    education: educationMonitoring,
  };
  for (const [sector, demo] of Object.entries(sectors)) {
    const seed = monitoringSeed(sector, country, [], demo);
    const counts = new Set(seed.indicators.filter((i) => i.unit === 'COUNT').map((i) => i._id));
    for (const v of seed.indicatorValues) {
      if (!counts.has(v.indicatorId)) continue;
      const cell = (n: number, name: string) =>
        publish ? control.publish({ count: n, keySum: control.keys.of('indicator-cell', name) }) : { count: n, suppressed: false };
      rows.push({ key: v._id, ...cell(v.value, v._id) });
      for (const b of v.breakdowns)
        rows.push({ key: `${v._id}#${b.dimension}=${b.category}`, ...cell(b.value, `${v._id}#${b.dimension}=${b.category}`) });
    }
  }
  return rows;
}

function cost(truth: PublishedRow[], published: PublishedRow[]) {
  let withheld = 0;
  let change = 0;
  let shown = 0;
  published.forEach((p, i) => {
    if (p.suppressed) withheld += 1;
    else {
      change += Math.abs(p.count! - truth[i]!.count!);
      shown += 1;
    }
  });
  return {
    cells: published.length,
    withheld: withheld / published.length,
    meanAbsChange: change / shown,
    meanTrue: truth.reduce((s, t) => s + t.count!, 0) / truth.length,
  };
}

console.log(`threshold ${threshold}, ${JSON.stringify(noiseParameters)}, averaged over ${secrets} secrets`);
console.log('country | figures | cells | withheld | mean absolute change of a published cell | mean true count');
for (const country of countries) {
  const seed = caseSeed(country);
  const cases = seed.cases
    .filter((c) => c.reportingConsent && c.firstReportedOn.getUTCFullYear() === 2026)
    .map((c) => ({ ...c, version: 1 }));
  const ids = new Set(cases.map((c) => c._id));
  const referrals = seed.referrals.filter((r) => ids.has(r.caseId)).map((r) => ({ ...r, version: 1 }));
  const areas = areaSeed(country)
    .map((a) => ({ ...a, version: 1 }))
    .sort((a, b) => a.order - b.order);
  for (const [name, cellsOf] of [
    ['pathway', (c: DisclosureControl) => pathwayCells(c, cases, referrals, areas)],
    ['indicators (COUNT)', (c: DisclosureControl, publish = true) => indicatorCells(c, country, publish)],
  ] as const) {
    const results = Array.from({ length: secrets }, () => {
      const control = disclosureControl(randomBytes(32), { threshold, ...noiseParameters });
      const truth = name === 'pathway' ? cellsOf(exact(control)) : indicatorCells(control, country, false);
      return cost(truth, cellsOf(control));
    });
    const mean = (k: keyof (typeof results)[number]) => results.reduce((s, r) => s + r[k], 0) / results.length;
    console.log(
      `${country} | ${name} | ${results[0]!.cells} | ${(100 * mean('withheld')).toFixed(1)} % | ${mean('meanAbsChange').toFixed(2)} | ${mean('meanTrue').toFixed(1)}`,
    );
  }
}
