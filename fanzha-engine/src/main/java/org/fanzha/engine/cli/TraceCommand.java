package org.fanzha.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

import org.fanzha.core.Beijing;
import org.fanzha.core.Money;
import org.fanzha.engine.graph.DatasetAccounts;
import org.fanzha.engine.graph.DatasetLoader;
import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.stop.StopInstruction;
import org.fanzha.engine.stop.StopPaymentPlanner;
import org.fanzha.engine.stop.StopRegistry;
import org.fanzha.engine.trace.Policy;
import org.fanzha.engine.trace.Trace;
import org.fanzha.engine.trace.TraceRequest;
import org.fanzha.engine.trace.TraceResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./fanzha trace --data DIR --transfer ID ...}: follow victims' money and propose
 * the stop-payments.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
		description = "Trace victims' payments through later transfers in a dataset (accounts.csv, transfers.csv) and "
				+ "print the flows, the traced money still held, the exits and the stop-payment plan.")
public class TraceCommand implements Callable<Integer> {

	static final ZoneOffset CST = Beijing.ZONE;

	@Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset directory.")
	Path data;

	@Option(names = "--transfer", required = true, paramLabel = "ID",
			description = "A victim's payment (repeatable; one victim each).")
	List<String> transfers;

	@Option(names = "--as-of", paramLabel = "TIME",
			description = "ISO-8601 time with offset (default: after the last transfer).")
	String asOf;

	@Option(names = "--policy", defaultValue = "fifo",
			description = "fifo, lifo, haircut or poison (default: ${DEFAULT-VALUE}).")
	String policy;

	@Option(names = "--max-hops", defaultValue = "8",
			description = "Follow at most this many transfers from the victim (default: ${DEFAULT-VALUE}).")
	int maxHops;

	@Option(names = "--min-amount", defaultValue = "0", paramLabel = "FEN",
			description = "Do not follow traced amounts below this.")
	long minAmount;

	@Option(names = "--json", description = "Print one JSON object.")
	boolean json;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter err = spec.commandLine().getErr();
		Policy p;
		try {
			p = Policy.valueOf(policy.toUpperCase());
		}
		catch (IllegalArgumentException e) {
			err.println("fanzha trace: unknown policy '" + policy + "': use fifo, lifo, haircut or poison");
			return 2;
		}
		TransferGraph g;
		DatasetAccounts info;
		try {
			g = DatasetLoader.load(data);
			info = DatasetAccounts.load(data, g);
		}
		catch (IOException | IllegalArgumentException | UncheckedIOException e) {
			err.println("fanzha trace: cannot read " + data + ": " + e.getMessage());
			return 2;
		}
		int[] seeds = new int[transfers.size()];
		for (int i = 0; i < seeds.length; i++) {
			seeds[i] = g.transferIndex(transfers.get(i));
			if (seeds[i] < 0) {
				err.println("fanzha trace: unknown transfer id '" + transfers.get(i) + "' in " + data);
				return 2;
			}
		}
		long at;
		try {
			at = asOf == null ? (g.transfers() == 0 ? 0 : g.time(g.transfers() - 1))
					: OffsetDateTime.parse(asOf).toEpochSecond();
		}
		catch (DateTimeParseException e) {
			err.println(
					"fanzha trace: --as-of must be an ISO-8601 time with offset such as 2026-03-01T10:00:00+08:00, got '"
							+ asOf + "'");
			return 2;
		}
		TraceResult r;
		StopPaymentPlanner.Plan plan;
		try {
			r = Trace.run(g, new TraceRequest(seeds, null, at, p, maxHops, minAmount, 365L * 86_400));
			plan = StopPaymentPlanner.plan(g, r, info, new StopRegistry(), at, 1);
		}
		catch (IllegalArgumentException e) {
			err.println("fanzha trace: " + e.getMessage());
			return 2;
		}
		PrintWriter out = spec.commandLine().getOut();
		out.println(json ? json(g, r, plan) : table(g, r, plan));
		out.flush();
		return 0;
	}

	static String time(long epochSecond) {
		return Instant.ofEpochSecond(epochSecond).atOffset(CST).toString();
	}

	static String json(TransferGraph g, TraceResult r, StopPaymentPlanner.Plan plan) {
		Json j = new Json().open('{').field("policy", r.policy().name().toLowerCase()).field("asOf", time(r.asOf()));
		j.key("flows").open('[');
		for (TraceResult.Flow f : r.flows()) {
			j.open('{')
				.field("transfer", g.transferId(f.transfer()))
				.field("from", g.accountId(f.from()))
				.field("to", f.to() < 0 ? null : g.accountId(f.to()))
				.field("time", time(f.time()))
				.field("amount", f.amount())
				.field("traced", f.traced())
				.field("level", f.level());
			perVictim(j, f.perVictim());
			j.close('}');
		}
		j.close(']').key("holdings").open('[');
		for (TraceResult.Holding h : r.holdings()) {
			j.open('{')
				.field("account", g.accountId(h.account()))
				.field("amount", h.amount())
				.field("level", h.level());
			perVictim(j, h.perVictim());
			j.close('}');
		}
		j.close(']').key("exits").open('[');
		for (TraceResult.Exit e : r.exits()) {
			j.open('{')
				.field("transfer", g.transferId(e.transfer()))
				.field("account", g.accountId(e.account()))
				.field("channel", e.channel())
				.field("amount", e.amount())
				.field("kind", e.kind().name())
				.close('}');
		}
		j.close(']').key("plan").open('[');
		for (StopInstruction s : plan.instructions()) {
			j.open('{')
				.field("account", s.accountId())
				.field("payeeName", s.payeeName())
				.field("accountNumber", s.accountNumber())
				.field("institution", s.institution())
				.field("amount", s.amountFen())
				.field("transactionTime", time(s.transactionTime()))
				.field("transfer", s.transferId())
				.field("parentAccount", s.parentAccount())
				.field("level", s.level())
				.field("kind", s.kind().name())
				.field("expectedMoveAt", time(s.expectedMoveAt()))
				.close('}');
		}
		j.close(']').key("skipped").open('[');
		for (StopPaymentPlanner.Skipped s : plan.skipped()) {
			j.open('{')
				.field("account", s.accountId())
				.field("amount", s.amountFen())
				.field("reason", s.reason())
				.close('}');
		}
		return j.close(']').close('}').toString();
	}

	private static void perVictim(Json j, long[] per) {
		j.key("perVictim").open('[');
		for (long v : per) {
			j.value(v);
		}
		j.close(']');
	}

	static String table(TransferGraph g, TraceResult r, StopPaymentPlanner.Plan plan) {
		StringBuilder b = new StringBuilder();
		long seeded = r.flows().stream().filter(f -> f.level() == 1).mapToLong(TraceResult.Flow::traced).sum();
		b.append(String.format(
				"Trace (%s) as of %s: %s paid by %d victim(s); %d flows; %s held in %d accounts; %s gone out%n%n",
				r.policy().name().toLowerCase(), time(r.asOf()), Money.ofFen(seeded), r.victims(), r.flows().size(),
				Money.ofFen(r.totalHeld()), r.holdings().size(), Money.ofFen(r.totalExited())));
		b.append(String.format("%-5s %-10s %-26s %-12s %-12s %14s %14s%n", "level", "transfer", "time", "from", "to",
				"amount", "traced"));
		for (TraceResult.Flow f : r.flows()) {
			b.append(String.format("%-5d %-10s %-26s %-12s %-12s %14s %14s%n", f.level(), g.transferId(f.transfer()),
					time(f.time()), g.accountId(f.from()), f.to() < 0 ? "(cash)" : g.accountId(f.to()),
					Money.ofFen(f.amount()), Money.ofFen(f.traced())));
		}
		b.append(String.format("%nExits%n"));
		for (TraceResult.Exit e : r.exits()) {
			b.append(String.format("  %-10s %-12s %-12s %-13s %14s%n", g.transferId(e.transfer()),
					g.accountId(e.account()), e.channel(), e.kind(), Money.ofFen(e.amount())));
		}
		b.append(String.format("%nStop-payment plan (most urgent first): %d instructions, %s%n",
				plan.instructions().size(), Money.ofFen(plan.totalFen())));
		b.append(String.format("  %-9s %-12s %-10s %-22s %14s %-26s %-26s%n", "kind", "account", "bank", "number",
				"amount", "transaction time", "expected to move"));
		for (StopInstruction s : plan.instructions()) {
			b.append(String.format("  %-9s %-12s %-10s %-22s %14s %-26s %-26s%n", s.kind(), s.accountId(),
					s.institution() == null ? "-" : s.institution(), s.accountNumber(), Money.ofFen(s.amountFen()),
					time(s.transactionTime()), time(s.expectedMoveAt())));
		}
		for (StopPaymentPlanner.Skipped s : plan.skipped()) {
			b.append(String.format("  skipped %-12s %14s %s%n", s.accountId(), Money.ofFen(s.amountFen()), s.reason()));
		}
		return b.toString();
	}

}
