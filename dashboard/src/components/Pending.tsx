import { useI18n } from '../i18n/I18n.tsx';

/** A view whose figures the graph does not publish yet. */
export function Pending({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {title}
      </h1>
      <h2>{t('pending.title')}</h2>
      <p>{t('pending.explain')}</p>
    </section>
  );
}
