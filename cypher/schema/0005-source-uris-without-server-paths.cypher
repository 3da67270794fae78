// Sources imported from files used to keep the importing machine's full path, which every reader
// of an entity page saw. Keep the file's name only, as imports now record it
// (server/importers/source-uri.ts): a path or a file:// URL becomes `file:<name>`; editors'
// `user:` sources and other schemes stay. (?s): a line break in a stored value does not hide it.
MATCH (s:Source)
WHERE s.uri IS NOT NULL
  AND (s.uri =~ '(?is)file://.*' OR NOT s.uri =~ '(?is)[a-z][a-z0-9+.-]+:.*')
WITH s, CASE WHEN s.uri =~ '(?is)file://.*' THEN substring(s.uri, 7) ELSE s.uri END AS path
WITH s, path, [part IN split(replace(path, '\\', '/'), '/') WHERE part <> ''] AS parts
SET s.uri = 'file:' + coalesce(last(parts), path);

// And a web address keeps no user or password written into it: the authority's part before its
// last '@' goes.
MATCH (s:Source)
WHERE s.uri =~ '(?is)https?://[^/?#]*@.*'
WITH s, split(s.uri, '://')[0] AS scheme, substring(s.uri, size(split(s.uri, '://')[0]) + 3) AS rest
WITH s, scheme, rest, split(split(split(rest, '/')[0], '?')[0], '#')[0] AS authority
SET s.uri = scheme + '://' + last(split(authority, '@')) + substring(rest, size(authority));
