package org.fanzha.telecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.fanzha.audit.AuditTrail;
import org.fanzha.cases.SuspectPhonesReported;
import org.fanzha.core.Operator;
import org.fanzha.identity.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The telecom module on its own ({@link ApplicationModuleTest}, standalone; the directory
 * and the audit trail are stand-ins): an operator's call records of a calling spree
 * restrict the number and tell the other modules ({@link SimRestricted}, which warnings
 * and card-cutting take up); a number a victim names is suspended.
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE, extraIncludes = "platform")
class TelecomModuleTests {

	@MockitoBean
	Directory directory;

	@MockitoBean
	AuditTrail audit;

	@Autowired
	SimControl sims;

	/** 80 strangers within an hour and a half from one handset; hardly anyone answers. */
	static List<SimControl.CallRecord> spree(String caller, Instant start) {
		List<SimControl.CallRecord> calls = new ArrayList<>();
		long t = 0;
		for (int i = 0; i < 80; i++) {
			t += 20 + (i * 37) % 90;
			boolean answered = i % 7 == 0;
			calls
				.add(new SimControl.CallRecord("CALL", caller, "1" + (3_700_000_000L + i * 7919L), start.plusSeconds(t),
						answered ? 12 : 0, answered, "4601", "8612" + caller, i % 2 == 0 ? "610113" : "610502"));
		}
		return calls;
	}

	@Test
	void aCallingSpreeRestrictsTheNumberAndTellsTheOtherModules(Scenario scenario) {
		Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		scenario.stimulate(() -> sims.records(Operator.CHINA_MOBILE, spree("13800990001", start)))
			.andWaitForEventOfType(SimRestricted.class)
			.matching(e -> e.phone().equals("13800990001"))
			.toArriveAndVerify(e -> {
				assertThat(e.operator()).isEqualTo("CHINA_MOBILE");
				assertThat(e.reasons()).isNotEmpty();
			});
		assertThat(sims.list(Operator.CHINA_MOBILE, true, 100)).extracting(SimControl.MeasureView::phone)
			.contains("13800990001");
	}

	@Test
	void aNumberAVictimNamesIsSuspended(Scenario scenario) {
		scenario.publish(new SuspectPhonesReported("XA-AFC-2026-000888", Instant.now(), List.of("17050009876"), "LOAN"))
			.andWaitForStateChange(() -> sims.list(null, true, 500)
				.stream()
				.filter(m -> m.phone().equals("17050009876"))
				.findFirst()
				.orElse(null))
			.andVerify(m -> assertThat(m.measure()).isEqualTo("SUSPEND"));
	}

}
