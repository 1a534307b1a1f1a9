import { useQuery } from '../api/useQuery.ts';
import { TableHead } from '../components/TableHead.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { ViewFrame } from '../shell/ViewFrame.tsx';
import { bodiesQuery, membersBySector, type BodiesData } from './bodiesData.ts';

export function Bodies() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useQuery<BodiesData>(bodiesQuery);
  return (
    <ViewFrame title={t('bodies.title')} state={state} reload={state.reload}>
      {(data) => (
        <div className="cards wide" data-testid="bodies">
          {data.coordinationBodies.map((b) => (
            <article key={b.id} className="card" aria-labelledby={`body-${b.id}`} data-body={b.id}>
              <h2 id={`body-${b.id}`}>{b.name}</h2>
              <p className="muted">{t(`bodyKind.${b.kind}`)}</p>
              <p>{b.mandate}</p>
              <dl className="facts">
                <div>
                  <dt>{t('bodies.chair')}</dt>
                  <dd>
                    {b.chair.title}, {b.chair.organisation}
                  </dd>
                </div>
                <div>
                  <dt>{t('bodies.cadence')}</dt>
                  <dd data-field="cadence">{b.cadence.description}</dd>
                </div>
                {b.reportsTo && (
                  <div>
                    <dt>{t('bodies.reportsTo')}</dt>
                    <dd>{b.reportsTo.name}</dd>
                  </div>
                )}
              </dl>
              <table aria-label={`${t('bodies.membersBySector')}: ${b.name}`} data-testid="members-by-sector">
                <TableHead columns={[t('sector'), { label: t('bodies.members'), number: true }]} />
                <tbody>
                  {membersBySector(b).map((row) => (
                    <tr key={row.sector}>
                      <th scope="row">{row.sector || '—'}</th>
                      <td className="number">{i18n.number(row.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
          ))}
        </div>
      )}
    </ViewFrame>
  );
}
