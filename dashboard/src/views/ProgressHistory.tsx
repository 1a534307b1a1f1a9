import { useEffect, useRef } from 'react';
import { Missing } from '../components/Missing.tsx';
import { TableHead } from '../components/TableHead.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import type { StatusAction } from './frameworkStatusData.ts';

/** One action's progress reports, newest first; Escape or Close returns to the list. */
export function ProgressHistory({ action, unavailable, onClose }: { action: StatusAction; unavailable: boolean; onClose(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [action.id]);
  const reports = [...(action.progressHistory ?? [])].sort((a, b) => b.sequence - a.sequence);
  return (
    <section
      className="panel"
      aria-labelledby="history-title"
      data-testid="progress-history"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="panel-head">
        <h2 id="history-title" tabIndex={-1} ref={heading}>
          {t('status.historyTitle', { code: action.code })}
        </h2>
        <button type="button" onClick={onClose}>
          {t('status.close')}
        </button>
      </div>
      <p>{action.title}</p>
      {action.progressHistory === null ? (
        <Missing unavailable={unavailable} />
      ) : reports.length === 0 ? (
        <p>{t('status.noHistory')}</p>
      ) : (
        <table aria-labelledby="history-title">
          <TableHead
            columns={[{ label: '#', number: true }, t('status.asOf'), t('status.status'), t('status.note'), t('status.recordedBy')]}
          />
          <tbody>
            {reports.map((r) => (
              <tr key={r.sequence} data-sequence={r.sequence}>
                <td className="number">{r.sequence}</td>
                <td>{i18n.date(r.asOf)}</td>
                <td>{t(`status.${r.status}`)}</td>
                <td>{r.note ?? ''}</td>
                <td>{r.recordedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
