// When the Neo4j process that answers started (its JVM's start, ms since the epoch). Neo4j keeps
// query plans in memory only, so a start time the app has not seen means the plans are gone
// (warm-up-keeper.ts). SHOW DATABASE's lastStartTime will not do: Community keeps the time the
// database was first started there, not the process's restarts.
CALL dbms.queryJmx('java.lang:type=Runtime') YIELD attributes
RETURN attributes.StartTime.value AS startedAt
