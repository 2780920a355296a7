package org.fanzha.sim.importers;

import java.util.Arrays;

import org.fanzha.core.KeyIndex;
import org.fanzha.sim.io.CsvFile;

/**
 * The accounts of an import, numbered in order of first appearance, with what
 * accounts.csv and truth/mule_accounts.csv need: opening balance, institution, mule flag
 * and first laundering chain, and one spare number per account for the format (AMLSim's
 * fraudStep). Parallel primitive arrays, so millions of accounts stay cheap; transfers
 * themselves are never held.
 */
final class Accounts {

	private final KeyIndex ids = new KeyIndex();

	private long[] opening = new long[256];

	private long[] aux; // made on first use: only some formats need it

	private int[] institution = new int[256];

	private int[] chain; // entry + 1, 0 = none; made on first use

	private boolean[] mule = new boolean[256];

	int size() {
		return ids.size();
	}

	/**
	 * Writes the account id as a CSV field straight from the index's arena (quoted the
	 * slow way if it must be).
	 */
	void writeId(CsvFile f, int account) {
		byte[] arena = ids.arena();
		int s = ids.keyStart(account);
		int e = ids.keyEnd(account);
		for (int k = s; k < e; k++) {
			byte c = arena[k];
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				f.text(ids.name(account));
				return;
			}
		}
		f.bytes(arena, s, e - s);
	}

	String id(int account) {
		return ids.name(account);
	}

	int get(byte[] b, int off, int len) {
		return ids.get(b, off, len);
	}

	/**
	 * The account for this id; a new one has opening balance 0, no institution, no chain,
	 * not a mule.
	 */
	int getOrAdd(byte[] b, int off, int len) {
		int a = ids.getOrAdd(b, off, len);
		if (ids.added()) {
			if (a == opening.length) {
				int n = a * 2;
				opening = Arrays.copyOf(opening, n);
				institution = Arrays.copyOf(institution, n);
				mule = Arrays.copyOf(mule, n);
				if (aux != null) {
					aux = Arrays.copyOf(aux, n);
				}
				if (chain != null) {
					chain = Arrays.copyOf(chain, n);
				}
			}
			institution[a] = -1;
		}
		return a;
	}

	/** Whether the last {@link #getOrAdd} made a new account. */
	boolean added() {
		return ids.added();
	}

	long opening(int a) {
		return opening[a];
	}

	void setOpening(int a, long fen) {
		opening[a] = fen;
	}

	long aux(int a) {
		return aux == null ? 0 : aux[a];
	}

	void setAux(int a, long v) {
		if (aux == null) {
			aux = new long[opening.length];
		}
		aux[a] = v;
	}

	int institution(int a) {
		return institution[a];
	}

	void setInstitution(int a, int i) {
		institution[a] = i;
	}

	boolean isMule(int a) {
		return mule[a];
	}

	/**
	 * Marks a mule; its first chain (an index into the run's chains, or -1) is kept from
	 * the first call.
	 */
	void markMule(int a, int chainIndex) {
		mule[a] = true;
		if (chainIndex >= 0) {
			if (chain == null) {
				chain = new int[opening.length];
			}
			if (chain[a] == 0) {
				chain[a] = chainIndex + 1;
			}
		}
	}

	/** The first chain of a mule account, or -1. */
	int chain(int a) {
		return chain == null ? -1 : chain[a] - 1;
	}

}
