package org.fanzha.sim.world;

import java.time.LocalDate;
import java.util.List;

import org.fanzha.core.Beijing;
import org.fanzha.sim.typology.Typology;

/**
 * Knobs of a simulated world. Presets fix the size; everything else has documented
 * defaults (docs/simulator.md). Absolute fraud rates are scaled up by
 * {@code victimsPerMillionPerDay} so that a small world holds enough cases to work with;
 * shares and shapes follow the calibration.
 *
 * @param persons adults (18–85) in the province
 * @param days simulated days from {@code startDate}
 * @param gangs fraud gangs
 * @param victimsPerMillionPerDay new victims per million persons per day (real: about
 * 0.85, scaled)
 * @param reportProbability share of victims who ever report (assumption: under-reporting)
 * @param evasive gangs adapt: slower layering, deeper chains, aged accounts, more mixing
 * @param reactions whether and how gangs react to the platform's decisions
 * ({@link Reactions#STATIC}: never)
 * @param typologies the laundering shapes of the gangs, gang i taking
 * {@code typologies[i mod size]}; empty (the default): the simulator's own layered chains
 */
public record SimConfig(String preset, long seed, int persons, int days, LocalDate startDate, int gangs,
		double victimsPerMillionPerDay, double reportProbability, boolean evasive, Reactions reactions,
		List<Typology> typologies) {

	/** A world with the simulator's own layered mule chains. */
	public SimConfig(String preset, long seed, int persons, int days, LocalDate startDate, int gangs,
			double victimsPerMillionPerDay, double reportProbability, boolean evasive, Reactions reactions) {
		this(preset, seed, persons, days, startDate, gangs, victimsPerMillionPerDay, reportProbability, evasive,
				reactions, List.of());
	}

	/** A static world (gangs never react). */
	public SimConfig(String preset, long seed, int persons, int days, LocalDate startDate, int gangs,
			double victimsPerMillionPerDay, double reportProbability, boolean evasive) {
		this(preset, seed, persons, days, startDate, gangs, victimsPerMillionPerDay, reportProbability, evasive,
				Reactions.STATIC);
	}

	public SimConfig {
		if (persons < 100) {
			throw new IllegalArgumentException("persons must be at least 100, got " + persons);
		}
		if (days < 1 || days > 366) {
			throw new IllegalArgumentException("days must be between 1 and 366, got " + days);
		}
		if (gangs < 1) {
			throw new IllegalArgumentException("gangs must be at least 1, got " + gangs);
		}
		if (reactions == null) {
			throw new IllegalArgumentException(
					"reactions are required (Reactions.STATIC for a world that never reacts)");
		}
		if (victimsPerMillionPerDay < 0 || reportProbability < 0 || reportProbability > 1) {
			throw new IllegalArgumentException("victim rate must be >= 0 and report probability within [0, 1]");
		}
		typologies = typologies == null ? List.of() : List.copyOf(typologies);
	}

	/**
	 * The same world whose gangs launder in the given AMLSim shapes, one per gang in turn
	 * (empty: the simulator's own layered chains).
	 */
	public SimConfig withTypologies(List<Typology> shapes) {
		return new SimConfig(preset, seed, persons, days, startDate, gangs, victimsPerMillionPerDay, reportProbability,
				evasive, reactions, shapes);
	}

	/** The laundering shape of a gang, or null for the simulator's own layered chains. */
	public Typology typologyOf(int gang) {
		return typologies.isEmpty() ? null : typologies.get(gang % typologies.size());
	}

	/**
	 * The truth label of a gang's mule accounts: an AMLSim typology name or "layered".
	 */
	public String typologyLabel(int gang) {
		Typology t = typologyOf(gang);
		return t == null ? Typology.LAYERED : t.label();
	}

	public static final LocalDate DEFAULT_START = LocalDate.of(2026, 3, 1);

	/**
	 * Named sizes: tiny for tests, small for the demo, medium and large for benchmarks.
	 */
	public static SimConfig preset(String name, long seed) {
		return switch (name) {
			case "tiny" -> new SimConfig("tiny", seed, 5_000, 2, DEFAULT_START, 3, 4_000, 0.7, false);
			case "small" -> new SimConfig("small", seed, 100_000, 1, DEFAULT_START, 10, 1_500, 0.7, false);
			case "medium" -> new SimConfig("medium", seed, 1_000_000, 7, DEFAULT_START, 40, 300, 0.7, false);
			case "large" -> new SimConfig("large", seed, 10_000_000, 7, DEFAULT_START, 200, 100, 0.7, false);
			default ->
				throw new IllegalArgumentException("Unknown preset '" + name + "': use tiny, small, medium or large");
		};
	}

	public SimConfig withEvasive(boolean on) {
		return new SimConfig(preset, seed, persons, days, startDate, gangs, victimsPerMillionPerDay, reportProbability,
				on, reactions, typologies);
	}

	/** The same world whose gangs react (or not) to the platform's decisions. */
	public SimConfig withReactions(Reactions r) {
		return new SimConfig(preset, seed, persons, days, startDate, gangs, victimsPerMillionPerDay, reportProbability,
				evasive, r, typologies);
	}

	/** {@code static} or {@code reacting}. */
	public SimConfig withWorld(String world) {
		return withReactions(Reactions.named(world));
	}

	/**
	 * The same world starting on another day (the demo replays the days just before
	 * today).
	 */
	public SimConfig withStart(LocalDate start) {
		return new SimConfig(preset, seed, persons, days, start, gangs, victimsPerMillionPerDay, reportProbability,
				evasive, reactions, typologies);
	}

	public SimConfig withSize(int persons, int days) {
		return new SimConfig(preset, seed, persons, days, startDate, gangs, victimsPerMillionPerDay, reportProbability,
				evasive, reactions, typologies);
	}

	public SimConfig withFraud(int gangs, double victimsPerMillionPerDay) {
		return new SimConfig(preset, seed, persons, days, startDate, gangs, victimsPerMillionPerDay, reportProbability,
				evasive, reactions, typologies);
	}

	/** Epoch second of the start, midnight China Standard Time. */
	public long startEpochSecond() {
		return startDate.atStartOfDay().toEpochSecond(Beijing.ZONE);
	}

	public long endEpochSecond() {
		return startEpochSecond() + days * 86_400L;
	}
}
