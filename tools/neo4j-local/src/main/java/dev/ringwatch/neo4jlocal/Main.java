package dev.ringwatch.neo4jlocal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs a Neo4j Community server in-process with the Bolt connector on loopback only.
 *
 * Protocol with the Node side (kept deliberately tiny so both ends stay simple):
 * - configuration comes from environment variables (never argv, so the password is not visible in `ps`);
 * - one line "RINGWATCH_NEO4J_READY {json}" on stdout once Bolt accepts connections;
 * - one line "RINGWATCH_NEO4J_ERROR <code> <message>" on stderr and a non-zero exit on a known failure;
 * - the server stops on SIGTERM/SIGINT and also when stdin closes, so a parent that dies
 *   (even by SIGKILL) never leaves a Java process behind.
 */
public final class Main {
    private static final String MODULE = "neo4j-local";

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String dataDir = required(env, "RINGWATCH_NEO4J_HOME");
        int port = parsePort(env.getOrDefault("RINGWATCH_NEO4J_BOLT_PORT", "7687"));
        String password = required(env, "RINGWATCH_NEO4J_PASSWORD");
        if (password.length() < 8) {
            fail("config", "RINGWATCH_NEO4J_PASSWORD must have at least 8 characters");
        }
        String pageCache = env.getOrDefault("RINGWATCH_NEO4J_PAGECACHE", "512m");
        String pluginDir = env.get("RINGWATCH_NEO4J_PLUGINS");
        String importDir = env.get("RINGWATCH_NEO4J_IMPORT_DIR");
        boolean watchStdin = !"false".equals(env.getOrDefault("RINGWATCH_NEO4J_WATCH_STDIN", "true"));

        ensurePortFree(port);

        long started = System.nanoTime();
        Path home = Path.of(dataDir).toAbsolutePath();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            fail("data-dir", "cannot create " + home + ": " + e.getMessage());
        }

        DatabaseManagementService dbms;
        try {
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
            if (importDir != null && !importDir.isBlank()) {
                // Only benchmarks set this: LOAD CSV may then read files below this folder and nowhere else.
                builder.setConfig(GraphDatabaseSettings.load_csv_file_url_root, Path.of(importDir).toAbsolutePath());
                builder.setConfig(GraphDatabaseSettings.allow_file_urls, true);
            } else {
                builder.setConfig(GraphDatabaseSettings.allow_file_urls, false);
            }
            if (pluginDir != null && !pluginDir.isBlank()) {
                builder.setConfig(GraphDatabaseSettings.plugin_dir, Path.of(pluginDir).toAbsolutePath());
            }
            dbms = builder
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                    .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of("*"))
                    .build();
        } catch (RuntimeException e) {
            fail("start", rootMessage(e));
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "ringwatch-neo4j-shutdown"));

        try {
            GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            // Embedded calls bypass Bolt auth, so the password can be set (or rotated) on every start
            // without the neo4j/neo4j first-login dance.
            setPassword(system, password);
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            db.executeTransactionally("RETURN 1");
        } catch (RuntimeException e) {
            dbms.shutdown();
            fail("start", rootMessage(e));
        }

        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("RINGWATCH_NEO4J_READY {\"bolt\":\"bolt://127.0.0.1:" + port + "\",\"startMillis\":" + millis + "}");
        System.out.flush();

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // Content is ignored: only the end of the stream matters.
                    }
                } catch (IOException ignored) {
                    // A broken pipe means the parent is gone, the same as end of stream.
                }
                System.exit(0);
            }, "ringwatch-neo4j-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // On a restart the password usually is already the one asked for; Neo4j refuses that as a change.
            if (!rootMessage(e).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            fail("config", name + " is required");
        }
        return value;
    }

    private static int parsePort(String raw) {
        try {
            int port = Integer.parseInt(raw.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            fail("config", "RINGWATCH_NEO4J_BOLT_PORT must be a port number 1-65535, got '" + raw + "'");
            return -1;
        }
    }

    static long parseBytes(String raw) {
        String s = raw.trim().toLowerCase();
        long unit = 1;
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
            s = s.substring(0, s.length() - 1);
        }
        try {
            return Long.parseLong(s) * unit;
        } catch (NumberFormatException e) {
            fail("config", "RINGWATCH_NEO4J_PAGECACHE must look like 512m or 2g, got '" + raw + "'");
            return -1;
        }
    }

    private static void ensurePortFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            fail("port-in-use", "port " + port + " on 127.0.0.1 is already in use (another Neo4j or a second Ringwatch?)");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return (m == null ? t.getClass().getName() : m).replace('\n', ' ');
    }

    private static void fail(String code, String message) {
        System.err.println("RINGWATCH_NEO4J_ERROR " + code + " " + MODULE + ": " + message);
        System.err.flush();
        System.exit(code.equals("port-in-use") ? 3 : 2);
    }

    private Main() {
    }
}
