package org.fanzha.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.identity.Area;
import org.fanzha.identity.Role;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the OpenAPI document, called by a user its area admits, with
 * malformed, boundary and hostile values in its body, path and query: never a 5xx, and a
 * refused request (4xx) changes no table. The operations come from /api-docs, so a new
 * endpoint is fuzzed without editing this test. Runs on H2 in {@code ./mvnw verify} and
 * on PostgreSQL in CI.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiFuzzTests {

	/** Bodies a careless or hostile client sends. */
	static final List<String> BODIES = List.of("", "{", "null", "[]", "{}", "[null]", "\"text\"",
			"12345678901234567890", "{\"amountFen\":-1,\"transferId\":\"\\u0000\",\"caseNumber\":\"../../etc/passwd\"}",
			"{\"amountFen\":1.5,\"time\":\"1900-01-01T00:00:00Z\",\"accountId\":\"A\\u202EB\"}",
			"{\"amountFen\":\"100\",\"name\":123,\"roles\":[\"KING\"],\"payments\":[null]}",
			"[{\"transferId\":\"" + "x".repeat(5_000)
					+ "\",\"fromAccount\":\"ICBC:A\",\"amountFen\":9223372036854775807}]",
			"{\"victim\":{\"name\":\"" + "张".repeat(2_000)
					+ "\",\"idNumber\":\"11010519491231002X\"},\"payments\":[{}]}",
			"{\"onward\":[null],\"statement\":[{}],\"result\":\"EXECUTED\",\"answerId\":\"" + "a".repeat(300) + "\"}",
			"[" + "[".repeat(2_000) + "]".repeat(2_000) + "]");

	/**
	 * Path variable values: ordinary, unknown, traversal, encoded NUL, overlong,
	 * negative.
	 */
	static final List<String> PATH_VALUES = List.of("1", "XA-AFC-2026-999999", "..%2F..%2Fetc", "9".repeat(300));

	/**
	 * Tables a refused request may still touch: its audit entry (none for 4xx in
	 * practice) and the outbox.
	 */
	static final List<String> VOLATILE = List.of("audit_entry", "event_publication", "flyway_schema_history");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	record Operation(HttpMethod method, String path, Role role) {
	}

	List<Operation> operations() throws Exception {
		String docs = mvc.perform(MockMvcRequestBuilders.get("/api-docs"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode paths = json.readTree(docs).get("paths");
		List<Operation> out = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> p = it.next();
			Role role = writer(p.getKey());
			for (Iterator<String> m = p.getValue().propertyNames().iterator(); m.hasNext();) {
				String method = m.next().toUpperCase();
				if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method) && role != null) {
					out.add(new Operation(HttpMethod.valueOf(method), p.getKey(), role));
				}
			}
		}
		return out;
	}

	/**
	 * A role the path's area admits and lets write (the first in the area's list), or
	 * null outside the areas.
	 */
	static Role writer(String path) {
		for (Area a : Area.values()) {
			if (path.equals(a.apiPath()) || path.startsWith(a.apiPath() + "/")) {
				return a.roles().stream().filter(r -> !r.readsOnly()).findFirst().orElse(null);
			}
		}
		return path.startsWith("/api/v1/me") ? Role.CENTRE_OFFICER : null;
	}

	Map<String, Long> counts() {
		List<String> tables = jdbc.sql("""
				SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()
				AND table_type IN ('TABLE', 'BASE TABLE')""").query(String.class).list();
		Map<String, Long> out = new LinkedHashMap<>();
		for (String t : tables) {
			if (!VOLATILE.contains(t.toLowerCase())) {
				out.put(t, jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single());
			}
		}
		return out;
	}

	@Test
	void noOperationAnswers5xxAndNoRefusedRequestStoresAnything() throws Exception {
		List<Operation> ops = operations();
		assertThat(ops).as("operations in the OpenAPI document").hasSizeGreaterThan(40);
		List<String> failures = new ArrayList<>();
		int requests = 0;
		Map<String, Long> current = counts();
		for (Operation op : ops) {
			String user = DemoLogins.USER_BY_ROLE.get(op.role());
			List<String> paths = new ArrayList<>();
			for (String v : op.path().contains("{") ? PATH_VALUES : List.of("")) {
				paths.add(op.path().replaceAll("\\{[^}]+}", v));
			}
			boolean writes = op.method() != HttpMethod.GET;
			for (String path : paths) {
				for (String body : writes ? BODIES : List.of("")) {
					MockHttpServletRequestBuilder req = MockMvcRequestBuilders
						.request(op.method(), path + "?limit=-1&from=x")
						.with(httpBasic(user, DemoLogins.PASSWORD))
						.contentType(MediaType.APPLICATION_JSON)
						.content(body);
					MvcResult r = mvc.perform(req).andReturn();
					requests++;
					int status = r.getResponse().getStatus();
					String what = op.method() + " " + path + " as " + user + " with " + abbreviate(body) + " -> "
							+ status;
					if (status >= 500) {
						failures.add(what + " " + abbreviate(r.getResponse().getContentAsString()));
					}
					if (writes) {
						Map<String, Long> after = counts();
						if (status >= 400 && !after.equals(current)) {
							failures.add(what + ": a refused request changed " + diff(current, after));
						}
						current = after;
					}
				}
			}
		}
		System.out.println("[fuzz] " + ops.size() + " operations, " + requests + " requests");
		assertThat(failures).as("fuzzed requests that failed").isEmpty();
	}

	static String abbreviate(String s) {
		return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
	}

	static String diff(Map<String, Long> a, Map<String, Long> b) {
		StringBuilder out = new StringBuilder();
		b.forEach((t, n) -> {
			if (!n.equals(a.get(t))) {
				out.append(t).append(' ').append(a.get(t)).append("→").append(n).append(' ');
			}
		});
		return out.toString();
	}

}
