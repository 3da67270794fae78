// Saved views, most recently changed first; optionally one owner's, named by account id or name.
MATCH (v:SavedView)
WHERE $owner IS NULL OR v.owner = $owner OR v.ownerName = $owner
RETURN v {.id, .name, .owner, .ownerName, .version,
          createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt)} AS view
ORDER BY v.updatedAt DESC, v.id
LIMIT $limit
