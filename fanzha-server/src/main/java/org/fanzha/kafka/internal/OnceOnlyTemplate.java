package org.fanzha.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.fanzha.kafka.KafkaTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;
import org.springframework.messaging.Message;

/*
 * The template the event externalization sends through, so that a bank or an operator gets each event once even
 * across a crash.
 *
 * The event publication registry makes the send at least once: an event whose publication is not completed is sent
 * again when the server restarts. A kill between the commit and the send is harmless (the event goes out once, after
 * the restart). A kill between the broker's acknowledgement and the commit of the completion is not: the event is on
 * the broker, the registry does not know it, and the restart sends it a second time. So every externalized message
 * carries a deterministic event id (header fanzha-event-id, a name-based UUID of its content), and before the first
 * send to a topic after a start this template reads the topic back (read_committed) from a minute before the oldest
 * publication that was left incomplete by an earlier run, collecting the ids it finds; a message whose id is among them
 * is not sent again (its future completes, so the registry completes the publication).
 *
 * Cost: nothing while running; after a restart one read of each topic's tail, as long as the outage, and a set of the
 * ids found. It assumes one platform instance producing the events (several instances republishing at once would
 * need a compacted topic of sent ids or Kafka transactions keyed by instance).
 */
final class OnceOnlyTemplate extends KafkaTemplate<Object, Object> {

	private static final Logger log = LoggerFactory.getLogger(OnceOnlyTemplate.class);

	/**
	 * Before the first publication the scan starts, to allow for clocks and for the time
	 * between publish and send.
	 */
	private static final Duration MARGIN = Duration.ofMinutes(1);

	private final Instant started = Instant.now();

	private final JdbcClient jdbc;

	private final Map<String, Object> consumerConfig;

	private final Map<String, Set<String>> sentBefore = new ConcurrentHashMap<>();

	OnceOnlyTemplate(ProducerFactory<Object, Object> producers, Map<String, Object> consumerConfig, JdbcClient jdbc) {
		super(producers);
		this.consumerConfig = consumerConfig;
		this.jdbc = jdbc;
	}

	@Override
	public CompletableFuture<SendResult<Object, Object>> send(Message<?> message) {
		Object id = message.getHeaders().get(KafkaTopics.EVENT_ID_HEADER);
		Object topic = message.getHeaders().get(KafkaHeaders.TOPIC);
		if (id instanceof byte[] bytes && topic instanceof String t) {
			String eventId = new String(bytes, StandardCharsets.UTF_8);
			if (sentBefore.computeIfAbsent(t, this::scan).contains(eventId)) {
				log.info("event {} is already on {} (sent before a restart); not sent again", eventId, t);
				return CompletableFuture.completedFuture(null);
			}
		}
		return super.send(message);
	}

	/**
	 * The event ids on the topic since the oldest externalization an earlier run left
	 * incomplete (none: empty).
	 */
	private Set<String> scan(String topic) {
		OffsetDateTime oldest = jdbc.sql("""
				SELECT MIN(publication_date) FROM event_publication
				WHERE completion_date IS NULL AND publication_date < ? AND LOWER(listener_id) LIKE '%externaliz%'""")
			.param(OffsetDateTime.ofInstant(started, ZoneOffset.UTC))
			.query(OffsetDateTime.class)
			.optional()
			.orElse(null);
		if (oldest == null) {
			return Set.of();
		}
		long from = oldest.toInstant().minus(MARGIN).toEpochMilli();
		Set<String> ids = new HashSet<>();
		Map<String, Object> config = new HashMap<>(consumerConfig);
		config.remove("group.id");
		config.put("enable.auto.commit", false);
		config.put("isolation.level", "read_committed");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map(p -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			Map<TopicPartition, Long> since = new HashMap<>();
			partitions.forEach(p -> since.put(p, from));
			Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(since);
			for (TopicPartition p : partitions) {
				OffsetAndTimestamp o = start.get(p);
				consumer.seek(p, o == null ? end.get(p) : o.offset());
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"cannot read " + topic + " back within 60 s to avoid sending twice");
				}
				for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
					Header h = r.headers().lastHeader(KafkaTopics.EVENT_ID_HEADER);
					if (h != null) {
						ids.add(new String(h.value(), StandardCharsets.UTF_8));
					}
				}
			}
		}
		log.info("read {} back from {} after a restart: {} events already there", topic, oldest, ids.size());
		return ids;
	}

}
