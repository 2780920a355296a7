package org.fanzha.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fanzha.cases.CaseRegister;
import org.fanzha.cases.CaseSummary;
import org.fanzha.cases.Intake;
import org.fanzha.core.FraudType;
import org.fanzha.sim.world.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the demo, every simulated victim's report is taken in by the anti-fraud centre as a
 * case, as the 110/96110 desk would: the victim's identity from the world, the payments
 * from the victim's own bank records, the leads the victim could name.
 */
@Component
class DemoIntake {

	private static final Logger log = LoggerFactory.getLogger(DemoIntake.class);

	private final LiveProvince province;

	private final BankBooks books;

	private final CaseRegister cases;

	private final SimulationProperties properties;

	DemoIntake(LiveProvince province, BankBooks books, CaseRegister cases, SimulationProperties properties) {
		this.province = province;
		this.books = books;
		this.cases = cases;
		this.properties = properties;
	}

	@EventListener
	void on(SimulatedCaseReported report) {
		World world = province.world();
		if (world == null) {
			return;
		}
		try {
			int person = Integer.parseInt(report.victimPersonId().substring(1));
			var pop = world.population;
			List<Intake.Payment> payments = new ArrayList<>();
			for (String t : report.reportedTransfers()) {
				// the victim's own payment, as their bank app shows it
				books.transfer(t).filter(v -> v[1] >= 0).ifPresent(v -> {
					int payee = (int) v[1];
					payments.add(new Intake.Payment("A" + v[0], pop.holderName(payee), "A" + payee,
							pop.institutionCode(payee), v[2], Instant.ofEpochSecond(v[3]), t));
				});
			}
			Intake intake = new Intake(
					new Intake.Victim(pop.name(person), pop.idNumber(person), Long.toString(pop.phoneOf(person)),
							report.regionCode()),
					report.fraudType(),
					"模拟省份报案：" + FraudType.parse(report.fraudType()).map(FraudType::label).orElse(""),
					report.reportedAt(), payments,
					new Intake.Suspects(report.suspectPhones(), List.of(),
							report.suspectAppOrUrl() != null && report.suspectAppOrUrl().startsWith("http")
									? List.of(report.suspectAppOrUrl()) : List.of(),
							report.suspectAppOrUrl() != null && !report.suspectAppOrUrl().startsWith("http")
									? List.of(report.suspectAppOrUrl()) : List.of(),
							report.suspectIm() == null ? List.of() : List.of(report.suspectIm())));
			// the simulated desk enters the report as it comes in, at the province's own
			// time
			CaseSummary s = cases.report(properties.intakeAgency(), "110-simulated", intake,
					report.reportedAt().plusSeconds(120));
			log.info("Simulated report {} taken in as case {}", report.caseId(), s.caseNumber());
		}
		catch (RuntimeException e) {
			log.warn("Simulated report {} could not be taken in: {}", report.caseId(), e.getMessage());
		}
	}

}
