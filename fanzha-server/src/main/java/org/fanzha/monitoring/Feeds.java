package org.fanzha.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Transfer feeds, stored whole before they are acknowledged. */
@Repository
class Feeds {

	private final JdbcClient jdbc;

	Feeds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String bank, Instant at, int transfers, String payload) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO monitoring_feed (bank, received_at, transfers, payload, status, processed)
				VALUES (?, ?, ?, ?, 'QUEUED', 0)""")
			.params(bank, Timestamp.from(at), transfers, payload)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<FeedIntake.FeedView> byId(long id) {
		return jdbc.sql("SELECT * FROM monitoring_feed WHERE id = ?").param(id).query(Feeds::view).optional();
	}

	String payload(long id) {
		return jdbc.sql("SELECT payload FROM monitoring_feed WHERE id = ?").param(id).query(String.class).single();
	}

	List<Long> unfinished() {
		return jdbc.sql("SELECT id FROM monitoring_feed WHERE status IN ('QUEUED', 'RUNNING') ORDER BY id")
			.query(Long.class)
			.list();
	}

	void progress(long id, String status, int processed, String results, Instant finished) {
		jdbc.sql("UPDATE monitoring_feed SET status = ?, processed = ?, results = ?, finished_at = ? WHERE id = ?")
			.params(status, processed, results, finished == null ? null : Timestamp.from(finished), id)
			.update();
	}

	private static FeedIntake.FeedView view(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new FeedIntake.FeedView(rs.getLong("id"), rs.getString("bank"),
				rs.getTimestamp("received_at").toInstant(), rs.getInt("transfers"), rs.getString("status"),
				rs.getInt("processed"), FeedIntake.counts(rs.getString("results")),
				finished == null ? null : finished.toInstant());
	}

}
