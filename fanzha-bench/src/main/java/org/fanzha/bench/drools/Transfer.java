package org.fanzha.bench.drools;

/**
 * A transfer as a Drools event ({@code @role(event)}, declared in monitor-common.drl):
 * the rules' sliding windows count and sum these.
 */
public final class Transfer extends Payment {

	private final long timestamp;

	public Transfer(int from, int to, long amountFen, long epochMillis) {
		super(from, to, amountFen);
		this.timestamp = epochMillis;
	}

	public long getTimestamp() {
		return timestamp;
	}

}
