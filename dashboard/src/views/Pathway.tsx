import { Pending } from '../components/Pending.tsx';
import { useI18n } from '../i18n/I18n.tsx';

export function Pathway() {
  const { t } = useI18n();
  return <Pending title={t('view.pathway')} />;
}
