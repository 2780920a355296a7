package org.fanzha.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Analysts change the rules at runtime: versioned, checked, stored, in force for the next
 * transfer.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MonitoringRulesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RuleSets sets;

	@Autowired
	Clock clock;

	MvcResult put(String user, String json) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.put("/api/v1/transfers/rules")
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	MvcResult post(String user, String path, String json) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.post(path)
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	static String body(String rules, String note) {
		return "{\"rules\":\"" + rules.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
				+ "\",\"note\":\"" + note + "\"}";
	}

	static String decision(String id, long fen) {
		return "{\"transferId\":\"%s\",\"fromAccount\":\"ICBC:R1\",\"toAccount\":\"ICBC:R2\",\"amountFen\":%d,\"time\":\"%s\"}"
			.formatted(id, fen, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60));
	}

	@Test
	void aNewVersionTakesEffectForTheNextTransferAndSurvivesARestart() throws Exception {
		String shipped = mvc
			.perform(MockMvcRequestBuilders.get("/api/v1/transfers/rules").with(httpBasic("bank", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shipped).contains("\"version\":2").contains("FAN_IN");
		String r1 = decision("R-1", 6_000_000);
		assertThat(post("bank", "/api/v1/transfers/decisions", r1).getResponse().getContentAsString())
			.contains("\"decision\":\"ALLOW\"");

		String v3 = TransferMonitor.DEFAULT_RULES.replace("version 2", "version 3")
				+ "rule VERY_LARGE: amount >= 5000000 -> DELAY 2h \"单笔五万元以上，暂缓到账两小时\"\n";
		// a bank may not load rules; bad text and an old version number are refused,
		// nothing changes
		assertThat(put("bank", body(v3, "x")).getResponse().getStatus()).isEqualTo(403);
		MvcResult bad = put("centre", body(v3.replace("amount >= 5000000", "amount >> 5000000"), "typo"));
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentAsString()).contains("line 14").contains("amount >> 5000000");
		assertThat(put("centre", body(TransferMonitor.DEFAULT_RULES, "same")).getResponse().getStatus()).isEqualTo(409);
		assertThat(sets.all()).isEmpty();

		MvcResult loaded = put("centre", body(v3, "五万元以上暂缓"));
		assertThat(loaded.getResponse().getStatus()).as(loaded.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(loaded.getResponse().getContentAsString()).contains("\"version\":3")
			.contains("\"loadedBy\":\"centre\"");
		String d = post("bank", "/api/v1/transfers/decisions", decision("R-2", 6_000_000)).getResponse()
			.getContentAsString();
		assertThat(d).contains("\"decision\":\"DELAY\"").contains("VERY_LARGE").contains("\"ruleVersion\":3");
		// the answer given under version 2 stays what it was
		assertThat(post("bank", "/api/v1/transfers/decisions", r1).getResponse().getContentAsString())
			.contains("\"decision\":\"ALLOW\"")
			.contains("\"ruleVersion\":2");
		assertThat(mvc
			.perform(MockMvcRequestBuilders.get("/api/v1/transfers/rules/history")
				.with(httpBasic("centre", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).containsSubsequence("\"version\":3", "\"version\":2");

		// after a restart the stored version is put back in force
		TransferScreening fresh = new TransferScreening(clock, new SimpleMeterRegistry(), e -> {
		}, new AbstractPlatformTransactionManager() {
			@Override
			protected Object doGetTransaction() {
				return new Object();
			}

			@Override
			protected void doBegin(Object t, TransactionDefinition d) {
			}

			@Override
			protected void doCommit(DefaultTransactionStatus s) {
			}

			@Override
			protected void doRollback(DefaultTransactionStatus s) {
			}
		}, new MonitoringProperties(null, null), null, null, null);
		assertThat(fresh.rules().version()).isEqualTo(2);
		new MonitoringRules(sets, fresh, clock);
		assertThat(fresh.rules().version()).isEqualTo(3);
	}

	@Test
	void theCentreLoadsRulesFromTheConsoleAndSeesErrorsThere() throws Exception {
		String page = mvc
			.perform(MockMvcRequestBuilders.get("/monitoring").with(httpBasic("centre", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"rules\"").contains("id=\"load-rules\"");
		String bankPage = mvc
			.perform(MockMvcRequestBuilders.get("/monitoring").with(httpBasic("bank", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(bankPage).contains("id=\"rules\"").doesNotContain("id=\"load-rules\"");
		MvcResult wrong = mvc
			.perform(MockMvcRequestBuilders.post("/monitoring/rules")
				.with(httpBasic("centre", DemoLogins.PASSWORD))
				.with(csrf())
				.param("rules", "version 99\nrule X: nonsense -> REVIEW \"x\""))
			.andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(200);
		assertThat(wrong.getResponse().getContentAsString()).contains("line 2").contains("nonsense");
		assertThat(mvc
			.perform(MockMvcRequestBuilders.post("/monitoring/rules")
				.with(httpBasic("bank", DemoLogins.PASSWORD))
				.with(csrf())
				.param("rules", "version 99\n"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

}
