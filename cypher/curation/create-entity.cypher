// A new entity stated by an editor; the label comes from the whitelisted editable types.
CREATE (n:Entity {id: $id})
SET n:$($label)
SET n += $props,
    n.aliases = coalesce($props.aliases, []),
    n.editedProperties = keys($props),
    n.sources = [$editor.sourceId],
    n.evidence = [$editor.evidence],
    n.version = 1
SET n.aliasText = reduce(text = '', a IN n.aliases | text + a + ' | ')
RETURN n {.*} AS node
