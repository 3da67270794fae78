// The entities of the graph the network measures are computed over, one row each, with the
// measures stored on them now (null before the first computation). Rows, not one collected list:
// at a million relationships the app decodes them as they stream in, never one giant record.
MATCH (n:Entity)
RETURN n.id AS id,
       n.degree AS degree,
       n.betweenness AS betweenness,
       n.pagerank AS pagerank,
       n.community AS community
