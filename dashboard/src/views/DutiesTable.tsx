import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { TableHead } from '../components/TableHead.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { dutiesWorstFirst, type Duty } from './complianceData.ts';

const statusClass = { NOT_MET: 'FAILING', DUE: 'AT_RISK', MET: 'MEETING', NOT_ASSESSED: 'NO_DATA' } as const;

/** The duties the sources set, not met first, each with the source's own words and the periods it failed. */
export function DutiesTable({ duties }: { duties: readonly Duty[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (duties.length === 0) return <p className="muted">{t('duties.none')}</p>;
  return (
    <ScrollRegion label={t('duties.title')}>
      <table data-testid="duties">
        <TableHead columns={[t('duties.holder'), t('duties.duty'), t('duties.source'), t('duties.status'), t('duties.notMet')]} />
        <tbody>
          {dutiesWorstFirst(duties).map((d) => (
            <tr key={d.id} data-obligation={d.id} data-status={d.status}>
              <th scope="row">{d.holder.name}</th>
              <td>
                {d.summary}
                {d.source?.quote && <blockquote className="muted">{d.source.quote}</blockquote>}
                {d.illustrative && <div className="muted">{t('duties.illustrative')}</div>}
              </td>
              <td>{d.source ? [d.source.title, d.source.section].filter(Boolean).join(', ') : '—'}</td>
              <td>
                <span className={`pill ${statusClass[d.status]}`}>{t(`obligationStatus.${d.status}`)}</span>
              </td>
              <td>
                {d.assessments
                  .filter((a) => a.status === 'NOT_MET')
                  .map((a) => `${i18n.date(a.from)} – ${i18n.date(a.until)}`)
                  .join('; ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
