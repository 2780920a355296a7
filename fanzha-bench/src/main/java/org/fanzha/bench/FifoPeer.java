package org.fanzha.bench;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

import org.fanzha.engine.graph.TransferGraph;
import org.postgresql.PGConnection;

/**
 * The attribution peer a bank's IT team would write: a PL/pgSQL function that replays the
 * transfers after a victim's payment in order and keeps each reached account's money as
 * FIFO lots in a temporary table — the same rules as the engine's {@code Trace} with
 * {@code Policy.FIFO}: an account reached for the first time starts with one untainted
 * lot (its balance just before, never below zero); a deposit puts the tainted part first,
 * then the rest; a withdrawal takes the oldest lots, and what it takes beyond them is
 * untraced; tainted money is followed into an account of the data within the hop limit,
 * otherwise it arrives untainted; a transfer to the same account moves nothing. Its
 * answer — the tainted money each account holds at the end — must equal the engine's
 * holdings.
 */
final class FifoPeer {

	static final String FUNCTION = """
			CREATE OR REPLACE FUNCTION fz_bench.fifo_trace(p_seed integer, p_until integer, p_max_hops integer)
			RETURNS TABLE (account integer, held bigint) LANGUAGE plpgsql AS $fn$
			DECLARE
			  r record;
			  lot record;
			  v_pos bigint := 0;
			  v_from_level integer;
			  v_traced_from boolean;
			  v_to_level integer;
			  v_left bigint;
			  v_take bigint;
			  v_traced bigint;
			  v_clean bigint;
			  v_to integer;
			  v_amount bigint;
			BEGIN
			  CREATE TEMP TABLE IF NOT EXISTS fz_traced (account integer PRIMARY KEY, level integer NOT NULL);
			  CREATE TEMP TABLE IF NOT EXISTS fz_lots (account integer NOT NULL, pos bigint NOT NULL, tainted boolean NOT NULL,
			    amount bigint NOT NULL, PRIMARY KEY (account, pos));
			  TRUNCATE fz_traced;
			  TRUNCATE fz_lots;
			  SELECT t.to_account, t.amount INTO v_to, v_amount FROM fz_bench.transfers t WHERE t.seq = p_seed;
			  IF v_to IS NULL OR (SELECT a.external FROM fz_bench.accounts a WHERE a.account = v_to) OR p_max_hops < 1 THEN
			    RETURN;
			  END IF;
			  -- the receiver of the victim's payment: its balance before, then the payment
			  SELECT greatest(0, a.opening
			      + coalesce((SELECT sum(i.amount) FROM fz_bench.transfers i WHERE i.to_account = v_to AND i.seq < p_seed), 0)
			      - coalesce((SELECT sum(o.amount) FROM fz_bench.transfers o WHERE o.from_account = v_to AND o.seq < p_seed), 0))
			    INTO v_clean FROM fz_bench.accounts a WHERE a.account = v_to;
			  INSERT INTO fz_traced VALUES (v_to, 1);
			  IF v_clean > 0 THEN
			    INSERT INTO fz_lots VALUES (v_to, v_pos, false, v_clean);
			    v_pos := v_pos + 1;
			  END IF;
			  INSERT INTO fz_lots VALUES (v_to, v_pos, true, v_amount);
			  v_pos := v_pos + 1;
			  FOR r IN SELECT t.seq, t.from_account, t.to_account, t.amount FROM fz_bench.transfers t
			      WHERE t.seq > p_seed AND t.time <= p_until ORDER BY t.seq LOOP
			    v_traced := 0;
			    SELECT f.level INTO v_from_level FROM fz_traced f WHERE f.account = r.from_account;
			    v_traced_from := FOUND;
			    IF v_traced_from AND r.to_account IS NOT DISTINCT FROM r.from_account THEN
			      CONTINUE;
			    END IF;
			    IF v_traced_from THEN
			      v_left := r.amount;
			      FOR lot IN SELECT l.pos, l.tainted, l.amount FROM fz_lots l WHERE l.account = r.from_account ORDER BY l.pos LOOP
			        EXIT WHEN v_left = 0;
			        v_take := least(v_left, lot.amount);
			        IF lot.tainted THEN
			          v_traced := v_traced + v_take;
			        END IF;
			        IF v_take = lot.amount THEN
			          DELETE FROM fz_lots l WHERE l.account = r.from_account AND l.pos = lot.pos;
			        ELSE
			          UPDATE fz_lots l SET amount = l.amount - v_take WHERE l.account = r.from_account AND l.pos = lot.pos;
			        END IF;
			        v_left := v_left - v_take;
			      END LOOP;
			      IF v_traced > 0 AND (r.to_account IS NULL OR v_from_level + 1 > p_max_hops
			          OR (SELECT a.external FROM fz_bench.accounts a WHERE a.account = r.to_account)) THEN
			        v_traced := 0;
			      END IF;
			    END IF;
			    CONTINUE WHEN r.to_account IS NULL;
			    SELECT f.level INTO v_to_level FROM fz_traced f WHERE f.account = r.to_account;
			    IF NOT FOUND THEN
			      CONTINUE WHEN v_traced = 0;
			      SELECT greatest(0, a.opening
			          + coalesce((SELECT sum(i.amount) FROM fz_bench.transfers i WHERE i.to_account = r.to_account AND i.seq < r.seq), 0)
			          - coalesce((SELECT sum(o.amount) FROM fz_bench.transfers o WHERE o.from_account = r.to_account AND o.seq < r.seq), 0))
			        INTO v_clean FROM fz_bench.accounts a WHERE a.account = r.to_account;
			      INSERT INTO fz_traced VALUES (r.to_account, v_from_level + 1);
			      IF v_clean > 0 THEN
			        INSERT INTO fz_lots VALUES (r.to_account, v_pos, false, v_clean);
			        v_pos := v_pos + 1;
			      END IF;
			    ELSIF v_traced > 0 AND v_from_level + 1 < v_to_level THEN
			      UPDATE fz_traced f SET level = v_from_level + 1 WHERE f.account = r.to_account;
			    END IF;
			    IF v_traced > 0 THEN
			      INSERT INTO fz_lots VALUES (r.to_account, v_pos, true, v_traced);
			      v_pos := v_pos + 1;
			    END IF;
			    IF r.amount > v_traced THEN
			      INSERT INTO fz_lots VALUES (r.to_account, v_pos, false, r.amount - v_traced);
			      v_pos := v_pos + 1;
			    END IF;
			  END LOOP;
			  RETURN QUERY SELECT l.account, sum(l.amount)::bigint FROM fz_lots l WHERE l.tainted
			    GROUP BY l.account HAVING sum(l.amount) > 0;
			END
			$fn$""";

	private FifoPeer() {
	}

	/**
	 * The accounts (opening balance, inside the data or not) and the index the function's
	 * balance sums need.
	 */
	static void install(Connection c, TransferGraph g) throws SQLException, IOException {
		try (Statement s = c.createStatement()) {
			s.execute("CREATE UNLOGGED TABLE fz_bench.accounts (account integer PRIMARY KEY, opening bigint NOT NULL, "
					+ "external boolean NOT NULL)");
		}
		StringBuilder line = new StringBuilder(48);
		((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI()
			.copyIn("COPY fz_bench.accounts (account, opening, external) FROM STDIN WITH (FORMAT csv)",
					lines(g.accounts(), a -> {
						line.setLength(0);
						return line.append(a)
							.append(',')
							.append(g.openingBalance(a))
							.append(',')
							.append(g.isExternal(a))
							.append('\n');
					}));
		try (Statement s = c.createStatement()) {
			s.execute("CREATE INDEX ON fz_bench.transfers (to_account, seq)");
			s.execute("ANALYZE fz_bench.accounts");
			s.execute("ANALYZE fz_bench.transfers");
			s.execute(FUNCTION);
		}
	}

	/** Tainted money held per account after the trace from {@code seed}. */
	static Map<Integer, Long> holdings(PreparedStatement call, int seed, long untilRelative, int maxHops)
			throws SQLException {
		call.setInt(1, seed);
		call.setInt(2, (int) untilRelative);
		call.setInt(3, maxHops);
		Map<Integer, Long> held = new HashMap<>();
		try (ResultSet rs = call.executeQuery()) {
			while (rs.next()) {
				held.put(rs.getInt(1), rs.getLong(2));
			}
		}
		return held;
	}

	static final String CALL = "SELECT account, held FROM fz_bench.fifo_trace(?, ?, ?)";

	/**
	 * A reader over {@code n} generated lines, for COPY without building the whole text.
	 */
	static Reader lines(int n, IntFunction<CharSequence> line) {
		return new Reader() {
			int i;

			CharSequence current = "";

			int pos;

			@Override
			public int read(char[] buf, int off, int len) {
				int k = 0;
				while (k < len) {
					if (pos == current.length()) {
						if (i == n) {
							return k == 0 ? -1 : k;
						}
						current = line.apply(i++);
						pos = 0;
					}
					int m = Math.min(len - k, current.length() - pos);
					for (int j = 0; j < m; j++) {
						buf[off + k + j] = current.charAt(pos + j);
					}
					pos += m;
					k += m;
				}
				return k;
			}

			@Override
			public void close() {
			}
		};
	}

}
