package org.fanzha.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.fanzha.engine.linking.CaseLinker;
import org.fanzha.engine.linking.IdentifierKind;
import org.fanzha.sim.cli.EvaluateCommand;
import org.fanzha.sim.world.SimConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LinkingEvaluationTest {

	static final SimConfig WORLD = SimConfig.preset("tiny", 4).withSize(20_000, 2).withFraud(8, 3_000);

	record Run(int rc, String out, String err) {
	}

	static Run evaluate(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine cl = new CommandLine(new EvaluateCommand());
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		return new Run(cl.execute(args), out.toString(), err.toString());
	}

	@Test
	void linkedGroupsFollowTheGangsAndTheGuardHoldsTheBanksBack() {
		LinkingEvaluation.Report r = LinkingEvaluation.run(WORLD);
		assertThat(r.cases()).isGreaterThan(50);
		assertThat(r.gangs()).isBetween(2, 8);
		assertThat(r.incidences()).isGreaterThan(r.cases());
		LinkingEvaluation.Agreement a = r.linked();
		assertThat(a.adjustedRandIndex()).isGreaterThan(0.5);
		assertThat(a.pairPrecision()).isGreaterThan(0.8);
		assertThat(a.pairRecall()).isGreaterThan(0.5);
		assertThat(a.groups()).isLessThan(r.cases());
		// a bank is named by cases of several gangs: it never links, and without the
		// guard everything collapses
		assertThat(r.guardedIdentifiers()).isPositive();
		assertThat(r.topGuarded()).extracting(LinkingEvaluation.Guarded::kind).contains(IdentifierKind.BANK);
		assertThat(r.noGuard().groups()).isLessThan(a.groups());
		assertThat(r.noGuard().pairPrecision()).isLessThan(a.pairPrecision());
		// leads add links: merge grounds alone find fewer pairs
		assertThat(r.mergeGroundsOnly().pairRecall()).isLessThanOrEqualTo(a.pairRecall());
		assertThat(r.mergeGroundsOnly().groups()).isGreaterThanOrEqualTo(a.groups());
		assertThat(r.linkMillis()).isPositive();
		// the whole chain of the largest group: callers, mules from level 1 on, cash-out,
		// with the money
		LinkingEvaluation.Chain c = r.largestGroup();
		assertThat(c).isNotNull();
		assertThat(c.cases()).isGreaterThan(1);
		assertThat(c.lossFen()).isPositive();
		assertThat(c.roles()).extracting(LinkingEvaluation.RoleSummary::role).contains("CALLER", "MULE");
		assertThat(c.roles()).filteredOn(x -> x.role().equals("MULE")).first().satisfies(x -> {
			assertThat(x.level()).isEqualTo(1);
			assertThat(x.amountFen()).as("level 1 receives the victims' payments")
				.isGreaterThanOrEqualTo(c.lossFen() / 2);
		});
		assertThat(c.suspects()).isGreaterThan(c.roles().size() - 1);
		assertThat(c.overFraudThreshold()).isBetween(0, c.suspects());
		assertThat(c.grounds()).isNotEmpty();
	}

	@Test
	void agreementMatchesHandComputedFigures() {
		// identical partitions (labels renamed)
		LinkingEvaluation.Agreement same = LinkingEvaluation.agreement(new int[] { 5, 5, 7, 7, 9 },
				new int[] { 0, 0, 1, 1, 2 });
		assertThat(same.adjustedRandIndex()).isEqualTo(1.0);
		assertThat(same.pairPrecision()).isEqualTo(1.0);
		assertThat(same.pairRecall()).isEqualTo(1.0);
		assertThat(same.linkedGroups()).isEqualTo(2);
		// everything in one group against two gangs of two: 2 of 6 pairs right
		LinkingEvaluation.Agreement lumped = LinkingEvaluation.agreement(new int[] { 0, 0, 0, 0 },
				new int[] { 1, 1, 2, 2 });
		assertThat(lumped.pairPrecision()).isCloseTo(2 / 6.0, within(1e-12));
		assertThat(lumped.pairRecall()).isEqualTo(1.0);
		assertThat(lumped.adjustedRandIndex()).isCloseTo(0.0, within(1e-12));
		// the textbook example: predicted {a,b,c}{d,e,f}, truth {a,b}{c,d}{e,f}: index
		// 4/... (computed by hand)
		LinkingEvaluation.Agreement t = LinkingEvaluation.agreement(new int[] { 0, 0, 0, 1, 1, 1 },
				new int[] { 0, 0, 1, 1, 2, 2 });
		// sumA = 6, sumB = 3, both = 2, all = 15, expected = 1.2, max = 4.5: ARI = 0.8 /
		// 3.3
		assertThat(t.adjustedRandIndex()).isCloseTo(0.8 / 3.3, within(1e-12));
		assertThat(t.pairPrecision()).isCloseTo(2 / 6.0, within(1e-12));
		assertThat(t.pairRecall()).isCloseTo(2 / 3.0, within(1e-12));
		// singletons both sides: nothing to get wrong
		assertThat(LinkingEvaluation.agreement(new int[] { 0, 1 }, new int[] { 3, 4 }).adjustedRandIndex())
			.isEqualTo(1.0);
	}

	@Test
	void jsonIsOneObjectWithTheFigures() {
		Run run = evaluate("linking", "--preset", "tiny", "--seed", "3", "--json");
		assertThat(run.rc()).isZero();
		String json = run.out().strip();
		assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n");
		for (String key : new String[] { "adjustedRandIndex", "pairPrecision", "pairRecall", "groups", "cases",
				"linkMillis", "mergeGroundsOnly", "noGuard" }) {
			assertThat(json).contains("\"" + key + "\":");
		}
		assertThat(json).contains("\"largestGroup\":{\"cases\":").contains("\"roles\":[{\"role\":");
		String text = evaluate("linking", "--preset", "tiny", "--seed", "3").out();
		assertThat(text).contains("adjusted Rand index")
			.contains("no guard")
			.contains("held back by the guard")
			.contains("whole chain of the largest group")
			.contains("MULE 1");
	}

	@Test
	void weightsOfOnesOwnChangeWhatLinks() {
		// every kind but the bank at weight 0: nothing links, every case is a group of
		// its own
		CaseLinker.Options none = CaseLinker.Options.DEFAULTS;
		for (IdentifierKind k : IdentifierKind.values()) {
			none = none.withWeight(k, 0);
		}
		LinkingEvaluation.Report r = LinkingEvaluation.run(WORLD, none);
		assertThat(r.linked().groups()).isEqualTo(r.cases());
		assertThat(r.linked().linkedGroups()).isZero();
		assertThat(r.noGuard().groups()).as("the no-guard run ignores the weights").isLessThan(r.cases());
		Run run = evaluate("linking", "--preset", "tiny", "--seed", "3", "--weight", "APP=0", "--max-cases", "50",
				"--json");
		assertThat(run.rc()).isZero();
	}

	@Test
	void badOptionsExitTwoWithOneLine() {
		for (String[] args : new String[][] { { "linking", "--preset", "galactic" }, { "linking", "--weight", "APP" },
				{ "linking", "--weight", "PLANET=1" }, { "linking", "--weight", "APP=x" },
				{ "linking", "--weight", "APP=2" }, { "linking", "--max-cases", "1" } }) {
			Run run = evaluate(args);
			assertThat(run.rc()).as(String.join(" ", args)).isEqualTo(2);
			assertThat(run.err().strip()).startsWith("fanzha evaluate linking: ").doesNotContain("\n");
		}
		assertThat(evaluate("linking", "--preset", "galactic").err()).contains("Unknown preset 'galactic'");
		assertThat(evaluate("linking", "--weight", "PLANET=1").err()).contains("no identifier kind 'PLANET'");
	}

}
