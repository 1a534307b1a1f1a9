import { useEffect, useRef, type ReactNode } from 'react';
import type { QueryState } from '../api/useQuery.ts';
import { useI18n } from '../i18n/I18n.tsx';

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
  const { t } = useI18n();
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
          <p>{t('failed', { message: state.kind === 'failed' ? state.message : state.errors.map((e) => e.message).join('; ') })}</p>
          <button type="button" onClick={reload}>
            {t('retry')}
          </button>
        </div>
      )}
      {state.kind === 'ready' && state.data && <div data-testid="view-ready">{children(state.data)}</div>}
    </section>
  );
}
