import { useMemo, useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { BarChart } from '../charts/BarChart.tsx';
import { deliveryColors } from '../charts/colors.ts';
import { Filter } from '../components/Filter.tsx';
import { Missing, MissingCells } from '../components/Missing.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { TableHead } from '../components/TableHead.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { ViewFrame } from '../shell/ViewFrame.tsx';
import { ProgressHistory } from './ProgressHistory.tsx';
import {
  deliveryStates,
  frameworkStatusQuery,
  sortOverdueFirst,
  type FrameworkStatusData,
  type StatusAction,
} from './frameworkStatusData.ts';

export function FrameworkStatus() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useQuery<FrameworkStatusData>(frameworkStatusQuery);
  const [sector, setSector] = useState('');
  const [delivery, setDelivery] = useState('');
  const [open, setOpen] = useState<StatusAction | null>(null);
  const unavailable = state.kind === 'ready' ? state.unavailable : [];
  const actions = useMemo(() => (state.kind === 'ready' && state.data ? sortOverdueFirst(state.data.framework.actions) : []), [state]);

  return (
    <ViewFrame title={t('status.title')} state={state} reload={state.reload}>
      {(data) => {
        const sectors = data.sectors;
        const shown = actions.filter((a) => (!sector || a.leadSector.id === sector) && (!delivery || a.delivery === delivery));
        return (
          <>
            <p className="muted">
              {t('status.period', { start: i18n.date(data.framework.period.start), end: i18n.date(data.framework.period.end) })}
            </p>
            <div className="two-columns">
              <div>
                <h2 id="by-sector">{t('status.bySector')}</h2>
                <table aria-labelledby="by-sector" data-testid="delivery-by-sector">
                  <TableHead
                    columns={[
                      t('sector'),
                      ...deliveryStates.map((d) => ({ label: t(`delivery.${d}`), number: true })),
                      { label: t('total'), number: true },
                    ]}
                  />
                  <tbody>
                    {sectors.map((s) => (
                      <tr key={s.id} data-sector={s.id}>
                        <th scope="row">{s.name}</th>
                        {s.delivery ? (
                          <>
                            {deliveryStates.map((d) => (
                              <td key={d} className="number" data-state={d}>
                                {i18n.number(s.delivery![deliveryKey[d]])}
                              </td>
                            ))}
                            <td className="number" data-state="total">
                              {i18n.number(s.delivery.total)}
                            </td>
                          </>
                        ) : (
                          <MissingCells span={deliveryStates.length + 1} unavailable={unavailable.includes(s.id)} />
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <BarChart
                summary={t('status.bySectorChart')}
                axes={{ category: t('sector'), value: t('chart.axis.actions') }}
                labels={sectors.map((s) => s.name)}
                stacked
                horizontal
                series={deliveryStates.map((d) => ({
                  label: t(`delivery.${d}`),
                  color: deliveryColors[d],
                  data: sectors.map((s) => (s.delivery ? s.delivery[deliveryKey[d]] : null)),
                }))}
              />
            </div>

            <h2 id="actions-title">{t('status.actions')}</h2>
            <div className="filters">
              <Filter
                label={t('status.filterSector')}
                value={sector}
                onChange={setSector}
                options={sectors.map((s) => ({ value: s.id, label: s.name }))}
                testId="filter-sector"
              />
              <Filter
                label={t('status.filterDelivery')}
                value={delivery}
                onChange={setDelivery}
                options={deliveryStates.map((d) => ({ value: d, label: t(`delivery.${d}`) }))}
                testId="filter-delivery"
              />
            </div>
            <ScrollRegion labelledBy="actions-title">
              <table aria-labelledby="actions-title" data-testid="actions">
                <TableHead
                  columns={(
                    [
                      'status.code',
                      'status.action',
                      'status.lead',
                      'status.due',
                      'status.status',
                      'status.delivery',
                      'status.lastUpdate',
                      'status.history',
                    ] as const
                  ).map((k) => t(k))}
                />
                <tbody>
                  {shown.map((a) => {
                    const missing = <Missing unavailable={unavailable.includes(a.leadSector.id)} />;
                    return (
                      <tr key={a.id} data-action={a.id}>
                        <td>{a.code}</td>
                        <td>{a.title}</td>
                        <td>{a.leadSector.name}</td>
                        <td>{a.dueDate ? i18n.date(a.dueDate) : missing}</td>
                        <td>{a.status ? t(`status.${a.status}`) : missing}</td>
                        <td data-delivery={a.delivery ?? ''}>
                          {a.delivery ? <span className={`pill ${a.delivery}`}>{t(`delivery.${a.delivery}`)}</span> : missing}
                        </td>
                        <td>{a.lastUpdatedAt ? i18n.date(a.lastUpdatedAt) : missing}</td>
                        <td>
                          <button
                            type="button"
                            aria-label={t('status.showHistory', { code: a.code })}
                            onClick={() => setOpen(a)}
                            aria-expanded={open?.id === a.id}
                          >
                            {t('status.history')}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
            {open && <ProgressHistory action={open} unavailable={unavailable.includes(open.leadSector.id)} onClose={() => setOpen(null)} />}
          </>
        );
      }}
    </ViewFrame>
  );
}

const deliveryKey = { ON_TRACK: 'onTrack', AT_RISK: 'atRisk', OVERDUE: 'overdue', DONE: 'done', NOT_REPORTED: 'notReported' } as const;
