/**
 * `charter sync [--contracts DIR] --registry URL`: publish every contract of the
 * tree to the registry (POST /api/domains/{domain}/apis/{api}/versions with the
 * bundled document as JSON, bearer token from CHARTER_TOKEN). Idempotent: the
 * registry answers 200 for a document it already holds. What `check` would block
 * locally (an invalid document, governance lint errors) is refused before any
 * request; what breaks the published history is refused by the registry (409).
 * Exit 0 all synced, 1 something refused, 2 could not run (unreachable registry,
 * rejected credentials, a server error).
 */
import type { Command } from 'commander';
import type { SetExit } from './index';

/** `dispatch/shipments.openapi.yaml` -> dispatch/shipments; `dispatch/shipments/openapi.yaml` -> dispatch/shipments. */
export function apiKeyOf(rel: string): { domain: string; api: string } | undefined {
  const parts = rel.split('/');
  if (parts.length < 2) {
    return undefined;
  }
  const name = parts[parts.length - 1];
  const m = /^(.+)\.(openapi|asyncapi)\.(ya?ml|json)$/i.exec(name);
  const api = m ? m[1] : parts.length >= 3 ? parts[parts.length - 2] : undefined;
  return api ? { domain: parts[0], api } : undefined;
}

export function versionsUrl(registry: string, domain: string, api: string): string {
  const base = registry.replace(/\/+$/, '');
  const root = base.endsWith('/api') ? base : `${base}/api`;
  return `${root}/domains/${encodeURIComponent(domain)}/apis/${encodeURIComponent(api)}/versions`;
}

export function registerSync(program: Command, setExit: SetExit): void {
  program
    .command('sync')
    .description('Publish the contracts tree to a registry (token from CHARTER_TOKEN): idempotent, refuses what check would block')
    .requiredOption('--registry <url>', 'base URL of the Charter registry, e.g. http://127.0.0.1:8080')
    .option('--contracts <dir>', 'the contracts tree', 'contracts')
    .action(async (opts: { registry: string; contracts: string }) => {
      const { runSync } = await import('./sync.action');
      setExit(await runSync(opts.contracts, opts.registry));
    });
}
