package org.dpgexplorer.db;

import java.net.BindException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Runs Neo4j Community embedded with its Bolt connector open on loopback, so the app reaches it
 * with the same driver and URI scheme it uses for a server, Aura or a cluster.
 *
 * <p>Usage: {@code java -cp target/classes:target/lib/* org.dpgexplorer.db.LocalNeo4j <home> <port>}
 * with the password in the environment variable NEO4J_PASSWORD. Prints {@code READY bolt://...}
 * once Bolt answers, and shuts the database down cleanly on SIGTERM.
 */
public final class LocalNeo4j {
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_PORT_TAKEN = 3;
    private static final int EXIT_START_FAILED = 4;

    private LocalNeo4j() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: LocalNeo4j <home-directory> <bolt-port>");
            System.exit(EXIT_USAGE);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            // Neo4j 5 refuses passwords shorter than 8 characters; say so before it fails obscurely.
            System.err.println("NEO4J_PASSWORD must be set to at least 8 characters");
            System.exit(EXIT_USAGE);
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // A development database keeps its footprint small beside the app and the
                    // browser (256m); benchmarks of big graphs give it more (LOCAL_NEO4J_PAGECACHE).
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes())
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    .build();
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                System.err.println("PORT_TAKEN: port " + port + " on 127.0.0.1 is already in use");
                System.exit(EXIT_PORT_TAKEN);
            }
            System.err.println("Neo4j failed to start: " + e);
            e.printStackTrace();
            System.exit(EXIT_START_FAILED);
            return;
        }

        // The password follows the environment on every start, so changing NEO4J_PASSWORD and
        // restarting is all it takes; Community edition supports ALTER USER on the system database.
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to the one it already has: that is the normal
            // case on every start after the first, so only other failures are fatal.
            if (e.getMessage() == null || !e.getMessage().contains("cannot be the same")) {
                System.err.println("Could not set the neo4j user's password: " + e.getMessage());
                dbms.shutdown();
                System.exit(EXIT_START_FAILED);
            }
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "local-neo4j-shutdown"));

        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    /** NEO4J_PAGECACHE as 512m or 2g (db/local-neo4j.ts validates it); 256 MiB when unset. */
    private static long pageCacheBytes() {
        String size = System.getenv("NEO4J_PAGECACHE");
        if (size == null || size.isEmpty()) {
            return 256L * 1024 * 1024;
        }
        long amount = Long.parseLong(size.substring(0, size.length() - 1));
        return amount * 1024 * 1024 * (size.endsWith("g") ? 1024 : 1);
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
