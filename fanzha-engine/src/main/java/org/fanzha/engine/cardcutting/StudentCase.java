package org.fanzha.engine.cardcutting;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/*
 * A student involved in card selling, as the school handles it (seed: 预警、研判、教育、惩戒 — warning, analysis,
 * education, discipline):
 *
 *   WARNING ─▶ ANALYSIS ─▶ EDUCATION ─▶ DISCIPLINE ─▶ CLOSED
 *                  │            └──────────────────────▶ CLOSED
 *                  └─▶ CLOSED (analysis finds the student was not involved)
 *
 * One step at a time, forward only; each step records who, when and a note. The parents may be contacted at any stage
 * before the case is closed (the time of the first contact is kept, later contacts update the note). An illegal step
 * throws IllegalStateException naming both stages. Cost: O(1) per step.
 */
/**
 * The school's workflow for one student: warning, analysis, education, discipline or
 * closed; parent contact.
 */
public final class StudentCase {

	public enum Stage {

		WARNING, ANALYSIS, EDUCATION, DISCIPLINE, CLOSED;

		/** The stages this one may move to. */
		public Set<Stage> next() {
			return switch (this) {
				case WARNING -> EnumSet.of(ANALYSIS);
				case ANALYSIS -> EnumSet.of(EDUCATION, CLOSED);
				case EDUCATION -> EnumSet.of(DISCIPLINE, CLOSED);
				case DISCIPLINE -> EnumSet.of(CLOSED);
				case CLOSED -> EnumSet.noneOf(Stage.class);
			};
		}

		public String label() {
			return switch (this) {
				case WARNING -> "预警";
				case ANALYSIS -> "研判";
				case EDUCATION -> "教育";
				case DISCIPLINE -> "惩戒";
				case CLOSED -> "结案";
			};
		}

	}

	private Stage stage;

	private Instant parentContactedAt;

	private Instant changedAt;

	private StudentCase(Stage stage, Instant parentContactedAt, Instant changedAt) {
		this.stage = stage;
		this.parentContactedAt = parentContactedAt;
		this.changedAt = changedAt;
	}

	/** A new case: the school is warned about its student. */
	public static StudentCase open(Instant now) {
		if (now == null) {
			throw new IllegalArgumentException("the time is required");
		}
		return new StudentCase(Stage.WARNING, null, now);
	}

	public static StudentCase restore(Stage stage, Instant parentContactedAt, Instant changedAt) {
		if (stage == null || changedAt == null) {
			throw new IllegalArgumentException("stage and time are required");
		}
		return new StudentCase(stage, parentContactedAt, changedAt);
	}

	/** Moves to the next stage; the note (what was found or done) is required. */
	public void advance(Stage to, String actor, String note, Instant now) {
		if (to == null || actor == null || actor.isBlank() || note == null || note.isBlank() || now == null) {
			throw new IllegalArgumentException("stage, actor, note and time are required");
		}
		if (now.isBefore(changedAt)) {
			throw new IllegalArgumentException("a step cannot be earlier than the last one (" + changedAt + ")");
		}
		if (!stage.next().contains(to)) {
			throw new IllegalStateException("a case at " + stage + " cannot move to " + to + " (allowed: "
					+ (stage.next().isEmpty() ? "none, it is closed" : stage.next()) + ")");
		}
		stage = to;
		changedAt = now;
	}

	/** The parents were contacted; answers whether this was the first contact. */
	public boolean contactParents(String actor, String note, Instant now) {
		if (actor == null || actor.isBlank() || note == null || note.isBlank() || now == null) {
			throw new IllegalArgumentException("actor, note and time are required");
		}
		if (stage == Stage.CLOSED) {
			throw new IllegalStateException("the case is closed: no parent contact is recorded on it");
		}
		if (parentContactedAt == null) {
			parentContactedAt = now;
			return true;
		}
		return false;
	}

	public Stage stage() {
		return stage;
	}

	public Instant parentContactedAt() {
		return parentContactedAt;
	}

	public Instant changedAt() {
		return changedAt;
	}

}
