// A new entity stated by an editor; the label comes from the whitelisted editable types.
CREATE (n:Entity {id: $id})
SET n:$($label)
SET n += $props,
    n.aliases = coalesce($props.aliases, []),
    n.editedProperties = keys($props),
    n.sources = [$editor.sourceId],
    n.evidence = [$editor.evidence],
    n.version = 1
// The search text of the aliases, then of the names and aliases with an apostrophe written apart
// (migration 0013 says why).
SET n.aliasText = reduce(text = '', a IN n.aliases | text + a + ' | ')
  + reduce(text = '', w IN [x IN n.aliases + [n.name] WHERE x CONTAINS "\u0027" OR x CONTAINS '’'] |
      text + replace(replace(w, "\u0027", ' '), '’', ' ') + ' | ')
RETURN n {.*} AS node
