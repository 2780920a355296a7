package org.fanzha.engine.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fanzha.core.KeyIndex;

/**
 * A temporal transfer graph: every transfer ever ingested, append-only, in time order,
 * with each account's outgoing and incoming transfers reachable in time order.
 *
 * <p>
 * Layout (struct of arrays in {@link Columns chunked columns}): per transfer a time (int
 * seconds from 2000-01-01 +08:00), from and to account (int; -1 when money leaves the
 * banking system), amount (long fen), channel (byte code), and two int links — the next
 * transfer out of the same sender and into the same receiver — so an account's history is
 * a linked list threaded through the columns rather than a list object per account.
 * Transfer ids of the form {@code <prefix><number>} (every Fanzha dataset: {@code T123})
 * cost one int in a dense number-to-index column; other ids fall back to a
 * {@link KeyIndex}. That is 33 bytes per transfer, about 1.6 GiB for 50 million, plus the
 * account tables.
 *
 * <p>
 * Ingestion is O(1) and allocates nothing per transfer. Transfers must arrive in
 * non-decreasing time (a stream or a sorted file), which is what makes index order equal
 * time order: tracing sweeps indices.
 */
public final class TransferGraph {

	/** 2000-01-01T00:00+08:00: times are stored as int seconds from here (until 2068). */
	public static final long EPOCH_BASE = 946_656_000L;

	public static final int NONE = -1;

	private final Columns.Ints time = new Columns.Ints();

	private final Columns.Ints from = new Columns.Ints();

	private final Columns.Ints to = new Columns.Ints();

	private final Columns.Longs amount = new Columns.Longs();

	private final Columns.Bytes channel = new Columns.Bytes();

	private final Columns.Ints nextOut = new Columns.Ints();

	private final Columns.Ints nextIn = new Columns.Ints();

	private final Columns.Ints byNumber = new Columns.Ints();

	private final Columns.Ints numberOf = new Columns.Ints();

	private KeyIndex otherIds;

	private int[] otherIdOfTransfer = new int[0];

	private int[] transferOfOtherId = new int[0];

	private String idPrefix;

	private int transfers;

	private long lastTime = Long.MIN_VALUE;

	// accounts
	private final KeyIndex accountIds = new KeyIndex();

	private long[] opening = new long[1 << 10];

	private int[] firstOut = new int[1 << 10];

	private int[] lastOut = new int[1 << 10];

	private int[] firstIn = new int[1 << 10];

	private int[] lastIn = new int[1 << 10];

	private byte[] accountFlags = new byte[1 << 10];

	/** Running balance and event count per account, for checkpoints. */
	private long[] balance = new long[1 << 10];

	private int[] events = new int[1 << 10];

	/**
	 * Every {@link #CHECKPOINT_EVERY} transfers of an account: (transfer index, balance
	 * after it, last transfer in and out up to it), so the balance of a busy account at
	 * any moment is found by a binary search and a short walk instead of a walk over its
	 * whole history. Only busy accounts have any.
	 */
	private final IntMap<Checkpoints> checkpoints = new IntMap<>();

	static final int CHECKPOINT_EVERY = 64;

	static final class Checkpoints {

		int n;

		int[] at = new int[8];

		long[] balance = new long[8];

		int[] lastIn = new int[8];

		int[] lastOut = new int[8];

		void add(int index, long bal, int in, int out) {
			if (n == at.length) {
				at = Arrays.copyOf(at, n * 2);
				balance = Arrays.copyOf(balance, n * 2);
				lastIn = Arrays.copyOf(lastIn, n * 2);
				lastOut = Arrays.copyOf(lastOut, n * 2);
			}
			at[n] = index;
			balance[n] = bal;
			lastIn[n] = in;
			lastOut[n] = out;
			n++;
		}

		/** The last checkpoint strictly before {@code index}, or -1. */
		int before(int index) {
			int lo = 0;
			int hi = n - 1;
			int found = -1;
			while (lo <= hi) {
				int mid = (lo + hi) >>> 1;
				if (at[mid] < index) {
					found = mid;
					lo = mid + 1;
				}
				else {
					hi = mid - 1;
				}
			}
			return found;
		}

	}

	/**
	 * The account's state just before transfer {@code index}: its balance and last
	 * transfers in and out.
	 */
	public record StateBefore(long balance, int lastIn, int lastOut) {
	}

	/**
	 * The account's first outgoing transfer after transfer {@code index} (by index, which
	 * is time order), or {@link #NONE}: a binary search over the account's checkpoints
	 * and a walk of at most {@link #CHECKPOINT_EVERY} of its transfers, instead of a walk
	 * from its first transfer.
	 */
	public int firstOutAfter(int account, int index) {
		int t = firstOut[account];
		if (t == NONE || t > index) {
			return t;
		}
		if (lastOut[account] <= index) {
			return NONE;
		}
		Checkpoints c = checkpoints.get(account);
		if (c != null) {
			int k = c.before(index + 1);
			if (k >= 0 && c.lastOut[k] != NONE) {
				t = c.lastOut[k];
			}
		}
		while (t != NONE && t <= index) {
			t = nextOut(t);
		}
		return t;
	}

	public StateBefore stateBefore(int account, int index) {
		long bal = opening[account];
		int lastInT = NONE;
		int lastOutT = NONE;
		Checkpoints c = checkpoints.get(account);
		if (c != null) {
			int k = c.before(index);
			if (k >= 0) {
				bal = c.balance[k];
				lastInT = c.lastIn[k];
				lastOutT = c.lastOut[k];
			}
		}
		for (int t = lastInT == NONE ? firstIn[account] : nextIn(lastInT); t != NONE && t < index; t = nextIn(t)) {
			bal += amount(t);
			lastInT = t;
		}
		for (int t = lastOutT == NONE ? firstOut[account] : nextOut(lastOutT); t != NONE && t < index; t = nextOut(t)) {
			bal -= amount(t);
			lastOutT = t;
		}
		return new StateBefore(bal, lastInT, lastOutT);
	}

	/**
	 * The account is not in the account list of the data (money that reaches it has left
	 * the data).
	 */
	public static final byte EXTERNAL = 1;

	private final List<String> channels = new ArrayList<>();

	private final KeyIndex channelIds = new KeyIndex();

	// ------------------------------------------------------------------ accounts

	/**
	 * Declares an account with its opening balance (untainted money, first in). Returns
	 * its index.
	 */
	public int addAccount(String id, long openingBalanceFen) {
		int a = account(id);
		accountFlags[a] &= ~EXTERNAL;
		balance[a] += openingBalanceFen - opening[a];
		opening[a] = openingBalanceFen;
		return a;
	}

	private int account(String id) {
		if (id == null || id.isEmpty()) {
			throw new IllegalArgumentException("empty account id");
		}
		int a = accountIds.getOrAdd(id);
		if (accountIds.added()) {
			ensureAccounts(a + 1);
			firstOut[a] = lastOut[a] = firstIn[a] = lastIn[a] = NONE;
			accountFlags[a] = EXTERNAL;
		}
		return a;
	}

	private void ensureAccounts(int n) {
		if (n > opening.length) {
			int c = Math.max(n, opening.length * 2);
			opening = Arrays.copyOf(opening, c);
			firstOut = Arrays.copyOf(firstOut, c);
			balance = Arrays.copyOf(balance, c);
			events = Arrays.copyOf(events, c);
			lastOut = Arrays.copyOf(lastOut, c);
			firstIn = Arrays.copyOf(firstIn, c);
			lastIn = Arrays.copyOf(lastIn, c);
			accountFlags = Arrays.copyOf(accountFlags, c);
		}
	}

	public int accountIndex(String id) {
		return accountIds.get(id);
	}

	public String accountId(int a) {
		return accountIds.name(a);
	}

	public int accounts() {
		return accountIds.size();
	}

	public long openingBalance(int a) {
		return opening[a];
	}

	public boolean isExternal(int a) {
		return (accountFlags[a] & EXTERNAL) != 0;
	}

	public int firstOut(int a) {
		return firstOut[a];
	}

	public int firstIn(int a) {
		return firstIn[a];
	}

	public int lastOut(int a) {
		return lastOut[a];
	}

	// ------------------------------------------------------------------ transfers

	/**
	 * Appends a transfer. {@code toAccount} null means the money left the banking system
	 * (ATM, crypto OTC); an account not declared with {@link #addAccount} is created as
	 * {@link #EXTERNAL}. Returns the index.
	 */
	public int append(String transferId, long epochSecond, String fromAccount, String toAccount, long amountFen,
			String channelName) {
		int f = account(fromAccount);
		int t = toAccount == null || toAccount.isEmpty() ? NONE : account(toAccount);
		return append(transferId, epochSecond, f, t, amountFen, channelCode(channelName));
	}

	/**
	 * The allocation-free path for numbered ids ({@code T<number>}, as every Fanzha
	 * dataset has): accounts and channel already resolved.
	 */
	public int appendNumbered(int number, long epochSecond, int fromAccount, int toAccount, long amountFen,
			byte channelCode) {
		if (otherIds != null || (idPrefix != null && !idPrefix.equals("T")) || number < 0) {
			return append("T" + number, epochSecond, fromAccount, toAccount, amountFen, channelCode);
		}
		check(number, epochSecond, fromAccount, toAccount, amountFen);
		if (byNumber.getOrDefault(number, 0) != 0) {
			throw new IllegalArgumentException("duplicate transfer id T" + number);
		}
		idPrefix = "T";
		byNumber.set(number, transfers + 1);
		numberOf.set(transfers, number);
		return store(epochSecond, fromAccount, toAccount, amountFen, channelCode);
	}

	private void check(Object id, long epochSecond, int fromAccount, int toAccount, long amountFen) {
		if (amountFen <= 0) {
			throw new IllegalArgumentException("transfer " + id + ": amount must be > 0 fen, got " + amountFen);
		}
		if (epochSecond < lastTime) {
			throw new IllegalArgumentException("transfer " + id + " is out of time order: "
					+ Instant.ofEpochSecond(epochSecond) + " after " + Instant.ofEpochSecond(lastTime));
		}
		if (fromAccount < 0 || fromAccount >= accounts() || toAccount >= accounts()) {
			throw new IllegalArgumentException("transfer " + id + ": unknown account index");
		}
		long rel = epochSecond - EPOCH_BASE;
		if (rel < 0 || rel > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("transfer " + id + ": time outside 2000-2068");
		}
	}

	/** The allocation-free path: accounts and channel already resolved. */
	public int append(String transferId, long epochSecond, int fromAccount, int toAccount, long amountFen,
			byte channelCode) {
		check(transferId, epochSecond, fromAccount, toAccount, amountFen);
		registerId(transferId, transfers);
		return store(epochSecond, fromAccount, toAccount, amountFen, channelCode);
	}

	private int store(long epochSecond, int fromAccount, int toAccount, long amountFen, byte channelCode) {
		int i = transfers;
		lastTime = epochSecond;
		time.set(i, (int) (epochSecond - EPOCH_BASE));
		from.set(i, fromAccount);
		to.set(i, toAccount);
		amount.set(i, amountFen);
		channel.set(i, channelCode);
		nextOut.set(i, NONE);
		nextIn.set(i, NONE);
		if (lastOut[fromAccount] == NONE) {
			firstOut[fromAccount] = i;
		}
		else {
			nextOut.set(lastOut[fromAccount], i);
		}
		lastOut[fromAccount] = i;
		balance[fromAccount] -= amountFen;
		if (++events[fromAccount] % CHECKPOINT_EVERY == 0) {
			checkpoint(fromAccount, i);
		}
		if (toAccount != NONE) {
			if (lastIn[toAccount] == NONE) {
				firstIn[toAccount] = i;
			}
			else {
				nextIn.set(lastIn[toAccount], i);
			}
			lastIn[toAccount] = i;
			balance[toAccount] += amountFen;
			if (++events[toAccount] % CHECKPOINT_EVERY == 0) {
				checkpoint(toAccount, i);
			}
		}
		transfers = i + 1;
		return i;
	}

	private void checkpoint(int account, int index) {
		Checkpoints c = checkpoints.get(account);
		if (c == null) {
			c = new Checkpoints();
			checkpoints.put(account, c);
		}
		c.add(index, balance[account], lastIn[account], lastOut[account]);
	}

	/** Resolves (creating if needed) an account for the allocation-free append. */
	public int accountFor(String id) {
		return account(id);
	}

	public byte channelCode(String name) {
		String n = name == null || name.isEmpty() ? "UNKNOWN" : name;
		int c = channelIds.getOrAdd(n);
		if (channelIds.added()) {
			if (c > 127) {
				throw new IllegalArgumentException("more than 128 channels");
			}
			channels.add(n);
		}
		return (byte) c;
	}

	private void registerId(String id, int index) {
		int digits = 0;
		int len = id.length();
		while (digits < len && Character.isDigit(id.charAt(len - 1 - digits))) {
			digits++;
		}
		String prefix = id.substring(0, len - digits);
		if (digits > 0 && digits <= 9 && (idPrefix == null || idPrefix.equals(prefix)) && otherIds == null) {
			int number = Integer.parseInt(id, len - digits, len, 10);
			if (byNumber.getOrDefault(number, 0) != 0) {
				throw new IllegalArgumentException("duplicate transfer id " + id);
			}
			idPrefix = prefix;
			byNumber.set(number, index + 1);
			numberOf.set(index, number);
			return;
		}
		if (otherIds == null) {
			// ids stopped following one pattern: index every id by its text from here on
			KeyIndex ids = new KeyIndex();
			otherIdOfTransfer = new int[Math.max(16, index * 2)];
			transferOfOtherId = new int[Math.max(16, index * 2)];
			for (int k = 0; k < index; k++) {
				ids.getOrAdd(transferId(k));
				otherIdOfTransfer[k] = k;
				transferOfOtherId[k] = k;
			}
			otherIds = ids;
		}
		int k = otherIds.getOrAdd(id);
		if (!otherIds.added()) {
			throw new IllegalArgumentException("duplicate transfer id " + id);
		}
		if (index >= otherIdOfTransfer.length) {
			otherIdOfTransfer = Arrays.copyOf(otherIdOfTransfer, index * 2 + 16);
		}
		if (k >= transferOfOtherId.length) {
			transferOfOtherId = Arrays.copyOf(transferOfOtherId, k * 2 + 16);
		}
		otherIdOfTransfer[index] = k;
		transferOfOtherId[k] = index;
	}

	/** The index of a transfer id, or -1. */
	public int transferIndex(String id) {
		if (otherIds != null) {
			int k = otherIds.get(id);
			return k < 0 ? NONE : transferOfOtherId[k];
		}
		if (idPrefix == null || !id.startsWith(idPrefix) || id.length() == idPrefix.length()
				|| id.length() - idPrefix.length() > 9) {
			return NONE;
		}
		for (int c = idPrefix.length(); c < id.length(); c++) {
			if (!Character.isDigit(id.charAt(c))) {
				return NONE;
			}
		}
		int number = Integer.parseInt(id, idPrefix.length(), id.length(), 10);
		return byNumber.getOrDefault(number, 0) - 1;
	}

	public String transferId(int i) {
		if (otherIds != null && i < otherIdOfTransfer.length) {
			return otherIds.name(otherIdOfTransfer[i]);
		}
		return idPrefix + numberOf.get(i);
	}

	public int transfers() {
		return transfers;
	}

	public long time(int i) {
		return EPOCH_BASE + time.get(i);
	}

	public int from(int i) {
		return from.get(i);
	}

	public int to(int i) {
		return to.get(i);
	}

	public long amount(int i) {
		return amount.get(i);
	}

	public String channel(int i) {
		return channels.get(channel.get(i));
	}

	public int nextOut(int i) {
		return nextOut.get(i);
	}

	public int nextIn(int i) {
		return nextIn.get(i);
	}

	/** Heap held by the transfer columns, for the memory figure in docs/benchmarks.md. */
	public long transferBytes() {
		return time.bytes() + from.bytes() + to.bytes() + amount.bytes() + channel.bytes() + nextOut.bytes()
				+ nextIn.bytes() + byNumber.bytes() + numberOf.bytes();
	}

}
