package org.fanzha.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-in throttling, response headers and token lifetimes. */
@SpringBootTest
@AutoConfigureMockMvc
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	void person(String username, String phone) {
		if (!directory.userExists(username)) {
			directory.register(
					new NewUser(username, DemoLogins.PASSWORD, username, phone, "XA-AFC", Set.of(Role.CENTRE_OFFICER)));
		}
	}

	@Test
	void fiveWrongPasswordsLockTheNameEvenForTheRightOne() throws Exception {
		person("locktest", "13900000001");
		for (int i = 0; i < 5; i++) {
			assertThat(mvc.perform(get("/api/v1/me").with(httpBasic("locktest", "wrong-password-" + i)))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(401);
		}
		MockHttpServletResponse locked = mvc.perform(get("/api/v1/me").with(httpBasic("locktest", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(locked.getStatus()).isEqualTo(429);
		assertThat(locked.getHeader("Retry-After")).isNotNull();
		assertThat(locked.getContentAsString()).contains("Too many failed sign-ins");
		// the console says so in Chinese
		MockHttpServletResponse form = mvc
			.perform(post("/login").param("username", "locktest").param("password", DemoLogins.PASSWORD).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(form.getRedirectedUrl()).contains("/login?locked=");
		String page = mvc.perform(get(form.getRedirectedUrl())).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("登录已暂时锁定");
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'SIGN_IN' AND subject_ref = 'locktest'")
					.query(Long.class)
					.single())
			.isEqualTo(1L);
		// another user is not affected
		assertThat(mvc.perform(get("/api/v1/me").with(httpBasic("centre", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void theConsoleSendsASecurityPolicyWithoutInlineScripts() throws Exception {
		MockHttpServletResponse r = mvc.perform(get("/login")).andReturn().getResponse();
		assertThat(r.getHeader("Content-Security-Policy")).contains("script-src 'self'")
			.doesNotContain("script-src 'self' 'unsafe-inline'")
			.contains("frame-ancestors 'none'");
		assertThat(r.getHeader("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(r.getHeader("Permissions-Policy")).contains("camera=()");
		assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void aNewTokenUnderALabelRevokesTheOldOneAndPeopleGetShortLivedTokens() throws Exception {
		IssuedToken first = directory.issueToken("icbc-gateway", "rotation test");
		IssuedToken second = directory.issueToken("icbc-gateway", "rotation test");
		assertThat(directory.authenticateToken(first.token())).as("the rotated-out token").isEmpty();
		assertThat(directory.authenticateToken(second.token())).isPresent();
		assertThat(second.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(80)));
		person("tokenperson", "13900000002");
		IssuedToken personal = directory.issueToken("tokenperson", "script");
		assertThat(personal.expiresAt()).isBefore(Instant.now().plus(Duration.ofHours(9)));
	}

}
