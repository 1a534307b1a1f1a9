import { useCallback, useEffect, useMemo, useState } from 'react';
import { currentToken, signIn, signOut } from '../api/session.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { MissingBanner } from './MissingBanner.tsx';
import { SessionContext, type Session } from './Session.tsx';
import { SignIn } from './SignIn.tsx';
import { views } from './views.ts';

function viewFromHash(): string {
  const id = location.hash.replace(/^#\/?/, '');
  return views.some((v) => v.id === id) ? id : views[0]!.id;
}

type Access = { kind: 'checking' } | { kind: 'signed-out'; expired: boolean } | { kind: 'signed-in'; token: string };

export function App() {
  const { t } = useI18n();
  const [access, setAccess] = useState<Access>({ kind: 'checking' });
  const [viewId, setViewId] = useState(viewFromHash);
  const [unavailable, setUnavailable] = useState<string[]>([]);

  const connect = useCallback((expired: boolean) => {
    void currentToken().then((token) => setAccess(token ? { kind: 'signed-in', token } : { kind: 'signed-out', expired }));
  }, []);
  useEffect(() => connect(false), [connect]);
  useEffect(() => {
    const follow = () => {
      setViewId(viewFromHash());
      setUnavailable([]);
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  const token = access.kind === 'signed-in' ? access.token : '';
  const session = useMemo<Session>(
    () => ({
      token,
      reportUnavailable: setUnavailable,
      expired: () => {
        signOut();
        // A development token is simply fetched again; any other must be entered again.
        connect(true);
      },
    }),
    [token, connect],
  );

  if (access.kind === 'checking') return <p className="muted">{t('loading')}</p>;
  if (access.kind === 'signed-out') {
    return (
      <SignIn
        expired={access.expired}
        onSignIn={(value) => {
          signIn(value);
          connect(false);
        }}
      />
    );
  }
  const view = views.find((v) => v.id === viewId)!;
  const View = view.component;
  return (
    <SessionContext.Provider value={session}>
      <a className="skip" href="#content" onClick={(e) => (e.preventDefault(), document.getElementById('view-title')?.focus())}>
        {t('skipToContent')}
      </a>
      <header className="top">
        <p className="app-title">{t('appTitle')}</p>
        <LanguageSwitch />
        <button
          type="button"
          className="link"
          onClick={() => {
            signOut();
            setAccess({ kind: 'signed-out', expired: false });
          }}
        >
          {t('signOut')}
        </button>
      </header>
      <nav aria-label={t('viewsNav')} className="views">
        <ul>
          {views.map((v) => (
            <li key={v.id}>
              <a href={`#/${v.id}`} aria-current={v.id === view.id ? 'page' : undefined}>
                {t(v.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <MissingBanner unavailable={unavailable} />
      <main id="content">
        <View key={view.id} />
      </main>
    </SessionContext.Provider>
  );
}
