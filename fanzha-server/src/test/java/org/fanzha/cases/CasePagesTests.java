package org.fanzha.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.fanzha.core.BankCardNumber;
import org.fanzha.identity.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The console's case pages: form with field errors, list with clocks, case page, plan page, bank inbox. */
@SpringBootTest
@AutoConfigureMockMvc
class CasePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Test
	void intakeFormListCaseAndPlanPages() throws Exception {
		var centre = user(directory.loadUserByUsername("centre"));
		MvcResult bad = mvc.perform(post("/cases/new").with(centre).with(csrf()).param("name", "王五")
				.param("idNumber", "110105194912310021").param("regionCode", "610113").param("fraudType", "LOAN")).andReturn();
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentAsString()).contains("form-errors").contains("victim.idNumber");

		MvcResult ok = mvc.perform(post("/cases/new").with(centre).with(csrf()).param("name", "王五")
				.param("idNumber", "11010519491231002X").param("regionCode", "610113").param("fraudType", "LOAN")
				.param("payerAccount", BankCardNumber.withLuhnDigit("622202000000000000")).param("payeeName", "孙某")
				.param("payeeAccount", "CCB:M9").param("payeeBank", "CCB").param("amountYuan", "1,234.56")
				.param("paidAt", java.time.LocalDateTime.now(java.time.ZoneOffset.ofHours(8)).minusMinutes(30)
						.withNano(0).toString())).andReturn();
		assertThat(ok.getResponse().getStatus()).isEqualTo(302);
		String page = ok.getResponse().getRedirectedUrl();
		assertThat(page).startsWith("/cases/XA-AFC-");
		String number = page.substring("/cases/".length());

		String list = mvc.perform(get("/cases").with(centre)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains(number).contains("王*").contains("¥1,234.56");
		String detail = mvc.perform(get(page).with(centre)).andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("11010519491231002X").contains("孙某").contains("/funds/cases/" + number);

		String plan = "";
		for (int i = 0; i < 50 && !plan.contains("data-status=\"PROPOSED\""); i++) {
			Thread.sleep(100);
			plan = mvc.perform(get("/funds/cases/" + number).with(centre)).andReturn().getResponse().getContentAsString();
		}
		assertThat(plan).contains("CCB:M9").contains("紧急止付").contains("confirm-plan").contains("flow-chart");
		assertThat(mvc.perform(get("/funds/cases/" + number).with(user(directory.loadUserByUsername("bank")))).andReturn()
				.getResponse().getStatus()).isEqualTo(403);
		String inbox = mvc.perform(get("/funds").with(user(directory.loadUserByUsername("bank")))).andReturn()
				.getResponse().getContentAsString();
		assertThat(inbox).contains("id=\"inbox\"").contains("ICBC");
	}
}
