// Picks the next commit group from the writer's queue: in order, up to a size limit, never two units whose
// conflict keys overlap, and never a unit ahead of an earlier skipped unit it conflicts with. Pure.

export type Groupable = { readonly conflictKeys: readonly string[] };

/** Returns the indexes (ascending) of the queued units that form the next group. */
export function pickGroup(queue: readonly Groupable[], groupUnitsMax: number): number[] {
  const taken = new Set<string>();
  const blocked = new Set<string>();
  const picked: number[] = [];
  for (let index = 0; index < queue.length && picked.length < groupUnitsMax; index++) {
    const keys = queue[index]!.conflictKeys;
    const clashes = keys.some((key) => taken.has(key) || blocked.has(key));
    if (clashes) {
      for (const key of keys) blocked.add(key);
      continue;
    }
    for (const key of keys) taken.add(key);
    picked.push(index);
  }
  return picked;
}
