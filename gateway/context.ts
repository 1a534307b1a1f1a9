/** What the gateway knows about each request; forwarded to subgraphs as headers. */
export interface GatewayContext {
  requestId: string;
  interimIdentity?: string;
}
