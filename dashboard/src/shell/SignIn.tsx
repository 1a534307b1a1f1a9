import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18n.tsx';

/** Asks for a bearer token when the hub offers none: the bundle never carries one. */
export function SignIn({ expired, onSignIn }: { expired: boolean; onSignIn(token: string): void }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const fieldId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onSignIn(token);
  };
  return (
    <main id="content" className="sign-in">
      <h1>{t('signIn.title')}</h1>
      {expired && <p role="alert">{t('signIn.expired')}</p>}
      <p>{t('signIn.explain')}</p>
      <form onSubmit={submit}>
        <label htmlFor={fieldId}>{t('signIn.token')}</label>
        <input
          id={fieldId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
        />
        <button type="submit">{t('signIn.submit')}</button>
      </form>
    </main>
  );
}
