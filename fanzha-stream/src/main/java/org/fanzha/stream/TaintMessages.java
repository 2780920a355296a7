package org.fanzha.stream;

import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tracing topics' messages (version 1, UTF-8 JSON): {@code taint}, the job's own
 * feedback edge (key: the receiving account; taint.v1.json), and {@code holdings}, its
 * output (key: the account; holdings.v1.json). Apart from {@link Messages} so that the
 * tracing stages stay in classes of their own.
 */
public final class TaintMessages {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	/** A holding read back: the case's fen in the account. */
	public record Holding(String caseNumber, String accountId, long heldFen, int level, long asOf) {
	}

	private TaintMessages() {
	}

	private static JsonNode versioned(String text) {
		JsonNode m;
		try {
			m = JSON.readTree(text);
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
		}
		if (m == null || !m.isObject() || m.path("version").asInt(-1) != Messages.VERSION) {
			throw new IllegalArgumentException("not a version " + Messages.VERSION + " message");
		}
		return m;
	}

	private static String required(JsonNode m, String field) {
		JsonNode n = m.get(field);
		if (n == null || n.isNull()) {
			throw new IllegalArgumentException(field + " is required");
		}
		return n.asString();
	}

	public static String moveJson(TaintEvent e) {
		ObjectNode m = JSON.createObjectNode();
		m.put("version", Messages.VERSION);
		m.put("toAccount", e.account);
		m.put("transferId", e.transferId);
		m.put("caseNumber", e.caseNumber);
		m.put("tracedFen", e.traced);
		m.put("level", e.level);
		m.put("time", e.time);
		m.put("until", e.until);
		return JSON.writeValueAsString(m);
	}

	/** A {@code taint} message as a {@link TaintEvent#MOVE}. */
	public static TaintEvent move(String text) {
		JsonNode m = versioned(text);
		return TaintEvent.move(required(m, "toAccount"), required(m, "transferId"), required(m, "caseNumber"),
				m.path("tracedFen").asLong(), m.path("level").asInt(), m.path("until").asLong(Long.MAX_VALUE),
				m.path("time").asLong());
	}

	public static String holdingJson(String caseNumber, String account, long held, int level, long asOf) {
		ObjectNode m = JSON.createObjectNode();
		m.put("version", Messages.VERSION);
		m.put("caseNumber", caseNumber);
		m.put("accountId", account);
		m.put("heldFen", held);
		m.put("level", level);
		m.put("asOf", Instant.ofEpochSecond(asOf).toString());
		return JSON.writeValueAsString(m);
	}

	public static Holding holding(String text) {
		JsonNode m = versioned(text);
		return new Holding(required(m, "caseNumber"), required(m, "accountId"), m.path("heldFen").asLong(),
				m.path("level").asInt(), Messages.epochSecond(required(m, "asOf")));
	}

}
