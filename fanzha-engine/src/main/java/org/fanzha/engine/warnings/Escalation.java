package org.fanzha.engine.warnings;

import java.time.Instant;

/*
 * Decides whether an open dissuasion task (劝阻任务) moves up the channel ladder SMS ⇒ phone call (96110) ⇒
 * in-person visit (DOMAIN.md §3 "Warning and dissuasion": the three channels by risk grade; the ladder is the same
 * order). A pure function of the task and the caller's time:
 *   1. UNREACHABLE: failed contact attempts on the current channel >= maxAttempts (default 3, an assumption:
 *      SMS not delivered, call not answered, nobody at the door) ⇒ escalate;
 *   2. OVERDUE: now is at or after the task's deadline (the deadline instant itself is overdue; one nanosecond before
 *      is not) ⇒ escalate;
 *   3. otherwise keep the task as it is.
 * Escalating gives the next channel, its grade, zero attempts and a fresh deadline (now + the new channel's
 * Deadlines entry). A visit has no heavier channel: an unreachable or overdue visit is referred up the linkage
 * (the county bureau's anti-fraud unit) with the task unchanged. Closed tasks (the person was reached) are not
 * passed here.
 */
/** Escalation of an open dissuasion task when unreachable or overdue. */
public final class Escalation {

	/**
	 * An open dissuasion task: its grade, the channel in use, when it is due and the
	 * failed attempts so far.
	 */
	public record Task(String taskId, Grade grade, Channel channel, Instant deadline, int failedAttempts) {

		public Task {
			if (taskId == null || taskId.isBlank() || grade == null || channel == null || deadline == null
					|| failedAttempts < 0) {
				throw new IllegalArgumentException("task id, grade, channel, deadline required; attempts >= 0");
			}
		}
	}

	public enum Action {

		KEEP, ESCALATE, REFER_UP

	}

	/**
	 * The action, its reason code (null for KEEP) and Chinese text, and the task from now
	 * on.
	 */
	public record Decision(Action action, String reasonCode, String text, Task task) {
	}

	/**
	 * Default number of failed attempts that makes a person unreachable on a channel
	 * (assumption).
	 */
	public static final int DEFAULT_MAX_ATTEMPTS = 3;

	private final int maxAttempts;

	private final Deadlines deadlines;

	public Escalation() {
		this(DEFAULT_MAX_ATTEMPTS, Deadlines.DEFAULTS);
	}

	public Escalation(int maxAttempts, Deadlines deadlines) {
		if (maxAttempts < 1 || deadlines == null) {
			throw new IllegalArgumentException("maxAttempts >= 1 and deadlines are required");
		}
		this.maxAttempts = maxAttempts;
		this.deadlines = deadlines;
	}

	public Decision decide(Task task, Instant now) {
		if (task == null || now == null) {
			throw new IllegalArgumentException("task and now are required");
		}
		String code;
		String text;
		if (task.failedAttempts() >= maxAttempts) {
			code = "UNREACHABLE";
			text = "已尝试" + task.failedAttempts() + "次仍无法联系本人";
		}
		else if (!now.isBefore(task.deadline())) {
			code = "OVERDUE";
			text = "劝阻任务已到期未完成";
		}
		else {
			return new Decision(Action.KEEP, null, "劝阻任务进行中", task);
		}
		if (task.channel() == Channel.VISIT) {
			return new Decision(Action.REFER_UP, code, text + "，上报县级公安机关反诈部门", task);
		}
		Channel next = task.channel().next();
		Grade grade = next.grade().compareTo(task.grade()) > 0 ? next.grade() : task.grade();
		Task escalated = new Task(task.taskId(), grade, next, deadlines.due(next, now), 0);
		return new Decision(Action.ESCALATE, code, text + "，升级为" + (next == Channel.VISIT ? "见面劝阻" : "电话劝阻"),
				escalated);
	}

}
