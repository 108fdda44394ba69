package org.kgraph.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs a Neo4j Community DBMS in this JVM with Bolt on loopback, until SIGTERM or SIGINT.
 *
 * <p>The Node side (src/local-neo4j) builds, starts, watches and stops this process; this class
 * only owns the DBMS lifetime. Exit codes tell the manager what went wrong without parsing logs:
 * 2 usage, 3 port taken, 4 data folder not writable, 5 DBMS failed to start.
 */
public final class LocalNeo4j {
  static final int EXIT_USAGE = 2;
  static final int EXIT_PORT_TAKEN = 3;
  static final int EXIT_NOT_WRITABLE = 4;
  static final int EXIT_START_FAILED = 5;

  private LocalNeo4j() {}

  public static void main(String[] args) {
    if (args.length != 3 && args.length != 4) {
      System.err.println(
          "usage: LocalNeo4j <home-dir> <bolt-port> <pagecache-size e.g. 128m> [plugins-dir]");
      System.exit(EXIT_USAGE);
    }
    // Only the benchmark passes a plugins folder (APOC, for @neo4j/graphql): by default no
    // plugin code runs in the project's database.
    Path plugins = args.length == 4 ? Path.of(args[3]).toAbsolutePath() : null;
    Path home = Path.of(args[0]).toAbsolutePath();
    int port;
    long pageCacheBytes;
    try {
      port = Integer.parseInt(args[1]);
      pageCacheBytes = parseSize(args[2]);
    } catch (NumberFormatException e) {
      System.err.println("error: bad port or page cache size: " + e.getMessage());
      System.exit(EXIT_USAGE);
      return;
    }

    try {
      Files.createDirectories(home);
      Path probe = Files.createTempFile(home, ".write-probe", "");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      System.err.println("error: data folder " + home + " is not writable: " + e);
      System.exit(EXIT_NOT_WRITABLE);
    }

    if (!portIsFree(port)) {
      System.err.println("error: port " + port + " on 127.0.0.1 is already in use");
      System.exit(EXIT_PORT_TAKEN);
    }

    DatabaseManagementService dbms;
    try {
      DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
      if (plugins != null) {
        builder
            .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
            .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
      }
      dbms =
          builder
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
              .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
              // Loopback only and throwaway data: no users to manage.
              .setConfig(GraphDatabaseSettings.auth_enabled, false)
              .setConfig(GraphDatabaseSettings.udc_enabled, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
              .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
              .build();
    } catch (RuntimeException e) {
      System.err.println("error: Neo4j failed to start: " + e);
      e.printStackTrace();
      System.exit(EXIT_START_FAILED);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("stopping Neo4j");
                  dbms.shutdown();
                  System.out.println("stopped");
                  stopped.countDown();
                },
                "local-neo4j-shutdown"));

    System.out.println("ready bolt://127.0.0.1:" + port);
    System.out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static long parseSize(String text) {
    String t = text.trim().toLowerCase();
    long unit = 1;
    if (t.endsWith("g")) {
      unit = ByteUnit.gibiBytes(1);
    } else if (t.endsWith("m")) {
      unit = ByteUnit.mebiBytes(1);
    } else if (t.endsWith("k")) {
      unit = ByteUnit.kibiBytes(1);
    }
    if (unit != 1) {
      t = t.substring(0, t.length() - 1);
    }
    return Long.parseLong(t) * unit;
  }
}
