/** A table's column headings; figures are right-aligned so their digits line up. */
export interface Column {
  label: string;
  number?: boolean;
}

export function TableHead({ columns }: { columns: (string | Column)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => {
          const column = typeof c === 'string' ? { label: c } : c;
          return (
            <th scope="col" key={column.label} className={column.number ? 'number' : undefined}>
              {column.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
