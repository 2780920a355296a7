package org.fanzha.stream;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A throwaway single-node Kafka (KRaft, broker and controller in this JVM) for the tests
 * and the bench of this module, plus the few client calls they need: create topics, fill
 * them from a {@link SimFeed}, read a topic back with read_committed. The server's
 * {@code org.fanzha.kafka.KafkaBroker} does the same for {@code ./fanzha kafka}; this
 * module does not depend on the server, so it starts its own (fresh storage each time, on
 * free ports).
 */
public final class LocalKafka implements AutoCloseable {

	private final KafkaRaftServer server;

	private final String bootstrap;

	private LocalKafka(KafkaRaftServer server, String bootstrap) {
		this.server = server;
		this.bootstrap = bootstrap;
	}

	public static LocalKafka start(Path dir) {
		try {
			Path logs = Files.createDirectories(dir.resolve("logs"));
			int port = freePort();
			int controller = freePort();
			Properties p = new Properties();
			p.setProperty("process.roles", "broker,controller");
			p.setProperty("node.id", "1");
			p.setProperty("controller.quorum.voters", "1@localhost:" + controller);
			p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controller);
			p.setProperty("controller.listener.names", "CONTROLLER");
			p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
			p.setProperty("log.dirs", logs.toString());
			for (String one : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
					"transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
					"share.coordinator.state.topic.min.isr")) {
				p.setProperty(one, "1");
			}
			p.setProperty("group.initial.rebalance.delay.ms", "0");
			p.setProperty("auto.create.topics.enable", "false");
			new Formatter().setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
				.setNodeId(1)
				.setClusterId(Uuid.randomUuid().toString())
				.setDirectories(List.of(logs.toString()))
				.setMetadataLogDirectory(logs.toString())
				.setControllerListenerName("CONTROLLER")
				.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
				.setSupportedFeatures(Feature.PRODUCTION_FEATURES)
				.run();
			KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
			server.startup();
			return new LocalKafka(server, "localhost:" + port);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot start Kafka under " + dir + ": " + e.getMessage(), e);
		}
	}

	public String bootstrapServers() {
		return bootstrap;
	}

	/** Creates the job's topics with this many partitions each. */
	public void createTopics(int partitions) {
		createMissingTopics(bootstrap, partitions);
	}

	/**
	 * Creates those of the job's topics that {@code servers} does not have yet
	 * (replication 1: a local broker).
	 */
	public static void createMissingTopics(String servers, int partitions) {
		Properties p = new Properties();
		p.setProperty("bootstrap.servers", servers);
		try (Admin admin = Admin.create(p)) {
			var existing = admin.listTopics().names().get();
			var missing = List
				.of(StreamJob.TRANSFERS, StreamJob.REPORTS, StreamJob.DECISIONS, StreamJob.FLAGS, StreamJob.CALLS,
						StreamJob.MEASURES, TaintJob.TAINT, TaintJob.HOLDINGS)
				.stream()
				.filter(t -> !existing.contains(t))
				.map(t -> new NewTopic(t, partitions, (short) 1))
				.toList();
			admin.createTopics(missing).all().get();
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot create topics on " + servers + ": " + e.getMessage(), e);
		}
	}

	private Properties props() {
		Properties p = new Properties();
		p.setProperty("bootstrap.servers", bootstrap);
		return p;
	}

	/** A producer of text messages (acks=all, batched for throughput). */
	public KafkaProducer<String, String> producer() {
		Properties p = props();
		p.setProperty("linger.ms", "5");
		p.setProperty("batch.size", "262144");
		return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
	}

	/** A producer of binary messages (keys as text), batched as {@link #producer}. */
	public KafkaProducer<String, byte[]> binaryProducer() {
		Properties p = props();
		p.setProperty("linger.ms", "5");
		p.setProperty("batch.size", "262144");
		return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * Writes the feed's transfers (key: payer; the binary form,
	 * {@link Messages#transferBytes}) and reports (key: case) to their topics.
	 */
	public void fill(SimFeed.Feed feed) {
		try (KafkaProducer<String, byte[]> producer = binaryProducer()) {
			for (Transfer t : feed.transfers()) {
				producer.send(new ProducerRecord<>(StreamJob.TRANSFERS, t.fromAccount, Messages.transferBytes(t)));
			}
			producer.flush();
		}
		try (KafkaProducer<String, String> producer = producer()) {
			for (SimFeed.Report r : feed.reports()) {
				producer.send(new ProducerRecord<>(StreamJob.REPORTS, r.caseNumber(),
						Messages.reportJson(r.caseNumber(), r.reportedAt(), "110000", List.of(r.transferId()))));
			}
			producer.flush();
		}
	}

	/**
	 * Writes the feed's calls and texts to {@code calls} (apart from {@link #fill}: the
	 * bench times transfers alone).
	 */
	public void fillCalls(SimFeed.Feed feed) {
		try (KafkaProducer<String, String> producer = producer()) {
			for (Call c : feed.calls()) {
				// key: the caller, as calls.v1.json asks, so that each phone's records
				// stay in one partition in order
				producer.send(new ProducerRecord<>(StreamJob.CALLS, Long.toString(c.caller), Messages.callJson(c)));
			}
			producer.flush();
		}
	}

	/**
	 * Every committed message of {@code topic} now there (read_committed, from the
	 * start).
	 */
	public List<String> readCommitted(String topic) {
		Properties p = props();
		p.setProperty("isolation.level", "read_committed");
		p.setProperty("auto.offset.reset", "earliest");
		p.setProperty("enable.auto.commit", "false");
		List<String> out = new ArrayList<>();
		try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
				new StringDeserializer())) {
			// assigned, not subscribed: no group to join, and the end offsets
			// (read_committed: the last stable
			// offsets) say when everything committed has been read
			List<TopicPartition> parts = c.partitionsFor(topic)
				.stream()
				.map(i -> new TopicPartition(topic, i.partition()))
				.toList();
			c.assign(parts);
			c.seekToBeginning(parts);
			Map<TopicPartition, Long> end = c.endOffsets(parts);
			while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
				for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
					out.add(r.value());
				}
			}
		}
		return out;
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
