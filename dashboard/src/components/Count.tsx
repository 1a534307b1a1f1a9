import { useI18n } from '../i18n/I18n.tsx';

/** A published count: a withheld one reads "suppressed", never 0. */
export interface CountRow {
  key: string;
  count: number | null;
  suppressed: boolean;
}

export function Count({ row }: { row: Pick<CountRow, 'count' | 'suppressed'> }) {
  const i18n = useI18n();
  if (row.suppressed || row.count === null) {
    return (
      <span className="pill SUPPRESSED" data-suppressed="true">
        {i18n.t('pathway.suppressed')}
      </span>
    );
  }
  return <span data-count={row.count}>{i18n.number(row.count)}</span>;
}
