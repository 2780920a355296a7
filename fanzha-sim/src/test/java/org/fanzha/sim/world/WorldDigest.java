package org.fanzha.sim.world;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over everything a world emits (transfers, laundering tags, calls, texts,
 * reports, victims), in emission order: two runs with the same digest streamed the same
 * world. Used to pin the static world to its output before the reacting world existed.
 */
final class WorldDigest implements EventSink {

	private final MessageDigest sha;

	private final ByteBuffer buf = ByteBuffer.allocate(128);

	WorldDigest() {
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private void longs(int kind, long... values) {
		buf.clear();
		buf.putInt(kind);
		for (long v : values) {
			buf.putLong(v);
		}
		sha.update(buf.array(), 0, buf.position());
	}

	@Override
	public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel, int county) {
		longs(1, id, time, from, to, amountFen, channel.ordinal(), county);
	}

	@Override
	public void call(long id, long time, long caller, long callee, int durationSeconds, boolean answered, int county,
			long imei) {
		longs(2, id, time, caller, callee, durationSeconds, answered ? 1 : 0, county, imei);
	}

	@Override
	public void sms(long id, long time, long sender, long receiver, int county) {
		longs(3, id, time, sender, receiver, county);
	}

	@Override
	public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
		longs(4, transferId, chainId, gang, level, victimTransferId);
	}

	@Override
	public void caseReport(CaseReport report) {
		// field by field: a record's toString shows its arrays by identity
		sha.update(("R" + report.caseId() + "|" + report.reportTime() + "|" + report.victim() + "|" + report.type()
				+ "|" + report.county() + "|" + report.lossFen() + "|" + report.suspectAppOrUrl() + "|"
				+ report.suspectIm())
			.getBytes(StandardCharsets.UTF_8));
		for (long t : report.reportedTransfers()) {
			longs(5, t);
		}
		for (long p : report.suspectPhones()) {
			longs(6, p);
		}
	}

	@Override
	public void victim(VictimRecord victim) {
		sha.update(("V" + victim).getBytes(StandardCharsets.UTF_8));
	}

	String hex() {
		return HexFormat.of().formatHex(sha.digest());
	}

	/** Prints the digest of a preset's world: {@code WorldDigest PRESET SEED}. */
	public static void main(String[] args) {
		World w = new World(SimConfig.preset(args[0], Long.parseLong(args[1])));
		WorldDigest d = new WorldDigest();
		new Simulator(w).run(d);
		System.out.println(d.hex());
	}

}
