package org.fanzha.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;

import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every role against every protected area, on the console and on the API: admitted roles
 * get in, the others get 403, strangers 401 (API) or the login page (console).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessControlTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Test
	void eachRoleReachesExactlyItsAreas() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Role role : Role.values()) {
			var principal = directory.loadUserByUsername(DemoLogins.USER_BY_ROLE.get(role));
			for (Area area : Area.values()) {
				int console = mvc.perform(get(area.consolePath()).with(user(principal)))
					.andReturn()
					.getResponse()
					.getStatus();
				int api = mvc.perform(get(area.apiPath()).with(user(principal))).andReturn().getResponse().getStatus();
				if (area.admits(role)) {
					if (console != 200) {
						wrong.add(role + " console " + area + " -> " + console + " (expected 200)");
					}
					if (api == 401 || api == 403) {
						wrong.add(role + " api " + area + " -> " + api + " (expected admitted)");
					}
				}
				else {
					if (console != 403) {
						wrong.add(role + " console " + area + " -> " + console + " (expected 403)");
					}
					if (api != 403) {
						wrong.add(role + " api " + area + " -> " + api + " (expected 403)");
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void strangersGet401OnTheApiAsProblemDetails() throws Exception {
		for (Area area : Area.values()) {
			MvcResult r = mvc.perform(get(area.apiPath())).andReturn();
			assertThat(r.getResponse().getStatus()).as(area.apiPath()).isEqualTo(401);
			assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(r.getResponse().getContentAsString()).contains("\"status\":401").contains("unauthenticated");
		}
		assertThat(mvc.perform(get("/api/v1/me").with(httpBasic("nobody", "wrong-password1")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);
		assertThat(mvc.perform(get("/api/v1/me").with(httpBasic("centre", "wrong-password1")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);
	}

	@Test
	void strangersAreSentToTheLoginPage() throws Exception {
		for (Area area : Area.values()) {
			MvcResult r = mvc.perform(get(area.consolePath()).accept(MediaType.TEXT_HTML)).andReturn();
			assertThat(r.getResponse().getStatus()).as(area.consolePath()).isEqualTo(302);
			assertThat(r.getResponse().getRedirectedUrl()).endsWith("/login");
		}
	}

	@Test
	void forbiddenApiAnswersAreProblemDetails() throws Exception {
		MvcResult r = mvc.perform(get("/api/v1/admin/users").with(httpBasic("bank", DemoLogins.PASSWORD))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(403);
		assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(r.getResponse().getContentAsString()).contains("forbidden").contains("/api/v1/admin/users");
	}

	@Test
	void httpBasicWorksForPeople() throws Exception {
		MvcResult r = mvc.perform(get("/api/v1/me").with(httpBasic("centre", DemoLogins.PASSWORD))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		assertThat(r.getResponse().getContentAsString()).contains("\"agencyCode\":\"XA-AFC\"")
			.contains("CENTRE_OFFICER");
	}

	@Test
	void bearerTokensAuthenticateMachineClientsUntilRevoked() throws Exception {
		IssuedToken token = directory.issueToken("icbc-gateway", "test");
		MvcResult ok = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.token())).andReturn();
		assertThat(ok.getResponse().getStatus()).isEqualTo(200);
		assertThat(ok.getResponse().getContentAsString()).contains("icbc-gateway").contains("BANK_OFFICER");
		// a bank's token does not open the administration
		assertThat(mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + token.token()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);

		mvc.perform(
				post("/api/v1/admin/tokens/" + token.id() + "/revoke").with(httpBasic("admin", DemoLogins.PASSWORD)));
		MvcResult revoked = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.token()))
			.andReturn();
		assertThat(revoked.getResponse().getStatus()).isEqualTo(401);

		assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer fz_not-a-real-token"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);
		assertThat(
				mvc.perform(get("/api/v1/me").header("Authorization", "Bearer ")).andReturn().getResponse().getStatus())
			.isEqualTo(401);
	}

	@Test
	void actuatorHealthIsPublicButMetricsNeedAnAdministrator() throws Exception {
		assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("centre", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		MvcResult metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", DemoLogins.PASSWORD)))
			.andReturn();
		assertThat(metrics.getResponse().getStatus()).isEqualTo(200);
		assertThat(metrics.getResponse().getContentAsString()).contains("jvm_memory_used_bytes");
	}

}
