package org.fanzha.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.fanzha.engine.cli.Json;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.sim.evaluate.Backtest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./fanzha backtest --data DIR [--rules FILE] [--json]}: a rule set replayed over
 * a dataset, rule by rule.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
		description = "Replay a dataset directory through a monitoring rule set (shadow rules included) and report, "
				+ "per rule, what it matched, decided and flagged, against the labelled mules when there are any.")
public class BacktestCommand implements Callable<Integer> {

	@Option(names = "--data", required = true, paramLabel = "DIR",
			description = "A dataset (./fanzha simulate or import).")
	Path data;

	@Option(names = "--rules", paramLabel = "FILE", description = "Rule set text (default: the shipped rules).")
	Path rules;

	@Option(names = "--json", description = "Print one JSON object.")
	boolean json;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter err = spec.commandLine().getErr();
		Backtest.Report r;
		try {
			RuleSet set = rules == null ? Backtest.defaultRules() : RuleSet.parse(Files.readString(rules));
			r = Backtest.run(data, set);
		}
		catch (NoSuchFileException e) {
			err.println("fanzha backtest: no such file " + e.getFile()
					+ (e.getReason() == null ? "" : " (" + e.getReason() + ")"));
			return 2;
		}
		catch (IOException | IllegalArgumentException | UncheckedIOException e) {
			err.println("fanzha backtest: "
					+ (rules != null && e instanceof IllegalArgumentException ? rules + ": " : "") + e.getMessage());
			return 2;
		}
		PrintWriter out = spec.commandLine().getOut();
		if (json) {
			Json j = new Json().open('{')
				.field("rulesVersion", r.rulesVersion())
				.field("transfers", r.transfers())
				.field("reportsReplayed", r.reportsReplayed())
				.field("labelled", r.labelled())
				.field("muleAccounts", r.mules())
				.field("flagged", r.flagged())
				.field("precision", r.precision())
				.field("recall", r.recall())
				.field("f1", r.f1())
				.field("legitDelayedPer10k", r.legitDelayedPer10k());
			j.key("rules").open('[');
			for (Backtest.RuleStats s : r.rules()) {
				j.open('{')
					.field("id", s.id())
					.field("action", s.action().name())
					.field("shadow", s.shadow())
					.field("matched", s.matched())
					.field("decided", s.decided())
					.field("accountsFlagged", s.accountsFlagged())
					.field("mulesFlagged", s.mulesFlagged())
					.field("precision", s.precision())
					.field("legitMatched", s.legitMatched())
					.field("guarded", s.guarded())
					.close('}');
			}
			out.println(j.close(']').close('}'));
		}
		else {
			out.printf("Backtest of rules version %d over %s: %,d transfers, %,d reported payments replayed%n",
					r.rulesVersion(), data, r.transfers(), r.reportsReplayed());
			if (r.labelled()) {
				out.printf("  flagged %,d accounts, %,d of %,d labelled mules: precision %.3f, recall %.3f, F1 %.3f%n",
						r.flagged(), r.truePositives(), r.mules(), r.precision(), r.recall(), r.f1());
				out.printf("  legit transfers delayed or frozen: %.2f per 10,000%n", r.legitDelayedPer10k());
			}
			else {
				out.printf("  flagged %,d accounts (the dataset has no labels)%n", r.flagged());
			}
			out.printf("%n  %-20s %-18s %10s %10s %9s %7s %9s %11s%n", "rule", "action", "matched", "decided",
					"accounts", "mules", "precision", "legit hits");
			for (Backtest.RuleStats s : r.rules()) {
				out.printf("  %-20s %-18s %,10d %,10d %,9d %,7d %9s %,11d%n", s.id(),
						s.action() + (s.shadow() ? " (shadow)" : s.guarded() ? " (guarded)" : ""), s.matched(),
						s.decided(), s.accountsFlagged(), s.mulesFlagged(),
						r.labelled() ? String.format("%.3f", s.precision()) : "-", s.legitMatched());
			}
		}
		out.flush();
		return 0;
	}

}
