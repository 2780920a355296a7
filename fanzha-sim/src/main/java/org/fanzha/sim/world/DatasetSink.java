package org.fanzha.sim.world;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.fanzha.core.PhoneNumber;
import org.fanzha.sim.io.CsvFile;
import org.fanzha.sim.io.DatasetWriter;
import org.fanzha.sim.io.Table;

/**
 * Writes a simulated world as a Fanzha dataset (the schema of {@link Table}, documented
 * in docs/simulator.md). Ids: persons {@code P<n>}, accounts {@code A<n>}, transfers
 * {@code T<n>}, calls {@code K<n>}, texts {@code M<n>}, cases {@code C<n>}, gangs
 * {@code G<n>}, chains {@code L<n>}, merchants {@code B<n>}, agents
 * {@code AG<county>-<n>}.
 */
public final class DatasetSink implements EventSink, AutoCloseable {

	private final DatasetWriter out;

	private World world;

	private CsvFile transfers;

	private CsvFile calls;

	private CsvFile sms;

	private CsvFile laundering;

	private CsvFile cases;

	private CsvFile victims;

	private String[] countyCodes;

	private byte[][] countyBytes;

	private static final byte[][] CHANNEL_BYTES = new byte[TransferChannel.values().length][];

	private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

	static {
		for (TransferChannel c : TransferChannel.values()) {
			CHANNEL_BYTES[c.ordinal()] = c.name().getBytes(StandardCharsets.US_ASCII);
		}
	}

	public DatasetSink(Path dir) {
		this.out = new DatasetWriter(dir);
	}

	public DatasetWriter writer() {
		return out;
	}

	@Override
	public void begin(World w) {
		this.world = w;
		Population pop = w.population;
		countyCodes = new String[pop.counties()];
		countyBytes = new byte[countyCodes.length][];
		for (int c = 0; c < countyCodes.length; c++) {
			countyCodes[c] = pop.counties[c].value();
			countyBytes[c] = countyCodes[c].getBytes(StandardCharsets.US_ASCII);
		}
		writeInstitutions();
		writePersons(pop);
		writeAccounts(pop);
		writeMerchants(pop);
		writeSims(pop, w.gangs);
		writeGangs(w);
		transfers = out.file(Table.TRANSFERS);
		calls = out.file(Table.CALLS);
		sms = out.file(Table.SMS);
		laundering = out.file(Table.TRUTH_LAUNDERING);
		cases = out.file(Table.CASES);
		victims = out.file(Table.TRUTH_VICTIMS);
	}

	private void writeInstitutions() {
		CsvFile f = out.file(Table.INSTITUTIONS);
		for (Catalog.Institution i : Catalog.INSTITUTIONS) {
			f.text(i.code()).text(i.name()).text(i.bank() ? "BANK" : "PAYMENT").endRow();
		}
	}

	private static final byte[] MALE = ascii("M");

	private static final byte[] FEMALE = ascii("F");

	private static final byte[][] OCCUPATION_BYTES = Arrays.stream(Occupation.values())
		.map(o -> ascii(o.name()))
		.toArray(byte[][]::new);

	private void writePersons(Population pop) {
		CsvFile f = out.file(Table.PERSONS);
		for (int p = 0; p < pop.persons; p++) {
			f.id('P', p)
				.text(pop.name(p))
				.text(pop.idNumber(p))
				.bytes(pop.gender[p] == 0 ? MALE : FEMALE)
				.date(pop.birthDay[p])
				.bytes(OCCUPATION_BYTES[pop.occupation[p]])
				.bytes(countyBytes[pop.county[p]]);
			if (pop.school[p] >= 0) {
				f.text(Catalog.SCHOOLS.get(pop.school[p]).name());
			}
			else {
				f.empty();
			}
			f.number(pop.simPhone[pop.firstSim[p]]).endRow();
		}
	}

	private static final String[] CLASSES = { "", "I", "II", "III" };

	private static final byte[][] KIND_BYTES = { ascii("PERSONAL"), ascii("MERCHANT"), ascii("EMPLOYER") };

	private static final byte[][] INSTITUTION_BYTES = Catalog.INSTITUTIONS.stream()
		.map(i -> ascii(i.code()))
		.toArray(byte[][]::new);

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private byte[][] agentBytes;

	/** Operator names by 3-digit segment (100-199). */
	private static final byte[][] OPERATOR_BYTES = new byte[200][];

	static {
		for (int seg = 130; seg < 200; seg++) {
			OPERATOR_BYTES[seg] = ascii(PhoneNumber.isValid(seg + "00000000")
					? PhoneNumber.parse(seg + "00000000").operator().name() : "UNKNOWN");
		}
	}

	private void writeAccounts(Population pop) {
		CsvFile f = out.file(Table.ACCOUNTS);
		for (int a = 0; a < pop.accounts(); a++) {
			f.id('A', a).number(pop.openingBalance[a]).bytes(INSTITUTION_BYTES[pop.accountInstitution[a]]);
			long card = pop.cardNumberValue(a);
			if (card < 0) {
				f.empty();
			}
			else {
				f.number(card);
			}
			switch (pop.accountKind[a]) {
				case Population.KIND_PERSONAL -> f.id('P', pop.accountHolder[a]);
				case Population.KIND_MERCHANT -> f.id('B', pop.accountHolder[a]);
				default -> f.text("EMPLOYER");
			}
			f.text(CLASSES[pop.accountClass[a]])
				.date(pop.accountOpenDay[a])
				.bytes(countyBytes[pop.accountBranch[a]])
				.bytes(KIND_BYTES[pop.accountKind[a]])
				.endRow();
		}
	}

	private void writeMerchants(Population pop) {
		CsvFile f = out.file(Table.MERCHANTS);
		Catalog.MerchantCategory[] cats = Catalog.MerchantCategory.values();
		for (int m = 0; m < pop.merchants; m++) {
			f.id('B', m)
				.text(cats[pop.merchantCategory[m]].name() + "-" + m)
				.text(cats[pop.merchantCategory[m]].name())
				.text(countyCodes[pop.merchantCounty[m]])
				.id('A', pop.merchantAccount[m])
				.endRow();
		}
	}

	private void writeSims(Population pop, Gangs gangs) {
		CsvFile f = out.file(Table.SIMS);
		for (int s = 0; s < pop.sims(); s++) {
			sim(f, pop.simPhone[s], pop.simHolder[s], pop.simActivationDay[s], pop.simImei[s], pop.simAgent[s]);
		}
		for (int s = 0; s < gangs.fraudSims; s++) {
			sim(f, gangs.fraudPhone[s], gangs.fraudHolder[s], gangs.fraudActivationDay[s], gangs.fraudImei[s],
					gangs.fraudAgent[s]);
		}
		CsvFile truth = out.file(Table.TRUTH_FRAUD_SIMS);
		for (int s = 0; s < gangs.fraudSims; s++) {
			truth.number(gangs.fraudPhone[s])
				.id('G', gangs.fraudGang[s])
				.text(Gangs.SimSource.values()[gangs.fraudSource[s]].name())
				.number(gangs.fraudImei[s])
				.endRow();
		}
	}

	private void sim(CsvFile f, long phone, int holder, int day, long imei, int agent) {
		int county = agent / Population.AGENTS_PER_COUNTY;
		if (agentBytes == null) {
			agentBytes = new byte[countyCodes.length * Population.AGENTS_PER_COUNTY][];
			for (int g = 0; g < agentBytes.length; g++) {
				agentBytes[g] = ascii("AG" + countyCodes[g / Population.AGENTS_PER_COUNTY] + "-"
						+ (g % Population.AGENTS_PER_COUNTY));
			}
		}
		f.number(phone)
			.id('P', holder)
			.bytes(OPERATOR_BYTES[(int) (phone / 100_000_000L)])
			.date(day)
			.number(imei)
			.bytes(agentBytes[agent])
			.bytes(countyBytes[county])
			.endRow();
	}

	private void writeGangs(World w) {
		CsvFile f = out.file(Table.TRUTH_GANGS);
		for (Gangs.Gang g : w.gangs.all()) {
			f.id('G', g.id)
				.text(g.type.name())
				.text(countyCodes[g.baseCounty])
				.bool(g.simBox)
				.bool(w.config.evasive())
				.endRow();
		}
	}

	@Override
	public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel, int county) {
		CsvFile f = transfers;
		f.id('T', id).time(time).id('A', from);
		if (to < 0) {
			f.empty();
		}
		else {
			f.id('A', to);
		}
		f.number(amountFen).bytes(CHANNEL_BYTES[channel.ordinal()]).bytes(countyBytes[county]).endRow();
	}

	@Override
	public void call(long id, long time, long caller, long callee, int durationSeconds, boolean answered, int county,
			long imei) {
		calls.id('K', id)
			.time(time)
			.number(caller)
			.number(callee)
			.number(durationSeconds)
			.bytes(answered ? TRUE : FALSE)
			.bytes(countyBytes[county])
			.number(imei)
			.endRow();
	}

	@Override
	public void sms(long id, long time, long sender, long receiver, int county) {
		sms.id('M', id).time(time).number(sender).number(receiver).bytes(countyBytes[county]).endRow();
	}

	@Override
	public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
		laundering.id('T', transferId).id('L', chainId).id('G', gang).number(level).id('T', victimTransferId).endRow();
	}

	@Override
	public void caseReport(CaseReport c) {
		CsvFile f = cases;
		f.id('C', c.caseId())
			.time(c.reportTime())
			.id('P', c.victim())
			.text(c.type().name())
			.text(countyCodes[c.county()])
			.number(c.lossFen());
		StringBuilder b = new StringBuilder();
		for (long t : c.reportedTransfers()) {
			b.append(b.length() == 0 ? "" : ";").append('T').append(t);
		}
		f.text(b.toString());
		b.setLength(0);
		for (long p : c.suspectPhones()) {
			b.append(b.length() == 0 ? "" : ";").append(p);
		}
		f.text(b.toString()).text(c.suspectAppOrUrl()).text(c.suspectIm()).endRow();
	}

	@Override
	public void victim(VictimRecord v) {
		victims.id('P', v.person())
			.id('G', v.gang())
			.text(v.type().name())
			.time(v.firstContact())
			.number(v.payments())
			.number(v.lossFen())
			.bool(v.reports());
		if (v.caseId() >= 0) {
			victims.id('C', v.caseId());
		}
		else {
			victims.empty();
		}
		victims.endRow();
	}

	@Override
	public void end(World w) {
		CsvFile f = out.file(Table.TRUTH_MULE_ACCOUNTS);
		CsvFile shapes = out.file(Table.TRUTH_MULE_TYPOLOGIES);
		Population pop = w.population;
		for (int a = 0; a < pop.accounts(); a++) {
			if (!w.isMule(a)) {
				continue;
			}
			shapes.id('A', a).text(w.config.typologyLabel(w.muleGang(a)));
			shapes.endRow();
			f.id('A', a).id('G', w.muleGang(a)).number(w.muleLevel(a)).text(w.muleKind(a).name());
			long chain = w.muleFirstChain(a);
			if (chain >= 0) {
				f.id('L', chain);
			}
			else {
				f.empty();
			}
			f.endRow();
		}
	}

	@Override
	public void close() {
		out.close();
	}

	/** Simulates a world into a directory. */
	public static void write(SimConfig config, Path dir) {
		World world = new World(config);
		try (DatasetSink sink = new DatasetSink(dir)) {
			new Simulator(world).run(sink);
		}
	}

}
