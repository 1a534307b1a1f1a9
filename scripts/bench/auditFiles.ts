import fs from 'node:fs';
import path from 'node:path';

/**
 * The bytes of the audit files under a data folder, as the embedded store and the witness keep
 * them: each subgraph's `auditLog.db` (the entries) and `auditHead.db` (its signed heads, a line per
 * head), and the witness files (`*.heads.jsonl`). The bench measures their growth per case read.
 */
export function auditBytes(dataDir: string): { total: number; entries: number } {
  let total = 0;
  let entries = 0;
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'auditLog.db' || entry.name === 'auditHead.db' || entry.name.endsWith('.heads.jsonl')) {
        const size = fs.statSync(file).size;
        total += size;
        if (entry.name === 'auditLog.db') entries += size;
      }
    }
  };
  walk(dataDir);
  return { total, entries };
}
