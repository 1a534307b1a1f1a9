import { createContext, useContext } from 'react';

/** What a view needs from the shell: the token to send, and where to report what went wrong. */
export interface Session {
  token: string;
  /** The subgraphs that did not answer the open view's request. */
  reportUnavailable(subgraphs: string[]): void;
  /** The token was refused: back to sign-in. */
  expired(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in shell');
  return session;
}
