// Sources imported from files used to keep the importing machine's full path, which every reader
// of an entity page saw. Keep the file's name only, as imports now record it
// (server/importers/source-uri.ts): a path or a file:// URL becomes `file:<name>`; web addresses,
// editors' `user:` sources and other schemes stay.
MATCH (s:Source)
WHERE s.uri IS NOT NULL
  AND (s.uri =~ '(?i)file://.*' OR NOT s.uri =~ '(?i)[a-z][a-z0-9+.-]+:.*')
WITH s, [part IN split(replace(substring(s.uri, CASE WHEN s.uri =~ '(?i)file://.*' THEN 7 ELSE 0 END), '\\', '/'), '/') WHERE part <> ''] AS parts
SET s.uri = 'file:' + coalesce(last(parts), s.uri);
