package org.fanzha.engine.graph;

import java.util.Arrays;

/**
 * Append-only primitive columns in fixed chunks of 2^20 entries: growing never copies
 * what is stored, so a column of 50 million entries costs its entries plus a small chunk
 * table, never twice its size while it grows (as a doubling array would).
 */
final class Columns {

	static final int SHIFT = 20;

	static final int CHUNK = 1 << SHIFT;

	static final int MASK = CHUNK - 1;

	private Columns() {
	}

	static final class Ints {

		private int[][] chunks = new int[4][];

		int get(int i) {
			return chunks[i >>> SHIFT][i & MASK];
		}

		void set(int i, int v) {
			int c = i >>> SHIFT;
			if (c >= chunks.length) {
				chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
			}
			int[] chunk = chunks[c];
			if (chunk == null) {
				chunk = chunks[c] = new int[CHUNK];
			}
			chunk[i & MASK] = v;
		}

		/** Like set, for sparse indices: unset entries read as {@code missing}. */
		int getOrDefault(int i, int missing) {
			int c = i >>> SHIFT;
			if (c >= chunks.length || chunks[c] == null) {
				return missing;
			}
			return chunks[c][i & MASK];
		}

		long bytes() {
			long n = 0;
			for (int[] c : chunks) {
				n += c == null ? 0 : 4L * c.length + 16;
			}
			return n + 8L * chunks.length;
		}

	}

	static final class Longs {

		private long[][] chunks = new long[4][];

		long get(int i) {
			return chunks[i >>> SHIFT][i & MASK];
		}

		void set(int i, long v) {
			int c = i >>> SHIFT;
			if (c >= chunks.length) {
				chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
			}
			long[] chunk = chunks[c];
			if (chunk == null) {
				chunk = chunks[c] = new long[CHUNK];
			}
			chunk[i & MASK] = v;
		}

		long bytes() {
			long n = 0;
			for (long[] c : chunks) {
				n += c == null ? 0 : 8L * c.length + 16;
			}
			return n + 8L * chunks.length;
		}

	}

	static final class Bytes {

		private byte[][] chunks = new byte[4][];

		byte get(int i) {
			return chunks[i >>> SHIFT][i & MASK];
		}

		void set(int i, byte v) {
			int c = i >>> SHIFT;
			if (c >= chunks.length) {
				chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
			}
			byte[] chunk = chunks[c];
			if (chunk == null) {
				chunk = chunks[c] = new byte[CHUNK];
			}
			chunk[i & MASK] = v;
		}

		long bytes() {
			long n = 0;
			for (byte[] c : chunks) {
				n += c == null ? 0 : c.length + 16L;
			}
			return n + 8L * chunks.length;
		}

	}

}
