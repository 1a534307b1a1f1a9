/** A calendar day, UTC. */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
