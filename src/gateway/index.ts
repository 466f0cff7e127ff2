/**
 * The gateway's public surface for the control plane (the Nest module wires it):
 * construct a GatewayServer, listen, feed applyTable with RouteTableInput
 * whenever published versions, domains or consumers change, close on shutdown.
 */
export { GatewayServer, type GatewayServerOptions } from './gateway.server';
export { DEFAULT_LIMITS as DEFAULT_GATEWAY_LIMITS, type GatewayLimits } from './gateway.limits';
export type { UsageSink } from './usage/usage-aggregator';
export * from './route-table.input';
