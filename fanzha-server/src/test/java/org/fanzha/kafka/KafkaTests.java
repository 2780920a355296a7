package org.fanzha.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fanzha.funds.BankGateway;
import org.fanzha.funds.InstructionTransitioned;
import org.fanzha.monitoring.TransferScreening;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a real single-node KRaft broker ({@link KafkaBroker}, in this JVM on a free
 * port, one for the class): a bank's transfer on {@code transfers} is decided and
 * recorded as through the REST API, its decision appears on {@code decisions}; a
 * malformed message lands on {@code transfers.DLT} with its reason; an instruction event
 * leaves through the event publication registry to {@code instructions}, keyed by bank,
 * once.
 */
@SpringBootTest(
		properties = { "fanzha.kafka.enabled=true", "fanzha.kafka.partitions=1", "logging.level.org.apache.kafka=WARN",
				"logging.level.kafka=WARN", "logging.level.org.springframework.kafka=WARN" })
@DirtiesContext
class KafkaTests {

	static KafkaBroker broker;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) throws Exception {
		if (broker == null) {
			broker = KafkaBroker.start(Files.createTempDirectory("fanzha-kafka-test"), 0);
		}
		registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
	}

	/**
	 * The broker closes with the context (after its consumers stopped), not with the JVM.
	 */
	@TestConfiguration
	static class BrokerLifecycle {

		@Bean
		DisposableBean kafkaBrokerShutdown() {
			return () -> {
				if (broker != null) {
					broker.close();
					broker = null;
				}
			};
		}

	}

	@Autowired
	TransferScreening decisions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	static KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(),
				new StringSerializer());
	}

	static KafkaConsumer<String, String> consumer(String topic) {
		KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
				"group.id", "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(),
				new StringDeserializer());
		c.subscribe(List.of(topic));
		return c;
	}

	/**
	 * Polls until a record matches (or 30 s pass), then keeps polling {@code linger} for
	 * duplicates.
	 */
	static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
			Duration linger) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (KafkaConsumer<String, String> c = consumer(topic)) {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			long until = Long.MAX_VALUE;
			while (System.nanoTime() < Math.min(deadline, until)) {
				for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
					if (match.test(r)) {
						found.add(r);
						until = Math.min(until, System.nanoTime() + linger.toNanos());
					}
				}
			}
		}
		return found;
	}

	static String header(ConsumerRecord<String, String> r, String name) {
		var h = r.headers().lastHeader(name);
		return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
	}

	@Autowired
	JsonMapper json;

	/**
	 * The message has every field its topic's schema (schemas/kafka/<topic>.v1.json)
	 * requires, version 1.
	 */
	void conformsToSchema(String topic, String message) throws Exception {
		try (var in = getClass().getResourceAsStream("/schemas/kafka/" + topic + ".v1.json")) {
			assertThat(in).as("schema of " + topic).isNotNull();
			var schema = json.readTree(in);
			var m = json.readTree(message);
			for (var field : schema.get("required")) {
				assertThat(m.has(field.asString())).as(topic + " message has " + field.asString()).isTrue();
			}
			assertThat(m.get("version").asInt())
				.isEqualTo(schema.get("properties").get("version").get("const").asInt());
		}
	}

	@Test
	void aBanksTransferIsDecidedRecordedAndAnsweredOnDecisions() throws Exception {
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
		String json = """
				{"version":1,"bank":"ICBC","transferId":"KT1","fromAccount":"ICBC:KP1","toAccount":"CCB:KM1",\
				"amountFen":12345,"time":"%s","channel":"MOBILE"}""".formatted(t0);
		try (KafkaProducer<String, String> p = producer()) {
			p.send(new ProducerRecord<>(KafkaTopics.TRANSFERS, "ICBC:KP1", json)).get();
		}
		List<ConsumerRecord<String, String>> out = await(KafkaTopics.DECISIONS, r -> r.value().contains("\"KT1\""),
				Duration.ofMillis(500));
		assertThat(out).hasSize(1);
		assertThat(out.get(0).key()).isEqualTo("ICBC:KP1");
		assertThat(out.get(0).value()).contains("\"version\":1")
			.contains("\"bank\":\"ICBC\"")
			.contains("\"decision\":\"ALLOW\"");
		conformsToSchema(KafkaTopics.TRANSFERS, json);
		conformsToSchema(KafkaTopics.DECISIONS, out.get(0).value());
		// recorded where the REST path records it: the monitor's memory, the stored
		// decision, the ledger
		assertThat(decisions.known("ICBC", "KT1")).isNotNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_decision WHERE bank = 'ICBC' AND transfer_id = 'KT1'")
			.query(Long.class)
			.single()).isEqualTo(1L);
		assertThat(jdbc.sql("SELECT amount_fen FROM ledger_transfer WHERE from_account = 'ICBC:KP1'")
			.query(Long.class)
			.list()).containsExactly(12_345L);
	}

	@Test
	void malformedMessagesGoToTheDeadLetterTopicWithTheirReason() throws Exception {
		String invalid = """
				{"version":1,"bank":"ICBC","transferId":"KT2","fromAccount":"ICBC:KP2","amountFen":-5,"time":"%s"}"""
			.formatted(Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS));
		try (KafkaProducer<String, String> p = producer()) {
			p.send(new ProducerRecord<>(KafkaTopics.TRANSFERS, "x", "this is not json {")).get();
			p.send(new ProducerRecord<>(KafkaTopics.TRANSFERS, "ICBC:KP2", invalid)).get();
			p.send(new ProducerRecord<>(KafkaTopics.TRANSFERS, "y", "{\"version\":2,\"bank\":\"ICBC\"}")).get();
			// the same id again with another amount: the first is decided, the second
			// refused as the REST API refuses it
			String reused = invalid.replace("KT2", "KT3").replace("ICBC:KP2", "ICBC:KP3");
			p.send(new ProducerRecord<>(KafkaTopics.TRANSFERS, "ICBC:KP3", reused.replace("-5", "700"))).get();
			p.send(new ProducerRecord<>(KafkaTopics.TRANSFERS, "z", reused.replace("-5", "800"))).get();
		}
		List<ConsumerRecord<String, String>> dead = await(KafkaTopics.TRANSFERS + KafkaTopics.DLT_SUFFIX, r -> true,
				Duration.ofSeconds(2));
		assertThat(dead).extracting(ConsumerRecord::value).contains("this is not json {", invalid);
		assertThat(dead).filteredOn(r -> r.value().equals("this is not json {"))
			.first()
			.satisfies(r -> assertThat(header(r, KafkaTopics.REASON_HEADER)).contains("not JSON"));
		assertThat(dead).filteredOn(r -> r.value().equals(invalid))
			.first()
			.satisfies(r -> assertThat(header(r, KafkaTopics.REASON_HEADER)).contains("amountFen"));
		assertThat(dead).filteredOn(r -> r.key().equals("y"))
			.first()
			.satisfies(r -> assertThat(header(r, KafkaTopics.REASON_HEADER)).contains("version"));
		assertThat(dead).filteredOn(r -> r.key().equals("z"))
			.first()
			.satisfies(r -> assertThat(header(r, KafkaTopics.REASON_HEADER)).contains("already decided"));
		assertThat(decisions.known("ICBC", "KT2")).isNull();
		assertThat(decisions.known("ICBC", "KT3")).isNotNull();
	}

	@Test
	void anInstructionEventReachesInstructionsKeyedByBankOnceAndItsPublicationCompletes() throws Exception {
		long id = 987_654_321L;
		new TransactionTemplate(transactions).executeWithoutResult(
				s -> events.publishEvent(new InstructionTransitioned(BankGateway.Type.values()[0], id, "KAFKA-CASE-1",
						"ABC", "PROPOSED", "ISSUED", true, Instant.now(), Instant.now().plusSeconds(3600))));
		List<ConsumerRecord<String, String>> out = await(KafkaTopics.INSTRUCTIONS,
				r -> r.value().contains("\"instructionId\":" + id), Duration.ofSeconds(2));
		assertThat(out).hasSize(1);
		assertThat(out.get(0).key()).isEqualTo("ABC");
		assertThat(out.get(0).value()).contains("\"version\":1")
			.contains("\"bank\":\"ABC\"")
			.contains("\"to\":\"ISSUED\"");
		conformsToSchema(KafkaTopics.INSTRUCTIONS, out.get(0).value());
		assertThat(header(out.get(0), KafkaTopics.EVENT_ID_HEADER)).as("the event id header").matches("[0-9a-f-]{36}");
		// the registry marks the externalization completed (within a moment of the
		// broker's acknowledgement)
		long deadline = System.currentTimeMillis() + 10_000;
		List<Map<String, Object>> rows;
		do {
			rows = jdbc.sql("SELECT listener_id, completion_date FROM event_publication WHERE serialized_event LIKE ?")
				.param("%" + id + "%")
				.query()
				.listOfRows()
				.stream()
				.filter(r -> String.valueOf(r.get("LISTENER_ID")).toLowerCase().contains("externaliz"))
				.toList();
		}
		while ((rows.isEmpty() || rows.get(0).get("COMPLETION_DATE") == null) && System.currentTimeMillis() < deadline);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("COMPLETION_DATE")).isNotNull();
	}

}
