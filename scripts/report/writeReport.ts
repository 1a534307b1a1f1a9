import fs from 'node:fs/promises';
import path from 'node:path';
import { toCsv } from './csv.ts';
import { packHtml } from './html.ts';
import { fetchMeetingPack, type MeetingPack, type SendQuery } from './packQuery.ts';
import { packTables } from './tables.ts';

export interface WrittenReport {
  pack: MeetingPack;
  directory: string;
  files: string[];
}

/** Fetches the pack with one query and writes one CSV file per table and the printable page. */
export async function writeMeetingPack(send: SendQuery, bodyId: string, directory: string): Promise<WrittenReport> {
  const pack = await fetchMeetingPack(send, bodyId);
  const tables = packTables(pack);
  await fs.mkdir(directory, { recursive: true });
  const files = [
    ...tables.map((t) => ({ file: path.join(directory, `${t.name}.csv`), text: toCsv(t.header, t.rows) })),
    { file: path.join(directory, 'meeting-pack.html'), text: packHtml(pack, tables) },
  ];
  await Promise.all(files.map(({ file, text }) => fs.writeFile(file, text, 'utf8')));
  return { pack, directory, files: files.map((f) => f.file) };
}
