package org.fanzha.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process),
 * started in this JVM from Kafka's own server classes: writes {@code server.properties}
 * into the data directory, formats the storage the first time (as
 * {@code kafka-storage.sh format} would) and starts {@link KafkaRaftServer}. The
 * controller listens on a free port of its own. Used by {@code ./fanzha kafka} and by the
 * tests (on a random free port).
 */
public final class KafkaBroker implements AutoCloseable {

	private final KafkaRaftServer server;

	private final int port;

	private KafkaBroker(KafkaRaftServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Starts a broker on {@code port} (0: a free one) keeping its logs under
	 * {@code dataDir}.
	 */
	public static KafkaBroker start(Path dataDir, int port) {
		try {
			Path dir = dataDir.toAbsolutePath().normalize();
			Path logs = dir.resolve("logs");
			Files.createDirectories(logs);
			int brokerPort = port == 0 ? freePort() : port;
			int controllerPort = freePort();
			Properties p = new Properties();
			p.setProperty("process.roles", "broker,controller");
			p.setProperty("node.id", "1");
			p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
			p.setProperty("listeners",
					"PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
			p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
			p.setProperty("controller.listener.names", "CONTROLLER");
			p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
			p.setProperty("inter.broker.listener.name", "PLAINTEXT");
			p.setProperty("log.dirs", logs.toString());
			p.setProperty("num.partitions", "3");
			p.setProperty("offsets.topic.replication.factor", "1");
			p.setProperty("transaction.state.log.replication.factor", "1");
			p.setProperty("transaction.state.log.min.isr", "1");
			p.setProperty("share.coordinator.state.topic.replication.factor", "1");
			p.setProperty("share.coordinator.state.topic.min.isr", "1");
			p.setProperty("group.initial.rebalance.delay.ms", "0");
			p.setProperty("auto.create.topics.enable", "false");
			try (var out = Files.newBufferedWriter(dir.resolve("server.properties"))) {
				p.store(out, "written by ./fanzha kafka (org.fanzha.kafka.KafkaBroker)");
			}
			if (!Files.exists(logs.resolve("meta.properties"))) {
				new Formatter().setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
					.setNodeId(1)
					.setClusterId(Uuid.randomUuid().toString())
					.setDirectories(List.of(logs.toString()))
					.setMetadataLogDirectory(logs.toString())
					.setControllerListenerName("CONTROLLER")
					.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
					.setSupportedFeatures(Feature.PRODUCTION_FEATURES)
					.run();
			}
			KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
			server.startup();
			return new KafkaBroker(server, brokerPort);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot start the Kafka broker under " + dataDir + ": " + e.getMessage(),
					e);
		}
	}

	/** Whether something accepts connections on localhost:{@code port}. */
	public static boolean answers(int port) {
		try (Socket s = new Socket()) {
			s.connect(new InetSocketAddress("localhost", port), 500);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	public int port() {
		return port;
	}

	/** {@code localhost:port}, for {@code spring.kafka.bootstrap-servers}. */
	public String bootstrapServers() {
		return "localhost:" + port;
	}

	public void awaitShutdown() {
		server.awaitShutdown();
	}

	@Override
	public void close() {
		server.shutdown();
		server.awaitShutdown();
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			s.setReuseAddress(true);
			return s.getLocalPort();
		}
	}

}
