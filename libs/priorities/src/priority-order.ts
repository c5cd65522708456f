/**
 * Why `orderedIds` is not an ordering of the scope's priorities (each listed exactly once), or null
 * when it is. Pure, so the rule is unit-tested without a database.
 */
export function orderingProblem(scopeIds: readonly string[], orderedIds: readonly string[]): string | null {
  const scope = new Set(scopeIds.map((id) => id.toLowerCase()));
  const seen = new Set<string>();
  for (const id of orderedIds.map((i) => i.toLowerCase())) {
    if (seen.has(id)) return `orderedIds lists ${id} more than once`;
    if (!scope.has(id)) return `orderedIds lists ${id}, which is not a priority of this scope`;
    seen.add(id);
  }
  const missing = [...scope].filter((id) => !seen.has(id));
  if (missing.length > 0) return `orderedIds must list every priority of the scope; missing ${missing.join(', ')}`;
  return null;
}
