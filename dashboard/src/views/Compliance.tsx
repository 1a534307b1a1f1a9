import { useQuery } from '../api/useQuery.ts';
import { BarChart } from '../charts/BarChart.tsx';
import { MissingCells } from '../components/Missing.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { TableHead } from '../components/TableHead.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { ViewFrame } from '../shell/ViewFrame.tsx';
import { reasonInWords } from './complianceReasons.ts';
import { DutiesTable } from './DutiesTable.tsx';
import { complianceQuery, complianceStatuses, worstFirst, type ComplianceData } from './complianceData.ts';

const statusClass = { FAILING: 'FAILING', AT_RISK: 'AT_RISK', MEETING_OBLIGATIONS: 'MEETING' } as const;

export function Compliance() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useQuery<ComplianceData>(complianceQuery);
  const unavailable = state.kind === 'ready' ? state.unavailable : [];
  return (
    <ViewFrame title={t('compliance.title')} state={state} reload={state.reload}>
      {(data) => {
        const sectors = worstFirst(data.sectors);
        return (
          <>
            <p>{t('compliance.explain')}</p>
            <ScrollRegion label={t('compliance.table')}>
              <table data-testid="compliance" aria-label={t('compliance.title')}>
                <TableHead
                  columns={[
                    t('compliance.organ'),
                    t('compliance.standing'),
                    ...(
                      [
                        'compliance.actionsLed',
                        'compliance.actionsOverdue',
                        'compliance.reportsMissing',
                        'compliance.reportsLate',
                        'compliance.daysSinceUpdate',
                      ] as const
                    ).map((k) => ({ label: t(k), number: true })),
                    t('compliance.reasons'),
                  ]}
                />
                <tbody>
                  {sectors.map((s) => {
                    const c = s.compliance;
                    return (
                      <tr key={s.id} data-sector={s.id} data-status={c?.status ?? ''}>
                        <th scope="row">
                          {s.name}
                          <div className="muted">{s.ministry}</div>
                        </th>
                        {c ? (
                          <>
                            <td>
                              <span className={`pill ${statusClass[c.status]}`}>{t(`complianceStatus.${c.status}`)}</span>
                            </td>
                            <td className="number">{i18n.number(c.actionsLed)}</td>
                            <td className="number">{i18n.number(c.actionsOverdue)}</td>
                            <td className="number">{i18n.number(c.reportsMissing.length)}</td>
                            <td className="number">{i18n.number(c.reportsLate.length)}</td>
                            <td className="number">{c.daysSinceLastUpdate === null ? '—' : i18n.number(c.daysSinceLastUpdate)}</td>
                            <td>
                              {c.reasons.length === 0 ? (
                                <span className="muted">{t('compliance.noReasons')}</span>
                              ) : (
                                <ul className="reasons">
                                  {c.reasons.map((r) => (
                                    <li key={r.rule} data-rule={r.rule}>
                                      <strong>{t(`rule.${r.rule}`)}</strong>{' '}
                                      {t('reason.leadsTo', { status: t(`complianceStatus.${r.status}`) })} {reasonInWords(i18n, r)}
                                    </li>
                                  ))}
                                </ul>
                              )}
                            </td>
                          </>
                        ) : (
                          <MissingCells span={7} unavailable={unavailable.includes(s.id)} />
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
            <h2>{t('duties.title')}</h2>
            <p>{t('duties.explain')}</p>
            <DutiesTable duties={data.obligations} />
            <BarChart
              summary={t('compliance.chart')}
              axes={{ category: t('compliance.standing'), value: t('chart.axis.organs') }}
              labels={complianceStatuses.map((s) => t(`complianceStatus.${s}`))}
              height={200}
              series={[
                {
                  label: t('compliance.organ'),
                  color: '#0072b2',
                  data: complianceStatuses.map((st) => data.sectors.filter((s) => s.compliance?.status === st).length),
                },
              ]}
            />
          </>
        );
      }}
    </ViewFrame>
  );
}
