package org.fanzha.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fanzha.support.ChildServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An instruction reaches the bank's topic exactly once although the server is killed with
 * SIGKILL twice on its way there: first between the commit that raised it and its send to
 * the broker, then — while the restarted server republishes it — between the broker's
 * acknowledgement and the completion of its publication. A third start must neither lose
 * it nor send it a second time, and instructions raised after it go out as usual. The
 * server runs in a JVM of its own against a real KRaft broker in this one; a producer
 * interceptor (test code, configured through the server's Kafka properties) holds the
 * server at the exact moment so that the kill lands there.
 */
class KafkaCrashTests {

	static KafkaBroker broker;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@BeforeAll
	static void broker() throws Exception {
		broker = KafkaBroker.start(Files.createTempDirectory("fanzha-kafka-crash"), 0);
	}

	@AfterAll
	static void closeBroker() {
		broker.close();
	}

	/**
	 * Holds the sending thread forever, after printing a line, when an instruction is
	 * about to be sent ({@code send}) or has been acknowledged by the broker, before the
	 * sender hears of it ({@code ack}).
	 */
	public static class Holding implements ProducerInterceptor<Object, Object> {

		private String at = "";

		@Override
		public void configure(Map<String, ?> configs) {
			at = String.valueOf(configs.get("fanzha.test.hold"));
		}

		@Override
		public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
			if (at.equals("send") && record.topic().equals(KafkaTopics.INSTRUCTIONS)) {
				Object v = record.value();
				hold("HOLDING-BEFORE-SEND " + (v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v));
			}
			return record;
		}

		@Override
		public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
			if (at.equals("ack") && exception == null && metadata.topic().equals(KafkaTopics.INSTRUCTIONS)) {
				hold("HOLDING-AFTER-ACK offset " + metadata.offset());
			}
		}

		private static void hold(String line) {
			System.out.println("FANZHA-TEST " + line);
			System.out.flush();
			while (true) {
				try {
					Thread.sleep(60_000);
				}
				catch (InterruptedException e) {
					// held until killed
				}
			}
		}

		@Override
		public void close() {
		}

	}

	String[] kafka(String hold) {
		List<String> args = new ArrayList<>(List.of("--fanzha.kafka.enabled=true", "--fanzha.kafka.partitions=1",
				"--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
				"--logging.level.org.fanzha.kafka=INFO"));
		if (hold != null) {
			args.add("--spring.kafka.producer.properties.interceptor.classes=" + Holding.class.getName());
			args.add("--spring.kafka.producer.properties.fanzha.test.hold=" + hold);
		}
		return args.toArray(String[]::new);
	}

	HttpResponse<String> report(int port, int i) throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String body = """
				{"victim":{"name":"受害人%d","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"LOAN",
				 "reportedAt":"%s","payments":[{"payerAccount":"ABC:KC%d","payeeName":"某某","payeeAccount":"CCB:KCRASH%d",
				 "payeeBank":"CCB","amountFen":%d,"paidAt":"%s"}]}"""
			.formatted(i, now, i, i, 50_000 + i, now.minusSeconds(120));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
			.header("Authorization", ChildServer.CENTRE)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Everything on {@code instructions} (read_committed), read for {@code quiet} after
	 * the last record.
	 */
	static List<ConsumerRecord<String, String>> instructions(Duration quiet) {
		List<ConsumerRecord<String, String>> all = new ArrayList<>();
		try (KafkaConsumer<String, String> c = new KafkaConsumer<>(
				Map.of("bootstrap.servers", broker.bootstrapServers(), "group.id", "crash-" + UUID.randomUUID(),
						"auto.offset.reset", "earliest", "isolation.level", "read_committed"),
				new StringDeserializer(), new StringDeserializer())) {
			c.subscribe(List.of(KafkaTopics.INSTRUCTIONS));
			long until = System.nanoTime() + quiet.toNanos() + Duration.ofSeconds(3).toNanos();
			while (System.nanoTime() < until) {
				for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
					all.add(r);
					until = Math.max(until, System.nanoTime() + quiet.toNanos());
				}
			}
		}
		return all;
	}

	static String eventId(ConsumerRecord<String, String> r) {
		var h = r.headers().lastHeader(KafkaTopics.EVENT_ID_HEADER);
		return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
		return m.find() ? m.group(1) : null;
	}

	@Test
	void anInstructionReachesTheBanksTopicExactlyOnceAcrossTwoKills() throws Exception {
		Path data = Files.createDirectories(Path.of("target", "kafka-crash-" + UUID.randomUUID()));
		int port = ChildServer.freePort();

		// 1. killed after the commit that raised the instruction, before its send
		ChildServer first = ChildServer.start(data, port, kafka("send"));
		String held;
		try {
			assertThat(report(port, 1).statusCode()).isEqualTo(201);
			held = first.awaitLine("HOLDING-BEFORE-SEND", Duration.ofSeconds(90));
		}
		finally {
			first.kill();
		}
		String instructionId = field(held, "instructionId");
		String to = field(held, "to");
		assertThat(instructionId).as("the held message: " + held).matches("\\d+");
		assertThat(instructions(Duration.ofSeconds(1))).as("nothing was sent before the kill").isEmpty();

		// 2. the restart republishes it; killed after the broker acknowledged it, before
		// the publication completed
		ChildServer second = ChildServer.launch(data, port, kafka("ack"));
		try {
			second.awaitLine("HOLDING-AFTER-ACK", Duration.ofSeconds(120));
		}
		finally {
			second.kill();
		}
		Function<List<ConsumerRecord<String, String>>, Long> copies = records -> records.stream()
			.filter(r -> instructionId.equals(field(r.value(), "instructionId")) && to.equals(field(r.value(), "to")))
			.count();
		assertThat(copies.apply(instructions(Duration.ofSeconds(1)))).as("on the broker after the second kill")
			.isEqualTo(1);

		// 3. a clean start: the registry republishes it again, the template finds it on
		// the topic and does not resend
		ChildServer third = ChildServer.start(data, port, kafka(null));
		try {
			third.awaitLine("not sent again", Duration.ofSeconds(60));
			assertThat(report(port, 2).statusCode()).isEqualTo(201);
			List<ConsumerRecord<String, String>> out;
			long deadline = System.currentTimeMillis() + 60_000;
			do {
				out = instructions(Duration.ofSeconds(2));
			}
			while (out.stream()
				.noneMatch(r -> r.value().contains("KCRASH2") || r.value().contains("\"bank\":\"CCB\"")
						&& !instructionId.equals(field(r.value(), "instructionId")))
					&& System.currentTimeMillis() < deadline);
			assertThat(copies.apply(out)).as("the held instruction after the third start").isEqualTo(1);
			Map<String, Long> perEvent = out.stream()
				.collect(Collectors.groupingBy(r -> String.valueOf(eventId(r)), Collectors.counting()));
			assertThat(perEvent).as("every event on the topic once, with its id")
				.doesNotContainKey("null")
				.allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
			assertThat(out.stream().filter(r -> !instructionId.equals(field(r.value(), "instructionId"))))
				.as("the instruction raised after the restarts goes out too")
				.isNotEmpty();
			System.out.println("[kafka-crash] instruction " + instructionId + " (" + to
					+ ") once on the topic after two kills; " + out.size() + " instruction messages, each once");
		}
		finally {
			third.kill();
		}
	}

}
