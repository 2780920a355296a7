package org.fanzha.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

import org.fanzha.core.Beijing;
import org.fanzha.engine.cli.Json;
import org.fanzha.engine.linking.CaseLinker;
import org.fanzha.engine.linking.IdentifierKind;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.model.Model;
import org.fanzha.engine.monitor.model.ModelFile;
import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.engine.telecom.SimRuleSet;
import org.fanzha.engine.warnings.Channel;
import org.fanzha.engine.warnings.Grade;
import org.fanzha.sim.evaluate.AccountEvaluation;
import org.fanzha.sim.evaluate.LinkingEvaluation;
import org.fanzha.sim.evaluate.MonitoringEvaluation;
import org.fanzha.sim.evaluate.MuleHoldout;
import org.fanzha.sim.evaluate.RecoveryEvaluation;
import org.fanzha.sim.evaluate.TelecomEvaluation;
import org.fanzha.sim.evaluate.WarningsEvaluation;
import org.fanzha.sim.world.FraudType;
import org.fanzha.sim.world.SimConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./fanzha evaluate ...}: the engines measured on a simulated province. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Measure an engine on a simulated province.",
		subcommands = { EvaluateCommand.Recovery.class, EvaluateCommand.Monitoring.class, EvaluateCommand.Telecom.class,
				EvaluateCommand.Warnings.class, EvaluateCommand.Linking.class, EvaluateCommand.Mules.class })
public class EvaluateCommand implements Runnable {

	/**
	 * A transfer-level model file's score function for the monitor, or null without a
	 * file.
	 */
	static ToDoubleFunction<double[]> scorer(Path modelFile) throws IOException {
		if (modelFile == null) {
			return null;
		}
		Model m = ModelFile.load(modelFile, RuleSet.FEATURES);
		return m::score;
	}

	/** The first line of an error, naming a missing file as such. */
	static String oneLine(Exception e) {
		String m = e instanceof NoSuchFileException ? "no such file " + e.getMessage() : e.getMessage();
		return m == null ? e.toString() : m.lines().findFirst().orElse("");
	}

	/**
	 * The world every evaluation runs on, one set of options for all of them:
	 * {@code --preset}, {@code --seed}, {@code --evasive} and
	 * {@code --world static|reacting} (whether the simulated gangs react to what the
	 * platform decided; docs/simulator.md, "A world that fights back"). The world is
	 * named in the output.
	 */
	public static final class WorldOptions {

		@Option(names = "--preset", defaultValue = "small", description = "World size (default: ${DEFAULT-VALUE}).")
		String preset;

		@Option(names = "--seed", defaultValue = "42",
				description = "World seed (monitoring with --data: the model's seed; default: ${DEFAULT-VALUE}).")
		long seed;

		@Option(names = "--evasive", description = "Gangs that adapt (split amounts, more SIM boxes).")
		boolean evasive;

		@Option(names = "--world", defaultValue = "static", paramLabel = "static|reacting",
				description = "static: gangs never react; reacting: they drop restricted SIMs and stopped accounts, speed "
						+ "up, probe the monitor and rotate apps after links (default: ${DEFAULT-VALUE}).")
		String world;

		/** The configuration of the world these options name. */
		SimConfig config() {
			return apply(SimConfig.preset(preset, seed).withEvasive(evasive));
		}

		SimConfig apply(SimConfig config) {
			return config.withWorld(world);
		}

		/** The JSON object with the world as its first field. */
		String json(String object) {
			return "{\"world\":\"" + world + "\"," + object.substring(1);
		}

		/**
		 * The text with the world named at the end of its first line when it is not the
		 * static one.
		 */
		String text(String text) {
			if ("static".equals(world)) {
				return text;
			}
			int eol = text.indexOf('\n');
			return eol < 0 ? text + " [" + world + " world]"
					: text.substring(0, eol) + " [" + world + " world]" + text.substring(eol);
		}

	}

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "monitoring", mixinStandardHelpOptions = true,
			description = "The default monitoring rules against the simulated mule accounts: precision, recall, F1, "
					+ "legit transfers delayed per 10,000, victims' money held at level 1. With --data DIR: a learned "
					+ "account-level model against the rules on a dataset split in time (docs/evaluation.md).")
	public static class Monitoring implements Callable<Integer> {

		@Option(names = "--data", paramLabel = "DIR",
				description = "A Fanzha dataset with truth/ (./fanzha simulate or import output): learned model and "
						+ "rules on a time split instead of a simulated province.")
		Path data;

		@Option(names = "--split", defaultValue = "0.6", paramLabel = "FRACTION",
				description = "With --data: share of the time range for training (default: ${DEFAULT-VALUE}).")
		double split;

		@Option(names = "--model", defaultValue = "gbt",
				description = "With --data: gbt or logistic (default: ${DEFAULT-VALUE}).")
		String model;

		@Option(names = "--rules", paramLabel = "FILE",
				description = "With --preset: a rule set of one's own (default: the shipped rules).")
		Path rulesFile;

		@Option(names = "--model-file", paramLabel = "FILE",
				description = "With --preset: a transfer-level model (./fanzha train monitoring) whose score feeds the rules' 'model' feature.")
		Path modelFile;

		@Option(names = "--json")
		boolean json;

		@CommandLine.Mixin
		WorldOptions world = new WorldOptions();

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() {
			if (data != null) {
				return dataset();
			}
			SimConfig config;
			RuleSet rules = null;
			ToDoubleFunction<double[]> scorer;
			try {
				config = world.config();
				if (rulesFile != null) {
					rules = RuleSet.parse(Files.readString(rulesFile));
				}
				scorer = scorer(modelFile);
			}
			catch (IllegalArgumentException | IOException e) {
				spec.commandLine().getErr().println("fanzha evaluate monitoring: " + oneLine(e));
				return 2;
			}
			MonitoringEvaluation.Report r = MonitoringEvaluation.run(config, rules, scorer);
			PrintWriter out = spec.commandLine().getOut();
			if (json) {
				out.println(world.json(new Json().open('{')
					.field("preset", r.preset())
					.field("seed", r.seed())
					.field("evasive", r.evasive())
					.field("transfers", r.transfers())
					.field("muleAccounts", r.mules())
					.field("flagged", r.flagged())
					.field("precision", r.precision())
					.field("recall", r.recall())
					.field("f1", r.f1())
					.field("legitDelayedPer10k", r.legitDelayedPer10k())
					.field("victimMoneyHeldAtLevel1", r.victimMoneyHeldShare())
					.field("medianMinutesToFlag", r.medianMinutesToFlag())
					.field("rulesVersion", r.rulesVersion())
					.field("model", modelFile == null ? null : modelFile.getFileName().toString())
					.close('}')
					.toString()));
			}
			else {
				out.print(world
					.text(String.format("Monitoring on preset %s, seed %d%s: %,d transfers, %d mule accounts%n",
							r.preset(), r.seed(), r.evasive() ? " (evasive)" : "", r.transfers(), r.mules())));
				out.printf("  flagged %d accounts, %d of them mules: precision %.3f, recall %.3f, F1 %.3f%n",
						r.flagged(), r.truePositives(), r.precision(), r.recall(), r.f1());
				out.printf("  legit transfers delayed or frozen: %.1f per 10,000%n", r.legitDelayedPer10k());
				out.printf("  victims' money delayed or frozen before it left level 1: %.1f %%%n",
						100 * r.victimMoneyHeldShare());
				out.printf(
						"  median time from a mule's first laundering transfer to its flag: %.0f min (rules version %d%s)%n",
						r.medianMinutesToFlag(), r.rulesVersion(),
						modelFile == null ? "" : ", model " + modelFile.getFileName());
			}
			out.flush();
			return 0;
		}

		/**
		 * The account-level evaluation of a learned model on a dataset directory
		 * ({@code --data}).
		 */
		private int dataset() {
			AccountEvaluation.Report r;
			try {
				if (!Files.isDirectory(data)) {
					throw new IllegalArgumentException("--data: no such directory: " + data);
				}
				r = AccountEvaluation.run(data, split, model, world.seed);
			}
			catch (IllegalArgumentException | IOException e) {
				String m = e instanceof NoSuchFileException ? "missing " + e.getMessage() : e.getMessage();
				spec.commandLine().getErr().println("fanzha evaluate monitoring: " + m.lines().findFirst().orElse(""));
				return 2;
			}
			PrintWriter out = spec.commandLine().getOut();
			out.println(json ? json(r, data) : text(r, data));
			out.flush();
			return 0;
		}

		private static String time(long epochSecond) {
			return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), Beijing.ZONE)
				.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}

		static String json(AccountEvaluation.Report r, Path data) {
			Json j = new Json().open('{')
				.field("data", data.toString())
				.field("model", r.model())
				.field("split", r.split())
				.field("trainFrom", time(r.trainFrom()))
				.field("trainTo", time(r.trainTo()))
				.field("testFrom", time(r.testFrom()))
				.field("testTo", time(r.testTo()))
				.field("testFeaturesFrom", time(r.testFeaturesFrom()))
				.field("trainAccounts", r.trainAccounts())
				.field("trainPositives", r.trainPositives())
				.field("folds", r.folds())
				.field("testAccounts", r.testAccounts())
				.field("testPositives", r.testPositives())
				.field("outOfFoldF1", r.validationF1())
				.field("threshold", r.threshold())
				.field("flagged", r.flagged())
				.field("truePositives", r.truePositives())
				.field("precision", r.precision())
				.field("recall", r.recall())
				.field("f1", r.f1())
				.field("auc", r.auc())
				.field("flagEveryoneF1", r.allFlaggedF1())
				.field("unfittedF1", r.unfittedF1())
				.field("testTransfers", r.testTransfers())
				.field("rulesFlagged", r.rulesFlagged())
				.field("rulesTruePositives", r.rulesTruePositives())
				.field("rulesPrecision", r.rulesPrecision())
				.field("rulesRecall", r.rulesRecall())
				.field("rulesF1", r.rulesF1())
				.field("legitDelayedPer10k", r.legitDelayedPer10k());
			j.key("topFeatures").open('[');
			for (String f : r.topFeatures()) {
				j.value(f);
			}
			return j.close(']').close('}').toString();
		}

		static String text(AccountEvaluation.Report r, Path data) {
			StringBuilder b = new StringBuilder();
			b.append(String.format("Monitoring on %s: learned %s model against the default rules, time split %.2f%n",
					data, r.model(), r.split()));
			b.append(String.format(
					"  training %s .. %s: %,d accounts (%,d mules), %d-fold cross-fitting, threshold %.3f "
							+ "(out-of-fold F1 %.3f)%n",
					time(r.trainFrom()), time(r.trainTo()), r.trainAccounts(), r.trainPositives(), r.folds(),
					r.threshold(), r.validationF1()));
			b.append(String.format("  test     %s .. %s: %,d accounts (%,d mules), %,d transfers; features from %s%n",
					time(r.testFrom()), time(r.testTo()), r.testAccounts(), r.testPositives(), r.testTransfers(),
					time(r.testFeaturesFrom())));
			b.append(String.format(
					"  learned: flagged %,d, %,d mules: precision %.3f, recall %.3f, F1 %.3f (AUC %.3f; "
							+ "flagging everyone: F1 %.3f; scored by the model not fitted on the account: F1 %.3f)%n",
					r.flagged(), r.truePositives(), r.precision(), r.recall(), r.f1(), r.auc(), r.allFlaggedF1(),
					r.unfittedF1()));
			b.append(String.format(
					"  rules:   flagged %,d, %,d mules: precision %.3f, recall %.3f, F1 %.3f; legit transfers "
							+ "delayed or frozen %.1f per 10,000%n",
					r.rulesFlagged(), r.rulesTruePositives(), r.rulesPrecision(), r.rulesRecall(), r.rulesF1(),
					r.legitDelayedPer10k()));
			b.append("  features used most: ").append(String.join(", ", r.topFeatures()));
			return b.toString();
		}

	}

	@Command(name = "recovery", mixinStandardHelpOptions = true,
			description = "Share of defrauded money stopped: first-level stops 30 min after the report (A), "
					+ "Fanzha's trace-and-stop at report time (B), and with transfer monitoring on (C) (docs/evaluation.md).")
	public static class Recovery implements Callable<Integer> {

		@Option(names = "--days", paramLabel = "N", description = "Override the preset's days.")
		Integer days;

		@Option(names = "--bank-latency", defaultValue = "120", paramLabel = "SECONDS",
				description = "Time for a bank to execute an instruction (default: ${DEFAULT-VALUE}).")
		long bankLatency;

		@Option(names = "--model-file", paramLabel = "FILE",
				description = "A transfer-level model (./fanzha train monitoring) for the monitor in (C).")
		Path modelFile;

		@Option(names = "--json", description = "Print one JSON object.")
		boolean json;

		@CommandLine.Mixin
		WorldOptions world = new WorldOptions();

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() {
			SimConfig config;
			ToDoubleFunction<double[]> scorer;
			try {
				config = world.config();
				if (days != null) {
					config = config.withSize(config.persons(), days);
				}
				if (bankLatency < 0) {
					throw new IllegalArgumentException("--bank-latency must be >= 0");
				}
				scorer = scorer(modelFile);
			}
			catch (IllegalArgumentException | IOException e) {
				spec.commandLine().getErr().println("fanzha evaluate recovery: " + oneLine(e));
				return 2;
			}
			RecoveryEvaluation.Report r = RecoveryEvaluation.run(config, bankLatency, scorer);
			PrintWriter out = spec.commandLine().getOut();
			out.println(json ? world.json(json(r)) : world.text(text(r)));
			out.flush();
			return 0;
		}

		static String json(RecoveryEvaluation.Report r) {
			Json j = new Json().open('{')
				.field("preset", r.preset())
				.field("seed", r.seed())
				.field("cases", r.total().cases())
				.field("lossFen", r.total().lossFen())
				.field("firstLevelOnly", r.total().shareA())
				.field("fanzha", r.total().shareB())
				.field("ratio", r.ratio())
				.field("fanzhaWithMonitoring", r.total().shareC())
				.field("heldBeforeReport", r.total().shareHeldBeforeReport())
				.field("legitDelayedPer10k", r.legitDelayedPer10k())
				.field("reportToLastInstructionMsP50", r.engineP50Micros() / 1000.0)
				.field("reportToLastInstructionMsP99", r.engineP99Micros() / 1000.0);
			j.key("byFraudType").open('{');
			for (Map.Entry<FraudType, RecoveryEvaluation.Share> e : r.byType().entrySet()) {
				share(j.key(e.getKey().name()), e.getValue());
			}
			j.close('}').key("byReportDelay").open('{');
			for (Map.Entry<String, RecoveryEvaluation.Share> e : r.byDelay().entrySet()) {
				share(j.key(e.getKey()), e.getValue());
			}
			return j.close('}').close('}').toString();
		}

		private static void share(Json j, RecoveryEvaluation.Share s) {
			j.open('{')
				.field("cases", s.cases())
				.field("lossFen", s.lossFen())
				.field("firstLevelOnly", s.shareA())
				.field("fanzha", s.shareB())
				.field("fanzhaWithMonitoring", s.shareC())
				.close('}');
		}

		static String text(RecoveryEvaluation.Report r) {
			StringBuilder b = new StringBuilder();
			b.append(String.format(
					"Recovery on preset %s, seed %d: %,d transfers, %d reported cases, ¥%,.2f paid by victims%n",
					r.preset(), r.seed(), r.transfers(), r.total().cases(), r.total().lossFen() / 100.0));
			b.append(String.format("  (A) first-level only, 30 min after report: %5.1f %% stopped%n",
					100 * r.total().shareA()));
			b.append(String.format("  (B) Fanzha trace and stop at report time:  %5.1f %% stopped  (%.1fx A)%n",
					100 * r.total().shareB(), r.ratio()));
			b.append(String.format(
					"  (C) Fanzha with monitoring on:             %5.1f %% stopped  (%.1f %% held before the"
							+ " report; %.1f legit transfers delayed per 10,000)%n",
					100 * r.total().shareC(), 100 * r.total().shareHeldBeforeReport(), r.legitDelayedPer10k()));
			b.append(String.format("  report to last instruction (engine): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n%n",
					r.engineP50Micros() / 1000.0, r.engineP99Micros() / 1000.0, r.engineMaxMicros() / 1000.0));
			b.append(String.format("  %-20s %6s %16s %8s %8s %8s%n", "by fraud type", "cases", "paid", "A", "B", "C"));
			r.byType().forEach((t, s) -> b.append(row(t.name(), s)));
			b.append(String.format("%n  %-20s %6s %16s %8s %8s %8s%n", "by report delay", "cases", "paid", "A", "B",
					"C"));
			r.byDelay().forEach((d, s) -> b.append(row(d, s)));
			return b.toString();
		}

		private static String row(String name, RecoveryEvaluation.Share s) {
			return String.format("  %-20s %6d %16s %7.1f%% %7.1f%% %7.1f%%%n", name, s.cases(),
					String.format("¥%,.0f", s.lossFen() / 100.0), 100 * s.shareA(), 100 * s.shareB(), 100 * s.shareC());
		}

	}

	@Command(name = "telecom", mixinStandardHelpOptions = true,
			description = "The abnormal-SIM rules against the gangs' SIM cards: precision, recall, F1 of SIMs restricted, "
					+ "minutes to restriction, ordinary SIMs restricted per 100,000, SIM-box recall (docs/evaluation.md).")
	public static class Telecom implements Callable<Integer> {

		@Option(names = "--rules", paramLabel = "FILE",
				description = "SIM rules of one's own (default: the shipped rules).")
		Path rulesFile;

		@Option(names = "--json", description = "Print one JSON object.")
		boolean json;

		@CommandLine.Mixin
		WorldOptions world = new WorldOptions();

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() {
			SimConfig config;
			SimRuleSet rules;
			try {
				config = world.config();
				rules = SimRuleSet.parse(rulesFile == null ? SimMonitor.DEFAULT_RULES : Files.readString(rulesFile));
			}
			catch (IllegalArgumentException | IOException e) {
				String m = e instanceof NoSuchFileException ? "no such file " + e.getMessage() : e.getMessage();
				spec.commandLine().getErr().println("fanzha evaluate telecom: " + m.lines().findFirst().orElse(""));
				return 2;
			}
			TelecomEvaluation.Report r = TelecomEvaluation.run(config, rules);
			PrintWriter out = spec.commandLine().getOut();
			out.println(json ? world.json(json(r)) : world.text(text(r)));
			out.flush();
			return 0;
		}

		static String json(TelecomEvaluation.Report r) {
			Json j = new Json().open('{')
				.field("preset", r.preset())
				.field("seed", r.seed())
				.field("evasive", r.evasive())
				.field("calls", r.calls())
				.field("texts", r.texts())
				.field("normalSims", r.normalSims())
				.field("fraudSims", r.fraudSims())
				.field("activeFraudSims", r.activeFraudSims())
				.field("flagged", r.flagged())
				.field("truePositives", r.truePositives())
				.field("precision", r.precision())
				.field("recall", r.recall())
				.field("f1", r.f1())
				.field("busyFraudSims", r.busyFraudSims())
				.field("busyRecall", r.busyRecall())
				.field("medianMinutesToRestriction", r.medianMinutesToRestriction())
				.field("normalRestricted", r.normalRestricted())
				.field("normalRestrictedPer100k", r.normalRestrictedPer100k())
				.field("normalReverifiedPer100k", r.normalReverifiedPer100k())
				.field("activeSimBoxSims", r.activeSimBoxSims())
				.field("simBoxRecall", r.simBoxRecall())
				.field("simBoxPrecision", r.simBoxPrecision())
				.field("fraudEventsBlocked", r.fraudEventsBlockedShare())
				.field("agentsListed", r.agentsListed())
				.field("agentsListedComplicit", r.agentsListedComplicit())
				.field("complicitAgents", r.complicitAgents())
				.field("rulesVersion", r.rulesVersion());
			j.key("byRule").open('{');
			r.byRule()
				.forEach((id, c) -> j.key(id)
					.open('{')
					.field("fraudSims", c.fraud())
					.field("normalSims", c.normal())
					.close('}'));
			return j.close('}').close('}').toString();
		}

		static String text(TelecomEvaluation.Report r) {
			StringBuilder b = new StringBuilder();
			b.append(String.format(
					"Abnormal-SIM monitoring on preset %s, seed %d%s: %,d calls, %,d texts, %,d ordinary SIMs, "
							+ "%d fraud SIMs (%d active, %d of them in SIM boxes)%n",
					r.preset(), r.seed(), r.evasive() ? " (evasive)" : "", r.calls(), r.texts(), r.normalSims(),
					r.fraudSims(), r.activeFraudSims(), r.activeSimBoxSims()));
			b.append(String.format(
					"  restricted %d SIMs, %d of them fraud SIMs: precision %.3f, recall %.3f, F1 %.3f "
							+ "(recall %.3f among the %d fraud SIMs with %d or more calls and texts)%n",
					r.flagged(), r.truePositives(), r.precision(), r.recall(), r.f1(), r.busyRecall(),
					r.busyFraudSims(), TelecomEvaluation.BUSY));
			b.append(String.format(
					"  median time from a fraud SIM's first call or text to its restriction: %.0f min; "
							+ "%.1f %% of the fraud SIMs' calls and texts came after it%n",
					r.medianMinutesToRestriction(), 100 * r.fraudEventsBlockedShare()));
			b.append(String.format(
					"  ordinary SIMs restricted: %d (%.1f per 100,000); asked to re-verify: %.1f per 100,000%n",
					r.normalRestricted(), r.normalRestrictedPer100k(), r.normalReverifiedPer100k()));
			b.append(String.format("  SIM boxes: recall %.3f, precision %.3f (%d SIMs marked)%n", r.simBoxRecall(),
					r.simBoxPrecision(), r.simBoxMarked()));
			b.append(String.format("  agents listed: %d, %d of them sold the gangs' SIMs (%d agents did)%n",
					r.agentsListed(), r.agentsListedComplicit(), r.complicitAgents()));
			b.append(String.format("  %-22s %10s %12s   (rules version %d)%n", "rule", "fraud SIMs", "ordinary SIMs",
					r.rulesVersion()));
			r.byRule().forEach((id, c) -> b.append(String.format("  %-22s %10d %12d%n", id, c.fraud(), c.normal())));
			return b.toString().stripTrailing();
		}

	}

	@Command(name = "warnings", mixinStandardHelpOptions = true,
			description = "Early warning and graded dissuasion against the simulated victims: share warned before their "
					+ "first payment, median lead time, share of warnings to non-victims, expected loss prevented under "
					+ "stated success rates per channel (docs/evaluation.md).")
	public static class Warnings implements Callable<Integer> {

		@Option(names = "--success-sms", defaultValue = "0.1", paramLabel = "P",
				description = "Assumed chance that an SMS warning before the first payment stops the victim (default: ${DEFAULT-VALUE}).")
		double successSms;

		@Option(names = "--success-call", defaultValue = "0.4", paramLabel = "P",
				description = "Assumed chance for a 96110 phone call (default: ${DEFAULT-VALUE}).")
		double successCall;

		@Option(names = "--success-visit", defaultValue = "0.7", paramLabel = "P",
				description = "Assumed chance for an in-person visit (default: ${DEFAULT-VALUE}).")
		double successVisit;

		@Option(names = "--no-payer-warnings",
				description = "Leave out the banks' transfer monitor (payer-side signals); calls, texts and reports only.")
		boolean noPayerWarnings;

		@Option(names = "--policy", defaultValue = "broad", paramLabel = "broad|targeted",
				description = "broad: the feeds of issue 8 (known numbers, look-back, payer side), every graded signal "
						+ "warned; targeted: every feed (script calls, exposure to reported apps/sites/groups, "
						+ "credits from flagged accounts too), warnings from grade MEDIUM up (default: ${DEFAULT-VALUE}).")
		String policy;

		@Option(names = "--without", paramLabel = "FEED",
				description = "Leave a feed out (repeatable): KNOWN_NUMBERS, LOOK_BACK, SCRIPT_CALLS, EXPOSURE, "
						+ "FLAGGED_CREDIT, PAYER_SIDE.")
		List<String> without = new ArrayList<>();

		@Option(names = "--ablation",
				description = "Run the policy with every feed, then without each feed in turn, and print one line (or "
						+ "JSON row) each: each feed's contribution.")
		boolean ablation;

		@Option(names = "--json", description = "Print one JSON object.")
		boolean json;

		@CommandLine.Mixin
		WorldOptions world = new WorldOptions();

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() {
			SimConfig config;
			WarningsEvaluation.Success success;
			try {
				config = world.config();
				success = new WarningsEvaluation.Success(successSms, successCall, successVisit);
			}
			catch (IllegalArgumentException e) {
				spec.commandLine().getErr().println("fanzha evaluate warnings: " + oneLine(e));
				return 2;
			}
			WarningsEvaluation.Options options;
			try {
				options = switch (policy) {
					case "broad" -> WarningsEvaluation.Options.BROAD;
					case "targeted" -> WarningsEvaluation.Options.TARGETED;
					default ->
						throw new IllegalArgumentException("Unknown policy '" + policy + "': use broad or targeted");
				};
				if (noPayerWarnings) {
					options = options.without(WarningsEvaluation.Feed.PAYER_SIDE);
				}
				for (String f : without) {
					options = options.without(WarningsEvaluation.Feed.valueOf(f.toUpperCase(Locale.ROOT)));
				}
			}
			catch (IllegalArgumentException e) {
				spec.commandLine().getErr().println("fanzha evaluate warnings: " + oneLine(e));
				return 2;
			}
			PrintWriter out = spec.commandLine().getOut();
			SimRuleSet simRules = SimRuleSet.parse(SimMonitor.DEFAULT_RULES);
			if (ablation) {
				List<String> names = new ArrayList<>();
				List<WarningsEvaluation.Report> rows = new ArrayList<>();
				names.add("all");
				rows.add(WarningsEvaluation.run(config, success, options, simRules));
				for (WarningsEvaluation.Feed f : options.feeds()) {
					names.add("without " + f.name());
					rows.add(WarningsEvaluation.run(config, success, options.without(f), simRules));
				}
				if (json) {
					Json j = new Json().open('{').field("policy", policy).key("ablation").open('[');
					for (int k = 0; k < rows.size(); k++) {
						j.open('{').field("run", names.get(k));
						figures(j, rows.get(k));
						j.close('}');
					}
					out.println(world.json(j.close(']').close('}').toString()));
				}
				else {
					StringBuilder b = new StringBuilder(String.format(
							"Ablation, policy %s, preset %s, seed %d: victims who paid %d%n  %-26s %8s %9s %10s %12s %14s%n",
							policy, config.preset(), config.seed(), rows.get(0).victims(), "run", "warned", "honest",
							"warnings", "per reached", "non-victim/10k"));
					for (int k = 0; k < rows.size(); k++) {
						WarningsEvaluation.Report r = rows.get(k);
						b.append(String.format("  %-26s %7.1f%% %8.1f%% %,10d %12.1f %14.1f%n", names.get(k),
								100 * r.warnedBeforeFirstPayment(), 100 * r.warnedBeforeByUnblockedContacts(),
								r.warnings(), r.warningsPerVictimReached(), r.nonVictimWarningsPer10k()));
					}
					out.println(world.text(b.toString().stripTrailing()));
				}
				out.flush();
				return 0;
			}
			WarningsEvaluation.Report r = WarningsEvaluation.run(config, success, options, simRules);
			out.println(json ? world.json(json(r)) : world.text(text(r)));
			out.flush();
			return 0;
		}

		/** The figures of the ablation's rows (and of the full report). */
		private static void figures(Json j, WarningsEvaluation.Report r) {
			j.field("minimumGrade", r.options().minimumGrade().name())
				.field("feeds", String.join(",", r.options().feeds().stream().map(Enum::name).toList()))
				.field("victims", r.victims())
				.field("warnedBeforeFirstPayment", r.warnedBeforeFirstPayment())
				.field("victimsWarnedThrough", r.victimsWarnedThrough())
				.field("warnedBeforeByUnblockedContacts", r.warnedBeforeByUnblockedContacts())
				.field("warnings", r.warnings())
				.field("warningsPerVictimReached",
						Double.isInfinite(r.warningsPerVictimReached()) ? -1 : r.warningsPerVictimReached())
				.field("nonVictimWarnings", r.nonVictimWarnings())
				.field("nonVictimWarningsPer10k", r.nonVictimWarningsPer10k())
				.field("medianLeadMinutes", r.medianLeadMinutes());
		}

		static String json(WarningsEvaluation.Report r) {
			Json j = new Json().open('{')
				.field("policy", r.options().minimumGrade() == Grade.LOW ? "broad" : "targeted")
				.field("minimumGrade", r.options().minimumGrade().name())
				.field("feeds", String.join(",", r.options().feeds().stream().map(Enum::name).toList()))
				.field("victimsWarnedThrough", r.victimsWarnedThrough())
				.field("warningsPerVictimReached",
						Double.isInfinite(r.warningsPerVictimReached()) ? -1 : r.warningsPerVictimReached())
				.field("nonVictimWarningsPer10k", r.nonVictimWarningsPer10k())
				.field("preset", r.preset())
				.field("seed", r.seed())
				.field("evasive", r.evasive())
				.field("payerWarnings", r.payerWarnings())
				.field("victims", r.victims())
				.field("victimsWarnedBeforeFirstPayment", r.victimsWarnedBefore())
				.field("warnedBeforeFirstPayment", r.warnedBeforeFirstPayment())
				.field("medianLeadMinutes", r.medianLeadMinutes())
				.field("victimsWarnedBeforeByOwnGang", r.victimsWarnedBeforeByOwnGang())
				.field("warnedBeforeByOwnGang", r.warnedBeforeByOwnGang())
				.field("warnedBeforeFirstPaymentByDeadline", r.warnedBeforeFirstPaymentByDeadline())
				.field("warnedBeforeByUnblockedContacts", r.warnedBeforeByUnblockedContacts())
				.field("victimsWarnedAfterPaying", r.victimsWarnedAfterPaying())
				.field("warnedAfterPaying", r.warnedAfterPayingShare())
				.field("signals", r.signals())
				.field("warnings", r.warnings())
				.field("personsWarned", r.personsWarned())
				.field("nonVictimWarnings", r.nonVictimWarnings())
				.field("nonVictimShare", r.nonVictimShare())
				.field("falseAlarmShare", r.falseAlarmShare())
				.field("lossFen", r.lossFen())
				.field("preventedLossFen", r.preventedLossFen())
				.field("preventedShare", r.preventedShare())
				.field("preventedLossFenByDeadline", r.preventedLossFenByDeadline());
			j.key("successRates")
				.open('{')
				.field("sms", r.success().sms())
				.field("phoneCall", r.success().phoneCall())
				.field("visit", r.success().visit())
				.close('}');
			j.key("firstWarningSource").open('{');
			r.firstWarningSource().forEach((src, n) -> j.field(camel(src.name()), n));
			j.close('}').key("warningsBySource").open('{');
			r.warningsBySource()
				.forEach((src, x) -> j.key(camel(src.name()))
					.open('{')
					.field("warnings", x.warnings())
					.field("toNonVictims", x.toNonVictims())
					.field("falseAlarms", x.falseAlarms())
					.close('}'));
			j.close('}').key("warningsByChannel").open('{');
			r.warningsByChannel().forEach((c, n) -> j.field(camel(c.name()), n));
			j.close('}').key("warningsByReason").open('{');
			r.warningsByReason().forEach((c, n) -> j.field(c, n));
			j.close('}').key("byFraudType").open('{');
			r.byFraudType()
				.forEach((t, row) -> j.key(t.name())
					.open('{')
					.field("victims", row.victims())
					.field("warnedBeforeFirstPayment", row.warnedBeforeShare())
					.field("medianLeadMinutes", row.medianLeadMinutes())
					.field("lossFen", row.lossFen())
					.field("preventedLossFen", row.preventedLossFen())
					.close('}'));
			return j.close('}').close('}').toString();
		}

		/** PHONE_CALL ⇒ phoneCall. */
		private static String camel(String name) {
			StringBuilder b = new StringBuilder();
			boolean up = false;
			for (char ch : name.toLowerCase(Locale.ROOT).toCharArray()) {
				if (ch == '_') {
					up = true;
				}
				else {
					b.append(up ? Character.toUpperCase(ch) : ch);
					up = false;
				}
			}
			return b.toString();
		}

		static String text(WarningsEvaluation.Report r) {
			StringBuilder b = new StringBuilder();
			WarningsEvaluation.Success s = r.success();
			b.append(String.format("Early warning on preset %s, seed %d%s: %d victims who paid, ¥%,.2f paid; %s%n",
					r.preset(), r.seed(), r.evasive() ? " (evasive)" : "", r.victims(), r.lossFen() / 100.0,
					r.payerWarnings() ? "calls, texts, reports and the banks' transfer monitor"
							: "calls, texts and reports (no payer-side signals)"));
			b.append(String.format(
					"  warned before their first payment: %d (%.1f %%), median lead %.0f min; "
							+ "%.1f %% counting a warning only once its channel's deadline has passed%n",
					r.victimsWarnedBefore(), 100 * r.warnedBeforeFirstPayment(), r.medianLeadMinutes(),
					100 * r.warnedBeforeFirstPaymentByDeadline()));
			b.append(String.format(
					"  warned before paying by a number or account of the gang that defrauded them: %d (%.1f %%)%n",
					r.victimsWarnedBeforeByOwnGang(), 100 * r.warnedBeforeByOwnGang()));
			b.append("  what set off their first warning:");
			r.firstWarningSource().forEach((src, n) -> b.append(' ').append(camel(src.name())).append(' ').append(n));
			b.append(String.format("%n"));
			b.append(String
				.format("  warned before paying by a contact that a restriction already in force would not have "
						+ "blocked: %.1f %%%n", 100 * r.warnedBeforeByUnblockedContacts()));
			b.append(String.format(
					"  warnings per victim reached that way: %.1f; warnings to non-victims per 10,000 "
							+ "persons: %.1f (feeds %s, warnings from grade %s)%n",
					r.warningsPerVictimReached(), r.nonVictimWarningsPer10k(), r.options().feeds(),
					r.options().minimumGrade()));
			b.append("  warnings by source (to non-victims, set off by no gang's number or account):");
			r.warningsBySource()
				.forEach((src, x) -> b.append(String.format(" %s %,d (%,d, %,d)", camel(src.name()), x.warnings(),
						x.toNonVictims(), x.falseAlarms())));
			b.append(String.format("%n"));
			b.append(String.format("  first warned after paying: %d (%.1f %%)%n", r.victimsWarnedAfterPaying(),
					100 * r.warnedAfterPayingShare()));
			b.append(String.format(
					"  warnings: %,d to %,d persons from %,d signals (SMS %,d, phone call %,d, visit %,d); "
							+ "%.1f %% to non-victims, %.1f %% set off by a number or account not the gangs'%n",
					r.warnings(), r.personsWarned(), r.signals(), r.warningsByChannel().get(Channel.SMS),
					r.warningsByChannel().get(Channel.PHONE_CALL), r.warningsByChannel().get(Channel.VISIT),
					100 * r.nonVictimShare(), 100 * r.falseAlarmShare()));
			b.append(String.format(
					"  expected loss prevented: ¥%,.2f (%.1f %%; ¥%,.2f counting delivery by the deadline) "
							+ "assuming success SMS %.2f, phone call %.2f, visit %.2f%n",
					r.preventedLossFen() / 100.0, 100 * r.preventedShare(), r.preventedLossFenByDeadline() / 100.0,
					s.sms(), s.phoneCall(), s.visit()));
			b.append("  warnings by reason: ");
			StringBuilder reasons = new StringBuilder();
			r.warningsByReason()
				.forEach((c, n) -> reasons.append(reasons.length() == 0 ? "" : ", ").append(c).append(' ').append(n));
			b.append(reasons).append(String.format("%n%n"));
			b.append(String.format("  %-20s %7s %14s %10s %16s %16s%n", "by fraud type", "victims", "warned before",
					"lead min", "paid", "prevented"));
			r.byFraudType()
				.forEach((t,
						row) -> b.append(String.format("  %-20s %7d %13.1f%% %10s %16s %16s%n", t.name(), row.victims(),
								100 * row.warnedBeforeShare(),
								row.medianLeadMinutes() < 0 ? "-" : String.format("%.0f", row.medianLeadMinutes()),
								String.format("¥%,.0f", row.lossFen() / 100.0),
								String.format("¥%,.0f", row.preventedLossFen() / 100.0))));
			return b.toString().stripTrailing();
		}

	}

	@Command(name = "linking", mixinStandardHelpOptions = true,
			description = "Case linking against the simulated gangs: adjusted Rand index, pairwise precision and recall, "
					+ "groups, time to link; also with merge grounds only and with no guard (docs/evaluation.md).")
	public static class Linking implements Callable<Integer> {

		@Option(names = "--max-cases", paramLabel = "N",
				description = "Guard: an identifier in more than N × its kind's weight cases does not link (default 1000).")
		Integer maxCases;

		@Option(names = "--weight", paramLabel = "KIND=W",
				description = "A kind's weight in [0, 1], e.g. APP=0 (repeatable; kinds: FUND_ACCOUNT, WEBSITE, CHAT_GROUP, "
						+ "DEN, CASH_OUT_POINT, SUSPECT, PHONE, DEVICE, APP, IM_ACCOUNT, BANK).")
		List<String> weights = new ArrayList<>();

		@Option(names = "--json", description = "Print one JSON object.")
		boolean json;

		@CommandLine.Mixin
		WorldOptions world = new WorldOptions();

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() {
			SimConfig config;
			CaseLinker.Options options = CaseLinker.Options.DEFAULTS;
			try {
				config = world.config();
				if (maxCases != null) {
					options = options.withMaxCases(maxCases);
				}
				for (String w : weights) {
					int eq = w.indexOf('=');
					if (eq < 0) {
						throw new IllegalArgumentException("--weight wants KIND=W, got '" + w + "'");
					}
					IdentifierKind kind;
					double value;
					try {
						kind = IdentifierKind.valueOf(w.substring(0, eq).strip());
						value = Double.parseDouble(w.substring(eq + 1).strip());
					}
					catch (NumberFormatException e) {
						throw new IllegalArgumentException("--weight wants a number in [0, 1], got '" + w + "'");
					}
					catch (IllegalArgumentException e) {
						throw new IllegalArgumentException(
								"--weight: no identifier kind '" + w.substring(0, eq).strip() + "'");
					}
					options = options.withWeight(kind, value);
				}
			}
			catch (IllegalArgumentException e) {
				spec.commandLine().getErr().println("fanzha evaluate linking: " + oneLine(e));
				return 2;
			}
			LinkingEvaluation.Report r = LinkingEvaluation.run(config, options);
			PrintWriter out = spec.commandLine().getOut();
			out.println(json ? world.json(json(r)) : world.text(text(r)));
			out.flush();
			return 0;
		}

		static String json(LinkingEvaluation.Report r) {
			LinkingEvaluation.Agreement a = r.linked();
			Json j = new Json().open('{')
				.field("preset", r.preset())
				.field("seed", r.seed())
				.field("evasive", r.evasive())
				.field("cases", r.cases())
				.field("gangs", r.gangs())
				.field("identifiers", r.identifiers())
				.field("incidences", r.incidences())
				.field("groups", a.groups())
				.field("linkedGroups", a.linkedGroups())
				.field("adjustedRandIndex", a.adjustedRandIndex())
				.field("pairPrecision", a.pairPrecision())
				.field("pairRecall", a.pairRecall())
				.field("guardedIdentifiers", r.guardedIdentifiers())
				.field("linkMillis", r.linkMillis());
			agreement(j.key("mergeGroundsOnly"), r.mergeGroundsOnly());
			agreement(j.key("noGuard"), r.noGuard());
			LinkingEvaluation.Chain c = r.largestGroup();
			if (c == null) {
				j.field("largestGroup", (String) null);
			}
			else {
				j.key("largestGroup")
					.open('{')
					.field("cases", c.cases())
					.field("gangs", c.gangs())
					.field("lossFen", c.lossFen())
					.field("mergeableAsWhole", c.mergeableAsWhole())
					.field("suspects", c.suspects())
					.field("overFraudThreshold", c.overFraudThreshold())
					.field("helpersSerious", c.helpersSerious());
				j.key("grounds").open('[');
				c.grounds().forEach(j::value);
				j.close(']').key("roles").open('[');
				for (LinkingEvaluation.RoleSummary s : c.roles()) {
					j.open('{')
						.field("role", s.role())
						.field("level", s.level())
						.field("suspects", s.suspects())
						.field("acts", s.acts())
						.field("amountFen", s.amountFen())
						.close('}');
				}
				j.close(']').close('}');
			}
			return j.close('}').toString();
		}

		private static void agreement(Json j, LinkingEvaluation.Agreement a) {
			j.open('{')
				.field("groups", a.groups())
				.field("adjustedRandIndex", a.adjustedRandIndex())
				.field("pairPrecision", a.pairPrecision())
				.field("pairRecall", a.pairRecall())
				.close('}');
		}

		static String text(LinkingEvaluation.Report r) {
			StringBuilder b = new StringBuilder();
			b.append(String.format(
					"Case linking on preset %s, seed %d%s: %,d cases of %d gangs, %,d identifiers named %,d times%n",
					r.preset(), r.seed(), r.evasive() ? " (evasive)" : "", r.cases(), r.gangs(), r.identifiers(),
					r.incidences()));
			b.append(row("linked (default guard)", r.linked()));
			b.append(row("merge grounds only", r.mergeGroundsOnly()));
			b.append(row("no guard", r.noGuard()));
			b.append(String.format("  linked in %.2f ms; %d identifiers named by several cases held back by the guard",
					r.linkMillis(), r.guardedIdentifiers()));
			for (LinkingEvaluation.Guarded g : r.topGuarded()) {
				b.append(String.format("%n    %-14s %-24s %,d cases", g.kind(), g.identifier(), g.cases()));
			}
			LinkingEvaluation.Chain c = r.largestGroup();
			if (c != null) {
				b.append(String.format(
						"%n  whole chain of the largest group: %d cases (%d gang%s), ¥%,.2f lost; merge grounds %s%s;"
								+ " %d suspects, %d over a fraud-amount threshold, %d helpers over the 帮信 thresholds",
						c.cases(), c.gangs(), c.gangs() == 1 ? "" : "s", c.lossFen() / 100.0, c.grounds(),
						c.mergeableAsWhole() ? " (connect every case)" : " (some cases linked by leads only)",
						c.suspects(), c.overFraudThreshold(), c.helpersSerious()));
				for (LinkingEvaluation.RoleSummary s : c.roles()) {
					b.append(String.format("%n    %-15s %4d suspects %5d acts %16s",
							s.role() + (s.level() > 0 ? " " + s.level() : ""), s.suspects(), s.acts(),
							String.format("¥%,.2f", s.amountFen() / 100.0)));
				}
			}
			return b.toString();
		}

		private static String row(String name, LinkingEvaluation.Agreement a) {
			return String.format(
					"  %-24s %,6d groups (%,d of several cases): adjusted Rand index %.3f, pair precision %.3f, "
							+ "pair recall %.3f%n",
					name, a.groups(), a.linkedGroups(), a.adjustedRandIndex(), a.pairPrecision(), a.pairRecall());
		}

	}

	@Command(name = "mules", mixinStandardHelpOptions = true,
			description = "Mule detection on laundering typologies the model has not seen (issue 18): fit on the mules of "
					+ "--train-typologies in the train period, threshold on the validation period, test on the other "
					+ "typologies in the test period (docs/evaluation.md, \"Held-out typologies\").")
	public static class Mules implements Callable<Integer> {

		@Option(names = "--data", required = true, paramLabel = "DIR",
				description = "A Fanzha dataset with truth/mule_typologies.csv (./fanzha simulate --typologies, or "
						+ "./fanzha import --format amlsim of files with alert_accounts.csv).")
		Path data;

		@Option(names = "--train-typologies", required = true, paramLabel = "LIST",
				description = "Comma-separated typologies to fit on (as in truth/mule_typologies.csv, e.g. "
						+ "fan_in,cycle,fan_out,scatter_gather).")
		String trainTypologies;

		@Option(names = "--test-typologies", paramLabel = "LIST",
				description = "Typologies to test on (default: every other one in the dataset).")
		String testTypologies;

		@Option(names = "--train", defaultValue = "0.5", paramLabel = "FRACTION",
				description = "Share of the time range in the train period (default: ${DEFAULT-VALUE}).")
		double train;

		@Option(names = "--validation", defaultValue = "0.2", paramLabel = "FRACTION",
				description = "Share in the validation period that follows it (default: ${DEFAULT-VALUE}); the rest "
						+ "is the test period.")
		double validation;

		@Option(names = "--model", defaultValue = "gbt", description = "gbt or logistic (default: ${DEFAULT-VALUE}).")
		String model;

		@Option(names = "--json")
		boolean json;

		@CommandLine.Mixin
		WorldOptions world = new WorldOptions();

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		static Set<String> list(String s) {
			Set<String> out = new TreeSet<>();
			if (s != null) {
				for (String t : s.split(",")) {
					if (!t.isBlank()) {
						out.add(t.strip());
					}
				}
			}
			return out;
		}

		@Override
		public Integer call() {
			MuleHoldout.Report r;
			try {
				if (!Files.isDirectory(data)) {
					throw new IllegalArgumentException("--data: no such directory: " + data);
				}
				if (!model.equals("gbt") && !model.equals("logistic")) {
					throw new IllegalArgumentException("unknown model '" + model + "': use gbt or logistic");
				}
				r = MuleHoldout.run(data, list(trainTypologies), list(testTypologies), train, validation, model,
						world.seed);
			}
			catch (IllegalArgumentException | IOException e) {
				spec.commandLine().getErr().println("fanzha evaluate mules: " + oneLine(e));
				return 2;
			}
			PrintWriter out = spec.commandLine().getOut();
			out.println(json ? json(r, data) : text(r, data));
			out.flush();
			return 0;
		}

		private static String time(long epochSecond) {
			return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), Beijing.ZONE)
				.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}

		private static void score(Json j, String key, MuleHoldout.Score s) {
			j.key(key)
				.open('{')
				.field("accounts", s.accounts())
				.field("positives", s.positives())
				.field("flagged", s.flagged())
				.field("truePositives", s.truePositives())
				.field("precision", s.precision())
				.field("recall", s.recall())
				.field("f1", s.f1())
				.field("auc", s.auc())
				.close('}');
		}

		static String json(MuleHoldout.Report r, Path data) {
			Json j = new Json().open('{').field("data", data.toString()).field("model", r.model());
			j.key("trainTypologies").open('[');
			r.trainTypologies().forEach(j::value);
			j.close(']').key("testTypologies").open('[');
			r.testTypologies().forEach(j::value);
			j.close(']');
			j.field("trainFrom", time(r.t0()))
				.field("validationFrom", time(r.tv()))
				.field("testFrom", time(r.ts()))
				.field("testTo", time(r.t1()))
				.field("threshold", r.threshold());
			score(j, "train", r.train());
			score(j, "validation", r.validation());
			score(j, "heldOut", r.heldOut());
			score(j, "seenLater", r.seenLater());
			score(j, "allLater", r.allLater());
			j.key("goal").open('{').field("f1", 0.7).field("precision", 0.6).close('}');
			j.field("heldOutGoalMet", met(r.heldOut())).field("laterGoalMet", met(r.allLater()));
			j.key("topFeatures").open('[');
			r.topFeatures().forEach(j::value);
			return j.close(']').close('}').toString();
		}

		/** The goal: F1 at least 0.7 with precision at least 0.6. */
		static boolean met(MuleHoldout.Score s) {
			return s.f1() >= 0.7 && s.precision() >= 0.6;
		}

		static String text(MuleHoldout.Report r, Path data) {
			StringBuilder b = new StringBuilder();
			b.append(String.format(Locale.ROOT, "Held-out typologies on %s (%s): train on %s, test on %s%n", data,
					r.model(), String.join(",", r.trainTypologies()), String.join(",", r.testTypologies())));
			b.append(String.format(Locale.ROOT, "  periods: train %s, validation %s, test %s .. %s; threshold %.4f%n",
					time(r.t0()), time(r.tv()), time(r.ts()), time(r.t1()), r.threshold()));
			for (MuleHoldout.Score s : List.of(r.train(), r.validation(), r.heldOut(), r.seenLater(), r.allLater())) {
				b.append(String.format(Locale.ROOT,
						"  %-40s %,7d accounts (%,5d mules) flagged %,6d: precision %.3f recall %.3f F1 %.3f AUC %.3f%s%n",
						s.name(), s.accounts(), s.positives(), s.flagged(), s.precision(), s.recall(), s.f1(), s.auc(),
						s == r.heldOut() || s == r.allLater()
								? (met(s) ? "  goal met" : "  goal (F1 >= 0.7, precision >= 0.6) not met") : ""));
			}
			b.append("  features used most: ").append(String.join(", ", r.topFeatures()));
			return b.toString();
		}

	}

}
