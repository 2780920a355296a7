package org.fanzha.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.fanzha.cases.CaseRegister;
import org.fanzha.cases.CaseSummary;
import org.fanzha.funds.FundControl;
import org.fanzha.funds.InstructionView;
import org.fanzha.identity.Directory;
import org.fanzha.monitoring.TransferScreening;
import org.fanzha.warnings.DissuasionDesk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's live province: a tiny world run as fast as possible feeds subscribers,
 * events and the console.
 */
@SpringBootTest(properties = { "fanzha.simulation.enabled=true", "fanzha.simulation.preset=tiny",
		"fanzha.simulation.seed=3", "fanzha.simulation.speedup=100000000", "fanzha.simulation.bank-delay-seconds=0",
		"fanzha.funds.auto-issue=ALL" })
@AutoConfigureMockMvc
class LiveProvinceTests {

	@Autowired
	LiveProvince province;

	@Autowired
	CaseCollector collector;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	CaseRegister cases;

	@Autowired
	FundControl funds;

	/**
	 * How long to wait for the province's window to end: a minute on an idle machine, far
	 * more when CI shares two cores with other builds (it ran out at 60 s once). A bound
	 * on waiting, not a timing assertion.
	 */
	static final long PATIENCE_MILLIS = 180_000;

	@TestConfiguration
	static class Config {

		@Bean
		CaseCollector caseCollector(ProvinceFeed feed) {
			CaseCollector collector = new CaseCollector();
			// subscribers join before the province starts (it starts with the
			// application's lifecycle)
			feed.subscribe((id, t, from, to, amount, channel, region) -> collector.transfers.incrementAndGet());
			return collector;
		}

	}

	static class CaseCollector {

		final List<SimulatedCaseReported> cases = new CopyOnWriteArrayList<>();

		final AtomicLong transfers = new AtomicLong();

		@EventListener
		void on(SimulatedCaseReported c) {
			cases.add(c);
		}

	}

	@Test
	void theProvinceRunsItsWindowAndReportsCases() throws Exception {
		long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
		while (province.isRunning() && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		ProvinceStatus s = province.status();
		assertThat(s.running()).as("the province's window ended within %d s", PATIENCE_MILLIS / 1000).isFalse();
		assertThat(s.persons()).isEqualTo(5_000);
		assertThat(s.transfers()).isGreaterThan(10_000);
		assertThat(s.calls()).isGreaterThan(10_000);
		assertThat(s.cases()).isPositive().isEqualTo(collector.cases.size());
		assertThat(collector.transfers.get()).isEqualTo(s.transfers());
		SimulatedCaseReported c = collector.cases.get(0);
		assertThat(c.caseId()).startsWith("C");
		assertThat(c.reportedTransfers()).isNotEmpty().allSatisfy(t -> assertThat(t).startsWith("T"));
		assertThat(c.regionCode()).startsWith("61");
		assertThat(c.lossFen()).isPositive();

		String html = mvc.perform(get("/province/live").with(user(directory.loadUserByUsername("centre"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"province\"").contains("tiny").contains(c.caseId());
		// the simulated transfers went through the monitor too
		assertThat(monitor.countsByDecision().values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(s.transfers());
	}

	@Autowired
	TransferScreening monitor;

	@Autowired
	DissuasionDesk warnings;

	/**
	 * Banks' payer warnings and operators' calls from known fraud numbers become
	 * dissuasion tasks while it runs.
	 */
	@Test
	void warningsAndVisitTasksAppearLive() throws Exception {
		long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
		while (province.isRunning() && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		var province = new DissuasionDesk.Viewer("test", "SN-AFC", DissuasionDesk.Viewer.Kind.CENTRE, "61");
		List<DissuasionDesk.TaskView> tasks = warnings.list(province, false, 10_000);
		assertThat(tasks).isNotEmpty();
		assertThat(tasks).extracting(DissuasionDesk.TaskView::channel).contains("VISIT");
		assertThat(tasks).allSatisfy(t -> assertThat(t.region()).startsWith("61"));
		// visits are routed: to a station on the platform by county, or to the county
		// bureau
		assertThat(tasks).filteredOn(t -> t.channel().equals("VISIT"))
			.allSatisfy(t -> assertThat(t.stationCode()).matches("XA-[A-Z]+-[A-Z]+|COUNTY-61[0-9]{4}"));
		// one open task per person at most
		assertThat(tasks.stream().filter(DissuasionDesk.TaskView::open).map(DissuasionDesk.TaskView::personPhone))
			.doesNotHaveDuplicates();
		System.out.println("[live] " + tasks.size() + " dissuasion tasks, by channel " + tasks.stream()
			.collect(Collectors.groupingBy(DissuasionDesk.TaskView::channel, Collectors.counting())));
	}

	@Test
	void simulatedReportsAreTakenInTracedStoppedAndAnsweredWithoutAnyone() throws Exception {
		long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
		while (province.isRunning() && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		List<CaseSummary> taken = cases.list(null, 500);
		assertThat(taken).hasSize(collector.cases.size());
		assertThat(taken).allSatisfy(s -> {
			assertThat(s.caseNumber()).startsWith("SN-AFC-");
			// the simulated desk enters the payments two minutes after each report:
			// within the 30 minutes
			assertThat(s.overdue()).isFalse();
		});
		// every case gets instructions, issued by policy, and the simulated banks answer
		// them
		List<InstructionView> all = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			all.clear();
			for (CaseSummary s : taken) {
				all.addAll(funds.forCase(s.caseNumber()));
			}
			if (!all.isEmpty() && all.stream()
				.noneMatch(v -> v.status().name().equals("ISSUED") || v.status().name().equals("PROPOSED"))) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(all).isNotEmpty();
		assertThat(all)
			.allSatisfy(v -> assertThat(v.status().name()).isIn("EXECUTED", "PARTIALLY_EXECUTED", "REJECTED"));
		assertThat(all).anySatisfy(v -> assertThat(v.status().name()).isIn("EXECUTED", "PARTIALLY_EXECUTED"));
	}

}
