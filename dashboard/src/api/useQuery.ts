import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../shell/Session.tsx';
import { requestGraphQL, SignInRequired, type Answer } from './graphql.ts';

export type QueryState<T> = { kind: 'loading' } | { kind: 'failed'; message: string } | ({ kind: 'ready'; checkedAt: Date } & Answer<T>);

/**
 * Runs a view's one GraphQL request when the view opens, when its variables change, and on `reload`. Reports the
 * subgraphs that did not answer to the shell, which names them in its banner.
 */
export function useQuery<T>(query: string, variables: Record<string, unknown> = {}): QueryState<T> & { reload(): void } {
  const variablesKey = JSON.stringify(variables);
  const session = useSession();
  const [state, setState] = useState<QueryState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    requestGraphQL<T>(query, session.token, JSON.parse(variablesKey) as Record<string, unknown>)
      .then((answer) => {
        if (!current) return;
        session.reportUnavailable(answer.unavailable);
        setState({ kind: 'ready', checkedAt: new Date(), ...answer });
      })
      .catch((error: Error) => {
        if (!current) return;
        if (error instanceof SignInRequired) session.expired();
        else setState({ kind: 'failed', message: error.message });
      });
    return () => {
      current = false;
    };
  }, [query, variablesKey, session, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
