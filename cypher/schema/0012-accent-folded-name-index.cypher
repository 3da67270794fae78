// Names and aliases without their accents, for people who type them without: "sante" finds
// SantéMPI and "cote" Côte d'Ivoire. A second index rather than a new analyzer for entity_text:
// the folding analyzer also drops English stop words, so "Code for All", whose every term must
// match, would no longer be found by what it is called. Searched as one more way a name matches
// (cypher/search/fulltext-search.cypher); building it writes nothing to the graph.
CREATE FULLTEXT INDEX entity_names_folded IF NOT EXISTS
FOR (n:Organisation|Activity|DPG|Country|SDG|Group|Initiative)
ON EACH [n.name, n.aliasText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
