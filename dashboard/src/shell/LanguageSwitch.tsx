import { useId } from 'react';
import { useI18n, type Language } from '../i18n/I18n.tsx';

const names: Record<Language, string> = { en: 'English', fr: 'Français' };

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t('language')}</label>
      <select id={id} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {(Object.keys(names) as Language[]).map((l) => (
          <option key={l} value={l} lang={l}>
            {names[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
