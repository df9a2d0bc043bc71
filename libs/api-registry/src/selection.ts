import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Whether the request asks, below the field being resolved, for the field at `path` (field names,
 * not aliases), through fragments and inline fragments. A field under @skip or @include counts as
 * asked: the answer is then computed in vain at worst, never missing.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return selectedFields(info, path.slice(0, -1))?.has(path[path.length - 1]) ?? false;
}

/**
 * The names of the fields the request asks for of the object at `path` below the field being
 * resolved (every selection of it, through fragments), or null when it asks for none.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> | null {
  const found = new Set<string>();
  let asked = path.length === 0;
  const collect = (set: SelectionSetNode, rest: readonly string[], seen: Set<string>): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (rest.length === 0) found.add(s.name.value);
        else if (s.name.value === rest[0] && s.selectionSet) {
          if (rest.length === 1) asked = true;
          collect(s.selectionSet, rest.slice(1), seen);
        }
      } else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet, rest, seen);
      else {
        const fragment = info.fragments[s.name.value];
        // A fragment spread twice at one level adds nothing the first did not.
        const key = `${s.name.value}:${rest.join('.')}`;
        if (!fragment || seen.has(key)) continue;
        seen.add(key);
        collect(fragment.selectionSet, rest, seen);
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, path, new Set());
  return asked ? found : null;
}
