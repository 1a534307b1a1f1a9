import { TableHead } from '../components/TableHead.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { labelOr } from '../shell/labels.ts';
import type { OpenDecision } from './bodiesData.ts';

/** A body's open decisions in the graph's order, the most overdue first: what was decided, who owns it, by when. */
export function DecisionsTable({ body, decisions }: { body: string; decisions: readonly OpenDecision[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <h3>{t('bodies.openDecisions')}</h3>
      {decisions.length === 0 ? (
        <p className="muted">{t('bodies.noDecisions')}</p>
      ) : (
        <table aria-label={`${t('bodies.openDecisions')}: ${body}`} data-testid="open-decisions">
          <TableHead columns={[t('bodies.decision'), t('bodies.owner'), t('bodies.due'), t('bodies.status')]} />
          <tbody>
            {decisions.map((d) => (
              <tr key={d.id} data-decision={d.id} data-overdue={String(d.overdue)}>
                <td>
                  {d.code}: {d.text}
                  <div className="muted">
                    {t('bodies.takenOn', { date: i18n.date(d.meeting.heldOn) })}
                    {d.illustrative && ` ${t('bodies.illustrativeDecision')}`}
                  </div>
                </td>
                <td>{[d.ownerOrganisation?.name, d.ownerSector?.name].filter(Boolean).join(', ') || '—'}</td>
                <td data-field="due">
                  {d.dueDate ? i18n.date(d.dueDate) : t('bodies.noDueDate')}{' '}
                  {d.overdue && <span className="pill OVERDUE">{i18n.plural('bodies.decisionDaysOverdue', d.daysOverdue)}</span>}
                </td>
                <td>{labelOr(i18n, `decisionStatus.${d.status}`, d.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
