/**
 * The contracts tree of DESIGN.md, as data: which paths are contracts (and of
 * which domain and API), and what a domain.yaml says. Pure: callers list files
 * and read text; nothing here touches the file system.
 *
 * Invariants: a domain key is the folder name, kebab-case; an API key is the
 * file's (or folder's) name before `.openapi.yaml` / `.asyncapi.yaml`; folders
 * starting with `_` (such as `_canonical`) hold shared parts, never contracts.
 */
export { classifyContractPath, type ContractPath } from './contract-path';
export { parseDomainFile, type DomainFile, COMPATIBILITY_MODES, type CompatibilityMode } from './domain-file';
