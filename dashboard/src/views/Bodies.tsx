import { useEffect, useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useSession } from '../shell/Session.tsx';
import { ViewFrame } from '../shell/ViewFrame.tsx';
import { BodyCard } from './BodyCard.tsx';
import { bodiesQuery, meetingsScope, overdueFirst, type BodiesData } from './bodiesData.ts';

// Tokens found to lack the meetings scope, so that reopening the view takes one request, not two.
const withoutMeetings = new Set<string>();

export function Bodies() {
  const { t } = useI18n();
  const { token } = useSession();
  const [withMeetings, setWithMeetings] = useState(!withoutMeetings.has(token));
  const state = useQuery<BodiesData>(bodiesQuery, { withMeetings });
  const refused = state.kind === 'ready' && state.missingScopes.includes(meetingsScope);
  useEffect(() => {
    if (refused && withMeetings) {
      withoutMeetings.add(token);
      setWithMeetings(false);
    }
  }, [refused, withMeetings, token]);
  return (
    <ViewFrame title={t('bodies.title')} state={state} reload={state.reload}>
      {(data) => {
        const bodies = overdueFirst(data.coordinationBodies);
        const overdue = bodies.filter((b) => b.meetingOverdue).length;
        return (
          <>
            {withMeetings ? (
              <p data-testid="overdue-count">{t('bodies.overdueCount', { count: overdue, total: bodies.length })}</p>
            ) : (
              <p className="note" data-testid="meetings-need-scope">
                {t('bodies.meetingsNeedScope')}
              </p>
            )}
            <div className="cards wide" data-testid="bodies">
              {bodies.map((b) => (
                <BodyCard key={b.id} body={b} />
              ))}
            </div>
          </>
        );
      }}
    </ViewFrame>
  );
}
