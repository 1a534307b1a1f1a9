import { TableHead } from '../components/TableHead.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { cadenceInWords, labelOr } from '../shell/labels.ts';
import { membersBySector, type Body } from './bodiesData.ts';
import { DecisionsTable } from './DecisionsTable.tsx';

/** One body: who chairs it, how often it meets, when it last met and is next due, who attends, what is still open and what it decided. */
export function BodyCard({ body: b }: { body: Body }) {
  const i18n = useI18n();
  const { t } = i18n;
  const withMeetings = b.meetingOverdue !== undefined;
  const date = (d: string | null | undefined) => (d ? i18n.date(d) : t('bodies.noMeetings'));
  return (
    <article className="card" aria-labelledby={`body-${b.id}`} data-body={b.id} data-overdue={String(b.meetingOverdue ?? '')}>
      <h2 id={`body-${b.id}`}>{b.name}</h2>
      <p className="muted">
        {t(`bodyKind.${b.kind}`)}{' '}
        {withMeetings &&
          (b.meetingOverdue ? (
            <span className="pill OVERDUE">{i18n.plural('bodies.daysOverdue', b.daysOverdue ?? 0)}</span>
          ) : (
            <span className="pill ON_TRACK">{t('bodies.onSchedule')}</span>
          ))}
      </p>
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
          <dd data-field="cadence">{cadenceInWords(i18n, b.cadence)}</dd>
        </div>
        {b.reportsTo && (
          <div>
            <dt>{t('bodies.reportsTo')}</dt>
            <dd>{b.reportsTo.name}</dd>
          </div>
        )}
        {withMeetings && (
          <>
            <div>
              <dt>{t('bodies.lastMeeting')}</dt>
              <dd data-field="last-met">{date(b.lastMetOn)}</dd>
            </div>
            <div>
              <dt>{t('bodies.nextMeeting')}</dt>
              <dd data-field="next-due">{date(b.nextMeetingDue)}</dd>
            </div>
          </>
        )}
      </dl>
      {b.attendanceRates ? (
        <table aria-label={`${t('bodies.attendance')}: ${b.name}`} data-testid="attendance">
          <TableHead columns={[t('sector'), { label: t('bodies.attended'), number: true }, { label: t('bodies.rate'), number: true }]} />
          <tbody>
            {b.attendanceRates.map((a) => (
              <tr key={a.sector.id} data-sector={a.sector.id}>
                <th scope="row">{a.sector.name}</th>
                <td className="number" data-field="attended">
                  {i18n.number(a.attended)} / {i18n.number(a.expected)}
                </td>
                <td className="number">{a.rate === null ? '—' : `${i18n.number(Math.round(a.rate * 100))} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
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
      )}
      {b.actionItems && (
        <>
          <h3>{t('bodies.openItems')}</h3>
          {b.actionItems.length === 0 ? (
            <p className="muted">{t('bodies.noItems')}</p>
          ) : (
            <table aria-label={`${t('bodies.openItems')}: ${b.name}`} data-testid="action-items">
              <TableHead columns={[t('bodies.item'), t('bodies.owner'), t('bodies.due'), t('bodies.status')]} />
              <tbody>
                {b.actionItems.map((item) => (
                  <tr key={item.id} data-item={item.id}>
                    <td>{item.text}</td>
                    <td>{item.sector.name}</td>
                    <td>
                      {i18n.date(item.dueDate)} {item.overdue && <span className="pill OVERDUE">{t('delivery.OVERDUE')}</span>}
                    </td>
                    <td>{labelOr(i18n, `itemStatus.${item.status}`, item.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {b.openDecisions && <DecisionsTable body={b.name} decisions={b.openDecisions} />}
    </article>
  );
}
