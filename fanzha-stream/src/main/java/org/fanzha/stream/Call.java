package org.fanzha.stream;

/**
 * A call or text record of the {@code calls} topic (calls.v1.json) as the job uses it:
 * numbers as longs (the callee without its "+"), absent cell, handset and region as
 * {@link org.fanzha.engine.telecom.SimMonitor#UNKNOWN}, the server's reading
 * ({@code SimControl.records}). A Flink POJO.
 */
public class Call {

	public String operator;

	/** A call (true) or a text (false). */
	public boolean call;

	public long caller;

	public long callee;

	/** Epoch seconds. */
	public long time;

	public int durationSeconds;

	public boolean answered;

	public long cell;

	public long imei;

	public long calleeRegion;

	public Call() {
	}

}
