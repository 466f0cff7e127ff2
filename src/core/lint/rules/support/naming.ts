/** Naming conventions of the Charter style guide, as predicates. */

/** `shipments`, `proof-of-delivery`, `v2`. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** `shipmentId`, `etaUtc`, `pickupAt2`. */
export const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

export const isKebabCase = (s: string): boolean => KEBAB_CASE.test(s);
export const isCamelCase = (s: string): boolean => CAMEL_CASE.test(s);
