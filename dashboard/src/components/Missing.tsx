import { useI18n } from '../i18n/I18n.tsx';

/**
 * Stands in for a figure the graph did not give: "unavailable" when its sector did not answer,
 * "not recorded" when the sector answered without it. Never a zero.
 */
export function Missing({ unavailable }: { unavailable: boolean }) {
  const { t } = useI18n();
  return <span className="missing">{unavailable ? t('unavailable') : t('notRecorded')}</span>;
}

/** The rest of a table row whose figures the graph did not give. */
export function MissingCells({ span, unavailable }: { span: number; unavailable: boolean }) {
  return (
    <td colSpan={span}>
      <Missing unavailable={unavailable} />
    </td>
  );
}
