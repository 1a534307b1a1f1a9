import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphCatalog, typePrefix } from '../platform/catalog.ts';
import { startTestHub, type TestHub } from './support/hub.ts';

/*
 * The subgraphs speak the Federation 2 subgraph protocol, so any compliant gateway can compose
 * and serve them: `_service { sdl }` with the link imports, and `_entities` for every key.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

describe('Federation 2 subgraph protocol', () => {
  it.each(subgraphCatalog.map((e) => e.name))('%s publishes its SDL with the federation link', async (name) => {
    const { data, errors } = await hub.askSubgraph(name, '{ _service { sdl } }');
    expect(errors).toBeUndefined();
    const sdl: string = data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.9"');
  });

  it.each(subgraphCatalog.filter((e) => e.role !== 'service').map((e) => e.name))('%s declares the crisis centre entity', async (name) => {
    const { data } = await hub.askSubgraph(name, '{ _service { sdl } }');
    expect(data!._service.sdl).toMatch(/type CrisisCentre(\s+implements \w+)?\s+@key\(fields: "id"\)/);
  });

  it.each(subgraphCatalog.filter((e) => e.role === 'sector').map((e) => e.name))(
    '%s resolves its sector, its actions and crisis centres through _entities',
    async (name) => {
      const prefix = typePrefix(name);
      const [record] = await hub.stores.get(name)!.collection('actionRecords').find({}, { limit: 1 });
      const [centre] = await hub.stores.get('coordination')!.collection('crisisCentres').find({}, { limit: 1 });
      const { data, errors } = await hub.askSubgraph(
        name,
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on ${prefix}Sector { id delivery { total } }
          ... on ${prefix}Action { id status }
          ... on CrisisCentre { id }
        } }`,
        {
          r: [
            { __typename: `${prefix}Sector`, id: name },
            { __typename: `${prefix}Action`, id: record!._id },
            { __typename: 'CrisisCentre', id: centre!._id },
          ],
        },
      );
      expect(errors).toBeUndefined();
      expect(data!._entities[0]).toMatchObject({ id: name });
      expect(data!._entities[0].delivery.total).toBeGreaterThan(0);
      expect(data!._entities[1]).toMatchObject({ id: record!._id, status: (record as { status?: string }).status ?? null });
      expect(data!._entities[2]).toEqual({ id: centre!._id });
    },
  );

  it('coordination resolves sectors, actions, bodies and centres through _entities', async () => {
    const coordination = hub.stores.get('coordination')!;
    const [action] = (await coordination.collection('actions').find({}, { limit: 1 })) as unknown as {
      _id: string;
      leadSectorId: string;
    }[];
    const [body] = await coordination.collection('coordinationBodies').find({}, { limit: 1 });
    const [centre] = await coordination.collection('crisisCentres').find({}, { limit: 1 });
    const { data, errors } = await hub.askSubgraph(
      'coordination',
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on SectorAgency { id name }
        ... on FrameworkAction { id title }
        ... on CoordinationBody { id name }
        ... on CrisisCentre { id name }
      } }`,
      {
        r: [
          { __typename: 'SocialWelfareSector', id: 'social-welfare' },
          { __typename: `${typePrefix(action!.leadSectorId)}Action`, id: action!._id },
          { __typename: 'CoordinationBody', id: body!._id },
          { __typename: 'CrisisCentre', id: centre!._id },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities.map((e: { id: string }) => e.id)).toEqual(['social-welfare', action!._id, body!._id, centre!._id]);
    for (const entity of data!._entities) expect(entity.name ?? entity.title).toMatch(/\w/);
  });
});
