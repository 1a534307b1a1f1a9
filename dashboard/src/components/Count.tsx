import { useI18n } from '../i18n/I18n.tsx';
import { TableHead } from './TableHead.tsx';

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

/** A table of published counts, one row per key, labelled for people. */
export function CountTable({
  title,
  testId,
  keyLabel,
  countLabel,
  rows,
  label,
}: {
  title: string;
  testId: string;
  keyLabel: string;
  countLabel: string;
  rows: CountRow[];
  label(key: string): string;
}) {
  const id = `${testId}-title`;
  return (
    <>
      <h2 id={id}>{title}</h2>
      <table aria-labelledby={id} data-testid={testId}>
        <TableHead columns={[keyLabel, { label: countLabel, number: true }]} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{label(row.key)}</th>
              <td className="number">
                <Count row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
