export interface ContractPath {
  domain: string;
  api: string;
  kindHint: 'openapi' | 'asyncapi';
  /** tree-relative POSIX path of the entry file */
  entry: string;
}

const KEY = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SINGLE = /^([^/]+)\/([^/]+)\.(openapi|asyncapi)\.(ya?ml|json)$/;
const FOLDER = /^([^/]+)\/([^/]+)\/(openapi|asyncapi)\.(ya?ml|json)$/;

/** `dispatch/shipments.openapi.yaml` or `dispatch/shipments/openapi.yaml` -> its domain and API. */
export function classifyContractPath(relativePath: string): ContractPath | undefined {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const match = SINGLE.exec(path) ?? FOLDER.exec(path);
  if (!match) {
    return undefined;
  }
  const [, domain, api, kind] = match;
  if (!KEY.test(domain) || !KEY.test(api)) {
    return undefined;
  }
  return { domain, api, kindHint: kind as 'openapi' | 'asyncapi', entry: path };
}
