/**
 * Grouping records by a key — owner, team, month, account — as the model, metrics and report
 * do for a million deals: one pass, lists filled in place (no copy per added item).
 */

/** Adds `item` to the list under `key`, starting the list when the key is new. */
export function addTo<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}

/** The items by key: keys in order of first appearance, each list in the items' order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) addTo(groups, key(item), item);
  return groups;
}
