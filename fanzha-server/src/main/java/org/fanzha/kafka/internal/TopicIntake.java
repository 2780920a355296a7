package org.fanzha.kafka.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fanzha.core.Operator;
import org.fanzha.kafka.KafkaTopics;
import org.fanzha.monitoring.Decision;
import org.fanzha.monitoring.TransferScreening;
import org.fanzha.platform.ConflictException;
import org.fanzha.telecom.SimControl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consumers of {@code transfers} and {@code calls}: each message goes to the same
 * service the REST API calls ({@link TransferScreening#decide(String, List)},
 * {@link SimControl#records(Operator, List)}), and each transfer's decision is produced
 * to {@code decisions} before the offset is committed. At least once: a redelivered
 * transfer is answered from the monitor's memory with the decision it already had (same
 * bank, same id, same transfer), not decided twice. A message that cannot be processed
 * throws, and the error handler dead-letters it with the reason.
 */
@Component
@ConditionalOnBooleanProperty("fanzha.kafka.enabled")
class TopicIntake {

	private final TransferScreening decisions;

	private final SimControl measures;

	private final StringProducer producer;

	private final JsonMapper json;

	TopicIntake(TransferScreening decisions, SimControl measures, StringProducer producer, JsonMapper json) {
		this.decisions = decisions;
		this.measures = measures;
		this.producer = producer;
		this.json = json;
	}

	/** One transfer as received, validated, with the bank that sent it. */
	private record Received(String bank, TransferScreening.TransferIn transfer) {
	}

	/**
	 * A poll's transfers at once: each is read and validated on its own; the valid ones
	 * before the first bad one are decided (a run of one bank's transfers in one call, as
	 * a REST batch) and their decisions produced; then the bad one is reported by its
	 * index, so the error handler commits what came before, dead-letters it and
	 * redelivers the rest.
	 */
	@KafkaListener(id = "fanzha-transfers", topics = KafkaTopics.TRANSFERS, groupId = "fanzha-monitoring",
			batch = "true")
	void transfers(List<ConsumerRecord<String, String>> records) {
		List<Received> good = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			try {
				Received r = read(records.get(i));
				decisions.validate(List.of(r.transfer()), 1);
				good.add(r);
			}
			catch (RuntimeException e) {
				decideAndAnswer(good, i);
				throw new BatchListenerFailedException(BadMessage.reason(e), e, i);
			}
		}
		decideAndAnswer(good, records.size());
	}

	/**
	 * Decides the valid transfers (all of the poll before {@code end}) and waits until
	 * their decisions are on the broker.
	 */
	private void decideAndAnswer(List<Received> received, int end) {
		List<CompletableFuture<?>> sent = new ArrayList<>(received.size());
		int from = 0;
		while (from < received.size()) {
			String bank = received.get(from).bank();
			int to = from;
			while (to < received.size() && received.get(to).bank().equals(bank) && to - from < 1_000) {
				to++;
			}
			List<TransferScreening.TransferIn> run = received.subList(from, to)
				.stream()
				.map(Received::transfer)
				.toList();
			List<Decision> ds;
			try {
				ds = decisions.decide(bank, run);
			}
			catch (ConflictException e) {
				// a reused id in the run: decide one by one, to find it (what came before
				// it is decided and answered)
				for (int k = 0; k < run.size(); k++) {
					try {
						sent.add(answer(bank, run.get(k), decisions.decide(bank, List.of(run.get(k))).get(0)));
					}
					catch (ConflictException c) {
						await(sent);
						throw new BatchListenerFailedException(BadMessage.reason(c), c,
								end - received.size() + from + k);
					}
				}
				from = to;
				continue;
			}
			for (int k = 0; k < ds.size(); k++) {
				sent.add(answer(bank, run.get(k), ds.get(k)));
			}
			from = to;
		}
		await(sent);
	}

	private Received read(ConsumerRecord<String, String> record) {
		ObjectNode m = versioned(record.value());
		String bank = text(m, "bank");
		if (bank == null || bank.isBlank()) {
			throw new BadMessage("bank: is required (the bank that sends the transfer)");
		}
		return new Received(bank,
				new TransferScreening.TransferIn(text(m, "transferId"), text(m, "fromAccount"), text(m, "toAccount"),
						m.hasNonNull("amountFen") ? m.get("amountFen").asLong() : null, instant(m, "time"),
						text(m, "deviceId"), text(m, "channel"), text(m, "region")));
	}

	private CompletableFuture<?> answer(String bank, TransferScreening.TransferIn t, Decision d) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("version", KafkaTopics.VERSION);
		out.put("bank", bank);
		out.put("fromAccount", t.fromAccount());
		out.put("transferId", d.transferId());
		out.put("decision", d.decision());
		out.put("holdUntil", d.holdUntil() == null ? null : d.holdUntil().toString());
		List<Map<String, String>> reasons = new ArrayList<>();
		d.reasons().forEach(r -> reasons.add(Map.of("rule", r.rule(), "text", r.text())));
		out.put("reasons", reasons);
		out.put("ruleVersion", d.ruleVersion());
		out.put("appeal", d.appeal());
		return producer.template().send(KafkaTopics.DECISIONS, t.fromAccount(), json.writeValueAsString(out));
	}

	private static void await(List<CompletableFuture<?>> sent) {
		try {
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while producing decisions", e);
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot produce decisions: " + e.getMessage(), e);
		}
	}

	@KafkaListener(id = "fanzha-calls", topics = KafkaTopics.CALLS, groupId = "fanzha-telecom")
	void call(ConsumerRecord<String, String> record) {
		ObjectNode m = versioned(record.value());
		String operator = text(m, "operator");
		Operator op;
		try {
			op = Operator.valueOf(operator == null ? "" : operator);
		}
		catch (IllegalArgumentException e) {
			throw new BadMessage("operator: must be one of " + Arrays.toString(Operator.values()));
		}
		measures.records(op,
				List.of(new SimControl.CallRecord(text(m, "type"), text(m, "caller"), text(m, "callee"),
						instant(m, "time"), m.hasNonNull("durationSeconds") ? m.get("durationSeconds").asInt() : null,
						m.hasNonNull("answered") ? m.get("answered").asBoolean() : null, text(m, "cell"),
						text(m, "imei"), text(m, "calleeRegion"))));
	}

	private ObjectNode versioned(String value) {
		JsonNode node;
		try {
			node = value == null ? null : json.readTree(value);
		}
		catch (JacksonException e) {
			throw new BadMessage("not JSON: " + e.getOriginalMessage());
		}
		if (!(node instanceof ObjectNode m)) {
			throw new BadMessage("not a JSON object");
		}
		if (!m.hasNonNull("version") || m.get("version").asInt() != KafkaTopics.VERSION) {
			throw new BadMessage("version: must be " + KafkaTopics.VERSION + " (schemas/kafka)");
		}
		return m;
	}

	private static String text(ObjectNode m, String field) {
		JsonNode v = m.get(field);
		return v == null || v.isNull() ? null : v.asString();
	}

	private static Instant instant(ObjectNode m, String field) {
		String v = text(m, field);
		try {
			return v == null ? null : Instant.parse(v);
		}
		catch (DateTimeParseException e) {
			throw new BadMessage(field + ": must be an ISO-8601 instant, got " + v);
		}
	}

}
