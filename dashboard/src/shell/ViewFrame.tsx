import { useEffect, useRef, type ReactNode } from 'react';
import type { QueryState } from '../api/useQuery.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { subgraphLabel } from './labels.ts';

/**
 * A view's heading and its request's loading and failure states. The heading takes focus when
 * the view opens, so keyboard and screen-reader users land on what they chose.
 */
export function ViewFrame<T>({
  title,
  state,
  reload,
  children,
}: {
  title: string;
  state: QueryState<T>;
  reload(): void;
  children(data: T): ReactNode;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section aria-labelledby="view-title" aria-busy={state.kind === 'loading'}>
      <h1 id="view-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {state.kind === 'loading' && <p className="muted">{t('loading')}</p>}
      {(state.kind === 'failed' || (state.kind === 'ready' && !state.data)) && (
        <div role="alert" className="failed" data-testid="view-failed">
          <p>
            {state.kind === 'ready' && state.unavailable.length > 0
              ? t('failed.unavailable', { sectors: i18n.list(state.unavailable.map((s) => subgraphLabel(i18n, s))) })
              : t('failed')}
          </p>
          {/* The server's own words, in English, for whoever investigates; folded away from the person reading. */}
          <details>
            <summary>{t('failed.details')}</summary>
            <p lang="en">{state.kind === 'failed' ? state.message : state.errors.map((e) => e.message).join('; ')}</p>
          </details>
          <button type="button" onClick={reload}>
            {t('retry')}
          </button>
        </div>
      )}
      {state.kind === 'ready' && state.data && <div data-testid="view-ready">{children(state.data)}</div>}
    </section>
  );
}
