// Full-text search over what people type: names, aliases, titles and descriptions.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Organisation|Activity|DPG|Country|SDG|Group|Initiative)
ON EACH [n.name, n.aliasText, n.description];
// Lookups the importers and filters use.
CREATE INDEX organisation_kind IF NOT EXISTS FOR (n:Organisation) ON (n.kind);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX source_kind IF NOT EXISTS FOR (n:Source) ON (n.kind);
