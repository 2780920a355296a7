package org.fanzha.warnings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fanzha.core.RegionCode;
import org.fanzha.engine.warnings.FraudType;
import org.fanzha.platform.InvalidFieldsException;
import org.springframework.stereotype.Service;

/**
 * The warnings' figures for a period (the dashboard, the oversight report): counts by
 * channel and outcome, by city and by fraud type, with prevented loss. Aggregates only,
 * no person's data.
 */
@Service
public class WarningStatistics {

	/** Counts and prevented loss for one group (a city, a channel, a fraud type). */
	public record Row(String key, String label, long warnings, long dissuaded, long alreadyPaid, long preventedFen) {
	}

	public record Statistics(Instant from, Instant to, long warnings, long open, long overdue, long dissuaded,
			long preventedFen, Map<String, Long> byChannel, Map<String, Long> byOutcome, List<Row> byCity,
			List<Row> byFraudType) {
	}

	private final Dissuasions tasks;

	private final Clock clock;

	WarningStatistics(Dissuasions tasks, Clock clock) {
		this.tasks = tasks;
		this.clock = clock;
	}

	/**
	 * Figures for a period: warnings by channel and outcome, by city and by fraud type,
	 * with prevented loss; aggregates only (no person's data), so the oversight
	 * statistics may read them. {@code regionPrefix} "" is everywhere.
	 */
	public Statistics statistics(Instant from, Instant to, String regionPrefix) {
		if (from == null || to == null || !from.isBefore(to)) {
			throw new InvalidFieldsException(Map.of("period", "from must be before to"));
		}
		String prefix = regionPrefix == null ? "" : regionPrefix;
		Map<String, Long> byChannel = new TreeMap<>();
		Map<String, Long> byOutcome = new TreeMap<>();
		Map<String, long[]> city = new TreeMap<>();
		Map<String, long[]> type = new TreeMap<>();
		long total = 0, open = 0, dissuaded = 0, prevented = 0;
		for (Dissuasions.Group g : tasks.groups(from, to, prefix)) {
			total += g.count();
			byChannel.merge(g.channel(), g.count(), Long::sum);
			byOutcome.merge(g.outcome() == null ? "OPEN" : g.outcome(), g.count(), Long::sum);
			if (g.outcome() == null) {
				open += g.count();
			}
			long d = "DISSUADED".equals(g.outcome()) ? g.count() : 0;
			long paid = "ALREADY_PAID".equals(g.outcome()) ? g.count() : 0;
			dissuaded += d;
			prevented += g.preventedFen();
			for (var e : List.of(Map.entry(city, g.region().substring(0, 4) + "00"), Map.entry(type, g.fraudType()))) {
				long[] acc = e.getKey().computeIfAbsent(e.getValue(), k -> new long[4]);
				acc[0] += g.count();
				acc[1] += d;
				acc[2] += paid;
				acc[3] += g.preventedFen();
			}
		}
		List<Row> cities = city.entrySet()
			.stream()
			.map(e -> new Row(e.getKey(),
					RegionCode.isValid(e.getKey()) ? RegionCode.of(e.getKey()).name().orElse(e.getKey()) : e.getKey(),
					e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
			.toList();
		List<Row> types = type.entrySet()
			.stream()
			.map(e -> new Row(e.getKey(), FraudType.valueOf(e.getKey()).label(), e.getValue()[0], e.getValue()[1],
					e.getValue()[2], e.getValue()[3]))
			.toList();
		return new Statistics(from, to, total, open, tasks.overdue(clock.instant(), prefix), dissuaded, prevented,
				byChannel, byOutcome, cities, types);
	}

}
