import { useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { BarChart } from '../charts/BarChart.tsx';
import { seriesColors } from '../charts/colors.ts';
import { Filter } from '../components/Filter.tsx';
import { Missing } from '../components/Missing.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { TableHead } from '../components/TableHead.tsx';
import { kindLabel } from '../shell/labels.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { ViewFrame } from '../shell/ViewFrame.tsx';
import { CrisisCentreCard } from './CrisisCentreCard.tsx';
import { countByDistrictAndKind, groupByDistrict, servicesQuery, type ServicesData } from './servicesData.ts';

export function Services() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useQuery<ServicesData>(servicesQuery);
  const [district, setDistrict] = useState('');
  const [kind, setKind] = useState('');
  const unavailable = state.kind === 'ready' ? state.unavailable : [];
  return (
    <ViewFrame title={t('services.title')} state={state} reload={state.reload}>
      {(data) => {
        const all = data.sectors.flatMap((s) => (s.servicePoints ?? []).map((p) => ({ ...p, sector: s })));
        const points = all.filter((p) => (!district || p.district === district) && (!kind || p.kind === kind));
        const matrix = countByDistrictAndKind(points);
        const kinds = [...new Set(all.map((p) => p.kind))].sort();
        const districts = [...new Set([...all.map((p) => p.district), ...data.crisisCentres.map((c) => c.district)])].sort();
        const centres = data.crisisCentres.filter((c) => !district || c.district === district);
        const silent = data.sectors.filter((s) => s.servicePoints === null);
        const groups = groupByDistrict(points);
        const filtered = Boolean(district || kind);
        return (
          <>
            <div className="filters">
              <Filter
                label={t('district')}
                value={district}
                onChange={setDistrict}
                options={districts.map((d) => ({ value: d, label: d }))}
                testId="filter-district"
              />
              <Filter
                label={t('kind')}
                value={kind}
                onChange={setKind}
                options={kinds.map((k) => ({ value: k, label: kindLabel(i18n, k) }))}
                testId="filter-kind"
              />
            </div>
            {silent.length > 0 && (
              <p className="note">
                {silent.map((s) => s.name).join(', ')}: <Missing unavailable={silent.some((s) => unavailable.includes(s.id))} />
              </p>
            )}
            <h2 id="matrix-title">{t('services.matrix')}</h2>
            <ScrollRegion labelledBy="matrix-title">
              <table aria-labelledby="matrix-title" data-testid="points-matrix">
                <TableHead
                  columns={[
                    t('district'),
                    ...matrix.kinds.map((k) => ({ label: kindLabel(i18n, k), number: true })),
                    { label: t('total'), number: true },
                  ]}
                />
                <tbody>
                  {matrix.districts.map((d) => (
                    <tr key={d} data-district={d}>
                      <th scope="row">{d}</th>
                      {matrix.kinds.map((k) => (
                        <td key={k} className="number" data-kind={k}>
                          {i18n.number(matrix.count(d, k))}
                        </td>
                      ))}
                      <td className="number" data-kind="total">
                        {i18n.number(matrix.kinds.reduce((n, k) => n + matrix.count(d, k), 0))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            <div className="half">
              <BarChart
                summary={t('services.byKindChart')}
                axes={{ category: t('kind'), value: t('services.points') }}
                labels={matrix.kinds.map((k) => kindLabel(i18n, k))}
                horizontal
                series={[
                  {
                    label: t('services.points'),
                    color: seriesColors[0]!,
                    data: matrix.kinds.map((k) => points.filter((p) => p.kind === k).length),
                  },
                ]}
              />
            </div>

            <h2>{t('services.centres')}</h2>
            <div className="cards" data-testid="crisis-centres">
              {centres.map((c) => (
                <CrisisCentreCard key={c.id} centre={c} unavailable={unavailable} />
              ))}
            </div>

            <h2>{t('services.pointsByDistrict')}</h2>
            <p className="muted">{t('services.groupsExplain')}</p>
            <div className="groups" data-testid="service-points">
              {groups.map((group) => (
                // Keyed by the filters too, so a new filter opens or closes every group afresh.
                <details key={`${group.district}/${district}/${kind}`} open={filtered} data-district={group.district}>
                  <summary>
                    <span className="group-name">{group.district}</span>{' '}
                    <span className="muted">{t('services.pointCount', { count: i18n.number(group.points.length) })}</span>
                  </summary>
                  <ScrollRegion label={t('services.pointsIn', { district: group.district })}>
                    <table aria-label={t('services.pointsIn', { district: group.district })}>
                      <TableHead
                        columns={[
                          t('services.name'),
                          t('kind'),
                          t('sector'),
                          t('services.place'),
                          t('services.hours'),
                          { label: t('services.capacity'), number: true },
                        ]}
                      />
                      <tbody>
                        {group.points.map((p) => (
                          <tr key={`${p.sector.id}/${p.id}`} data-point={p.id}>
                            <td>{p.name}</td>
                            <td>{kindLabel(i18n, p.kind)}</td>
                            <td>{p.sector.name}</td>
                            <td>{p.place}</td>
                            <td>{p.open24Hours ? t('yes') : t('no')}</td>
                            <td className="number">{p.capacity ? `${i18n.number(p.capacity.amount)} ${p.capacity.unit}` : ''}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollRegion>
                </details>
              ))}
            </div>
          </>
        );
      }}
    </ViewFrame>
  );
}
