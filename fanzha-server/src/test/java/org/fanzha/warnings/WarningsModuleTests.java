package org.fanzha.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.fanzha.audit.AuditTrail;
import org.fanzha.cases.SuspectPhonesReported;
import org.fanzha.core.RegionCode;
import org.fanzha.engine.warnings.WarningGrader.Confidence;
import org.fanzha.identity.Agency;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.telecom.SimRestricted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The warnings module on its own ({@link ApplicationModuleTest}, standalone: only this
 * module's beans, the database and the event registry): the directory and the audit trail
 * of the identity and audit modules are stand-ins. What it must do with the events of
 * other modules — a number a victim names becomes a confirmed fraud number, a SIM the
 * telecom module restricted a suspected one — and what a signal batch raises, without
 * booting the platform.
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE, extraIncludes = "platform")
class WarningsModuleTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@TestConfiguration
	static class Config {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	@MockitoBean
	Directory directory;

	@MockitoBean
	AuditTrail audit;

	@Autowired
	SignalIntake intake;

	@Autowired
	DissuasionDesk warnings;

	@Test
	void aNumberAVictimNamesBecomesAConfirmedFraudNumber(Scenario scenario) {
		scenario.publish(new SuspectPhonesReported("XA-AFC-2026-000777", NOW, List.of("+8617012345678"), "LOAN"))
			.andWaitForStateChange(() -> intake.fraudNumber("8617012345678").orElse(null))
			.andVerify(c -> assertThat(c).isEqualTo(Confidence.CONFIRMED));
		assertThat(intake.isFraudNumber(8_617_012_345_678L)).isTrue();
	}

	@Test
	void aSimTheOperatorRestrictedIsASuspectedFraudNumber(Scenario scenario) {
		scenario.publish(new SimRestricted("17055550001", "CMCC", "RESTRICT_OUTGOING", false, List.of("R-T3"), NOW))
			.andWaitForStateChange(() -> intake.fraudNumber("17055550001").orElse(null))
			.andVerify(c -> assertThat(c).isEqualTo(Confidence.SUSPECTED));
	}

	@Test
	void aBanksPayerWarningRaisesOneTaskRoutedToTheStationOfThePersonsCounty() {
		given(directory.agencies()).willReturn(
				List.of(new Agency(1, "XA-YT-XZL", "小寨路派出所", AgencyType.POLICE_STATION, RegionCode.of("610113")),
						new Agency(2, "SN-AFC", "陕西省反诈中心", AgencyType.ANTI_FRAUD_CENTRE, RegionCode.of("610000"))));
		SignalIntake.SignalIn payer = new SignalIntake.SignalIn("PAYER_WARNING", "13912340001", "王某", null, "610113",
				null, null, null, null, 3_000_000L, null, NOW.minusSeconds(60));
		SignalIntake.Receipt first = intake.signals(AgencyType.BANK, "test", List.of(payer, payer));
		assertThat(first.signals()).isEqualTo(2);
		assertThat(first.tasksRaised()).as("one person, one open task").isEqualTo(1);
		DissuasionDesk.Viewer centre = new DissuasionDesk.Viewer("test", "SN-AFC", DissuasionDesk.Viewer.Kind.CENTRE,
				"61");
		List<DissuasionDesk.TaskView> tasks = warnings.list(centre, false, 10)
			.stream()
			.filter(t -> t.personPhone().equals("13912340001"))
			.toList();
		assertThat(tasks).hasSize(1);
		DissuasionDesk.TaskView task = tasks.get(0);
		if ("VISIT".equals(task.channel())) {
			assertThat(task.stationCode()).isEqualTo("XA-YT-XZL");
		}
		else if ("PHONE_CALL".equals(task.channel())) {
			assertThat(task.stationCode()).isEqualTo("SN-AFC");
		}
		assertThat(task.history()).first().asString().contains("预警生成");
	}

}
