import { useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { Filter } from '../components/Filter.tsx';
import { MissingCells } from '../components/Missing.tsx';
import { TableHead } from '../components/TableHead.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { ViewFrame } from '../shell/ViewFrame.tsx';
import { IndicatorCard } from './IndicatorCard.tsx';
import { indicatorsQuery, type IndicatorsData } from './indicatorsData.ts';

export function Indicators() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useQuery<IndicatorsData>(indicatorsQuery);
  const [sector, setSector] = useState('');
  const unavailable = state.kind === 'ready' ? state.unavailable : [];
  const share = (n: number | null) => (n === null ? '—' : `${i18n.number(Math.round(n * 100))} %`);
  return (
    <ViewFrame title={t('indicators.title')} state={state} reload={state.reload}>
      {(data) => (
        <>
          <p>{t('indicators.explain')}</p>
          <h2 id="reporting-title">{t('indicators.reporting')}</h2>
          <table aria-labelledby="reporting-title" data-testid="reporting">
            <TableHead
              columns={[
                t('sector'),
                ...(['indicators.expected', 'indicators.received', 'indicators.completeness', 'indicators.timeliness'] as const).map(
                  (k) => ({ label: t(k), number: true }),
                ),
              ]}
            />
            <tbody>
              {data.sectors.map((s) => (
                <tr key={s.id} data-sector={s.id}>
                  <th scope="row">{s.name}</th>
                  {s.reporting ? (
                    <>
                      <td className="number">{i18n.number(s.reporting.expected)}</td>
                      <td className="number">{i18n.number(s.reporting.received)}</td>
                      <td className="number" data-field="completeness">
                        {share(s.reporting.completeness)}
                      </td>
                      <td className="number">{share(s.reporting.timeliness)}</td>
                    </>
                  ) : (
                    <MissingCells span={4} unavailable={unavailable.includes(s.id)} />
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="filters">
            <Filter
              label={t('sector')}
              value={sector}
              onChange={setSector}
              options={data.sectors.map((s) => ({ value: s.id, label: s.name }))}
              testId="filter-sector"
            />
          </div>
          <div className="cards" data-testid="indicators">
            {data.sectors
              .filter((s) => !sector || s.id === sector)
              .flatMap((s) =>
                (s.indicators ?? []).map((indicator) => <IndicatorCard key={indicator.id} indicator={indicator} sector={s.name} />),
              )}
          </div>
        </>
      )}
    </ViewFrame>
  );
}
