package org.fanzha.linking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case groups referred to the procuratorate. */
@Repository
class Referrals {

	private final JdbcClient jdbc;

	Referrals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(CaseLinkage.Referral r, List<String> caseNumbers) {
		jdbc.sql(
				"""
						INSERT INTO linking_referral (group_key, procuratorate, cases, case_numbers, referred_by, referred_at, note)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(r.groupKey(), r.procuratorate(), r.cases(), String.join("\n", caseNumbers), r.referredBy(),
					Timestamp.from(r.referredAt()), r.note())
			.update();
	}

	Map<String, CaseLinkage.Referral> all() {
		Map<String, CaseLinkage.Referral> out = new HashMap<>();
		jdbc.sql("SELECT * FROM linking_referral")
			.query((rs, n) -> new CaseLinkage.Referral(rs.getString("group_key"), rs.getString("procuratorate"),
					rs.getInt("cases"), rs.getString("referred_by"), rs.getTimestamp("referred_at").toInstant(),
					rs.getString("note")))
			.list()
			.forEach(r -> out.put(r.groupKey(), r));
		return out;
	}

	/** [groups referred, cases in them] in [from, to). */
	long[] count(Instant from, Instant to) {
		return jdbc.sql(
				"SELECT COUNT(*) AS n, COALESCE(SUM(cases), 0) AS c FROM linking_referral WHERE referred_at >= ? AND referred_at < ?")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new long[] { rs.getLong("n"), rs.getLong("c") })
			.single();
	}

}
