package org.fanzha.warnings;

import java.time.Duration;
import java.util.Map;

import org.fanzha.engine.warnings.Deadlines;
import org.fanzha.engine.warnings.Dedup;
import org.fanzha.engine.warnings.FraudType;
import org.fanzha.engine.warnings.WarningGrader;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of early warning; every default is an assumption (DOMAIN.md §3 gives the
 * channels, not the times) and is explained in docs/warnings.md.
 *
 * @param smsDeadline, callDeadline, visitDeadline how soon each channel must be carried
 * out
 * @param smsWindow, callWindow, visitWindow de-duplication: at most one warning per
 * person and channel per window
 * @param longCallSeconds an answered call at least this long is a long call
 * @param repeatedContacts this many calls/texts from fraud numbers make repeated contact
 * @param lookBack signals older than this (before the newest) no longer count
 * @param maxAttempts failed contact attempts that make a person unreachable on a channel
 * @param assumedLossYuan the loss a dissuaded person would have suffered when nobody
 * knows the amount, per fraud type (name of {@link FraudType}); UNKNOWN is the fallback
 */
@ConfigurationProperties("fanzha.warnings")
public record WarningsProperties(@DefaultValue("10m") Duration smsDeadline, @DefaultValue("30m") Duration callDeadline,
		@DefaultValue("2h") Duration visitDeadline, @DefaultValue("1h") Duration smsWindow,
		@DefaultValue("1h") Duration callWindow, @DefaultValue("24h") Duration visitWindow,
		@DefaultValue("180") int longCallSeconds, @DefaultValue("2") int repeatedContacts,
		@DefaultValue("72h") Duration lookBack, @DefaultValue("3") int maxAttempts, Map<String, Long> assumedLossYuan) {

	/**
	 * Median-like losses per type; the simulator's calibration values (DOMAIN.md §5 ranks
	 * the types, not amounts).
	 */
	static final Map<String, Long> DEFAULT_LOSS_YUAN = Map.of("TASK_REBATE", 8_000L, "FAKE_INVESTMENT", 50_000L,
			"FAKE_LOAN", 5_000L, "FAKE_CUSTOMER_SERVICE", 15_000L, "FAKE_POLICE", 40_000L, "ROMANCE", 100_000L,
			"FAKE_BOSS", 30_000L, "FAKE_CREDIT", 10_000L, "GAME_TRADING", 3_000L, "UNKNOWN", 10_000L);

	public WarningsProperties {
		assumedLossYuan = assumedLossYuan == null || assumedLossYuan.isEmpty() ? DEFAULT_LOSS_YUAN
				: Map.copyOf(assumedLossYuan);
		for (Map.Entry<String, Long> e : assumedLossYuan.entrySet()) {
			FraudType.valueOf(e.getKey()); // a misspelt type fails at start-up, not at
											// the first dissuasion
			if (e.getValue() == null || e.getValue() < 0) {
				throw new IllegalArgumentException("fanzha.warnings.assumed-loss-yuan." + e.getKey() + " must be >= 0");
			}
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("fanzha.warnings.max-attempts must be >= 1");
		}
	}

	Deadlines deadlines() {
		return new Deadlines(smsDeadline, callDeadline, visitDeadline);
	}

	Dedup.Windows windows() {
		return new Dedup.Windows(smsWindow, callWindow, visitWindow);
	}

	WarningGrader.Thresholds thresholds() {
		return new WarningGrader.Thresholds(longCallSeconds, repeatedContacts, lookBack);
	}

	/** The assumed loss of a type in fen. */
	long assumedLossFen(FraudType type) {
		Long yuan = assumedLossYuan.get(type.name());
		if (yuan == null) {
			yuan = assumedLossYuan.getOrDefault("UNKNOWN", 10_000L);
		}
		return yuan * 100;
	}
}
