// Names with an apostrophe written apart in the aliases' search text: "ivoire" finds Côte d'Ivoire
// and "education" the Ministère de l'Éducation. Both indexes keep "d'ivoire" as one word, which no
// prefix of "ivoire" reaches, so a reader who typed the word after the apostrophe found nothing.
// aliasText is a search property only (never shown), and every write of it (imports, edits,
// merges) now appends each name and alias with an apostrophe, apostrophes as spaces; this
// rewrites it for the entities already stored. Nothing else changes.
MATCH (n:Entity)
WHERE any(x IN coalesce(n.aliases, []) + [n.name] WHERE x CONTAINS "\u0027" OR x CONTAINS '’')
SET n.aliasText = reduce(text = '', a IN coalesce(n.aliases, []) | text + a + ' | ')
  + reduce(text = '', w IN [x IN coalesce(n.aliases, []) + [n.name] WHERE x CONTAINS "\u0027" OR x CONTAINS '’'] |
      text + replace(replace(w, "\u0027", ' '), '’', ' ') + ' | ')
RETURN count(*) AS rewritten;
