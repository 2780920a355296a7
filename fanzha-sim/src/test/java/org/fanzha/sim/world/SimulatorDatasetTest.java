package org.fanzha.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.fanzha.core.BankCardNumber;
import org.fanzha.core.IdNumber;
import org.fanzha.core.PhoneNumber;
import org.fanzha.core.RegionCode;
import org.fanzha.sim.io.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of a simulated world: deterministic, valid identifiers, consistent
 * references, documented columns.
 */
class SimulatorDatasetTest {

	@TempDir
	static Path tmp;

	static Path a;

	@BeforeAll
	static void simulate() {
		a = tmp.resolve("A");
		DatasetSink.write(SimConfig.preset("tiny", 1), a);
	}

	static List<String[]> rows(Path dir, Table t) throws IOException {
		List<String> lines = Files.readAllLines(dir.resolve(t.fileName()));
		assertThat(lines.get(0)).isEqualTo(t.header());
		List<String[]> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			rows.add(line.split(",", -1));
		}
		return rows;
	}

	static List<Path> files(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
		}
	}

	@Test
	void sameSeedGivesByteIdenticalFilesAndAnotherSeedDiffers() throws IOException {
		Path b = tmp.resolve("B");
		DatasetSink.write(SimConfig.preset("tiny", 1), b);
		assertThat(files(b)).isEqualTo(files(a)).hasSize(Table.values().length);
		for (Path f : files(a)) {
			assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f.toString()).isEqualTo(-1L);
		}
		Path c = tmp.resolve("C");
		DatasetSink.write(SimConfig.preset("tiny", 2), c);
		assertThat(Files.mismatch(a.resolve("transfers.csv"), c.resolve("transfers.csv"))).isNotEqualTo(-1L);
		assertThat(Files.mismatch(a.resolve("persons.csv"), c.resolve("persons.csv"))).isNotEqualTo(-1L);
	}

	@Test
	void everyIdentifierPassesItsCheck() throws IOException {
		List<String[]> persons = rows(a, Table.PERSONS);
		assertThat(persons).hasSize(5_000);
		for (String[] p : persons) {
			IdNumber id = IdNumber.parse(p[2]);
			assertThat(id.birthDate().toString()).isEqualTo(p[4]);
			assertThat(id.gender().name().charAt(0)).isEqualTo(p[3].charAt(0));
			assertThat(id.regionCode().value()).isEqualTo(p[6]);
			RegionCode.of(p[6]);
			PhoneNumber.parse(p[8]);
			assertThat(id.ageOn(SimConfig.DEFAULT_START)).isBetween(18, 85);
		}
		int cards = 0;
		for (String[] acc : rows(a, Table.ACCOUNTS)) {
			if (!acc[3].isEmpty()) {
				BankCardNumber.parse(acc[3]);
				cards++;
			}
			RegionCode.of(acc[7]);
		}
		assertThat(cards).isGreaterThan(5_000);
		Set<String> phones = new HashSet<>();
		for (String[] sim : rows(a, Table.SIMS)) {
			PhoneNumber.parse(sim[0]);
			assertThat(phones.add(sim[0])).as("phone numbers are unique: " + sim[0]).isTrue();
			assertThat(sim[4]).hasSize(15);
			assertThat(BankCardNumber.isValid(sim[4])).as("IMEI Luhn " + sim[4]).isTrue();
		}
	}

	@Test
	void transfersAreInTimeOrderAndReferToKnownAccounts() throws IOException {
		Set<String> accounts = new HashSet<>();
		for (String[] acc : rows(a, Table.ACCOUNTS)) {
			accounts.add(acc[0]);
		}
		String last = "";
		Map<String, String[]> byId = new HashMap<>();
		for (String[] t : rows(a, Table.TRANSFERS)) {
			assertThat(t[1]).matches("2026-03-0[12]T\\d\\d:\\d\\d:\\d\\d\\+08:00");
			assertThat(t[1].compareTo(last)).isGreaterThanOrEqualTo(0);
			last = t[1];
			assertThat(accounts).contains(t[2]);
			TransferChannel ch = TransferChannel.valueOf(t[5]);
			if (ch.leavesBanking()) {
				assertThat(t[3]).isEmpty();
			}
			else {
				assertThat(accounts).contains(t[3]);
			}
			assertThat(Long.parseLong(t[4])).isPositive();
			byId.put(t[0], t);
		}
		for (String[] l : rows(a, Table.TRUTH_LAUNDERING)) {
			assertThat(byId).containsKey(l[0]).containsKey(l[4]);
		}
		Map<String, String> victimAccountHolder = new HashMap<>();
		for (String[] acc : rows(a, Table.ACCOUNTS)) {
			victimAccountHolder.put(acc[0], acc[4]);
		}
		List<String[]> cases = rows(a, Table.CASES);
		assertThat(cases).isNotEmpty();
		for (String[] c : cases) {
			for (String id : c[6].split(";")) {
				String[] payment = byId.get(id);
				assertThat(payment).as(id).isNotNull();
				assertThat(victimAccountHolder.get(payment[2])).isEqualTo(c[2]);
				assertThat(payment[1].compareTo(c[1])).isLessThan(0);
			}
		}
	}

	@Test
	void muleAccountsAndFraudSimsAreInTheData() throws IOException {
		Set<String> accounts = new HashSet<>();
		for (String[] acc : rows(a, Table.ACCOUNTS)) {
			accounts.add(acc[0]);
		}
		List<String[]> mules = rows(a, Table.TRUTH_MULE_ACCOUNTS);
		assertThat(mules).isNotEmpty();
		for (String[] m : mules) {
			assertThat(accounts).contains(m[0]);
			assertThat(Integer.parseInt(m[2])).isBetween(1, 6);
			Gangs.MuleKind.valueOf(m[3]);
		}
		Set<String> sims = new HashSet<>();
		for (String[] s : rows(a, Table.SIMS)) {
			sims.add(s[0]);
		}
		for (String[] f : rows(a, Table.TRUTH_FRAUD_SIMS)) {
			assertThat(sims).contains(f[0]);
		}
	}

}
