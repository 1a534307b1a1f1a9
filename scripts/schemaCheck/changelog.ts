import { execFileSync } from 'node:child_process';
import prettier from 'prettier';
import { graphChanges, parseAcknowledged, type Level, type SchemaChange } from './checkSchema.ts';

/*
 * The schema changelog: for every commit that changed the committed supergraph, what clients of
 * the graph saw change, classed as `npm run schema:check` classes it (breaking, dangerous, safe).
 * Written from git history, so it says what was merged, not what was meant.
 */

export interface ChangelogEntry {
  commit: string;
  date: string;
  subject: string;
  changes: SchemaChange[];
  /** The reasons given in schema/acknowledged-breaking-changes.txt at that commit, by coordinate. */
  acknowledged: Map<string, string>;
}

const supergraphFile = 'schema/supergraph.graphql';
const acknowledgedFile = 'schema/acknowledged-breaking-changes.txt';

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
}

function fileAt(cwd: string, commit: string, file: string): string | null {
  try {
    return git(cwd, ['show', `${commit}:${file}`]);
  } catch {
    return null;
  }
}

/** The repository's first commit: the default base of the changelog. */
export function firstCommit(cwd: string): string {
  return git(cwd, ['rev-list', '--max-parents=0', 'HEAD']).trim().split('\n').at(-1)!;
}

/**
 * One entry per commit after `base` up to HEAD that changed the supergraph, oldest first, each
 * compared with the supergraph as the previous such commit (or the base) left it. A commit whose
 * changes clients cannot see (federation's own bookkeeping) has no changes and is left out.
 */
export async function changelogSince(cwd: string, base: string): Promise<ChangelogEntry[]> {
  const log = git(cwd, ['log', '--reverse', '--format=%H%x09%ad%x09%s', '--date=short', `${base}..HEAD`, '--', supergraphFile]);
  let before = fileAt(cwd, base, supergraphFile);
  const entries: ChangelogEntry[] = [];
  for (const line of log.split('\n').filter(Boolean)) {
    const [commit, date, subject] = line.split('\t') as [string, string, string];
    const after = fileAt(cwd, commit, supergraphFile);
    if (after === null) continue;
    if (before !== null) {
      const changes = await graphChanges(before, after);
      if (changes.length > 0) {
        const acknowledged = parseAcknowledged(fileAt(cwd, commit, acknowledgedFile) ?? '');
        entries.push({ commit, date, subject, changes, acknowledged });
      }
    }
    before = after;
  }
  return entries;
}

const headings: Record<Level, string> = {
  breaking: 'Breaking (a query that worked may fail)',
  dangerous: 'Dangerous (a query may behave differently)',
  safe: 'Safe',
};

/** Changes of these kinds are listed together under the type they belong to, e.g. "`Case`: fields added `a`, `b`". */
const memberKinds: Record<string, string> = {
  FIELD_ADDED: 'fields added',
  FIELD_REMOVED: 'fields removed',
  INPUT_FIELD_ADDED: 'input fields added',
  INPUT_FIELD_REMOVED: 'input fields removed',
  ENUM_VALUE_ADDED: 'values added',
  ENUM_VALUE_REMOVED: 'values removed',
  FIELD_ARGUMENT_ADDED: 'arguments added',
  FIELD_ARGUMENT_REMOVED: 'arguments removed',
  UNION_MEMBER_ADDED: 'members added',
  UNION_MEMBER_REMOVED: 'members removed',
};
const typeKinds: Record<string, string> = { TYPE_ADDED: 'Types added', TYPE_REMOVED: 'Types removed' };

const code = (text: string) => `\`${text}\``;

/** A commit subject's first clause, short enough to read at a glance. */
function summary(subject: string): string {
  const clause = subject.split(/[;:](?=\s)/)[0]!.trim();
  return clause.length <= 110 ? clause : `${clause.slice(0, 107).replace(/\s+\S*$/, '')} …`;
}

/** The lines for one level of one commit: additions and removals grouped by type, descriptions counted, the rest one a line. */
function levelLines(changes: SchemaChange[], acknowledged: Map<string, string>): string[] {
  const lines: string[] = [];
  const grouped = new Map<string, string[]>();
  const group = (key: string, name: string) => grouped.set(key, [...(grouped.get(key) ?? []), name]);
  let descriptions = 0;
  for (const change of changes) {
    const reason = acknowledged.get(change.path);
    const cut = change.path.lastIndexOf('.');
    if (change.kind.includes('DESCRIPTION')) descriptions += 1;
    else if (reason !== undefined) lines.push(`- ${code(change.path)}: ${change.message} (acknowledged: ${reason || 'no reason given'})`);
    else if (typeKinds[change.kind]) group(typeKinds[change.kind]!, code(change.path));
    else if (memberKinds[change.kind] && cut > 0)
      group(`${code(change.path.slice(0, cut))}: ${memberKinds[change.kind]}`, code(change.path.slice(cut + 1)));
    else lines.push(`- ${change.path ? `${code(change.path)}: ` : ''}${change.message}`);
  }
  const groups = [...grouped].map(([key, names]) => `- ${key} ${names.join(', ')}`);
  const described = descriptions > 0 ? [`- Descriptions added, changed or removed: ${descriptions}`] : [];
  return [...groups, ...lines, ...described];
}

/** Markdown, newest first; each commit's changes grouped by level, breaking first. */
export async function renderChangelog(entries: ChangelogEntry[], base: { commit: string; date: string }): Promise<string> {
  const lines = [
    '# Schema changelog',
    '',
    'What clients of the graph saw change, commit by commit, classed as `npm run schema:check` classes it:',
    '**breaking** (a query that worked may fail), **dangerous** (it may behave differently) and **safe**.',
    `From ${base.commit.slice(0, 7)} (${base.date}) to the newest commit that changed \`${supergraphFile}\`, newest first.`,
    'Additions and removals are grouped by the type they belong to; a breaking change that was acknowledged in',
    '`schema/acknowledged-breaking-changes.txt` is listed on its own with its reason; changes to descriptions are',
    'counted, not listed (`git show <commit> -- schema/supergraph.graphql` shows them).',
    '',
    'Written by `npm run schema:changelog` (`-- --base <ref>` for another start); do not edit.',
  ];
  for (const entry of [...entries].reverse()) {
    lines.push('', `## ${entry.date} · ${entry.commit.slice(0, 7)}`, '', summary(entry.subject));
    for (const level of ['breaking', 'dangerous', 'safe'] as Level[]) {
      const changes = entry.changes.filter((change) => change.level === level);
      if (changes.length > 0) lines.push('', `### ${headings[level]}`, '', ...levelLines(changes, entry.acknowledged));
    }
  }
  const config = (await prettier.resolveConfig(process.cwd())) ?? {};
  return prettier.format(`${lines.join('\n')}\n`, { ...config, parser: 'markdown' });
}
