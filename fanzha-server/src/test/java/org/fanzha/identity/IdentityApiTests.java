package org.fanzha.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.fanzha.audit.AuditAction;
import org.fanzha.audit.AuditEntry;
import org.fanzha.audit.AuditQuery;
import org.fanzha.audit.AuditTrail;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The administration API: validation with clear problems, nothing stored half-way,
 * audited reads.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IdentityApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	private MvcResult postAsAdmin(String path, String json) throws Exception {
		return mvc
			.perform(post(path).with(httpBasic("admin", DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void registersAUserWhoseRoleFitsTheAgency() throws Exception {
		MvcResult r = postAsAdmin("/api/v1/admin/users", """
				{"username":"bank2","password":"secret12345","displayName":"测试","phone":"+86 139-1234-5678",
				 "agencyCode":"ICBC-SN","roles":["BANK_OFFICER"]}""");
		assertThat(r.getResponse().getStatus()).isEqualTo(201);
		assertThat(r.getResponse().getContentAsString()).contains("\"username\":\"bank2\"")
			.contains("139****5678")
			.doesNotContain("secret12345");
		assertThat(mvc.perform(get("/api/v1/me").with(httpBasic("bank2", "secret12345")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'bank2'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("secret12345");
	}

	@Test
	void badUsersAreRejectedWithAClearProblemAndNothingIsStored() throws Exception {
		long users = count("app_user");
		long roles = count("user_role");
		String[][] cases = { {
				"{\"username\":\"x1\",\"password\":\"secret12345\",\"displayName\":\"a\",\"agencyCode\":\"ICBC-SN\",\"roles\":[\"BANK_OFFICER\"]}",
				"Username" },
				{ "{\"username\":\"weak\",\"password\":\"short\",\"displayName\":\"a\",\"agencyCode\":\"ICBC-SN\",\"roles\":[\"BANK_OFFICER\"]}",
						"Password" },
				{ "{\"username\":\"phone\",\"password\":\"secret12345\",\"displayName\":\"a\",\"phone\":\"02988886666\",\"agencyCode\":\"ICBC-SN\",\"roles\":[\"BANK_OFFICER\"]}",
						"02988886666" },
				{ "{\"username\":\"wrongrole\",\"password\":\"secret12345\",\"displayName\":\"a\",\"agencyCode\":\"ICBC-SN\",\"roles\":[\"CENTRE_OFFICER\"]}",
						"not allowed in a BANK agency" },
				{ "{\"username\":\"noagency\",\"password\":\"secret12345\",\"displayName\":\"a\",\"agencyCode\":\"NOPE\",\"roles\":[\"BANK_OFFICER\"]}",
						"Unknown agency" },
				{ "{\"username\":\"noroles\",\"password\":\"secret12345\",\"displayName\":\"a\",\"agencyCode\":\"ICBC-SN\",\"roles\":[]}",
						"at least one role" },
				{ "{\"username\":\"badrole\",\"password\":\"secret12345\",\"displayName\":\"a\",\"agencyCode\":\"ICBC-SN\",\"roles\":[\"KING\"]}",
						"roles[0]: KING is not one of [ADMIN" },
				{ "{\"username\":", "not valid JSON" }, };
		for (String[] c : cases) {
			MvcResult r = postAsAdmin("/api/v1/admin/users", c[0]);
			assertThat(r.getResponse().getStatus()).as(c[0]).isEqualTo(400);
			assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(r.getResponse().getContentAsString()).as(c[0]).contains(c[1]).contains("\"status\":400");
		}
		MvcResult duplicate = postAsAdmin("/api/v1/admin/users",
				"{\"username\":\"centre\",\"password\":\"secret12345\",\"displayName\":\"a\",\"agencyCode\":\"XA-AFC\",\"roles\":[\"CENTRE_OFFICER\"]}");
		assertThat(duplicate.getResponse().getStatus()).isEqualTo(409);
		assertThat(duplicate.getResponse().getContentAsString()).contains("already exists");
		assertThat(count("app_user")).isEqualTo(users);
		assertThat(count("user_role")).isEqualTo(roles);
	}

	@Test
	void agenciesNeedAKnownRegionCode() throws Exception {
		MvcResult bad = postAsAdmin("/api/v1/admin/agencies",
				"{\"code\":\"CCB-SN\",\"name\":\"建设银行\",\"type\":\"BANK\",\"regionCode\":\"61XX00\"}");
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentAsString()).contains("61XX00");
		MvcResult ok = postAsAdmin("/api/v1/admin/agencies",
				"{\"code\":\"CCB-SN\",\"name\":\"中国建设银行陕西省分行\",\"type\":\"BANK\",\"regionCode\":\"610000\"}");
		assertThat(ok.getResponse().getStatus()).isEqualTo(201);
		assertThat(postAsAdmin("/api/v1/admin/agencies",
				"{\"code\":\"CCB-SN\",\"name\":\"again\",\"type\":\"BANK\",\"regionCode\":\"610000\"}")
			.getResponse()
			.getStatus()).isEqualTo(409);
	}

	@Test
	void oversizedPayloadsAreRefusedBeforeParsing() throws Exception {
		String huge = "{\"username\":\"" + "a".repeat(2_000_000) + "\"}";
		MvcResult r = postAsAdmin("/api/v1/admin/users", huge);
		assertThat(r.getResponse().getStatus()).isEqualTo(413);
		assertThat(r.getResponse().getContentAsString()).contains("payload-too-large");
	}

	@Test
	void unknownApiPathsAreProblemDetails() throws Exception {
		MvcResult r = mvc.perform(get("/api/v1/admin/nothing-here").with(httpBasic("admin", DemoLogins.PASSWORD)))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(404);
		assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	@Test
	void readingUsersIsAudited() throws Exception {
		MvcResult r = mvc.perform(get("/api/v1/admin/users").with(httpBasic("admin", DemoLogins.PASSWORD))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		assertThat(r.getResponse().getContentAsString()).contains("13800000002");
		AuditEntry last = audit.search(new AuditQuery(null, null, "admin", null, AuditAction.READ, 1)).get(0);
		assertThat(last.subjectType()).isEqualTo("USER");
		assertThat(last.agencyCode()).isEqualTo("SN-AFC");
		assertThat(last.channel()).isEqualTo("API");
		assertThat(last.purpose()).contains("user administration");
	}

}
