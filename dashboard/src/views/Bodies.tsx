import { useEffect, useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useSession } from '../shell/Session.tsx';
import { ViewFrame } from '../shell/ViewFrame.tsx';
import { BodyCard } from './BodyCard.tsx';
import { bodiesQuery, decisionsField, meetingsScope, overdueFirst, type BodiesData } from './bodiesData.ts';

// Tokens found to lack the meetings scope, so that reopening the view takes one request, not two
// or three: decisions are dropped first (they always need the scope), then the meetings' part.
const withoutMeetings = new Set<string>();
const withoutDecisions = new Set<string>();

export function Bodies() {
  const i18n = useI18n();
  const { t } = i18n;
  const { token } = useSession();
  const [withMeetings, setWithMeetings] = useState(!withoutMeetings.has(token));
  const [withDecisions, setWithDecisions] = useState(!withoutDecisions.has(token));
  const state = useQuery<BodiesData>(bodiesQuery, { withMeetings, withDecisions });
  // The gateway names a field it refuses, even once the request skips it: decisions are told apart
  // by that name, the meetings' part by the scope a subgraph says is missing.
  const decisionsRefused = state.kind === 'ready' && state.refusedFields.includes(decisionsField);
  const meetingsRefused = state.kind === 'ready' && state.missingScopes.includes(meetingsScope);
  useEffect(() => {
    if (decisionsRefused && withDecisions) {
      withoutDecisions.add(token);
      setWithDecisions(false);
    } else if (meetingsRefused && withMeetings) {
      withoutMeetings.add(token);
      setWithMeetings(false);
    }
  }, [decisionsRefused, meetingsRefused, withMeetings, withDecisions, token]);
  return (
    <ViewFrame title={t('bodies.title')} state={state} reload={state.reload}>
      {(data) => {
        const bodies = overdueFirst(data.coordinationBodies);
        const overdue = bodies.filter((b) => b.meetingOverdue).length;
        return (
          <>
            {withMeetings && !withDecisions && (
              <p className="note" data-testid="decisions-need-scope">
                {t('bodies.decisionsNeedScope')}
              </p>
            )}
            {withMeetings ? (
              <p data-testid="overdue-count">{i18n.plural('bodies.overdueCount', overdue, { total: i18n.number(bodies.length) })}</p>
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
