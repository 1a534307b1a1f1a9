import { useQuery } from '../api/useQuery.ts';
import { TableHead } from '../components/TableHead.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { subgraphLabel } from '../shell/labels.ts';
import { ViewFrame } from '../shell/ViewFrame.tsx';
import { sectorHealthQuery, type HealthData } from './sectorHealthData.ts';

export function SectorHealth() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useQuery<HealthData>(sectorHealthQuery);
  return (
    <ViewFrame title={t('health.title')} state={state} reload={state.reload}>
      {(data) => {
        const unavailable = state.kind === 'ready' ? state.unavailable : [];
        const count = (list: unknown[] | null | undefined) => (list ? i18n.number(list.length) : '—');
        return (
          <>
            <p>{t('health.explain')}</p>
            <p className="muted">
              {t('health.checkedAt', { time: state.kind === 'ready' ? state.checkedAt.toLocaleTimeString(i18n.language) : '' })}{' '}
              <button type="button" onClick={state.reload}>
                {t('health.recheck')}
              </button>
            </p>
            <table data-testid="sector-health" aria-label={t('health.title')}>
              <TableHead
                columns={[
                  t('health.subgraph'),
                  t('health.state'),
                  ...(['health.actionsLed', 'health.responsibilities', 'health.servicePoints'] as const).map((k) => ({
                    label: t(k),
                    number: true,
                  })),
                ]}
              />
              <tbody>
                <tr data-subgraph="coordination" data-answering="true">
                  <th scope="row">{subgraphLabel(i18n, 'coordination')}</th>
                  <td>
                    <span className="pill ON_TRACK">{t('health.answering')}</span>
                  </td>
                  <td colSpan={3} />
                </tr>
                {data.sectors.map((s) => {
                  const down = unavailable.includes(s.id);
                  return (
                    <tr key={s.id} data-subgraph={s.id} data-answering={String(!down)}>
                      <th scope="row">
                        {s.name} <span className="muted">({s.ministry})</span>
                      </th>
                      <td>
                        <span className={`pill ${down ? 'OVERDUE' : 'ON_TRACK'}`}>
                          {down ? t('health.notAnswering') : t('health.answering')}
                        </span>
                      </td>
                      <td className="number">{s.delivery ? i18n.number(s.delivery.total) : '—'}</td>
                      <td className="number">{count(s.responsibilities)}</td>
                      <td className="number">{count(s.servicePoints)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        );
      }}
    </ViewFrame>
  );
}
