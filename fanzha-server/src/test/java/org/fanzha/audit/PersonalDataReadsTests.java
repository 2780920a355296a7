package org.fanzha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and endpoint that reads is classified: it shows personal data and is audited
 * (by {@link PersonalData} or by the service behind it), or it shows none. A new endpoint
 * fails this test until someone decides which. The annotated ones write their entry, as
 * the second test checks on the bank's and the operator's own reads.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataReadsTests {

	/**
	 * Their services write the audit entry (masked ID or phone, the case): see the
	 * {@code audit.read} calls.
	 */
	static final Set<String> AUDITED_BY_SERVICE = Set.of("/api/v1/cases/{caseNumber}", "/cases/{caseNumber}",
			"/api/v1/cardcutting/persons", "/api/v1/cardcutting/persons/{personId}", "/api/v1/cardcutting/listings",
			"/api/v1/cardcutting/listings/{id}", "/cardcutting", "/cardcutting/persons/{personId}",
			"/cardcutting/listings/{id}", "/schools", "/api/v1/schools/cases", "/api/v1/schools/cases/{id}",
			"/warnings", "/api/v1/warnings/tasks", "/api/v1/warnings/tasks/{id}",
			"/api/v1/warnings/tasks/{id}/evidence", "/linking/groups/{caseNumber}",
			"/api/v1/linking/groups/{caseNumber}", "/admin", "/api/v1/admin/users");

	/**
	 * No personal data: aggregates, rules, the caller's own profile, forms, the audit log
	 * itself.
	 */
	static final Set<String> NO_PERSONAL_DATA = Set.of("/", "/login", "/api/v1/me", "/api/v1/admin/agencies",
			"/api/v1/schools/statistics", "/api/v1/schools/bulletins", "/api/v1/warnings/statistics",
			"/api/v1/statistics/report", "/api/v1/statistics/report.xlsx", "/statistics", "/statistics/print",
			"/statistics/report.xlsx", "/cardcutting/query", "/audit", "/audit/entries", "/api/v1/audit",
			"/api/v1/transfers/rules", "/api/v1/transfers/rules/history", "/api/v1/transfers/feeds/{id}",
			"/province/live", "/cases/new",
			// refreshes of audited pages (/monitoring, a case's plan): one entry per page
			// view, not one per poll
			"/monitoring/live", "/funds/cases/{caseNumber}/live");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyReadIsClassified() {
		List<String> unclassified = new ArrayList<>();
		Set<String> annotated = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				return;
			}
			if (!method.getBeanType().getPackageName().startsWith("org.fanzha")) {
				return; // springdoc's and Spring Boot's own
			}
			for (String path : info.getPatternValues()) {
				if (method.hasMethodAnnotation(PersonalData.class)) {
					annotated.add(path);
				}
				else if (!AUDITED_BY_SERVICE.contains(path) && !NO_PERSONAL_DATA.contains(path)) {
					unclassified.add(path + " (" + method.getBeanType().getSimpleName() + "."
							+ method.getMethod().getName() + ")");
				}
			}
		});
		assertThat(unclassified).as("reads nobody has classified: annotate with @PersonalData or list them here")
			.isEmpty();
		assertThat(annotated).contains("/api/v1/funds/cases/{caseNumber}/instructions", "/api/v1/funds/bank/inbox",
				"/api/v1/funds/queries/{id}", "/api/v1/sims/measures", "/funds", "/telecom", "/telecom/measures/{id}");
	}

	long entries(String subjectType, String actor) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_type = ? AND actor = ?")
			.params(subjectType, actor)
			.query(Long.class)
			.single();
	}

	@Test
	void theBankInboxThePlanSimMeasuresAndTheirPagesWriteTheirEntry() throws Exception {
		Map<String, String[]> reads = Map.of("/api/v1/funds/bank/inbox", new String[] { "bank", "BANK_INBOX" },
				"/funds", new String[] { "bank", "BANK_INBOX" }, "/api/v1/funds/instructions",
				new String[] { "centre", "STOP_PLAN" }, "/api/v1/sims/measures",
				new String[] { "telecom", "SIM_MEASURE" }, "/telecom", new String[] { "telecom", "SIM_MEASURE" },
				"/monitoring", new String[] { "bank", "TRANSFER_DECISION" });
		for (var read : reads.entrySet()) {
			String user = read.getValue()[0];
			long before = entries(read.getValue()[1], user);
			int status = mvc
				.perform(MockMvcRequestBuilders.get(read.getKey()).with(httpBasic(user, DemoLogins.PASSWORD)))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(read.getKey()).isEqualTo(200);
			assertThat(entries(read.getValue()[1], user)).as("audit entries for " + read.getKey())
				.isEqualTo(before + 1);
		}
		// refused reads read nothing, so they leave no entry
		long before = entries("BANK_INBOX", "telecom");
		assertThat(mvc
			.perform(MockMvcRequestBuilders.get("/api/v1/funds/bank/inbox")
				.with(httpBasic("telecom", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(entries("BANK_INBOX", "telecom")).isEqualTo(before);
	}

}
