import type { Resolvers } from '../kit/subgraph.ts';

/*
 * Sector-core writes its resolvers once, under the names of the sector template
 * (contract.graphql rendered under `Template...`: `TemplateSector`, `recordTemplateServicePoint`...), typed by the resolver
 * types generated from it. Each sector subgraph gets them under its own names.
 */

export const templatePrefix = 'Template';
const templateLower = 'template';

/**
 * A template name under a sector's type prefix: `TemplateSector` → `HealthSector`,
 * `recordTemplateServicePoint` → `recordHealthServicePoint`, `templateSector` → `healthSector`.
 * Names without the placeholder (`ServicePoint`, `Compliance`) are shared and stay as they are.
 */
export function sectorName(name: string, typePrefix: string): string {
  if (name.startsWith(templateLower))
    return `${typePrefix.charAt(0).toLowerCase()}${typePrefix.slice(1)}${name.slice(templateLower.length)}`;
  return name.replace(templatePrefix, typePrefix);
}

const rootTypes = new Set(['Query', 'Mutation']);

/**
 * A resolver map written for the template, under one sector's names: its type names, its root
 * fields, and what its type resolvers answer (`FrameworkAction` resolves to `HealthAction`).
 */
export function forSector(resolvers: object, typePrefix: string): Resolvers {
  return Object.fromEntries(
    Object.entries(resolvers as Record<string, Record<string, unknown>>).map(([type, fields]) => [
      sectorName(type, typePrefix),
      Object.fromEntries(
        Object.entries(fields).map(([field, resolver]) => {
          if (field === '__resolveType' && typeof resolver === 'function') {
            const resolveType = resolver as (...args: unknown[]) => unknown;
            const renamed = (answer: unknown) => (typeof answer === 'string' ? sectorName(answer, typePrefix) : answer);
            return [
              field,
              (...args: unknown[]) => {
                const answer = resolveType(...args);
                return answer instanceof Promise ? answer.then(renamed) : renamed(answer);
              },
            ];
          }
          return [rootTypes.has(type) ? sectorName(field, typePrefix) : field, resolver];
        }),
      ),
    ]),
  );
}
