/** JSONPath `$..properties` also matches a property *named* "properties"; tell them apart. */
export function isPropertiesMap(path: readonly (string | number)[]): boolean {
  // A run of N trailing "properties" segments alternates map / property / map ...:
  // the node is a properties map exactly when N is odd.
  let run = 0;
  for (let i = path.length - 1; i >= 0 && path[i] === 'properties'; i--) {
    run++;
  }
  return run % 2 === 1;
}
