import { useId, useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { BarChart } from '../charts/BarChart.tsx';
import { seriesColors } from '../charts/colors.ts';
import { Count, CountTable } from '../components/Count.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { TableHead } from '../components/TableHead.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { labelOr } from '../shell/labels.ts';
import { ViewFrame } from '../shell/ViewFrame.tsx';
import { chartValue, pathwayQuery, type PathwayData } from './pathwayData.ts';

const thisYear = new Date().getFullYear();
const years = [thisYear, thisYear - 1, thisYear - 2];

export function Pathway() {
  const i18n = useI18n();
  const { t } = i18n;
  const [year, setYear] = useState(thisYear);
  const state = useQuery<PathwayData>(pathwayQuery, { year });
  const yearId = useId();
  return (
    <ViewFrame title={t('pathway.title')} state={state} reload={state.reload}>
      {(data) => {
        const p = data.pathwayAggregates;
        const sectorName = (id: string) => data.sectors.find((s) => s.id === id)?.name ?? id;
        const stage = (key: string) => labelOr(i18n, `stage.${key}`, key);
        const marked = (label: string, suppressed: boolean) => (suppressed ? `${label} ${t('pathway.suppressedNote')}` : label);
        return (
          <>
            <div className="filters">
              <div className="filter">
                <label htmlFor={yearId}>{t('pathway.year')}</label>
                <select id={yearId} value={year} onChange={(e) => setYear(Number(e.target.value))}>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <p>{t('pathway.explain', { threshold: p.suppressionThreshold, base: p.disclosureControl.base })}</p>
            <div className="two-columns">
              <div>
                <CountTable
                  title={t('pathway.funnel')}
                  testId="funnel"
                  keyLabel={t('pathway.stage')}
                  countLabel={t('pathway.cases')}
                  rows={p.justiceFunnel}
                  label={stage}
                />
              </div>
              <BarChart
                summary={t('pathway.funnelChart')}
                axes={{ category: t('pathway.stage'), value: t('pathway.cases') }}
                labels={p.justiceFunnel.map((row) => marked(stage(row.key), row.suppressed))}
                horizontal
                series={[{ label: t('pathway.cases'), color: seriesColors[0]!, data: p.justiceFunnel.map(chartValue) }]}
              />
            </div>
            <div className="two-columns">
              <ScrollRegion labelledBy="time-title">
                <h2 id="time-title">{t('pathway.timeToService')}</h2>
                <table aria-labelledby="time-title" data-testid="time-to-service">
                  <TableHead
                    columns={[
                      t('sector'),
                      ...(['pathway.reached', 'pathway.within3Days', 'pathway.share3Days', 'pathway.medianDays'] as const).map((k) => ({
                        label: t(k),
                        number: true,
                      })),
                    ]}
                  />
                  <tbody>
                    {p.timeToService.map((row) => (
                      <tr key={row.sectorId} data-sector={row.sectorId}>
                        <th scope="row">{sectorName(row.sectorId)}</th>
                        <td className="number" data-field="reached">
                          <Count row={row.reached} />
                        </td>
                        <td className="number">
                          <Count row={row.withinThreeDays} />
                        </td>
                        <td className="number">
                          {row.shareWithinThreeDays === null ? '—' : `${i18n.number(Math.round(row.shareWithinThreeDays * 100))} %`}
                        </td>
                        <td className="number" data-field="median">
                          {row.medianDays === null ? '—' : i18n.number(row.medianDays)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              <div>
                <h2>{t('pathway.medianDays')}</h2>
                <BarChart
                  summary={t('pathway.timeChart')}
                  axes={{ category: t('sector'), value: t('pathway.medianDays') }}
                  labels={p.timeToService.map((row) => marked(sectorName(row.sectorId), row.medianDays === null))}
                  series={[{ label: t('pathway.medianDays'), color: seriesColors[1]!, data: p.timeToService.map((row) => row.medianDays) }]}
                />
              </div>
            </div>
            <CountTable
              title={t('pathway.referrals')}
              testId="referral-outcomes"
              keyLabel={t('pathway.outcome')}
              countLabel={t('count')}
              rows={[...p.referralOutcomes.rows, p.referralOutcomes.total]}
              label={(key) => (key === 'TOTAL' ? t('pathway.totalOwn') : labelOr(i18n, `referral.${key}`, key))}
            />
          </>
        );
      }}
    </ViewFrame>
  );
}
