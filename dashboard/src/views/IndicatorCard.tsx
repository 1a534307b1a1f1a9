import { BarChart } from '../charts/BarChart.tsx';
import { seriesColors } from '../charts/colors.ts';
import { TableHead } from '../components/TableHead.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { chronological, type Indicator } from './indicatorsData.ts';

/** One indicator: its values per period as bars, its baseline and target as lines, and the same figures as a table. */
export function IndicatorCard({ indicator, sector }: { indicator: Indicator; sector: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const values = chronological(indicator.values);
  const unit = t(`unit.${indicator.unit}`);
  const figure = (n: number) => `${i18n.number(n)}${indicator.unit === 'PERCENT' ? ' %' : ''}`;
  return (
    <article className="card" aria-labelledby={`indicator-${indicator.id}`} data-indicator={indicator.id}>
      <h3 id={`indicator-${indicator.id}`}>
        {indicator.code} · {indicator.name}
      </h3>
      <p className="muted">
        {sector} · {unit} · <span className={`pill ${indicator.status}`}>{t(`indicatorStatus.${indicator.status}`)}</span>
      </p>
      <p>
        <span data-field="baseline">
          {t('indicators.baselineOf', { value: figure(indicator.baseline.value), year: indicator.baseline.year })}
        </span>{' '}
        ·{' '}
        <span data-field="target">
          {t('indicators.targetOf', { value: figure(indicator.target.value), date: i18n.date(indicator.target.date) })}
        </span>
      </p>
      {indicator.unit === 'COUNT' && values.length > 0 ? <p className="muted">{t('indicators.countNote')}</p> : null}
      {values.length === 0 ? (
        <p>{t('indicators.noValues')}</p>
      ) : (
        <>
          <BarChart
            summary={t('indicators.chart', {
              name: indicator.name,
              baseline: figure(indicator.baseline.value),
              target: figure(indicator.target.value),
            })}
            axes={{ category: t('indicators.period'), value: t('indicators.value') }}
            labels={values.map((v) => i18n.period(v.period))}
            height={200}
            series={[
              { label: t('indicators.value'), color: seriesColors[0]!, data: values.map((v) => v.value) },
              { label: t('indicators.baseline'), color: '#6b7178', data: values.map(() => indicator.baseline.value), line: true },
              { label: t('indicators.target'), color: '#009e73', data: values.map(() => indicator.target.value), line: true, dashed: true },
            ]}
          />
          <details>
            <summary>{t('indicators.valuesTable')}</summary>
            <table data-testid="indicator-values">
              <TableHead columns={[t('indicators.period'), { label: t('indicators.value'), number: true }]} />
              <tbody>
                {values.map((v) => (
                  <tr key={v.period} data-period={v.period}>
                    <td>{i18n.period(v.period)}</td>
                    <td className="number">{v.suppressed ? t('pathway.suppressed') : figure(v.value!)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </article>
  );
}
