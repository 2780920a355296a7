package org.fanzha.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.telecom.SimMonitor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The topics' JSON (schemas in fanzha-server/src/main/resources/schemas/kafka/, version
 * 1) read and written by the job: {@code transfers}, {@code reports} and {@code calls}
 * in, {@code decisions}, {@code flags} and {@code measures} out. A message of another
 * version, or one that is not JSON, is refused ({@link IllegalArgumentException}); the
 * job counts and drops those (the server's intake dead-letters them, see docs/kafka.md).
 *
 * <p>
 * {@code transfers} may also carry the compact binary form (transfers.v1.bin.md beside
 * the JSON schemas; read by this job only, the server's intake reads JSON):
 * {@link #transferBytes} writes it, {@link #transfer(byte[], long)} reads either form (a
 * binary message starts with the byte 0, which no JSON text does). Per message type:
 * {@code xxx(text)} reads, {@code xxxJson(...)} writes; {@code decisions} are written by
 * a {@link DecisionWriter} (hand-written JSON, the same text as the tree writer, without
 * building a tree).
 */
public final class Messages {

	public static final int VERSION = 1;

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private Messages() {
	}

	private static JsonNode versioned(String text) {
		JsonNode m;
		try {
			m = JSON.readTree(text);
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
		}
		if (m == null || !m.isObject() || m.path("version").asInt(-1) != VERSION) {
			throw new IllegalArgumentException("not a version " + VERSION + " message");
		}
		return m;
	}

	private static String text(JsonNode m, String field) {
		JsonNode n = m.get(field);
		return n == null || n.isNull() ? null : n.asString();
	}

	static long epochSecond(String isoTime) {
		try {
			return Instant.parse(isoTime).getEpochSecond();
		}
		catch (RuntimeException e) {
			return OffsetDateTime.parse(isoTime).toEpochSecond();
		}
	}

	/** A {@code transfers} message. */
	public static Transfer transfer(String text, long producedAt) {
		JsonNode m = versioned(text);
		Transfer t = new Transfer(text(m, "bank"), text(m, "transferId"), text(m, "fromAccount"), text(m, "toAccount"),
				m.path("amountFen").asLong(), epochSecond(text(m, "time")));
		if (t.bank == null || t.transferId == null || t.fromAccount == null || t.amountFen <= 0) {
			throw new IllegalArgumentException("bank, transferId, fromAccount and amountFen are required");
		}
		t.deviceId = text(m, "deviceId");
		t.producedAt = producedAt;
		return t;
	}

	/** The first byte of a binary message: no JSON text starts with it. */
	public static final byte BINARY = 0;

	/** The type byte of a binary {@code transfers} message. */
	public static final byte TRANSFER = 1;

	private static final int NULL_STRING = 0xFFFF;

	/**
	 * A {@code transfers} message in either form: binary (first byte {@link #BINARY}) or
	 * JSON text.
	 */
	public static Transfer transfer(byte[] value, long producedAt) {
		if (value == null || value.length == 0) {
			throw new IllegalArgumentException("empty message");
		}
		if (value[0] != BINARY) {
			return transfer(new String(value, StandardCharsets.UTF_8), producedAt);
		}
		Transfer t;
		try {
			ByteBuffer b = ByteBuffer.wrap(value);
			b.get();
			if (b.get() != TRANSFER || (b.get() & 0xff) != VERSION) {
				throw new IllegalArgumentException("not a version " + VERSION + " transfer");
			}
			t = new Transfer(string(b), string(b), string(b), string(b), 0, 0);
			t.deviceId = string(b);
			t.amountFen = b.getLong();
			t.time = b.getLong();
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("not a binary transfer: " + e.getMessage(), e);
		}
		if (t.bank == null || t.transferId == null || t.fromAccount == null || t.amountFen <= 0) {
			throw new IllegalArgumentException("bank, transferId, fromAccount and amountFen are required");
		}
		t.producedAt = producedAt;
		return t;
	}

	/**
	 * The binary form of a {@code transfers} message (version 1): byte 0, type 1, version
	 * 1; bank, transferId, fromAccount, toAccount, deviceId, each an unsigned 16-bit
	 * length and that many UTF-8 bytes (length 0xFFFF: absent); amountFen and time (epoch
	 * seconds), 64-bit big-endian.
	 */
	public static byte[] transferBytes(Transfer t) {
		byte[][] s = { utf8(t.bank), utf8(t.transferId), utf8(t.fromAccount), utf8(t.toAccount), utf8(t.deviceId) };
		int n = 3 + 16;
		for (byte[] one : s) {
			n += 2 + (one == null ? 0 : one.length);
		}
		ByteBuffer b = ByteBuffer.allocate(n);
		b.put(BINARY).put(TRANSFER).put((byte) VERSION);
		for (byte[] one : s) {
			if (one == null) {
				b.putShort((short) NULL_STRING);
			}
			else {
				b.putShort((short) one.length).put(one);
			}
		}
		b.putLong(t.amountFen).putLong(t.time);
		return b.array();
	}

	private static byte[] utf8(String s) {
		if (s == null) {
			return null;
		}
		byte[] b = s.getBytes(StandardCharsets.UTF_8);
		if (b.length >= NULL_STRING) {
			throw new IllegalArgumentException("a field of 65,535 bytes or more");
		}
		return b;
	}

	private static String string(ByteBuffer b) {
		int n = b.getShort() & 0xffff;
		if (n == NULL_STRING) {
			return null;
		}
		String s = new String(b.array(), b.position(), n, StandardCharsets.UTF_8);
		b.position(b.position() + n);
		return s;
	}

	public static String transferJson(Transfer t) {
		ObjectNode m = JSON.createObjectNode();
		m.put("version", VERSION);
		m.put("bank", t.bank);
		m.put("transferId", t.transferId);
		m.put("fromAccount", t.fromAccount);
		m.put("toAccount", t.toAccount);
		m.put("amountFen", t.amountFen);
		m.put("time", Instant.ofEpochSecond(t.time).toString());
		return JSON.writeValueAsString(m);
	}

	/**
	 * A {@code calls} message (calls.v1.json), read as the server's
	 * {@code SimControl.records} reads a record.
	 */
	public static Call call(String text) {
		JsonNode m = versioned(text);
		String type = text(m, "type");
		String caller = text(m, "caller");
		String callee = text(m, "callee");
		String time = text(m, "time");
		if (!"CALL".equals(type) && !"SMS".equals(type) || caller == null || !caller.matches("1[0-9]{10}")
				|| callee == null || !callee.matches("\\+?[0-9]{3,18}") || time == null) {
			throw new IllegalArgumentException("type (CALL or SMS), caller, callee and time are required");
		}
		Call c = new Call();
		c.operator = text(m, "operator");
		c.call = "CALL".equals(type);
		c.caller = Long.parseLong(caller);
		c.callee = Long.parseLong(callee.replace("+", ""));
		c.time = epochSecond(time);
		c.durationSeconds = m.path("durationSeconds").asInt(0);
		c.answered = m.path("answered").asBoolean(false);
		c.cell = digits(text(m, "cell"));
		c.imei = digits(text(m, "imei"));
		c.calleeRegion = digits(text(m, "calleeRegion"));
		return c;
	}

	private static long digits(String s) {
		return s == null ? SimMonitor.UNKNOWN : Long.parseLong(s);
	}

	public static String callJson(Call c) {
		ObjectNode m = JSON.createObjectNode();
		m.put("version", VERSION);
		m.put("operator", c.operator);
		m.put("type", c.call ? "CALL" : "SMS");
		m.put("caller", Long.toString(c.caller));
		m.put("callee", Long.toString(c.callee));
		m.put("time", Instant.ofEpochSecond(c.time).toString());
		if (c.call) {
			m.put("durationSeconds", c.durationSeconds);
			m.put("answered", c.answered);
		}
		putDigits(m, "cell", c.cell);
		putDigits(m, "imei", c.imei);
		putDigits(m, "calleeRegion", c.calleeRegion);
		return JSON.writeValueAsString(m);
	}

	private static void putDigits(ObjectNode m, String field, long v) {
		if (v != SimMonitor.UNKNOWN) {
			m.put(field, Long.toString(v));
		}
	}

	/**
	 * A {@code measures} message (measures.v1.json) for a measure in force: reasons as
	 * the server writes them (code, a space, the text), {@code at} the time it was put in
	 * force.
	 */
	public static String measureJson(String operator, SimMonitor.Decision d) {
		ObjectNode m = JSON.createObjectNode();
		m.put("version", VERSION);
		m.put("phone", Long.toString(d.phone()));
		m.put("operator", operator == null ? "UNKNOWN" : operator);
		m.put("measure", d.measure().name());
		m.put("simBox", d.simBox());
		ArrayNode reasons = m.putArray("reasons");
		d.reasons().forEach(r -> reasons.add(r.code() + " " + r.text()));
		m.put("at", Instant.ofEpochSecond(d.sinceEpochSecond()).toString());
		return JSON.writeValueAsString(m);
	}

	/** The phone a {@code measures} message names. */
	public static String measuredPhone(String text) {
		return versioned(text).path("phone").asString();
	}

	/**
	 * A victim's report as the job uses it: when, and the victim's transfers it names.
	 */
	public record Report(String caseNumber, long reportedAt, List<String> transferIds) {
	}

	/** A {@code reports} message. */
	public static Report report(String text) {
		JsonNode m = versioned(text);
		List<String> ids = new ArrayList<>();
		m.path("transferIds").forEach(n -> ids.add(n.asString()));
		String at = text(m, "reportedAt");
		if (at == null) {
			throw new IllegalArgumentException("reportedAt is required");
		}
		return new Report(text(m, "caseNumber"), epochSecond(at), ids);
	}

	public static String reportJson(String caseNumber, long reportedAt, String region, List<String> transferIds) {
		ObjectNode m = JSON.createObjectNode();
		m.put("version", VERSION);
		m.put("caseNumber", caseNumber);
		m.put("reportedAt", Instant.ofEpochSecond(reportedAt).toString());
		m.put("region", region);
		ArrayNode ids = m.putArray("transferIds");
		transferIds.forEach(ids::add);
		return JSON.writeValueAsString(m);
	}

	/**
	 * The rules whose bit is set in the decision's {@code matched}, in rule-set order.
	 */
	static List<RuleSet.Rule> matched(DecisionMessage d, RuleSet rules) {
		List<RuleSet.Rule> out = new ArrayList<>();
		for (int r = 0; r < rules.rules().size(); r++) {
			if ((d.matched & (1L << r)) != 0) {
				out.add(rules.rules().get(r));
			}
		}
		return out;
	}

	/**
	 * A {@code decisions} message: the schema's fields, the reasons being every rule that
	 * matched.
	 */
	public static String decisionJson(DecisionMessage d, RuleSet rules) {
		ObjectNode m = JSON.createObjectNode();
		m.put("version", VERSION);
		m.put("bank", d.bank);
		m.put("fromAccount", d.fromAccount);
		m.put("transferId", d.transferId);
		m.put("decision", d.action);
		m.put("holdUntil", d.holdUntil == 0 ? null : Instant.ofEpochSecond(d.holdUntil).toString());
		ArrayNode reasons = m.putArray("reasons");
		for (RuleSet.Rule rule : matched(d, rules)) {
			reasons.addObject().put("rule", rule.id()).put("text", rule.reason());
		}
		m.put("ruleVersion", d.ruleVersion);
		m.putNull("appeal");
		return JSON.writeValueAsString(m);
	}

	/**
	 * Writes {@code decisions} messages as {@link #decisionJson} does, text for text,
	 * with a string builder instead of a JSON tree: each rule's reason object is written
	 * once, when the writer is made. One per operator instance (not thread-safe).
	 */
	public static final class DecisionWriter {

		private final String[] reasons;

		private final StringBuilder b = new StringBuilder(256);

		public DecisionWriter(RuleSet rules) {
			reasons = new String[rules.rules().size()];
			for (int r = 0; r < reasons.length; r++) {
				RuleSet.Rule rule = rules.rules().get(r);
				StringBuilder one = new StringBuilder("{\"rule\":");
				quote(one, rule.id());
				one.append(",\"text\":");
				quote(one, rule.reason());
				reasons[r] = one.append('}').toString();
			}
		}

		public String json(DecisionMessage d) {
			b.setLength(0);
			b.append("{\"version\":").append(VERSION).append(",\"bank\":");
			quote(b, d.bank);
			b.append(",\"fromAccount\":");
			quote(b, d.fromAccount);
			b.append(",\"transferId\":");
			quote(b, d.transferId);
			b.append(",\"decision\":");
			quote(b, d.action);
			b.append(",\"holdUntil\":");
			quote(b, d.holdUntil == 0 ? null : Instant.ofEpochSecond(d.holdUntil).toString());
			b.append(",\"reasons\":[");
			boolean first = true;
			for (int r = 0; r < reasons.length; r++) {
				if ((d.matched & (1L << r)) != 0) {
					b.append(first ? "" : ",").append(reasons[r]);
					first = false;
				}
			}
			b.append("],\"ruleVersion\":").append(d.ruleVersion).append(",\"appeal\":null}");
			return b.toString();
		}

	}

	/**
	 * A JSON string as Jackson writes it by default: quotes, backslash and control
	 * characters escaped, the rest as is; null as {@code null}.
	 */
	static void quote(StringBuilder b, String s) {
		if (s == null) {
			b.append("null");
			return;
		}
		b.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				case '\t' -> b.append("\\t");
				case '\b' -> b.append("\\b");
				case '\f' -> b.append("\\f");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04X", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		b.append('"');
	}

	/**
	 * A {@code flags} message (flags.v1.json) for the payee of an acting decision: the
	 * decision, the rules that acted or matched, the first one's reason, the transfer's
	 * time.
	 */
	public static String flagJson(DecisionMessage d, RuleSet rules) {
		ObjectNode m = JSON.createObjectNode();
		m.put("version", VERSION);
		m.put("accountId", d.toAccount);
		m.put("bank", d.bank);
		m.put("decision", d.action);
		ArrayNode ids = m.putArray("rules");
		List<RuleSet.Rule> matched = matched(d, rules);
		matched.forEach(r -> ids.add(r.id()));
		m.put("reason", matched.isEmpty() ? null : matched.get(0).reason());
		m.put("at", Instant.ofEpochSecond(d.time).toString());
		return JSON.writeValueAsString(m);
	}

	/** The account a {@code flags} message names. */
	public static String flaggedAccount(String text) {
		return text(versioned(text), "accountId");
	}

	/**
	 * The fields of a {@code decisions} message a comparison needs: transfer id,
	 * decision, matched rules.
	 */
	public record DecisionView(String transferId, String decision, List<String> rules) {
	}

	public static DecisionView decisionView(String text) {
		JsonNode m = versioned(text);
		List<String> rules = new ArrayList<>();
		m.path("reasons").forEach(r -> rules.add(r.path("rule").asString()));
		return new DecisionView(text(m, "transferId"), text(m, "decision"), rules);
	}

}
