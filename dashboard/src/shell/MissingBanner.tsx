import { useI18n } from '../i18n/I18n.tsx';
import { subgraphLabel } from './labels.ts';

/** Says which sectors did not answer, so a gap is never read as a zero. */
export function MissingBanner({ unavailable }: { unavailable: string[] }) {
  const i18n = useI18n();
  if (unavailable.length === 0) return null;
  const sectors = i18n.list(unavailable.map((s) => subgraphLabel(i18n, s)));
  return (
    <div className="banner" role="alert" data-testid="missing-banner" data-subgraphs={unavailable.join(' ')}>
      {i18n.t('banner.missing', { sectors })}
    </div>
  );
}
