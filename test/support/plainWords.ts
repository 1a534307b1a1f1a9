import fs from 'node:fs';
import { parse, Kind } from 'graphql';
import { expect } from 'vitest';
import { projectPath } from '../../platform/schemaFiles.ts';
import { analyst, type TestHub } from './hub.ts';

/*
 * What a person must never be shown in place of words: the graph's enum constants and the
 * internal ids of the hub's records. The dashboard's tests and the meeting pack's test look for
 * the same things, from the same sources.
 */

/** The values of each enum of the graph, by enum name, from the committed supergraph (federation's own enums aside). */
export function enumsOfGraph(): Map<string, string[]> {
  const document = parse(fs.readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8'));
  const enums = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || /^(join|link)__/.test(definition.name.value)) continue;
    enums.set(
      definition.name.value,
      (definition.values ?? []).map((v) => v.name.value),
    );
  }
  return enums;
}

/** Every enum constant of the graph. */
export const enumConstants = (): Set<string> => new Set([...enumsOfGraph().values()].flat());

/** The internal ids of the hub's records: actions, bodies, meetings, action items, decisions, duties, data sets and their periods, indicators, places. */
export async function internalIds(hub: TestHub): Promise<Set<string>> {
  const { data, errors } = await hub.query<{
    framework: { actions: { id: string }[] };
    coordinationBodies: { id: string; meetings: { id: string }[]; actionItems: { id: string }[]; decisions: { id: string }[] }[];
    obligations: { id: string }[];
    crisisCentres: { id: string }[];
    sectors: {
      dataSets: { id: string; periods: { dataSetId: string; period: string }[] }[];
      indicators: { id: string }[];
      servicePoints: { id: string }[];
      responsibilities: { id: string }[];
    }[];
  }>(
    `{ framework { actions { id } }
       coordinationBodies { id meetings { id } actionItems { id } decisions { id } }
       obligations { id } crisisCentres { id }
       sectors { dataSets { id periods { dataSetId period } } indicators { id } servicePoints { id } responsibilities { id } } }`,
    {},
    analyst,
  );
  expect(errors).toBeUndefined();
  return new Set([
    ...data!.framework.actions.map((a) => a.id),
    ...data!.coordinationBodies.flatMap((b) => [
      b.id,
      ...b.meetings.map((m) => m.id),
      ...b.actionItems.map((i) => i.id),
      ...b.decisions.map((d) => d.id),
    ]),
    ...data!.obligations.map((o) => o.id),
    ...data!.crisisCentres.map((c) => c.id),
    ...data!.sectors.flatMap((s) => [
      ...s.dataSets.flatMap((d) => [d.id, ...d.periods.map((p) => `${p.dataSetId} ${p.period}`)]),
      ...s.indicators.map((i) => i.id),
      ...s.servicePoints.map((p) => p.id),
      ...s.responsibilities.map((r) => r.id),
    ]),
  ]);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Where `word` stands as a whole token, not inside a longer word or id. */
export const asToken = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(word)}(?![\\p{L}\\p{N}_-])`, 'u');

/** Each id and enum constant standing as a token in `text`, as `id …` or `enum …`. */
export function codesIn(text: string, ids: Set<string>, constants: Set<string>): string[] {
  return [
    ...[...ids].filter((id) => asToken(id).test(text)).map((id) => `id ${id}`),
    ...[...constants].filter((c) => asToken(c).test(text)).map((c) => `enum ${c}`),
  ];
}
