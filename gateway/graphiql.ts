import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

const exampleQuery = `# Every sector's responsibilities, services and delivery, in one request.
query CrossSectorStatus {
  sectors {
    id
    name
    ministry
    delivery { total onTrack atRisk overdue done notReported }
    responsibilities { duty role reference }
    servicePoints { name kind district }
  }
}
`;

/**
 * The GraphiQL IDE as one self-contained page: its scripts and styles are inlined from the
 * package, so it works on a ministry network with no internet access. `headers` fill the
 * header editor (in development, a local analyst token for a caller on the gateway's machine).
 */
export function graphiqlPage(endpoint: string, headers: Record<string, string> = {}): string {
  return renderGraphiQL({
    title: 'Coordinated Response Graph',
    endpoint,
    defaultQuery: exampleQuery,
    headers: JSON.stringify(headers, null, 2),
    headerEditorEnabled: true,
    shouldPersistHeaders: false,
  } as Parameters<typeof renderGraphiQL>[0]);
}
