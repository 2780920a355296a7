package org.fanzha.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import org.fanzha.identity.Directory;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class ConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Test
	void loginPageIsChineseByDefaultWhateverTheBrowserPrefers() throws Exception {
		MvcResult r = mvc.perform(get("/login").header("Accept-Language", "en-US")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		String html = r.getResponse().getContentAsString();
		assertThat(html).contains("lang=\"zh-CN\"").contains("反诈联合作战平台").contains("用户名").contains("密码");
	}

	@Test
	void englishCanBeChosenAndIsRemembered() throws Exception {
		MvcResult r = mvc.perform(get("/login?lang=en")).andReturn();
		assertThat(r.getResponse().getContentAsString()).contains("lang=\"en\"")
			.contains("Sign in")
			.contains("Username");
		Cookie cookie = r.getResponse().getCookie("FANZHA_LANG");
		assertThat(cookie).isNotNull();
		assertThat(mvc.perform(get("/login").cookie(cookie)).andReturn().getResponse().getContentAsString())
			.contains("Sign in");
	}

	@Test
	void formLoginLeadsHomeAndBadPasswordsBackToLogin() throws Exception {
		MvcResult ok = mvc.perform(formLogin("/login").user("centre").password(DemoLogins.PASSWORD)).andReturn();
		assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/");
		MvcResult bad = mvc.perform(formLogin("/login").user("centre").password("wrong-password1")).andReturn();
		assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
	}

	@Test
	void homeShowsTheNavigationOfTheRole() throws Exception {
		String bank = mvc.perform(get("/").with(user(directory.loadUserByUsername("bank"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(bank).contains("data-area=\"FUNDS\"")
			.contains("data-area=\"MONITORING\"")
			.doesNotContain("data-area=\"CASES\"")
			.doesNotContain("data-area=\"ADMINISTRATION\"")
			.contains("张经理（工商银行）")
			.contains("银行反诈专员");
		String admin = mvc.perform(get("/?lang=en").with(user(directory.loadUserByUsername("admin"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(admin).contains("data-area=\"ADMINISTRATION\"")
			.contains("data-area=\"AUDIT\"")
			.doesNotContain("data-area=\"CASES\"")
			.contains("Users and agencies");
	}

	@Test
	void administrationPageShowsUsersAndRecordsTheRead() throws Exception {
		String html = mvc.perform(get("/admin").with(user(directory.loadUserByUsername("admin"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("ICBC-SN").contains("13800000004");
		String audit = mvc.perform(get("/audit").with(user(directory.loadUserByUsername("oversight"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(audit).contains("user administration in console").contains("reads-chart").contains("echarts.min.js");
		String filtered = mvc
			.perform(get("/audit/entries?actor=nobody").with(user(directory.loadUserByUsername("oversight"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(filtered).contains("id=\"entries\"").contains("暂无记录").doesNotContain("<html");
	}

	@Test
	void webjarsAreServed() throws Exception {
		assertThat(mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		assertThat(mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

}
